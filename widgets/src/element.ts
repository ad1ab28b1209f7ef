/**
 * The base both widgets share, on stock LitElement: the data source (`src` or `data`), locale,
 * theme and the link. It subscribes to the page's one feed client, loads the strings for the
 * locale, and keeps every error inside the element: a broken feed or a bug renders nothing rather
 * than reaching the host page.
 */
// First, before lit loads: see trusted-types.ts.
import { litPolicyRefused, restoreCreatePolicy } from './trusted-types';
import type { nothing } from 'lit';
import { LitElement, ReactiveElement, type PropertyValues, type TemplateResult } from 'lit';
import { componentStatus, parseComponentList } from '../../src/core/feed/query';
import { incidentPage } from '../../src/core/feed/since';
import type { Feed, FeedIncident } from '../../src/core/types';
import { EMPTY, feedClient, kept, parse, parser, type FeedState } from './feed-client/page-client';
import { fill, lang, whenLoaded, type Lang, type Strings } from './i18n';
import { clock } from './time';
import { schedule } from './ticker';

export type Theme = 'auto' | 'light' | 'dark';
export type Template = TemplateResult | typeof nothing;

// lit has loaded (this module imports it): the page's own createPolicy goes back.
restoreCreatePolicy();

/** The properties that choose the data source: a change subscribes again. */
const SOURCE_PROPERTIES = ['src', 'data', 'pollInterval'] as const;

/**
 * What a widget renders with: the strings, the Intl tag, "as of 14:05" while data is stale, and
 * whether to use the dark colours.
 */
export interface RenderContext extends Lang {
  asOf: string;
  dark: boolean;
}

/** The OS colour scheme, the last word for `theme="auto"`. */
const OS_DARK = '(prefers-color-scheme: dark)';

/** Filters the console already warned about (one warning per name per page). */
const warned = new Set<string>();

/**
 * The `components` filters: an array (property), a JSON array attribute (`'["Checkout, EU"]'`,
 * for names with a comma) or comma-separated names. Names the feed does not have are warned
 * about once, since they silently match nothing.
 */
