import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEAN_LIT_CUTS,
  LEAN_LIT_UNSUPPORTED,
  leanLitHtml,
  minifyTemplateLiterals,
} from './vite.config';

// lit-html as the build resolves it: lit's own copy (see oneLitHtml in vite.config.ts), the
// published browser build
const litHtmlFile = resolve(
  import.meta.dirname,
  '../node_modules/lit/node_modules/lit-html/lit-html.js',
);
const litHtmlSource = readFileSync(litHtmlFile, 'utf8');

const unsupported = (code: string): string[] =>
  LEAN_LIT_UNSUPPORTED.filter(([pattern]) => pattern.test(code)).map(([, what]) => what);

describe('lean lit-html (the all-in-one build)', () => {
  it('cuts the directive machinery, svg/mathml, the unused part types and the polyfill hook from the Lit in use', () => {
    const lean = leanLitHtml(litHtmlSource);
    expect(lean.length).toBeLessThan(litHtmlSource.length - 1000);
    for (const gone of [
      '_$litDirective$',
      'litHtmlPolyfillSupport',
      'litHtmlVersions',
      '"<svg>"',
      '_$AO',
      'setConnected',
    ])
      expect(lean, gone).not.toContain(gone);
    // what the widgets use stays: trusted types, text/child/attribute/event parts, render()
    for (const kept of [
      'createPolicy("lit-html"',
      'addEventListener',
      '_$litPart$',
      'setAttribute',
    ])
      expect(lean, kept).toContain(kept);
  });

  it('fails the build, naming the cut, when Lit changed under a cut', () => {
    const [cut] = LEAN_LIT_CUTS[0]!;
    expect(() => leanLitHtml(litHtmlSource.replace(cut, cut.slice(1)))).toThrow(
      /lean lit-html: expected 1 of/,
    );
    expect(() => leanLitHtml(litHtmlSource + cut)).toThrow(/found 2/);
  });

  it('refuses widget code that uses what the lean lit-html cannot render', () => {
    expect(unsupported("import { classMap } from 'lit/directives/class-map.js';")).toEqual([
      'a Lit directive',
    ]);
    expect(unsupported("import { AsyncDirective } from 'lit/async-directive.js';")).toEqual([
      'a Lit directive',
    ]);
    expect(unsupported('svg`<circle r="1"></circle>`')).toEqual(['an svg`` or mathml`` template']);
    expect(unsupported('html`<input .value=${v}>`')).toEqual([
      'a property (.x=) or boolean (?x=) binding',
    ]);
    expect(unsupported('html`<button ?disabled="${d}">`')).toEqual([
      'a property (.x=) or boolean (?x=) binding',
    ]);
    expect(unsupported('html`<div class="a ${b}" id=x ${ref(el)}>`')).toEqual([
      'an element binding',
    ]);
    expect(unsupported('html`<p>${a}</p><textarea>${v}</textarea>`')).toEqual([
      'a raw text element (script, style, textarea, title)',
    ]);
    expect(unsupported('render(t, root, { renderBefore: x })')).toEqual([
      'a render option (renderBefore, creationScope)',
    ]);
    expect(unsupported('html`<a @click=${{ handleEvent: f, once: true }}>`')).toEqual([
      'a listener object with options',
    ]);
    // a plain template literal is not a Lit template
    expect(unsupported('root.innerHTML = `<style>${css}</style>`')).toEqual([]);
    expect(unsupported('html`<p a="${x}" @click=${y}>${z} ${w}</p>`')).toEqual([]);
  });

  it('accepts every widget module as it is', () => {
    const dir = resolve(import.meta.dirname, 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(unsupported(readFileSync(join(dir, f), 'utf8')), f).toEqual([]);
  });
});

describe('template minification', () => {
  it('collapses the static parts of html and css templates, never an expression', () => {
    const src =
      'html`<div>\n    <p class="a">${x ? html`<b>\n  ${"  keep  "}</b>` : y}</p>\n  </div>`';
    expect(minifyTemplateLiterals(src)).toBe(
      'html`<div><p class="a">${x ? html`<b>${"  keep  "}</b>` : y}</p></div>`',
    );
    expect(
      minifyTemplateLiterals('css`\n  .a {\n    color: red;\n    margin: 0.5em;\n  }\n`'),
    ).toBe('css` .a{color:red;margin:.5em}`');
    expect(minifyTemplateLiterals('const s = `  a  \n  b`;')).toBe('const s = `  a  \n  b`;');
  });
});
