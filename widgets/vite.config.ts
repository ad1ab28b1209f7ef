import { build, defineConfig, type Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

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
const target = 'es2021';

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
 * Lit templates keep their source indentation; collapse it. Only the static parts of css`` and
 * html`` templates change, never an expression, so behaviour is the same.
 */
const minifyTemplates = (): Plugin => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!id.includes('/widgets/src/') || !/\b(css|html)`/.test(code)) return null;
    let out = '';
    let i = 0;
    const tag = /\b(css|html)`/g;
    for (let m = tag.exec(code); m; m = tag.exec(code)) {
      const isCss = m[1] === 'css';
      let j = m.index + m[0].length;
      out += code.slice(i, j);
      let text = '';
      const flush = () => {
        let t = text.replace(/\s*\n\s*/g, ' ');
        if (isCss) t = t.replace(/\s*([{};,>])\s*/g, '$1').replace(/;}/g, '}');
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
          // copy the expression verbatim, tracking braces and nested templates
          let depth = 0;
          const start = j;
          for (j += 1; j < code.length; j++) {
            if (code[j] === '{') depth++;
            else if (code[j] === '}' && --depth === 0) break;
          }
          out += code.slice(start, j + 1);
        } else text += c;
      }
      i = j;
      tag.lastIndex = j;
    }
    return { code: out + code.slice(i), map: null };
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
        plugins: [oneLitHtml(), minifyTemplates()],
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
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
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
  plugins: [oneLitHtml(), minifyTemplates(), browserOnly(), afterBuild()],
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
    rolldownOptions: { output: { minify: true } },
  },
});
