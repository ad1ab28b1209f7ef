/**
 * A minimal reactive base on Lit's rendering core (lit-html), used instead of LitElement to keep
 * the all-in-one file inside its 12 KB gzip budget: LitElement with ReactiveElement costs about
 * 3.5 KB gzip, this about 0.4 KB. It keeps Lit's shape: `static properties`, `willUpdate` /
 * `render` / `updated`, one microtask-batched update and `updateComplete`. Styles are one
 * constructable CSSStyleSheet per class, adopted by every shadow root (CSP-safe); a <style>
 * element serves browsers without constructable stylesheets.
 */
import { nothing, render, type TemplateResult } from 'lit/html.js';
import { parseFeed } from '../../src/core/feed';
import type { Feed, FeedIncident } from '../../src/core/types';
import { EMPTY, feedClient } from './feed-client/feed-client';
import { lang, type Lang } from './i18n';
import { schedule } from './ticker';

export type Theme = 'auto' | 'light' | 'dark';

/**
 * A property's declaration, as flags: `N` number and `B` boolean attribute (else string), `R`
 * reflected to its attribute, `P` a property only, `S` part of the data source (a change
 * subscribes again). The attribute is the kebab-cased name (`pollInterval` → `poll-interval`).
 */
export const N = 1;
export const B = 2;
export const R = 4;
export const P = 8;
export const S = 16;
/** Property name → flags. A subclass lists every property, its base class's included. */
export type PropertyDeclarations = Record<string, number>;
export type Template = TemplateResult | typeof nothing;

type Props = Record<string, unknown>;
type Ctor = typeof FeedElement & { _c?: CSSStyleSheet };

const attr = (k: string): string => k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
/**
 * Attribute → [property, flags], for every class (a property has the same attribute and flags
 * in each).
 */
const props: Record<string, [string, number]> = {};

/** A normalized Feed passes through; anything else goes through the parser. */
export function toFeed(data: unknown): Feed {
  const f = data as Feed | undefined;
  // (a primitive has no `maintenances`)
  return Array.isArray(f?.maintenances) && typeof f.indicator == 'string'
    ? f
    : parseFeed(data).feed;
}