export function filtersOf(components: unknown, feed: Feed | null | undefined): string[] {
  let list = components;
  if (typeof list == 'string' && /^\s*\[/.test(list))
    try {
      list = JSON.parse(list);
    } catch {
      list = [];
    }
  const filters = Array.isArray(list)
    ? list.filter((f): f is string => typeof f == 'string')
    : parseComponentList(list as string);
  for (const f of filters)
    if (feed && !warned.has(f) && componentStatus(feed, f) === undefined) {
      warned.add(f);
      console.warn('[incident-widgets] no component named', f);
    }
  return filters;
}

/**
 * A normalized Feed passes through; anything else goes through the Statuspage parser, once it has
 * loaded (undefined until then).
 */
export function toFeed(data: unknown): Feed | undefined {
  const f = data as Partial<Feed> | undefined;
  const normalized =
    typeof f === 'object' &&
    f !== null &&
    Array.isArray(f.maintenances) &&
    typeof f.indicator === 'string';
  return normalized ? (f as Feed) : parse?.(data).feed;
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

/** A Statuspage v2 API path: the status page itself is the origin. */
const STATUSPAGE_API = /\/api\/v2\//;

export abstract class FeedElement extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    components: {},
    pollInterval: { type: Number, attribute: 'poll-interval' },
    locale: { type: String },
    theme: { type: String, reflect: true },
    href: { type: String },
    strings: { attribute: false },
    /** The feed client's latest state (internal). */
    feedState: { state: true },
  };

  declare src?: string;
  declare data?: unknown;
  declare components?: string | string[];
  declare pollInterval?: number;
  declare locale?: string;
  declare theme?: Theme;
  declare href?: string;
  /** The team's own wording over the built-in strings (any subset). */
  declare strings?: Strings;
  declare protected feedState: FeedState;

  /** Stops listening to the feed client; undefined while not subscribed. */
  private unsubscribe: (() => void) | undefined;
  /** Pushed Statuspage JSON waits for the parser (the first time on the page). */
  private parsing?: Promise<void>;

  constructor() {
    super();
    this.feedState = EMPTY;
    // The host page's color-scheme changed (the styles run a 1 ms discrete transition of it on
    // the element, so its computed value changing ends one): theme="auto" follows it.
    this.addEventListener('transitionend', this.onScheme);
  }

  /** Re-renders when the page's or the OS colour scheme changes (theme="auto" may follow it). */
  private readonly onScheme = (): void => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    matchMedia(OS_DARK).removeEventListener('change', this.onScheme);
    this.stopListening();
    // no relative-time wake-ups for a detached element
    schedule(this);
  }

  private stopListening(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Subscribes when not subscribed (the first update, or the source changed). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (SOURCE_PROPERTIES.some((p) => changed.has(p))) this.stopListening();
    if (this.unsubscribe || !this.isConnected) return;
    this.unsubscribe = () => {};
    try {
      if (this.data != null) {
        const feed = toFeed(this.data);
        if (feed) this.feedState = { ...EMPTY, feed };
        // (then this runs again, and reads it)
        else
          this.parsing = parser().then(
            () => {
              this.stopListening();
              this.requestUpdate();
            },
            // (the file did not load: nothing shows, as for a feed that fails)
            () => {},
          );
      } else if (this.src) {
        const url = new URL(this.src, document.baseURI);
        if (!/^https?:$/.test(url.protocol)) throw new Error('bad src');
        // the kept feed at once (first paint); then the client, once its code has loaded
        this.feedState = kept(url.href) ?? EMPTY;
        let off: (() => void) | undefined;
        let gone = false;
        this.unsubscribe = () => {
          gone = true;
          off?.();
        };
        void feedClient().then((c) => {
          // (the client applies the default interval and the fetch policy's floor)
          if (!gone) off = c.subscribe(url.href, this.pollInterval, (s) => (this.feedState = s));
        });
      } else this.feedState = EMPTY;
    } catch {
      this.feedState = { ...EMPTY, error: 'bad src' };
    }
  }

  /** Resolves once pushed data is shown, its parser loaded first if need be. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.parsing;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    matchMedia(OS_DARK).addEventListener('change', this.onScheme);
    // subscribe again after a move or a re-attach
    this.requestUpdate();
  }

  /**
   * Under a Trusted Types allow-list without "lit-html" (see trusted-types.ts) lit cannot render
   * markup: the widget then shows `plainText()` as a text node, which no policy forbids, and never
   * throws into the page.
   */
  protected override update(changed: PropertyValues<this>): void {
    if (!litPolicyRefused) return super.update(changed);
    // ReactiveElement's part of an update (attributes reflected, properties marked clean), then text
    // (protected in the types; calling the base past LitElement's override is what is meant)
    const base = ReactiveElement.prototype as unknown as { update(c: PropertyValues): void };
    base.update.call(this, changed);
    // (plainText reads what willUpdate already computed; it does not parse)
    this.renderRoot.replaceChildren(this.plainText());
  }

  /** What the widget says, as plain text: the feed's overall status by default. */
  protected plainText(): string {
    return this.feedState.feed?.description ?? '';
  }

  /** The widget's own template; called with the strings for its locale. */
  protected abstract renderWith(context: RenderContext): Template;
  /** The template while strings load or nothing is known (the banner keeps its live regions). */
  protected abstract renderEmpty(): Template;

  protected override render(): Template {
    try {
      const locale =
        this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
      const strings = lang(locale, this.strings);
      if (!strings) {
        void whenLoaded(locale).then(() => this.requestUpdate());
        return this.renderEmpty();
      }
      const { stale, asOf } = this.feedState;
      return this.renderWith({
        ...strings,
        asOf: stale && asOf ? fill(strings.s.asOf, clock(asOf, strings.tag)) : '',
        dark: this.isDark(),
      });
    } catch {
      // a bug or a broken feed renders nothing instead of reaching the page
      return this.renderEmpty();
    }
  }

  /**
   * Dark colours? `theme` when it says light or dark; for `auto`, the host page's `color-scheme`
   * as computed on the element (a light-only app keeps light widgets), and where the page allows
   * both or says nothing, the OS.
   */
  private isDark(): boolean {
    const theme = this.theme;
    if (theme == 'dark' || theme == 'light') return theme == 'dark';
    const scheme = getComputedStyle(this).colorScheme;
    const dark = /dark/.test(scheme);
    return dark != /light/.test(scheme) ? dark : matchMedia(OS_DARK).matches;
  }

  /**
   * The link: `href`, else the status page (the feed's page URL, else the origin of an https
   * Statuspage API `src`). With an `item`: `href`, else its shortlink, else its page on the
   * status page where it has one (`incidentPage`: Statuspage incidents only), else the status
   * page itself: never a page made up from another format's id.
   */
  protected pageLink(item?: FeedIncident): string | undefined {
    const own = this.href && https(this.href, document.baseURI);
    if (own) return own;
    const src = this.src && https(this.src, document.baseURI);
    const page =
      https(this.feedState.feed?.page.url) ||
      (src && STATUSPAGE_API.test(src) ? new URL(src).origin : undefined);
    if (!item) return page;
    return https(item.shortlink) || incidentPage(item, page) || page;
  }

  /** Dispatches a composed, bubbling CustomEvent; false when a listener cancelled it. */
  protected emit<T>(type: string, detail: T, cancelable?: boolean): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}

/** Registers `tag` once: a second copy of the bundle, or an import on a server, does nothing. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (typeof window !== 'undefined' && window.customElements && !customElements.get(tag))
    customElements.define(tag, element);
}
