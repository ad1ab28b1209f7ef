/**
 * A minimal reactive base on Lit's rendering core (lit-html), used instead of LitElement to keep
 * the all-in-one file inside its 12 KB gzip budget: LitElement with ReactiveElement costs about
 * 3.5 KB gzip, this about 0.5 KB. It keeps Lit's shape: `static properties` (attribute, type,
 * reflect), `willUpdate` / `render` / `updated`, one microtask-batched update and
 * `updateComplete`. Styles are one constructable CSSStyleSheet per class, adopted by every shadow
 * root (CSP-safe); a <style> element serves browsers without constructable stylesheets.
 */
import { render, type nothing, type TemplateResult } from 'lit/html.js';

export interface PropertyDeclaration {
  /** Attribute name, or false for a property only. Defaults to the lower-cased property name. */
  attribute?: string | false;
  type?: typeof Number | typeof Boolean;
  reflect?: boolean;
}
export type PropertyDeclarations = Record<string, PropertyDeclaration>;
export type Template = TemplateResult | typeof nothing;

type Props = Record<string, unknown>;
type Ctor = typeof Base & {
  /** property → declaration, up the class chain */
  _d?: Map<string, PropertyDeclaration>;
  /** attribute → property */
  _a?: Map<string, string>;
  _c?: CSSStyleSheet | string;
};

/** Collects the declarations up the class chain and installs accessors, once per class. */
function finalize(c: Ctor): Ctor {
  if (Object.hasOwn(c, '_d')) return c;
  const d = new Map(c === Base ? [] : finalize(Object.getPrototypeOf(c) as Ctor)._d);
  c._a = new Map();
  if (Object.hasOwn(c, 'properties'))
    for (const [k, v] of Object.entries(c.properties)) {
      d.set(k, v);
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
  for (const [k, v] of d) if (v.attribute !== false) c._a.set(v.attribute || k.toLowerCase(), k);
  c._d = d;
  return c;
}

/** HTMLElement, or a stand-in on a server so that importing the classes runs nothing there. */
const HTMLElementOrStub = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

export class Base extends HTMLElementOrStub {
  static properties: PropertyDeclarations = {};
  /** CSS text, adopted as one shared stylesheet per class. */
  static styles = '';

  static get observedAttributes(): string[] {
    return [...finalize(this)._a!.keys()];
  }

  /** @internal property values */
  _v: Props = {};
  /** Properties changed since the last update. */
  private _ch = new Set<string>();
  private _q = false;
  private _p = Promise.resolve(true);

  constructor() {
    super();
    const c = finalize(this.constructor as Ctor);
    const root = this.attachShadow({ mode: 'open' });
    // Properties a framework set before the upgrade go through the accessors, after the defaults.
    for (const k of c._d!.keys())
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
    if (typeof c._c === 'string')
      root.append(Object.assign(document.createElement('style'), { textContent: c._c }));
    else root.adoptedStyleSheets = [c._c];
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(name: string, _old: string | null, v: string | null): void {
    const c = this.constructor as Ctor;
    const k = c._a!.get(name)!;
    const t = c._d!.get(k)!.type;
    (this as unknown as Props)[k] =
      t === Boolean ? v !== null : t === Number && v !== null ? Number(v) : v;
  }

  /** Resolves (true) once the pending update has rendered. */
  get updateComplete(): Promise<boolean> {
    return this._p;
  }

  /** Schedules one render in a microtask, however many properties change before it. */
  requestUpdate(k?: string): void {
    if (k) this._ch.add(k);
    if (this._q) return;
    this._q = true;
    this._p = Promise.resolve().then(() => {
      this._q = false;
      if (this.isConnected) this._update();
      return true;
    });
  }

  private _update(): void {
    const ch = this._ch;
    this._ch = new Set();
    try {
      const d = (this.constructor as Ctor)._d!;
      for (const k of ch) {
        const o = d.get(k)!;
        const v = this._v[k];
        const a = (o.attribute as string) || k.toLowerCase();
        if (o.reflect) {
          if (v == null || v === false) this.removeAttribute(a);
          else this.setAttribute(a, v === true ? '' : String(v));
        }
      }
      this.willUpdate(ch);
      render(this.render(), this.shadowRoot!, { host: this });
      this.updated();
    } catch {
      // never let an error reach the host page
    }
  }

  protected willUpdate(_changed: Set<string>): void {}
  protected render(): Template {
    return null as unknown as Template;
  }
  protected updated(): void {}
}

/** Joins a css`` template into plain CSS text (the build collapses its whitespace). */
export const css = (s: TemplateStringsArray, ...v: unknown[]): string => String.raw(s, ...v);

/**
 * Light and dark values of private tokens per class: `palette('--a --b', 'cls a1 b1 a2 b2')`.
 * Dark follows prefers-color-scheme unless `theme="light"`, and `theme="dark"` forces it.
 */
export function palette(names: string, ...rows: string[]): string {
  const n = names.split(' ');
  const rule = (pre: string, dark: number) =>
    rows
      .map((r) => {
        const [k, ...v] = r.split(' ');
        return `${pre} .${k}{${n.map((x, i) => `${x}:${v[i + dark * n.length]}`).join(';')}}`;
      })
      .join('');
  return `${rule('', 0)}@media(prefers-color-scheme:dark){${rule(':host(:not([theme=light]))', 1)}}${rule(':host([theme=dark])', 1)}`;
}
