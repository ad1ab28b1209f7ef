import { build, defineConfig, type Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { minify } from 'terser';

/**
 * The widgets build (`npm run build:widgets`), into dist/widgets:
 * - incident-widgets.js (ES) and incident-widgets.iife.js: Lit included, both tags registered,
 *   wrapped so that importing them outside a browser runs nothing;
 * - index.js (classes only) and define.js (registers both): ESM for bundlers, Lit external;
 * - types/: declarations from tsc;
 * then scripts/gen-manifest.mjs writes custom-elements.json and fails the build when the all-in-one
 * file is over its gzip budget (size-budgets.json).
 */
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'dist/widgets');
// ES2022 is the floor already (Object.hasOwn); class fields then stay native, which is shorter.
const target = 'es2022';

/**
 * A terser pass over the minified all-in-one files: it finds about 100 B gzip (1 %) that the
 * bundler's own minifier leaves (mostly sequences and conditionals). Names stay as the bundler
 * mangled them (mangling again costs bytes).
 */
const terserPass = (): Plugin => ({
  name: 'terser-pass',
  async generateBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      const out = await minify(chunk.code, {
        module: options.format === 'es',
        ecma: 2020,
        compress: { passes: 2 },
        mangle: false,
      });
      chunk.code = out.code!;
    }
  },
});

/** Runs only where there is a DOM with custom elements (never in Node / SSR). */
const browserOnly = (): Plugin => ({
  name: 'browser-only',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry) {
        chunk.code = `if(typeof window<"u"&&window.customElements){${chunk.code}}\n`;
      }
    }
  },
});

/**
 * lit and lit-element each carry a nested copy of lit-html in this tree (the top-level lit-html
 * is an old one from another package): resolve every lit-html import through lit's copy so the
 * bundle holds exactly one.
 */
const oneLitHtml = (): Plugin => ({
  name: 'one-lit-html',
  enforce: 'pre',
  resolveId(id, importer) {
    if (!/^lit-html($|\/)/.test(id) || importer === litEntry) return null;
    return this.resolve(id, litEntry, { skipSelf: true });
  },
});
const litEntry = resolve(root, 'node_modules/lit/index.js');

/**
 * package.json `sideEffects` lists only the dist files, so the bundler would treat every source
 * module as pure and drop the `customElements.define` calls in the define files (leaving an empty
 * all-in-one). Those modules register tags on import: keep their side effects.
 */
const keepDefines = (): Plugin => ({
  name: 'keep-defines',
  transform(code, id) {
    return /\/widgets\/src\/(?:[\w-]+\/)?define\.ts$/.test(id)
      ? { code, moduleSideEffects: true }
      : null;
  },
});

/**
 * Lit templates keep their source indentation; collapse it, in nested templates too. Only the
 * static parts of css`` and html`` templates change, never an expression, so behaviour is the
 * same. In html, whitespace with a line break next to a tag goes entirely (every container in
 * these templates is a block or a flex box, where such whitespace renders nothing).
 */
export function minifyTemplateLiterals(code: string): string {
  const tag = /\b(css|html)`/g;
  let out = '';
  let i = 0;
  for (let m = tag.exec(code); m; m = tag.exec(code)) {
    const isCss = m[1] === 'css';
    let j = m.index + m[0].length;
    out += code.slice(i, j);
    let text = '';
    const flush = () => {
      let t = text;
      if (isCss)
        t = t
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>/])\s*/g, '$1')
          .replace(/@media \(/g, '@media(')
          .replace(/: /g, ':')
          .replace(/([\s:,(])0\./g, '$1.')
          .replace(/=\\?'([\w-]+)\\?'\]/g, '=$1]')
          .replace(/;}/g, '}');
      else t = t.replace(/\s*\n\s*(?=[<>]|$)|(>)\s*\n\s*/g, '$1').replace(/\s*\n\s*/g, ' ');
      out += t;
      text = '';
    };
    for (; j < code.length; j++) {
      const c = code[j];
      if (c === '\\') {
        text += c + code[j + 1];
        j++;
      } else if (c === '`') {
        flush();
        out += '`';
        j++;
        break;
      } else if (c === '$' && code[j + 1] === '{') {
        flush();
        // an expression: find its end (tracking braces and nested templates), minify inside it
        let depth = 0;
        const start = j;
        for (j += 1; j < code.length; j++) {
          if (code[j] === '`') {
            // skip a nested template literal
            for (j++; j < code.length && code[j] !== '`'; j++) {
              if (code[j] === '\\') j++;
              else if (code[j] === '$' && code[j + 1] === '{') {
                let d = 0;
                for (j++; j < code.length; j++) {
                  if (code[j] === '{') d++;
                  else if (code[j] === '}' && --d === 0) break;
                }
              }
            }
          } else if (code[j] === '{') depth++;
          else if (code[j] === '}' && --depth === 0) break;
        }
        out += minifyTemplateLiterals(code.slice(start, j + 1));
      } else text += c;
    }
    i = j;
    tag.lastIndex = j;
  }
  return out + code.slice(i);
}

const minifyTemplates = (): Plugin => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!id.includes('/widgets/src/') || !/\b(css|html)`/.test(code)) return null;
    return { code: minifyTemplateLiterals(code), map: null };
  },
});

const afterBuild = (): Plugin => {
  let done = false;
  return {
    name: 'widgets-after-build',
    async closeBundle() {
      if (done) return;
      done = true;
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        plugins: [oneLitHtml(), keepDefines(), minifyTemplates()],
        build: {
          outDir,
          emptyOutDir: false,
          target,
          copyPublicDir: false,
          lib: {
            entry: {
              index: resolve(root, 'widgets/src/index.ts'),
              define: resolve(root, 'widgets/src/define.ts'),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit($|\/)/, /^@lit\//],
            output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
          },
        },
      });
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      execFileSync(process.execPath, [tsc, '-p', resolve(root, 'widgets/tsconfig.build.json')], {
        stdio: 'inherit',
      });
      // The size budget is checked by scripts/gen-manifest.mjs, the build's last step.
    },
  };
};

export default defineConfig({
  root,
  publicDir: false,
  plugins: [
    oneLitHtml(),
    keepDefines(),
    minifyTemplates(),
    terserPass(),
    browserOnly(),
    afterBuild(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: resolve(root, 'widgets/src/all.ts'),
      name: 'IncidentWidgets',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'incident-widgets.js' : 'incident-widgets.iife.js'),
    },
    rolldownOptions: {
      output: {
        // Private members are only used inside this file, so they are shortened: ours (`_name`;
        // nothing reads them by a string key, element.ts keeps that rule) and lit-html's internal
        // `_$AB`-style ones, which Lit keeps long only so that LitElement and directives from other
        // packages can reach them; this file has neither. Lit's cross-copy markers
        // (`_$litType$`, `_$litDirective$`) do not match and stay.
        minify: {
          compress: true,
          mangle: true,
          codegen: true,
          mangleProps: { include: /^_(?:[a-z]|\$[A-Z][A-Za-z]$)/ },
        },
      },
    },
  },
});
