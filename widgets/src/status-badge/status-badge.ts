// First, before lit loads: see trusted-types.ts.
import '../trusted-types';
import { html, nothing, type PropertyValues } from 'lit';
import {
  activeIncidents,
  componentMatcher,
  componentStatus,
  effectiveIndicator,
  isActive,
} from '../../../src/core/feed';
import type { Feed, Indicator } from '../../../src/core/types';
import { FeedElement, filtersOf, type RenderContext, type Template } from '../element';
import { styles } from './status-badge.styles';

export interface StatusBadgeChangeDetail {
  indicator: Indicator;
  /** The indicator shown before, or null the first time the status becomes known. */
  previous: Indicator | null;
}

/**
 * The truthful indicator for the badge: never "operational" while an active incident or a
 * component says otherwise; `unknown` for a named component the feed does not list. `filters`
 * include the `component`.
 */
export function badgeIndicator(feed: Feed, component: string | undefined, filters: string[]) {
  const level = effectiveIndicator(feed, filters);
  return component && level === 'none' && componentStatus(feed, component) === undefined
    ? 'unknown'
    : level;
}

/**
 * @summary A status dot plus a text label for the whole page or one component, linking to the
 * status page, with a tooltip that lists the active incidents.
 *
 * @attr src - URL of a Statuspage v2 `summary.json` (or compatible) feed.
 * @attr component - One component (name or id) to show instead of the overall indicator.
 * @attr components - Component names or ids to narrow the indicator to: comma-separated, or a JSON array for names with a comma; the property also takes an array.
 * @attr poll-interval - Seconds between polls (default 60, minimum 15).
 * @attr locale - BCP 47 locale; English is built in; German, French, Spanish, Portuguese (Brazil) and Japanese load on demand; others fall back to English.
 * @attr theme - `auto` (default: the page's `color-scheme` on the element, else the OS), `light` or `dark`.
 * @attr href - https link to use instead of the status page's.
 * @attr compact - Shows the dot only; the label stays available to screen readers and in the tooltip.
 *
 * @prop {unknown} data - A feed pushed by the host app (Statuspage JSON or a normalized Feed); no fetch.
 * @prop {Strings} strings - Your own wording over the built-in strings (any subset of the catalog).
 * @prop {Indicator | null} indicator - The indicator shown now (Statuspage's words: `none` is all operational), null before data arrives (read-only).
 *
 * @fires {CustomEvent<StatusBadgeChangeDetail>} status-badge-change - The shown indicator changed (including the first time it is known).
 *
 * @csspart base - The badge (a link when the status page is known); also carries the indicator as a part: none (all operational), minor, major, critical, maintenance or unknown.
 * @csspart dot - The coloured dot.
 * @csspart label - The text label.
 * @csspart tooltip - The tooltip listing active incidents.
 *
 * @cssprop --status-badge-background - Background.
 * @cssprop --status-badge-color - Text colour.
 * @cssprop --status-badge-border-color - Border colour.
 * @cssprop --status-badge-dot-color - Dot colour (overrides the indicator colour).
 * @cssprop --status-badge-font-family - Font family (default system-ui).
 * @cssprop --status-badge-font-size - Font size (default 13px).
 * @cssprop --status-badge-padding - Padding.
 * @cssprop --status-badge-border-radius - Corner radius (default 999px).
 */
export class StatusBadge extends FeedElement {
  static override styles = styles;
  static override properties = {
    ...FeedElement.properties,
    component: { type: String },
    compact: { type: Boolean, reflect: true },
  };

  declare component?: string;
  declare compact: boolean;
  private level: Indicator | null = null;
  private announced: Indicator | null = null;
  /** `component` and `components`, as filters. */
  private filters: string[] = [];

  constructor() {
    super();
    this.compact = false;
  }

  /** The indicator shown now, or null before any data (or error) arrives. */
  get indicator(): Indicator | null {
    return this.level;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { feed, error } = this.feedState;
    const component = this.component;
    const filters = filtersOf(this.components, feed);
    if (component) filters.unshift(component);
    this.filters = filters;
    try {
      this.level = feed ? badgeIndicator(feed, component, filters) : error ? 'unknown' : null;
    } catch {
      this.level = 'unknown';
    }
  }

  protected override updated(): void {
    const previous = this.announced;
    if (this.level && this.level !== previous) {
      this.announced = this.level;
      this.emit<StatusBadgeChangeDetail>('status-badge-change', {
        indicator: this.level,
        previous,
      });
    }
  }

  protected override renderEmpty(): Template {
    return nothing;
  }

  /** The tooltip shows on hover and keyboard focus; Escape (WCAG 1.4.13), leaving and blur hide it. */
  private tip(show: boolean): void {
    const root = this.renderRoot;
    const tip = root.querySelector<HTMLElement>('.tooltip');
    if (tip)
      void import('./tooltip').then((m) => m.showTip(tip, root.querySelector('.badge')!, show));
  }

  private readonly onTip = (e: Event): void => {
    const t = e.type;
    if (t == 'keydown') {
      if ((e as KeyboardEvent).key != 'Escape') return;
      e.stopPropagation();
    }
    this.tip(
      t == 'mouseenter' ||
        (t == 'focusin' && this.renderRoot.querySelector(':focus-visible') != null),
    );
  };

  protected override renderWith({ s, asOf, dark }: RenderContext): Template {
    const level = this.level;
    if (!level) return nothing;
    const { feed } = this.feedState;
    const compact = this.compact;
    const filters = this.filters;
    const label = (filters.length ? s.component : s.page)[level];
    // the active incidents and maintenances that match, for the tooltip
    const names = feed
      ? [...activeIncidents(feed), ...feed.maintenances.filter(isActive)]
          .filter(componentMatcher(filters, feed))
          .map((i) => i.name)
      : [];
    const described = names.length > 0 || asOf !== '';
    // Without a status page the base is an <a> without href: focusable (for the tooltip), not a link.
    const on = this.onTip;
    const surface = `surface ${dark ? 'dark' : ''}`;
    // (compact templates: the build keeps template text as written)
    // prettier-ignore
    return html`<span class="root ${surface}" @mouseenter=${on} @mouseleave=${on} @focusin=${on} @focusout=${on} @keydown=${on}><a part="base ${level}" class="badge ${level}" href=${this.pageLink() ?? nothing} tabindex="0" target="_blank" rel="noreferrer" aria-describedby=${described ? 'tooltip' : nothing}><span part="dot" class="dot"></span><span part="label" class="label">${label}${asOf && !compact ? ` · ${asOf}` : ''}</span></a>${
        described || compact
          ? html`<span part="tooltip" class="tooltip ${surface}" role="tooltip" id="tooltip" popover="manual">${compact ? html`<span>${label}</span>` : nothing}${
                names.length
                  ? html`<span>${s.activeIncidents}</span><ul>${names.map((n) => html`<li dir="auto">${n}</li>`)}</ul>`
                  : nothing
              }${asOf ? html`<span>${asOf}</span>` : nothing}</span>`
          : nothing
      }</span>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'status-badge-change': CustomEvent<StatusBadgeChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
