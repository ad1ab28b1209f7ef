// First, before lit loads: see trusted-types.ts.
import '../trusted-types';
import { html, nothing, type PropertyValues } from 'lit';
import {
  activeIncidents,
  componentMatcher,
  latestUpdate,
  parseComponentList,
  relevantMaintenances,
} from '../../../src/core/feed';
import { RANKS } from '../../../src/core/feed/levels';
import type { Feed, FeedIncident, FeedUpdate } from '../../../src/core/types';
import { dismiss, isDismissed } from '../dismissal';
import { FeedElement, type RenderContext, type Template } from '../element';
import { fill, type BannerLevel, type OpenStatus } from '../i18n';
import { schedule } from '../ticker';
import { relative } from '../time';
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
/** The least severe level a banner shows for an incident: none and unknown impacts read minor. */
const LEAST_INCIDENT_LEVEL = RANKS.indexOf('minor');

/**
 * The most severe active incident (else relevant maintenance) that matches `filters`.
 * Pure, so it is tested without a DOM.
 */
export function pickItem(
  feed: Feed,
  filters: string[],
  now: number,
  maintenanceHours: number | null,
): FeedIncident | undefined {
  const hit = componentMatcher(filters, feed);
  return (
    activeIncidents(feed).find(hit) ??
    (maintenanceHours === null
      ? undefined
      : relevantMaintenances(feed, now, maintenanceHours).find(hit))
  );
}

/**
 * @summary An in-app banner for the most severe active incident or relevant maintenance; renders
 * nothing, and takes no space, while all is well.
 *
 * @attr src - URL of a Statuspage v2 `summary.json` (or compatible) feed.
 * @attr components - Comma-separated component names or ids to filter by.
 * @attr poll-interval - Seconds between polls (default 60, minimum 15).
 * @attr locale - BCP 47 locale; English and German are built in, others fall back to English.
 * @attr theme - `auto` (follows prefers-color-scheme, default), `light` or `dark`.
 * @attr href - https link to use instead of the incident's or status page's link.
 * @attr position - `inline` (default), `top` or `bottom` (fixed, overlays the page).
 * @attr no-dismiss - Hides the dismiss button.
 * @attr no-maintenance - Ignores maintenance.
 * @attr maintenance-window - Hours ahead to announce scheduled maintenance (default 24).
 *
 * @prop {unknown} data - A feed pushed by the host app (Statuspage JSON or a normalized Feed); no fetch.
 * @prop {FeedIncident | null} incident - The incident or maintenance shown now (read-only).
 *
 * @fires {CustomEvent<IncidentBannerChangeDetail>} incident-banner-change - The shown incident or its latest update changed.
 * @fires {CustomEvent<IncidentBannerDismissDetail>} incident-banner-dismiss - The reader dismissed it; cancelable.
 *
 * @csspart region - The live region wrapper (fixed for top/bottom).
 * @csspart base - The banner box; also carries the level as a part: critical, major, minor or maintenance.
 * @csspart severity - The severity label.
 * @csspart name - The incident name.
 * @csspart status - The incident status.
 * @csspart body - The latest update text.
 * @csspart meta - The line with the time, the More toggle and the link.
 * @csspart time - The relative time ("updated 5 minutes ago").
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
 */
export class IncidentBanner extends FeedElement {
  static override styles = styles;
  static override properties = {
    ...FeedElement.properties,
    position: { type: String, reflect: true },
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    noMaintenance: { type: Boolean, attribute: 'no-maintenance' },
    maintenanceWindow: { type: Number, attribute: 'maintenance-window' },
    expanded: { state: true },
  };

  declare position: BannerPosition;
  declare noDismiss: boolean;
  declare noMaintenance: boolean;
  declare maintenanceWindow: number;
  /** The long body is expanded (reset to false before each new item shows). */
  declare private expanded: boolean;
  private item: FeedIncident | null = null;
  /** The dismissal key of `item` ('' without one), and the one last announced. */
  private key = '';
  private announcedKey = '';
  /** The latest update of `item` (worked out once per update, in willUpdate). */
  private latest: FeedUpdate | undefined;

  constructor() {
    super();
    this.position = 'inline';
    this.noDismiss = false;
    this.noMaintenance = false;
    this.maintenanceWindow = DEFAULT_MAINTENANCE_HOURS;
    this.expanded = false;
  }

