/**
 * A product team's fresh Vite + React + TypeScript app, made without the network: the scaffold a
 * `npm create vite` template would write, dependencies at the versions this repo pins, and a
 * package-lock.json cut from the repo's own lockfile (so npm finds every tarball in the cache that
 * `npm ci` filled), plus the widgets tarball.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
  [key: string]: unknown;
}

/** `npm pack`s the widgets package into `dir`; returns the tarball's path. */
export function packWidgets(dir: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: join(ROOT, 'widgets'),
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as { filename: string }[];
  return join(dir, packed!.filename);
}

/** The versions the repo pins (root devDependencies), for the app's package.json. */
function pinned(...names: string[]): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return Object.fromEntries(names.map((n) => [n, pkg.devDependencies[n]!]));
}

/**
 * The entries of the repo's lockfile that the app needs: from its direct dependencies, every
 * dependency (and peer) found the way Node resolves it (the nearest node_modules up the tree),
 * keeping the repo's layout.
 */
function lockClosure(direct: string[]): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const out: Record<string, LockEntry> = {};
  const find = (name: string, from: string): string | undefined => {
    for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[path] && !lock.packages[path].link) return path;
      if (!dir) return undefined;
    }
  };
  const visit = (path: string): void => {
    if (out[path]) return;
    const entry = lock.packages[path]!;
    out[path] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const name of [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers[n]?.optional),
    ]) {
      const dep = find(name, path);
      if (dep) visit(dep);
    }
  };
  for (const name of direct) {
    const path = find(name, '');
    if (!path) throw new Error(`${name} is not in package-lock.json`);
    visit(path);
  }
  return out;
}

function sri(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * Writes the app into `dir` (package.json, lockfile, index.html, vite and TypeScript config,
 * src/main.tsx), with the widgets tarball as a dependency. The files a README shows are added by
 * the caller.
 */
export function scaffoldApp(dir: string, tarball: string): void {
  const deps = pinned('react', 'react-dom');
  const devDeps = pinned(
    '@types/react',
    '@types/react-dom',
    '@vitejs/plugin-react',
    'typescript',
    'vite',
  );
  const tgz = `file:${relative(dir, tarball)}`;
  const widgets = JSON.parse(readFileSync(join(ROOT, 'widgets/package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    bin?: Record<string, string>;
  };
  const pkg = {
    name: 'product-app',
    private: true,
    version: '0.0.0',
    type: 'module',
    scripts: { build: 'tsc -b && vite build' },
    dependencies: { '@incident-lens/widgets': tgz, ...deps },
    devDependencies: devDeps,
  };
  const packages = lockClosure([...Object.keys(deps), ...Object.keys(devDeps), 'lit']);
  const lock = {
    name: pkg.name,
    version: pkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: pkg.name,
        version: pkg.version,
        dependencies: pkg.dependencies,
        devDependencies: pkg.devDependencies,
      },
      'node_modules/@incident-lens/widgets': {
        version: widgets.version,
        resolved: tgz,
        integrity: sri(tarball),
        license: 'MIT',
        dependencies: widgets.dependencies,
        // (as npm writes it: without it, npm links no command into node_modules/.bin)
        ...(widgets.bin ? { bin: widgets.bin } : {}),
      },
      ...packages,
    },
  };
  const files: Record<string, string> = {
    'package.json': JSON.stringify(pkg, null, 2),
    'package-lock.json': JSON.stringify(lock, null, 2),
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>product-app</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'vite.config.ts': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
`,
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
    'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * The README blocks marked `<!-- e2e: path -->` (the fenced block right after the marker), by
 * path. Throws when a marked block is missing, so the README and the test cannot drift apart.
 */
export function readmeSnippets(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'widgets/README.md'), 'utf8');
  const found = new Map<string, string>();
  for (const m of text.matchAll(/<!-- e2e: (\S+) -->\s*```\w*\n([\s\S]*?)\n```/g))
    found.set(m[1]!, m[2]! + '\n');
  return found;
}
