// First, before lit loads: see trusted-types.ts.
import '../trusted-types';
import { html, nothing, type PropertyValues } from 'lit';
import {
  activeIncidents,
  componentMatcher,
  isActive,
  latestUpdate,
  relevantMaintenances,
} from '../../../src/core/feed';
import { RANKS } from '../../../src/core/feed/levels';
import type { Feed, FeedIncident } from '../../../src/core/types';
import { dismiss, isDismissed } from '../dismissal';
import { FeedElement, filtersOf, type RenderContext, type Template } from '../element';
import { fill, registerLocale, type BannerLevel, type Catalog, type OpenStatus } from '../i18n';
import { schedule } from '../ticker';
import { clock, relative, timeWindow } from '../time';
import { styles } from './incident-banner.styles';

export type BannerPosition = 'top' | 'bottom' | 'inline';
export type { BannerLevel };

export interface IncidentBannerChangeDetail {
  /** The incident or maintenance now shown, or null when the banner went empty. */
  incident: FeedIncident | null;
}
export interface IncidentBannerDismissDetail {
  incident: FeedIncident;
}

/** Bodies longer than this many characters get a "More" toggle. */
const LONG_BODY = 200;
/** A collapsed long body shows about this many characters (cut at a word), then "…". */
const COLLAPSED_BODY = LONG_BODY - 20;
/** Hours ahead a scheduled maintenance is announced, unless `maintenance-window` says otherwise. */
const DEFAULT_MAINTENANCE_HOURS = 24;
/** Seconds a banner says "Resolved" after its incident closed, unless `resolved-for` says otherwise. */
const DEFAULT_RESOLVED_SECONDS = 60;
/** The least severe level a banner shows for an incident: none and unknown impacts read minor. */
const LEAST_INCIDENT_LEVEL = RANKS.indexOf('minor');

/**
 * Every active incident (most severe first), then every relevant maintenance, that matches
 * `filters`. Pure, so it is tested without a DOM.
 */
export function pickItems(
  feed: Feed,
  filters: string[],
  now: number,
  maintenanceHours: number | null,
): FeedIncident[] {
  const hit = componentMatcher(filters, feed);
  return [
    ...activeIncidents(feed),
    ...(maintenanceHours === null ? [] : relevantMaintenances(feed, now, maintenanceHours)),
  ].filter(hit);
}

/** The first of `pickItems`: what the banner shows when nothing is dismissed. */
export const pickItem = (...a: Parameters<typeof pickItems>): FeedIncident | undefined =>
  pickItems(...a)[0];

/** The dismissal key of an item: its id and latest update, so news shows again. */
const keyOf = (item: FeedIncident): string =>
  `${item.id}:${latestUpdate(item)?.id ?? item.updatedAt}`;

/** The feed still lists `item` as open (a scheduled maintenance counts): it is not resolved. */
const stillOpen = (feed: Feed, item: FeedIncident): boolean =>
  [...feed.incidents, ...feed.maintenances].some(
    (i) => i.id == item.id && (isActive(i) || i.status == 'scheduled'),
  );

/** The banner's level for an item: maintenance, else the impact (at least minor). */
const levelOf = (item: FeedIncident): BannerLevel =>
  item.kind === 'maintenance'
    ? 'maintenance'
    : (RANKS[Math.max(LEAST_INCIDENT_LEVEL, RANKS.indexOf(item.impact))] as BannerLevel);