/** https URLs only: anything else (javascript:, data:, http:) is dropped. */
export function https(u: unknown, base?: string): string | undefined {
  try {
    const url = new URL(u as string, base);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** HTMLElement, or a stand-in on a server so that importing the classes runs nothing there. */
const HTMLElementOrStub = globalThis.HTMLElement ?? class {};

/**
 * The one widget base: Lit's shape (above) plus what both widgets share: the data source (`src`
 * or `data`), locale, theme and the link.
 */
export abstract class FeedElement extends HTMLElementOrStub {
  /** Property name → flags; a subclass spreads these and adds its own. */
  static properties: PropertyDeclarations = {
    src: S,
    data: P | S,
    components: 0,
    pollInterval: N | S,
    locale: 0,
    theme: R,
    href: 0,
  };
  /** CSS text, adopted as one shared stylesheet per class. */
  declare static styles: string;

  /** (Read once per class by `define`: also installs the property accessors.) */
  static get observedAttributes(): string[] {
    const p = this.prototype;
    return Object.entries(this.properties).flatMap(([k, f]) => {
      if (!Object.hasOwn(p, k))
        Object.defineProperty(p, k, {
          get(this: FeedElement) {
            return this._v[k];
          },
          set(this: FeedElement, x: unknown) {
            const o = this._v[k];
            this._v[k] = x;
            // NaN to NaN is no change (Lit's notEqual)
            if (o !== x && (o === o || x === x)) this.requestUpdate(k);
          },
        });
      const a = attr(k);
      props[a] = [k, f];
      return f & P ? [] : a;
    });
  }

  declare src?: string;
  declare data?: unknown;
  declare components?: string;
  declare pollInterval?: number;
  declare locale?: string;
  declare theme?: Theme;
  declare href?: string;

  /** @internal property values */
  _v: Props = {};
  /** Properties changed since the last update. */
  private _ch = new Set<string | undefined>();
  private _p?: Promise<boolean> | undefined;
  protected _s = EMPTY;
  /** Unsubscribes from the feed client; undefined while not subscribed. */
  private _off?: (() => void) | undefined;

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
    try {
      if (!c._c) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(c.styles);
        c._c = sheet;
      }
      root.adoptedStyleSheets = [c._c];
    } catch {
      // (text, not markup: no parser, and nothing for Trusted Types to refuse)
      root.appendChild(document.createElement('style')).textContent = c.styles;
    }
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this._off = this._off?.() as undefined;
    // no relative-time wake-ups for a detached element
    schedule(this);
  }

  attributeChangedCallback(name: string, _old: string | null, v: string | null): void {
    const [k, f] = props[name]!;
    (this as unknown as Props)[k] = f & B ? v !== null : f & N && v !== null ? Number(v) : v;
  }

  /** Resolves (true) once the pending update has rendered. */
  get updateComplete(): Promise<boolean> {
    return this._p ?? Promise.resolve(true);
  }

  /** Schedules one render in a microtask, however many properties change before it. */
  requestUpdate(k?: string): void {
    this._ch.add(k);
    this._p ??= Promise.resolve().then(() => {
      this._p = undefined;
      if (this.isConnected)
        try {
          const ch = this._ch;
          const d = (this.constructor as Ctor).properties;
          this._ch = new Set();
          for (const k of ch) {
            const v = this._v[k!];
            const f = d[k!]!;
            if (f & R) {
              if (v == null || v === false) this.removeAttribute(attr(k!));
              else this.setAttribute(attr(k!), v === true ? '' : (v as string));
            }
            // unsubscribed: willUpdate subscribes again
            if (f & S) this._off = this._off?.() as undefined;
          }
          this.willUpdate();
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
      return true;
    });
  }

  /** Subscribes when not subscribed (first, or the source changed); a subclass then derives what it shows. */
  protected willUpdate(): void {
    if (!this._off) {
      this._off = () => {};
      try {
        if (this.data != null) {
          this._s = { ...EMPTY, feed: toFeed(this.data) };
        } else if (this.src) {
          const url = new URL(this.src, document.baseURI);
          if (!/^https?:$/.test(url.protocol)) throw 0;
          this._off = feedClient().subscribe(url.href, this.pollInterval ?? 60, (s) => {
            this._s = s;
            this.requestUpdate();
          });
        } else this._s = EMPTY;
      } catch {
        this._s = { ...EMPTY, error: 'bad src' };
      }
    }
  }

  protected abstract render(): Template;
  protected abstract updated(): void;

  /**
   * Strings and Intl tag (`locale`, else the nearest `lang`, else the browser's), and "as of
   * 14:05" while the data is stale.
   */
  protected _lang(): Lang {
    const { stale, asOf } = this._s;
    return lang(
      this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language,
      stale && asOf,
    );
  }

  /**
   * The link: `href`, else the status page (the feed's page URL, else the origin of an https
   * `src`). With an `item`: `href`, else its shortlink, else its page on the status page.
   */
  protected _page(item?: FeedIncident): string | undefined {
    const src = this.src && https(this.src, document.baseURI);
    const page =
      https(this._s.feed?.page.url) ||
      (src && /\/api\/v2\//.test(src) ? new URL(src).origin : undefined);
    return (
      (this.href && https(this.href, document.baseURI)) ||
      (item
        ? https(item.shortlink) || (page && `${page}/incidents/${encodeURIComponent(item.id)}`)
        : page)
    );
  }

  protected _emit<T>(type: string, detail: T, cancelable?: boolean): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}

/** Registers `tag` once: a second copy of the bundle, or an import on a server, does nothing. */
export function defineOnce(tag: string, c: CustomElementConstructor): void {
  if (typeof window != 'undefined' && window.customElements && !customElements.get(tag))
    customElements.define(tag, c);
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
