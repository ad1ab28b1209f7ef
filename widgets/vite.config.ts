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
 * then scripts/gen-manifest.mjs writes custom-elements.json (the size budget is scripts/size.mjs,
 * with size-budgets.json: `npm run size`).
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
 * The all-in-one files carry lit-html without the parts these two templates never use: svg and
 * mathml templates, property (`.x=`), boolean (`?x=`) and element bindings, bindings inside raw
 * text elements (`<style>`, `<textarea>`…), precompiled templates, render options, listener
 * options, directives (and with them the connection and part-position API that only directives
 * read), the ShadyDOM polyfill hook and the version registry. About 560 B gzip.
 * - Each cut is an exact piece of lit-html 3.3.3's published `lit-html.js`, replaced a known number
 *   of times; the build fails when one no longer matches (a new Lit version), so nothing is cut
 *   silently wrong.
 * - The build also fails when a widget module starts to use one of the cut features (see
 *   `LEAN_LIT_UNSUPPORTED`). The bundler entries (index.js, define.js) keep Lit external and whole.
 */
export const LEAN_LIT_CUTS: readonly (readonly [cut: string, by: string, times?: number])[] = [
  // svg`` and mathml`` templates
  ['l=2===i?"<svg>":3===i?"<math>":""', 'l=""'],
  ['+(2===i?"</svg>":3===i?"</math>":"")', ''],
  ['2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}', '0){}'],
  // property, boolean and element bindings (the part classes then fall out of the bundle)
  ['ctor:"."===e[1]?I:"?"===e[1]?L:"@"===e[1]?z:H', 'ctor:"@"===e[1]?z:H'],
  ['else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t))', ''],
  [':6===r.type&&(i=new Z(h,this,t))', ':0'],
  // bindings inside <script>, <style>, <textarea> and <title> (raw text elements)
  [
    'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
    '',
  ],
  // directives: a value is always rendered as itself
  [
    'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
    'function M(t,i){return i}',
  ],
  // what only directives read: connection state, part positions, the host element's tag
  ['setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', ''],
  ['get _$AU(){return this._$AM._$AU}', '', 3],
  ['get _$AU(){return this._$AM?._$AU??this._$Cv}', ''],
  [',this._$Cv=e?.isConnected??!0', ''],
  ['this._$AN=void 0,', '', 4],
  ['this._$AP?.(!1,!0,s);', ';'],
  ['get parentNode(){return this._$AM.parentNode}', ''],
  [
    'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}',
    '',
  ],
  ['get startNode(){return this._$AA}get endNode(){return this._$AB}', ''],
  ['get tagName(){return this.element.tagName}', ''],
  // precompiled templates (Lit's template compiler), scoped registries (creationScope),
  // render({renderBefore}), and listener options changing between renders (the templates bind
  // plain functions: a new function is still called, as before)
  [
    'e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)',
    'e=this._$AC(t)',
  ],
  ['(t?.creationScope??l).importNode', 'l.importNode'],
  ['const e=s?.renderBefore??i;', 'const e=i;'],
  ['const t=s?.renderBefore??null;', 'const t=null;'],
  ['t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive', '0'],
  // the ShadyDOM polyfill hook and the registry of loaded versions
  [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';'],
];

/** Applies `LEAN_LIT_CUTS` to lit-html's source; throws when a cut does not match as expected. */
export function leanLitHtml(code: string): string {
  for (const [cut, by, times = 1] of LEAN_LIT_CUTS) {
    const found = code.split(cut).length - 1;
    if (found !== times)
      throw new Error(
        `lean lit-html: expected ${times} of ${JSON.stringify(cut.slice(0, 60))}…, found ${found}. ` +
          'Lit changed: check each cut in widgets/vite.config.ts against the new lit-html.js.',
      );
    code = code.split(cut).join(by);
  }
  return code;
}

/** What the lean lit-html cannot render, as it would appear in a widget module's source. */
export const LEAN_LIT_UNSUPPORTED: readonly (readonly [RegExp, string])[] = [
  [/['"](?:lit|lit-html)\/(?:async-)?directives?\b/, 'a Lit directive'],
  [/\b(?:svg|mathml)`/, 'an svg`` or mathml`` template'],
  [/\b(?:renderBefore|creationScope)\b/, 'a render option (renderBefore, creationScope)'],
  [/@[\w-]+=\$\{\{/, 'a listener object with options'],
  [
    /\bhtml`[^`]*<(?:script|style|textarea|title)\b/i,
    'a raw text element (script, style, textarea, title)',
  ],
  [/\s[.?][\w-]+=["']?\$\{/, 'a property (.x=) or boolean (?x=) binding'],
  [
    /<[a-z][\w-]*(?:\s+[@\w-]+(?:=(?:"[^"]*"|'[^']*'|\$\{[^}]*\}|[^\s>"'$]+))?)*\s+\$\{/,
    'an element binding',
  ],
];

const leanLit = (): Plugin => {
  let leaned = 0;
  return {
    name: 'lean-lit-html',
    buildStart() {
      leaned = 0;
    },
    transform(code, id) {
      // any build of lit-html's main module (a development or node one would not match the cuts)
      if (/\/lit-html\/(?:\w+\/)?lit-html\.js$/.test(id)) {
        leaned++;
        return { code: leanLitHtml(code), map: null };
      }
      if (id.includes('/widgets/src/') && !/\.test\.ts$/.test(id))
        for (const [pattern, what] of LEAN_LIT_UNSUPPORTED)
          if (pattern.test(code))
            this.error(
              `${id} uses ${what}, which the all-in-one build's lean lit-html cannot render`,
            );
      return null;
    },
    buildEnd() {
      if (leaned !== 1)
        this.error(`lean lit-html: lit-html.js was transformed ${leaned} times, not once`);
    },
  };
};

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
      // The size budget is checked by scripts/size.mjs (`npm run size`), after the build.
    },
  };
};

export default defineConfig({
  root,
  publicDir: false,
  plugins: [
    oneLitHtml(),
    leanLit(),
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