/**
 * @summary An in-app banner for the most severe active incident or relevant maintenance, with
 * "+N more" for the others; renders nothing, and takes no space, while all is well (unless you
 * reserve it). One that appears mid-visit floats over the page, one line high and taking no room,
 * until the reader's next click or key; one the feed changes (a new update, "Resolved") keeps its
 * size, and what the reader saw keeps its place, until then; one that goes away not at the
 * reader's hand keeps its room, empty, until then.
 *
 * @attr src - URL of a Statuspage v2 `summary.json` (or compatible) feed.
 * @attr components - Component names or ids to filter by: comma-separated, or a JSON array (`'["Checkout, EU"]'`) for names with a comma; the property also takes an array. A name the feed lacks is warned about once.
 * @attr poll-interval - Seconds between polls (default 60, minimum 15).
 * @attr locale - BCP 47 locale; English is built in; German, French, Spanish, Portuguese (Brazil) and Japanese load on demand; others fall back to English.
 * @attr theme - `auto` (default: the page's `color-scheme` on the element, else the OS), `light` or `dark`.
 * @attr href - https link to use instead of the incident's or status page's link.
 * @attr position - `inline` (default), `top` or `bottom` (fixed; at most 25% of the viewport high, scrolling inside; its height is published as `--incident-banner-block-size-top` / `-bottom` on the document so the app can make room).
 * @attr no-dismiss - Hides the dismiss button and ignores dismissals made in other banners.
 * @attr no-maintenance - Ignores maintenance.
 * @attr maintenance-window - Hours ahead to announce scheduled maintenance (default 24).
 * @attr resolved-for - Seconds the banner says "Resolved" once the incident it showed is closed (default 60; 0: goes at once).
 *
 * @prop {unknown} data - A feed pushed by the host app (Statuspage JSON or a normalized Feed); no fetch.
 * @prop {Strings} strings - Your own wording over the built-in strings (any subset of the catalog).
 * @prop {FeedIncident | null} incident - The incident or maintenance shown now (read-only).
 *
 * @fires {CustomEvent<IncidentBannerChangeDetail>} incident-banner-change - The shown incident or its latest update changed.
 * @fires {CustomEvent<IncidentBannerDismissDetail>} incident-banner-dismiss - The reader dismissed it; cancelable.
 *
 * @csspart region - The live region wrapper (fixed for top/bottom).
 * @csspart base - The banner box; also carries the level as a part: critical, major, minor, maintenance or resolved.
 * @csspart severity - The severity label.
 * @csspart name - The incident name.
 * @csspart status - The incident status.
 * @csspart body - The latest update text.
 * @csspart meta - The line with the time, the More toggle and the link.
 * @csspart time - The time: "updated 5 minutes ago", "starts in 2 hours", "ends 4:00 PM UTC".
 * @csspart window - A scheduled maintenance's start, end, time zone and length.
 * @csspart others - The "+N more" toggle.
 * @csspart list - The list of the other open incidents.
 * @csspart stale - "as of 14:05" when the feed could not be refreshed.
 * @csspart more - The More/Less toggle.
 * @csspart link - The link to the incident or status page.
 * @csspart dismiss - The dismiss button.
 *
 * @cssprop --incident-banner-background - Background (overrides the severity colour).
 * @cssprop --incident-banner-color - Text colour.
 * @cssprop --incident-banner-accent - Accent stripe colour.
 * @cssprop --incident-banner-font-family - Font family (default system-ui).
 * @cssprop --incident-banner-font-size - Font size (default 14px).
 * @cssprop --incident-banner-padding - Padding of the box.
 * @cssprop --incident-banner-border-radius - Corner radius (default 0).
 * @cssprop --incident-banner-shadow - Box shadow.
 * @cssprop --incident-banner-max-width - Maximum width of the content (default none).
 * @cssprop --incident-banner-z-index - Stacking order for top/bottom (default 2147483000).
 * @cssprop --incident-banner-reserve - Inline: block size to reserve, so a banner that appears, changes or goes away moves nothing.
 * @cssprop --incident-banner-max-block-size - Top/bottom: the most of the viewport the banner covers (default 25vh).
 */
export class IncidentBanner extends FeedElement {
  static override styles = styles;
  static override properties = {
    ...FeedElement.properties,
    position: { type: String, reflect: true },
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    noMaintenance: { type: Boolean, attribute: 'no-maintenance' },
    maintenanceWindow: { type: Number, attribute: 'maintenance-window' },
    resolvedFor: { type: Number, attribute: 'resolved-for' },
    expanded: { state: true },
    listed: { state: true },
  };
  /** Adds a language (a locale pack) for every widget: `registerLocale('nl', catalog)`. */
  static registerLocale = registerLocale;

