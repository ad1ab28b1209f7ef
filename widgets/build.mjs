// The widgets package build (`npm run build` here, or `npm run build:widgets` at the root), into
// widgets/dist:
// - index.js, define.js, incident-banner.js, status-badge.js (+ chunks/): ES modules for bundlers,
//   importing `lit`; the core code they use is bundled in;
// - types/: declarations (tsc), the core's included;
// - standalone/incident-widgets.js: one ES module with Lit inside that registers both tags, plus
//   each locale but English, the feed client and the tooltip as chunks next to it (loaded on
//   demand); standalone/incident-widgets.iife.js: the same for a classic <script>, all inside;
// - standalone/incident-widgets-formats.js: the feed formats besides Statuspage, loaded by the
//   standalone ES file the first time a feed is not Statuspage (the IIFE has them inside);
// - standalone/incident-widgets-statuspage.js: the Statuspage parser, loaded with the feed client
//   or for pushed Statuspage JSON (the IIFE has it inside);
// - server/feed-helper.js (`@incident-lens/widgets/server`) and server/check-feed.js (the bin's);
// - custom-elements.json and THIRD_PARTY_NOTICES.txt;
// then the size gate (scripts/size.mjs) fails the build when the standalone file is over budget.
// Stock dependencies: nothing here edits a published file. The standalone files go through the
// bundler's minifier and then terser; the CSS files through lightningcss; templates are left as
// written.
import { build } from 'vite';
import { minify } from 'terser';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const root = resolve(here, '..');
const dist = resolve(here, 'dist');
const src = (f) => resolve(here, 'src', f);
// ES2022 is the floor already (Object.hasOwn); class fields stay native.
const target = 'es2022';

/**
 * lit and lit-element each carry a nested copy of lit-html 3 in this tree (the top-level lit-html
 * is an old one another package needs): resolve every lit-html import through lit's own copy, so a
 * bundle holds exactly one. A resolution rule only; no file is changed.
 */
const litEntry = createRequire(import.meta.url).resolve('lit');
const oneLitHtml = () => ({
  name: 'one-lit-html',
  enforce: 'pre',
  resolveId(id, importer) {
    if (!/^lit-html($|\/)/.test(id) || importer === litEntry) return null;
    return this.resolve(id, litEntry, { skipSelf: true });
  },
});

/**
 * The standalone files run only where there is a DOM with custom elements: imported in Node (a
 * server render, a test) they do nothing. They have no imports or exports of their own, so the
 * whole module can sit in one block.
 */
const browserOnly = () => ({
  name: 'browser-only',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      if (/^\s*(import|export)\b/m.test(chunk.code))
        this.error(`${chunk.fileName} has a top-level import or export: it cannot be wrapped`);
      chunk.code = `if (typeof window !== "undefined" && window.customElements) {\n${chunk.code}}\n`;
    }
  },
});

/**
 * A terser pass over the standalone files after the bundler's own minifier: it finds about 200 B
 * gzip (sequences, conditionals, the bundler's leftover PURE comments). Names stay as the bundler
 * mangled them.
 */
const terserPass = () => ({
  name: 'terser-pass',
  async generateBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const out = await minify(chunk.code, {
        module: options.format === 'es',
        ecma: 2020,
        // (`unsafe`: built-ins are the standard ones, e.g. `String(x)` → `"" + x`; about 40 B)
        compress: { passes: 3, unsafe: true },
        // (top-level names too: an ES chunk here exports nothing, and the entry is wrapped)
        mangle: options.format === 'es' ? { toplevel: true } : false,
      });
      chunk.code = out.code;
    }
  },
});

/**
 * The standalone ES file loads the other feed formats, and the Statuspage parser, each from a file
 * of its own next to it (`incident-widgets-formats.js`, `incident-widgets-statuspage.js`, built
 * below, each with its own copy of the core code it uses): a chunk the bundler would make shares
 * modules with the entry, which would need top-level exports the entry cannot have (see
 * browserOnly).
 */
const APART = {
  './formats': 'incident-widgets-formats.js',
  './statuspage': 'incident-widgets-statuspage.js',
};
const filesApart = () => ({
  name: 'files-apart',
  enforce: 'pre',
  resolveId(id, importer) {
    if (APART[id] && /feed-client[/\\][a-z-]+\.ts$/.test(importer ?? ''))
      return { id: `./${APART[id]}`, external: true };
    return null;
  },
});

const common = { configFile: false, root, logLevel: 'warn', publicDir: false };

rmSync(dist, { recursive: true, force: true });

// 1. For bundlers: lit stays an import (the app's bundler shares one copy), output readable.
await build({
  ...common,
  plugins: [oneLitHtml()],
  build: {
    outDir: dist,
    emptyOutDir: false,
    target,
    minify: false,
    // the styles are CSS files: minified as strings by the bundler's CSS minifier (lightningcss)
    cssMinify: 'lightningcss',
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: {
        index: src('index.ts'),
        define: src('define.ts'),
        'incident-banner': src('incident-banner/define.ts'),
        'status-badge': src('status-badge/define.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^lit-html($|\/)/, /^lit-element($|\/)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

// 2 and 3. Standalone: Lit inside, minified by the bundler.
for (const format of ['es', 'iife']) {
  await build({
    ...common,
    plugins: [
      oneLitHtml(),
      ...(format === 'es' ? [filesApart()] : []),
      terserPass(),
      browserOnly(),
    ],
    build: {
      outDir: resolve(dist, 'standalone'),
      emptyOutDir: false,
      target,
      cssMinify: 'lightningcss',
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: src('all.ts'),
        name: 'IncidentWidgets',
        formats: [format],
        fileName: () => (format === 'es' ? 'incident-widgets.js' : 'incident-widgets.iife.js'),
      },
      rolldownOptions: {
        output: {
          minify: true,
          // ES: each locale is its own file next to the bundle, fetched the first time it is
          // needed, and so is the fetching feed client (the first paint renders the kept feed).
          // IIFE (a classic script cannot import): everything inside.
          ...(format === 'es'
            ? {
                chunkFileNames: (c) =>
                  /^[a-z]{2}$/.test(c.name) ? 'locale-[name]-[hash].js' : '[name]-[hash].js',
              }
            : { codeSplitting: false }),
        },
      },
    },
  });
}

// 4. The other feed formats and the Statuspage parser, for the standalone ES file: each
// self-contained, loaded on demand.
for (const [entry, file] of [
  ['feed-client/formats.ts', APART['./formats']],
  ['feed-client/statuspage.ts', APART['./statuspage']],
])
  await build({
    ...common,
    plugins: [terserPass()],
    build: {
      outDir: resolve(dist, 'standalone'),
      emptyOutDir: false,
      target,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: src(entry), formats: ['es'], fileName: () => file },
      rolldownOptions: { output: { minify: true } },
    },
  });

// 5. The server side (dist/server/): the feed helper for feeds without CORS, and the validator
// behind the `incident-widgets check` bin (vite.server.config.ts).
await build({ configFile: resolve(root, 'vite.server.config.ts'), logLevel: 'warn' });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', resolve(here, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
execFileSync(process.execPath, [resolve(root, 'scripts/gen-manifest.mjs')], { stdio: 'inherit' });
// the one size gate (size-budgets.json), for the widget files
execFileSync(process.execPath, [resolve(root, 'scripts/size.mjs'), 'widgets/dist/'], {
  stdio: 'inherit',
});
