/** What both widgets share: the data source (src or data), locale, theme and the link. */
import { parseFeed } from '../../src/core/feed';
import type { Feed, FeedIncident } from '../../src/core/types';
import { Base, N, P, R, type PropertyDeclarations } from './element';
import { EMPTY, feedClient } from './feed-client/feed-client';
import { lang, type Lang } from './i18n';
import { schedule } from './ticker';

export type Theme = 'auto' | 'light' | 'dark';

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

export abstract class FeedElement extends Base {
  static override properties: PropertyDeclarations = {
    src: 0,
    data: P,
    components: 0,
    pollInterval: N,
    locale: 0,
    theme: R,
    href: 0,
  };

  declare src?: string;
  declare data?: unknown;
  declare components?: string;
  declare pollInterval?: number;
  declare locale?: string;
  declare theme?: Theme;
  declare href?: string;
  protected _s = EMPTY;
  /** Unsubscribes from the feed client; undefined while not subscribed. */
  private _off?: (() => void) | undefined;

  disconnectedCallback(): void {
    this._off?.();
    this._off = undefined;
    // no relative-time wake-ups for a detached element
    schedule(this);
  }

  protected override willUpdate(changed: Set<string>): void {
    if (!this._off || changed.has('src') || changed.has('data') || changed.has('pollInterval'))
      this._connect();
  }

  private _connect(): void {
    this._off?.();
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

  /** Strings and Intl tag: `locale`, else the nearest `lang`, else the browser's. */
  protected _lang(): Lang {
    return lang(this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language);
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

  protected _emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}