  declare position: BannerPosition;
  declare noDismiss: boolean;
  declare noMaintenance: boolean;
  declare maintenanceWindow: number;
  declare resolvedFor: number;
  /** The long body is expanded (reset to false before each new item shows). */
  declare private expanded: boolean;
  /** The "+N more" list is open. */
  declare private listed: boolean;
  /** What to show, first shown: every matching open item not dismissed (`no-dismiss`: all). */
  private items: FeedIncident[] = [];
  /** The item shown last, and until when it reads "Resolved" once it is gone from the feed. */
  private gone: FeedIncident | null = null;
  private goneUntil = 0;
  /** The key (id:update, or "resolved:id") shown now, and the one last announced. */
  private key = '';
  private announcedKey = '';
  /** The reader acted (More, the list, dismiss): the size may change in answer to them. */
  private acted = false;
  /** The box's block size, held while the feed changes what it says (no layout shift). */
  private held = 0;
  /** The severity label's inline size, held likewise: a shorter label leaves the name in place. */
  private label = 0;
  /** What the box says (its key and level): a change with no input holds it until the next one. */
  private view = '';
  /**
   * It turned to "Resolved" with no input: the lines it replaced (status, update, time) keep their
   * room, unseen, until the reader's next click or key, so nothing inside the box moves.
   */
  private kept = false;
  /** Publishes a fixed banner's size as a custom property on the document. */
  private sizer?: ResizeObserver;
  /**
   * It appeared mid-visit (after a render that showed nothing): it floats over the page, taking no
   * room, until the reader's next click or key, when it takes its room (a shift CLS does not count:
   * it follows input). A banner shown at first paint, from the kept feed, has its room at once.
   */
  private float?: 'float' | '';
  /**
   * It went away, not at the reader's hand (the feed cleared, the Resolved time ended, the app
   * filtered it out): its region keeps this block size, empty, until the reader's next click or
   * key, so what follows it (or a page padded with a fixed banner's size) moves only then.
   */
  private room = 0;
  private readonly dock = (): void => {
    // (the input is the reader's: the kept room goes, and a floating box, one line high, takes
    // its full size)
    this.float = '';
    this.acted = true;
    this.requestUpdate();
  };
  /** Docks at the reader's next click or key. */
  private untilInput(): void {
    for (const t of ['click', 'keydown'])
      addEventListener(t, this.dock, { capture: true, once: true });
  }

  constructor() {
    super();
    this.position = 'inline';
    this.noDismiss = false;
    this.noMaintenance = false;
    this.maintenanceWindow = DEFAULT_MAINTENANCE_HOURS;
    this.resolvedFor = DEFAULT_RESOLVED_SECONDS;
    this.expanded = this.listed = false;
  }

  /** The incident or maintenance shown now, or null. */
  get incident(): FeedIncident | null {
    return this.items[0] ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.feedState.feed;
    const now = Date.now();
    const shown = this.items[0];
    let items: FeedIncident[] = [];
    // a number of hours ≥ 0; absent, unreadable ("soon") or negative is the default
    const hours = this.maintenanceWindow ?? NaN;
    try {
      if (feed)
        items = pickItems(
          feed,
          filtersOf(this.components, feed),
          now,
          this.noMaintenance ? null : hours >= 0 ? hours : DEFAULT_MAINTENANCE_HOURS,
        ).filter((i) => this.noDismiss || !isDismissed(keyOf(i)));
    } catch {
      // a broken feed shows nothing
    }
    this.items = items;
    // The item shown is gone from the feed (not dismissed): it reads "Resolved" for a while.
    if (items.length) this.gone = null;
    // (gone from the feed's open items, not merely filtered out or dismissed)
    else if (shown && feed && !isDismissed(keyOf(shown)) && !stillOpen(feed, shown)) {
      this.gone = shown;
      this.goneUntil =
        now + (this.resolvedFor >= 0 ? this.resolvedFor : DEFAULT_RESOLVED_SECONDS) * 1000;
    }
    if (this.gone && this.goneUntil <= now) this.gone = null;
    const key = items[0] ? keyOf(items[0]) : this.gone ? `resolved:${this.gone.id}` : '';
    const view = key + (items[0] ? levelOf(items[0]) : '');
    const box = this.renderRoot.querySelector?.('.box');
    const region = this.renderRoot.querySelector?.('.region');
    if (this.acted) {
      this.held = this.room = this.label = 0;
      this.kept = false;
    }
    // Appeared after a render that showed nothing: into the kept room, else floating (it stays
    // floating, empty, if it goes again).
    else if (key && !this.key) {
      this.held = this.room;
      if (!this.room && this.hasUpdated) {
        this.float = 'float';
        this.untilInput();
      }
    }
    // Went away with its room: the room stays until the reader's next click or key.
    else if (!key && this.key && !this.float && region) {
      this.room = region.getBoundingClientRect().height;
      this.untilInput();
    }
    // The box keeps its size while the feed changes it, and its label its width, until the
    // reader's next click or key (or their own action in it), which lays it out anew.
    else if (box) {
      this.held ||= box.getBoundingClientRect().height;
      this.label = box.querySelector('[part=severity]')!.getBoundingClientRect().width;
      if (view != this.view) {
        this.kept = !items[0];
        this.untilInput();
      }
    }
    if (key !== this.key) {
      this.listed = false;
      // (a kept Resolved view keeps the update as the reader left it: collapsed or not)
      this.expanded &&= this.kept && !items[0];
    }
    this.key = key;
    this.view = view;
    this.acted = false;
  }

