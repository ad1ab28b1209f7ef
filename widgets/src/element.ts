/**
 * A minimal reactive base on Lit's rendering core (lit-html), used instead of LitElement to keep
 * the all-in-one file inside its 12 KB gzip budget: LitElement with ReactiveElement costs about
 * 3.5 KB gzip, this about 0.4 KB. It keeps Lit's shape: `static properties`, `willUpdate` /
 * `render` / `updated`, one microtask-batched update and `updateComplete`. Styles are one
 * constructable CSSStyleSheet per class, adopted by every shadow root (CSP-safe); a <style>
 * element serves browsers without constructable stylesheets.
 */
import { nothing, render, type TemplateResult } from 'lit/html.js';

/**
 * A property's declaration, as flags: `N` number and `B` boolean attribute (else string), `R`
 * reflected to its attribute, `P` a property only. The attribute is the kebab-cased name
 * (`pollInterval` → `poll-interval`).
 */
export const N = 1;
export const B = 2;
export const R = 4;
export const P = 8;
/** Property name → flags. A subclass lists every property, its base class's included. */
export type PropertyDeclarations = Record<string, number>;
export type Template = TemplateResult | typeof nothing;

type Props = Record<string, unknown>;
type Ctor = typeof Base & { _c?: CSSStyleSheet | string };

const attr = (k: string): string => k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
/** Per class: attribute → property. (A Map, not a static field: the build mangles `_` names.) */
const attrs = new Map<Ctor, Record<string, string>>();

/** Maps attributes to properties and installs the accessors, once per class. */
function finalize(c: Ctor): Record<string, string> {
  let a = attrs.get(c);
  if (!a) {
    attrs.set(c, (a = {}));
    for (const [k, f] of Object.entries(c.properties)) {
      if (!(f & P)) a[attr(k)] = k;
      Object.defineProperty(c.prototype, k, {
        get(this: Base) {
          return this._v[k];
        },
        set(this: Base, x: unknown) {
          const o = this._v[k];
          this._v[k] = x;
          // NaN to NaN is no change (Lit's notEqual)
          if (o !== x && (o === o || x === x)) this.requestUpdate(k);
        },
      });
    }
  }
  return a;
}

/** HTMLElement, or a stand-in on a server so that importing the classes runs nothing there. */
const HTMLElementOrStub = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

export abstract class Base extends HTMLElementOrStub {
  /** (Declared here, set by each widget class.) */
  declare static properties: PropertyDeclarations;
  /** CSS text, adopted as one shared stylesheet per class. */
  declare static styles: string;

  static get observedAttributes(): string[] {
    return Object.keys(finalize(this));
  }

  /** @internal property values */
  _v: Props = {};
  /** Properties changed since the last update. */
  private _ch = new Set<string>();
  private _p?: Promise<boolean> | undefined;

  constructor() {
    super();
    // (`define` has read observedAttributes, so the accessors are in place)
    const c = this.constructor as Ctor;
    const root = this.attachShadow({ mode: 'open' });
    // Properties a framework set before the upgrade go through the accessors, after the defaults.
    for (const k in c.properties)
      if (Object.hasOwn(this, k)) {
        const v = (this as unknown as Props)[k];
        delete (this as unknown as Props)[k];
        queueMicrotask(() => ((this as unknown as Props)[k] = v));
      }
    if (!c._c)
      try {
        (c._c = new CSSStyleSheet()).replaceSync(c.styles);
      } catch {
        c._c = c.styles;
      }
    if (typeof c._c == 'string') root.innerHTML = `<style>${c._c}</style>`;
    else root.adoptedStyleSheets = [c._c];
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  attributeChangedCallback(name: string, _old: string | null, v: string | null): void {
    const c = this.constructor as Ctor;
    const k = finalize(c)[name]!;
    const f = c.properties[k]!;
    (this as unknown as Props)[k] = f & B ? v !== null : f & N && v !== null ? Number(v) : v;
  }

  /** Resolves (true) once the pending update has rendered. */
  get updateComplete(): Promise<boolean> {
    return this._p ?? Promise.resolve(true);
  }

  /** Schedules one render in a microtask, however many properties change before it. */
  requestUpdate(k?: string): void {
    if (k) this._ch.add(k);
    this._p ??= Promise.resolve().then(() => {
      this._p = undefined;
      if (this.isConnected) this._update();
      return true;
    });
  }

  private _update(): void {
    const ch = this._ch;
    const d = (this.constructor as Ctor).properties;
    this._ch = new Set();
    try {
      for (const k of ch) {
        const v = this._v[k];
        if (d[k]! & R) {
          if (v == null || v === false) this.removeAttribute(attr(k));
          else this.setAttribute(attr(k), v === true ? '' : String(v));
        }
      }
      this.willUpdate(ch);
      let t: Template = nothing;
      try {
        t = this.render();
      } catch {
        // a thrown error renders nothing instead of reaching the page
      }
      render(t, this.shadowRoot!, { host: this });
      this.updated();
    } catch {
      // never let an error reach the host page
    }
  }

  protected abstract willUpdate(changed: Set<string>): void;
  protected abstract render(): Template;
  protected abstract updated(): void;
}

/** Joins a css`` template into plain CSS text (the build collapses its whitespace). */
export const css = String.raw;

/**
 * Private colour tokens per class: `palette('bf', 'x fff 000 000 fff,y …')` gives
 * `.x{--_b:#fff;--_f:#000;--_B:#000;--_F:#fff}.y{…}` (light tokens, then their dark twins; hex
 * without `#`), and the dark theme points each token at its twin (`--_b:var(--_B)`). Dark follows
 * prefers-color-scheme unless `theme="light"`, and `theme="dark"` forces it.
 */
export function palette(n: string, rows: string): string {
  let i = 0;
  const d = [...n].map((c) => `--_${c}:var(--_${c.toUpperCase()})`).join(';');
  n += n.toUpperCase();
  return `.${rows.replace(/ |,/g, (c) => (c == ',' ? ((i = 0), '}.') : `${i ? ';' : '{'}--_${n[i++]}:#`))}}@media(prefers-color-scheme:dark){:host(:not([theme=light])) *{${d}}}:host([theme=dark]) *{${d}}`;
}