  /** The incident or maintenance shown now, or null. */
  get incident(): FeedIncident | null {
    return this.item;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.feedState.feed;
    let item: FeedIncident | undefined;
    // a number of hours ≥ 0; absent, unreadable ("soon") or negative is the default
    const hours = this.maintenanceWindow ?? NaN;
    try {
      item = !feed
        ? undefined
        : pickItem(
            feed,
            parseComponentList(this.components),
            Date.now(),
            this.noMaintenance ? null : hours >= 0 ? hours : DEFAULT_MAINTENANCE_HOURS,
          );
    } catch {
      // a broken feed shows nothing
    }
    // the dismissal key: a new update (new id) shows the banner again
    this.latest = item ? latestUpdate(item) : undefined;
    let key = item ? `${item.id}:${this.latest?.id ?? item.updatedAt}` : '';
    if (isDismissed(key)) key = ''; // ('' is never stored)
    this.item = key && item ? item : null;
    if (key !== this.key) this.expanded = false;
    this.key = key;
  }

  protected override updated(): void {
    if (this.key !== this.announcedKey) {
      this.announcedKey = this.key;
      this.emit<IncidentBannerChangeDetail>('incident-banner-change', { incident: this.item });
    }
    if (!this.key) schedule(this);
  }

  /** (Only reachable from the shown item's button or Esc, both absent with `no-dismiss`.) */
  private dismissShown(): void {
    const incident = this.item;
    if (!incident) return;
    if (this.emit<IncidentBannerDismissDetail>('incident-banner-dismiss', { incident }, true)) {
      dismiss(this.key);
      this.requestUpdate();
    }
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !this.noDismiss) {
      e.stopPropagation();
      this.dismissShown();
    }
  }

  // (a button's text is its only child: no whitespace around it)
  // prettier-ignore
  private moreButton(label: string, open: boolean): Template {
    return html`<button part="more" aria-expanded=${open} aria-controls="body" @click=${() => (this.expanded = !open)}>${label}</button>`;
  }

  // prettier-ignore
  private dismissButton(label: string): Template {
    return html`<button part="dismiss" aria-label=${label} @click=${this.dismissShown}>×</button>`;
  }

  /** Both live regions, always present, so a screen reader announces what appears in them. */
  private regions(content: Template, critical: boolean): Template {
    return html`<div class="region" part="region">
      <div role="status">${critical ? nothing : content}</div>
      <div role="alert">${critical ? content : nothing}</div>
    </div>`;
  }

  protected override renderEmpty(): Template {
    return this.regions(nothing, false);
  }

  /** Text-only mode (see FeedElement.update): the shown item's name and its latest update. */
  protected override plainText(): string {
    const item = this.item;
    if (!item) return '';
    const body = this.latest?.body.trim();
    return body ? `${item.name}: ${body}` : item.name;
  }

  protected override renderWith({ s, tag, asOf }: RenderContext): Template {
    const item = this.item;
    if (!item) return this.renderEmpty();
    const level: BannerLevel =
      item.kind === 'maintenance'
        ? 'maintenance'
        : (RANKS[Math.max(LEAST_INCIDENT_LEVEL, RANKS.indexOf(item.impact))] as BannerLevel);
    const now = Date.now();
    const body = this.latest?.body.trim() ?? '';
    const long = body.length > LONG_BODY;
    const open = this.expanded;
    const shown = long && !open ? body.slice(0, COLLAPSED_BODY).replace(/\s+\S*$/, '') + '…' : body;
    const future = item.status === 'scheduled' && (item.scheduledFor ?? 0) > now;
    const [when, next] = relative(
      future ? item.scheduledFor! : (this.latest?.displayAt ?? item.updatedAt),
      now,
      tag,
    );
    schedule(this, next);
    const link = this.pageLink(item);
    const status = s.status[item.status as OpenStatus] ?? '';
    const content = html`<div part="base ${level}" class="box ${level}" @keydown=${this.onKeydown}>
      <div class="content">
        <p>
          <span part="severity">${s.severity[level]}</span>
          <strong part="name" dir="auto">${item.name}</strong>
          <span part="status">${status}</span>
        </p>
        ${body ? html`<p part="body" id="body" dir="auto">${shown}</p>` : nothing}
        <p part="meta">
          ${long ? this.moreButton(open ? s.less : s.more, open) : nothing}
          <span part="time">${fill(future ? s.starts : s.updated, when || s.justNow)}</span>
          ${asOf ? html`<span part="stale">${asOf}</span>` : nothing}
          ${
            link
              ? html`<a part="link" href=${link} target="_blank" rel="noreferrer">${s.link}</a>`
              : nothing
          }
        </p>
      </div>
      ${this.noDismiss ? nothing : this.dismissButton(s.dismiss)}
    </div>`;
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