  protected override updated(): void {
    if (this.key !== this.announcedKey) {
      this.announcedKey = this.key;
      this.emit<IncidentBannerChangeDetail>('incident-banner-change', { incident: this.incident });
    }
    if (!this.key) schedule(this);
    const box = this.renderRoot.querySelector<HTMLElement>('.box');
    if (box) box.style.blockSize = this.held ? `${this.held}px` : '';
    const label = box?.querySelector<HTMLElement>('[part=severity]');
    if (label) label.style.minInlineSize = this.label ? `${this.label}px` : '';
    const region = this.renderRoot.querySelector<HTMLElement>('.region');
    if (region) region.style.minBlockSize = this.room ? `${this.room}px` : '';
    this.publishSize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sizer?.disconnect();
    this.sizer = undefined;
    this.publishSize();
  }

  /**
   * A fixed banner's block size, on the document as `--incident-banner-block-size-top` (or
   * `-bottom`), so the app can pad itself; removed while the banner shows nothing.
   */
  private publishSize(): void {
    const side = this.isConnected && this.position != 'inline' && this.position;
    const region = this.renderRoot.querySelector?.('.region');
    if (side && region && !this.sizer)
      (this.sizer = new ResizeObserver(() => this.publishSize())).observe(region);
    // (a floating banner takes its room only at the reader's next click or key)
    const size = side && !this.float && region?.getBoundingClientRect().height;
    const root = document.documentElement.style;
    // (only the banner that published it takes it away)
    if (this.published) root.removeProperty(this.published);
    this.published = size ? `--incident-banner-block-size-${side}` : '';
    if (size) root.setProperty(this.published, `${size}px`);
  }
  private published = '';

