import { html, nothing } from 'lit/html.js';
import {
  activeIncidents,
  componentMatcher,
  latestUpdate,
  parseComponentList,
  relevantMaintenances,
} from '../../../src/core/feed';
import { OPEN_STATUSES, RANKS } from '../../../src/core/feed/levels';
import type { Feed, FeedIncident, FeedUpdate } from '../../../src/core/types';
import { dismiss, isDismissed } from '../dismissal';
import { B, N, R, FeedElement, type PropertyDeclarations, type Template } from '../element';
import { DISMISS, fill, LESS, LINK, MORE, NOW, SEVERITY, STARTS, UPDATED } from '../i18n';
import { schedule } from '../ticker';
import { relative } from '../time';
import { styles } from './incident-banner.styles';

export type BannerPosition = 'top' | 'bottom' | 'inline';
export type BannerLevel = 'critical' | 'major' | 'minor' | 'maintenance';

export interface IncidentBannerChangeDetail {
  /** The incident or maintenance now shown, or null when the banner went empty. */
  incident: FeedIncident | null;
}
export interface IncidentBannerDismissDetail {
  incident: FeedIncident;
}

/** Bodies longer than this get a "More" toggle. */
const LONG = 200;

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
  static override properties: PropertyDeclarations = {
    ...FeedElement.properties,
    position: R,
    noDismiss: B,
    noMaintenance: B,
    maintenanceWindow: N,
  };

  declare position: BannerPosition;
  declare noDismiss: boolean;
  declare noMaintenance: boolean;
  declare maintenanceWindow: number;
  /** The long body is expanded (reset to false before each new item shows). */
  private _open?: boolean;
  private _item: FeedIncident | null = null;
  /** The dismissal key of `_item` ('' without one), and the one last announced. */
  private _key!: string;
  /** The latest update of `_item` (worked out once per update, in willUpdate). */
  private _upd?: FeedUpdate | undefined;
  private _shown = '';

  constructor() {
    super();
    this.position = 'inline';
    this.noDismiss = false;
    this.noMaintenance = false;
    this.maintenanceWindow = 24;
  }

  /** The incident or maintenance shown now, or null. */
  get incident(): FeedIncident | null {
    return this._item;
  }

  protected override willUpdate(): void {
    super.willUpdate();
    const feed = this._s.feed;
    let item: FeedIncident | null | undefined;
    // (a number of hours ≥ 0; absent, unreadable ("soon") or negative is the default, 24)
    const w = +(this.maintenanceWindow ?? NaN);
    try {
      item =
        feed &&
        pickItem(
          feed,
          parseComponentList(this.components),
          Date.now(),
          this.noMaintenance ? null : w >= 0 ? w : 24,
        );
    } catch {
      // a broken feed shows nothing
    }
    // the dismissal key: a new update (new id) shows the banner again
    const upd = (this._upd = item ? latestUpdate(item) : undefined);
    let key = item ? `${item.id}:${upd?.id ?? item.updatedAt}` : '';
    if (isDismissed(key)) key = ''; // ('' is never stored)
    this._key = key;
    this._item = key ? item! : null;
    if (key !== this._shown) this._open = false;
  }

  protected override updated(): void {
    const key = this._key;
    if (key !== this._shown) {
      this._shown = key;
      this._emit<IncidentBannerChangeDetail>('incident-banner-change', { incident: this._item });
    }
    if (!key) schedule(this);
  }

  /** (Only reachable from the shown item's button or Esc, both absent with `no-dismiss`.) */
  private _dismiss(): void {
    if (
      this._emit<IncidentBannerDismissDetail>(
        'incident-banner-dismiss',
        { incident: this._item! },
        true,
      )
    ) {
      dismiss(this._key);
      this.requestUpdate();
    }
  }

  protected override render() {
    const item = this._item;
    let level: BannerLevel | undefined;
    let content: Template = nothing;
    if (item) {
      // maintenance, else the impact, at least minor (none and unknown read minor)
      level = (
        item.kind === 'maintenance' ? 'maintenance' : RANKS[Math.max(3, RANKS.indexOf(item.impact))]
      ) as BannerLevel;
      const { s, tag, asOf } = this._lang();
      const now = Date.now();
      const upd = this._upd;
      const body = upd?.body.trim() ?? '';
      const long = body.length > LONG;
      const open = this._open;
      const shown = long && !open ? body.slice(0, LONG - 20).replace(/\s+\S*$/, '') + '…' : body;
      const future = item.status == 'scheduled' && item.scheduledFor! > now;
      const [rel, next] = relative(
        future ? item.scheduledFor! : (upd?.displayAt ?? item.updatedAt),
        now,
        tag,
      );
      schedule(this, next);
      const link = this._page(item);
      content = html`<div part="base ${level}" class="b ${level}" @keydown=${this._esc}>
        <div class="c">
          <p>
            <span part="severity">${s[SEVERITY + RANKS.indexOf(level)]}</span>
            <strong part="name" dir="auto">${item.name}</strong>
            <span part="status">${s[OPEN_STATUSES.indexOf(item.status)]}</span>
          </p>
          ${body ? html`<p part="body" id="body" dir="auto">${shown}</p>` : nothing}
          <p part="meta">
            ${
              long
                ? html`<button
                    part="more"
                    aria-expanded=${open}
                    aria-controls="body"
                    @click=${() => {
                      this._open = !open;
                      this.requestUpdate();
                    }}
                  >
                    ${s[open ? LESS : MORE]}
                  </button>`
                : nothing
            }
            <span part="time">${fill(s[future ? STARTS : UPDATED]!, rel || s[NOW]!)}</span>
            ${asOf ? html`<span part="stale">${asOf}</span>` : nothing}
            ${
              link
                ? html`<a part="link" href=${link} target="_blank" rel="noreferrer">${s[LINK]}</a>`
                : nothing
            }
          </p>
        </div>
        ${
          this.noDismiss
            ? nothing
            : html`<button part="dismiss" aria-label=${s[DISMISS]} @click=${this._dismiss}>
                ×
              </button>`
        }
      </div>`;
    }
    return html`<div class="w" part="region">
      <div role="status">${level == 'critical' ? nothing : content}</div>
      <div role="alert">${level == 'critical' ? content : nothing}</div>
    </div>`;
  }

  private _esc(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !this.noDismiss) {
      e.stopPropagation();
      this._dismiss();
    }
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