  /** (Only reachable from the shown item's button or Esc, both absent with `no-dismiss`.) */
  private async dismissShown(): Promise<void> {
    const incident = this.items[0] ?? this.gone;
    if (!incident) return;
    if (this.emit<IncidentBannerDismissDetail>('incident-banner-dismiss', { incident }, true)) {
      dismiss(keyOf(incident));
      this.gone = null;
      this.acted = true;
      this.requestUpdate();
      await this.updateComplete;
      // Focus stays in the banner: the next incident's Dismiss, else the banner's region.
      const root = this.renderRoot;
      (
        root.querySelector<HTMLElement>('[part=dismiss]') ??
        root.querySelector<HTMLElement>('.region')!
      ).focus();
    }
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !this.noDismiss) {
      e.stopPropagation();
      void this.dismissShown();
    }
  }

  /** A toggle the reader uses (More, "+N more"): the box may grow in answer. */
  // prettier-ignore
  private toggle(part: string, label: string, open: boolean, controls: string, set: (v: boolean) => void): Template {
    return html`<button part=${part} aria-expanded=${open} aria-controls=${controls} @click=${() => { this.acted = true; set(!open); }}>${label}</button>`;
  }

  // prettier-ignore
  private dismissButton(label: string): Template {
    return html`<button part="dismiss" aria-label=${label} @click=${this.dismissShown}>×</button>`;
  }

  /** Both live regions, always present, so a screen reader announces what appears in them. */
  // prettier-ignore
  private regions(content: Template, critical: boolean): Template {
    return html`<div class="region ${this.float}" part="region" tabindex="-1"><div role="status">${critical ? nothing : content}</div><div role="alert">${critical ? content : nothing}</div></div>`;
  }

  protected override renderEmpty(): Template {
    return this.regions(nothing, false);
  }

  /** Text-only mode (see FeedElement.update): the shown item's name and its latest update. */
  protected override plainText(): string {
    const item = this.items[0];
    if (!item) return '';
    const body = latestUpdate(item)?.body.trim();
    return body ? `${item.name}: ${body}` : item.name;
  }

  /** One of the other open incidents in the "+N more" list: its level's words and its name, linked. */
  // prettier-ignore
  private listItem(o: FeedIncident, s: Catalog): Template {
    const href = this.pageLink(o);
    const name = html`<span dir="auto">${o.name}</span>`;
    return html`<li>${s.page[levelOf(o)]}: ${href ? html`<a href=${href} target="_blank" rel="noreferrer">${name}</a>` : name}</li>`;
  }

  /** The time line: when a maintenance runs, else when the incident was last updated. */
  private when(item: FeedIncident, s: Catalog, tag: string, now: number): Template {
    const start = item.scheduledFor;
    const end = item.scheduledUntil;
    const maintenance = item.kind == 'maintenance';
    let text: string;
    let next: number | undefined;
    if (maintenance && item.status == 'scheduled' && start) {
      const [rel, n] = relative(start, now, tag);
      text = fill(start > now ? s.starts : s.late, rel || s.justNow);
      next = n;
    } else if (maintenance && end) {
      text = fill(s.ends, clock(end, tag));
    } else {
      const [rel, n] = relative(latestUpdate(item)?.displayAt ?? item.updatedAt, now, tag);
      text = fill(s.updated, rel || s.justNow);
      next = n;
    }
    schedule(this, next);
    return html`${
        maintenance && start && item.status == 'scheduled'
          ? html`<span part="window">${timeWindow(start, end, tag)}</span>`
          : nothing
      }<span part="time">${text}</span>`;
  }

  protected override renderWith({ s, tag, asOf, dark }: RenderContext): Template {
    const item = this.items[0] ?? this.gone;
    if (!item) return this.renderEmpty();
    const resolved = !this.items[0];
    // the open item's lines: shown, or (kept) in their place unseen
    const lines = !resolved || this.kept;
    const level = resolved ? 'resolved' : levelOf(item);
    const now = Date.now();
    const body = lines ? (latestUpdate(item)?.body.trim() ?? '') : '';
    const long = body.length > LONG_BODY;
    const open = this.expanded;
    const shown = long && !open ? body.slice(0, COLLAPSED_BODY).replace(/\s+\S*$/, '') + '…' : body;
    const link = this.pageLink(item);
    const others = this.items.slice(1);
    const list = this.listed
      ? html`<ul part="list" id="list">
          ${others.map((o) => this.listItem(o, s))}
        </ul>`
      : nothing;
    // (compact templates: the build keeps template text as written; flex items ignore the spaces)
    // prettier-ignore
    const content = html`<div part="base ${level}" class="box ${level} ${dark ? 'dark' : ''} ${open || this.listed ? 'open' : ''} ${resolved && this.kept ? 'kept' : ''}" @keydown=${this.onKeydown}><div class="content"><p><span part="severity">${resolved ? s.resolved : s.page[level as BannerLevel]}</span> <strong part="name" dir="auto">${item.name}</strong> <span part="status">${lines ? (s.status[item.status as OpenStatus] ?? '') : ''}</span></p>
${body ? html`<p part="body" id="body" dir="auto">${shown}</p>` : nothing}<p part="meta">${long ? this.toggle('more', open ? s.less : s.more, open, 'body', (v) => (this.expanded = v)) : nothing}
${lines ? this.when(item, s, tag, now) : nothing} ${asOf ? html`<span part="stale">${asOf}</span>` : nothing}
${link ? html`<a part="link" href=${link} target="_blank" rel="noreferrer">${s.link}</a>` : nothing}
${others.length ? this.toggle('others', fill(s.others, others.length), this.listed, 'list', (v) => (this.listed = v)) : nothing}</p>${list}</div>${this.noDismiss ? nothing : this.dismissButton(fill(s.dismiss, item.name))}</div>`;
    // (after the time line's own wake-up, which this one replaces)
    if (resolved) schedule(this, this.goneUntil);
    return this.regions(content, level === 'critical');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'incident-banner-change': CustomEvent<IncidentBannerChangeDetail>;
    'incident-banner-dismiss': CustomEvent<IncidentBannerDismissDetail>;
  }
  /** (the tag the define entries register; in index.d.ts too, for bundler users) */
  interface HTMLElementTagNameMap {
    'incident-banner': IncidentBanner;
  }
}
