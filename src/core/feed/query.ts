/** Questions the views ask of a parsed Feed, and the truthful overall indicator. Pure. */
import type { ComponentStatus, Feed, FeedIncident, FeedUpdate, Indicator } from '../types';
import { isOneOf } from '../vocabulary';
import { DONE, LIVE, RANKS, newestUpdateFirst } from './levels';

/**
 * A component's status as an indicator, as Statuspage rolls components up: degraded or partial
 * outage → minor, major outage → major (a page-wide "critical" comes from an incident's impact or
 * the page's own indicator). An unknown status says nothing: none.
 */
const INDICATOR_BY_COMPONENT_STATUS: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  unknown: 'none',
};

/** Trimmed, lower-cased: how filters and component ids/names are compared. */
const norm = (s: string): string => s.trim().toLowerCase();

/** True when `set` holds the (normalised) name or id of a component or component ref. */
const named = (c: { id?: string; name: string }, set: Set<string>): boolean =>
  set.has(norm(c.name)) || (c.id !== undefined && set.has(norm(c.id)));

/**
 * True while the item still needs attention: an incident that is not resolved or in
 * post-mortem, or a maintenance that is in progress or verifying.
 */
export function isActive(i: FeedIncident): boolean {
  if (i.kind === 'maintenance') return isOneOf(LIVE, i.status);
  // A status we do not recognise but with a resolution time is over, not open.
  return !isOneOf(DONE, i.status) && !(i.status === 'unknown' && i.resolvedAt !== undefined);
}

/** The newest update (by displayAt, then createdAt), whatever order the list is in. */
export function latestUpdate(i: FeedIncident): FeedUpdate | undefined {
  return [...i.updates].sort(newestUpdateFirst)[0];
}

/** Active incidents (not maintenances), most severe first, then most recently updated. */
export function activeIncidents(feed: Feed): FeedIncident[] {
  return feed.incidents
    .filter(isActive)
    .sort((a, b) => (a.severity ?? 5) - (b.severity ?? 5) || b.updatedAt - a.updatedAt);
}

/**
 * Maintenances worth showing at `now`: in progress / verifying, or scheduled to start
 * within `windowHours` (inclusive) and not yet ended (an end exactly at `now` has ended).
 * A scheduled one whose start has passed but whose end has not is still shown.
 * In-progress first, then soonest start.
 */
export function relevantMaintenances(feed: Feed, now: number, windowHours = 24): FeedIncident[] {
  const later = (m: FeedIncident): number => +(m.status === 'scheduled');
  return feed.maintenances
    .filter(
      (m) =>
        m.kind === 'maintenance' &&
        (isOneOf(LIVE, m.status) ||
          // (undefined <= x is false: no start means not shown, no end means not ended)
          (later(m) &&
            m.scheduledFor! <= now + windowHours * 3_600_000 &&
            !(m.scheduledUntil! <= now))),
    )
    .sort(
      (a, b) =>
        later(a) - later(b) || (a.scheduledFor ?? a.createdAt) - (b.scheduledFor ?? b.createdAt),
    );
}

/** Splits a `components="Checkout, Payments API"` attribute: trimmed, empties removed. */
export function parseComponentList(attr: string | null | undefined): string[] {
  if (typeof attr !== 'string') return [];
  return [...new Set(attr.split(',').map((s) => s.trim()))].filter(Boolean);
}

/**
 * Lower-cased filters, widened with the ids of the children of any group they name.
 * With `up`, also with the id and name of the group of any child they name, because an
 * incident filed against a whole group affects each of its children.
 */
function expand(filters: string[] | undefined, feed?: Feed, up?: boolean): Set<string> {
  const set = new Set(filters?.filter((f) => typeof f === 'string').map(norm));
  set.delete('');
  const all = feed && set.size ? feed.components : [];
  const extra = all
    .filter((c) => named(c, set))
    .flatMap((c) => {
      const group = up ? all.find((g) => g.id === c.groupId) : undefined;
      return group ? [...c.children, group.id, group.name] : c.children;
    });
  for (const e of extra) set.add(norm(e));
  return set;
}

/**
 * True when the item touches any filter: a filter matches a component id or name
 * (case-insensitive, trimmed) on the incident or in any update's affected components.
 * With `feed`, a filter naming a group matches its children (and a filter naming a child
 * matches an incident filed against its whole group). Empty filters match everything.
 */
export function matchesComponents(item: FeedIncident, filters: string[], feed?: Feed): boolean {
  return componentMatcher(filters, feed)(item);
}

/** `matchesComponents` as a predicate, the filters expanded once for every item it is asked about. */
export function componentMatcher(
  filters: string[] | undefined,
  feed?: Feed,
): (item: FeedIncident) => boolean {
  const set = expand(filters, feed, true);
  return (item) =>
    !set.size ||
    item.components.some((r) => named(r, set)) ||
    item.updates.some((u) => u.affectedComponents.some((r) => named(r, set)));
}

/** A component's status by id (exact) or name (case-insensitive, trimmed). */
export function componentStatus(feed: Feed, idOrName: string): ComponentStatus | undefined {
  const all = feed.components;
  return (all.find((c) => c.id === idOrName) ?? all.find((c) => named(c, expand([idOrName]))))
    ?.status;
}

/**
 * The truthful overall indicator: never "operational" while something is known to be wrong.
 * The worst of: the page indicator (only without filters), the impact of each active
 * incident (matching the filters; an unreadable impact counts as minor), each (matching)
 * component's status, and in-progress maintenance. So a page saying "none" with a critical
 * incident open reads 'critical'. 'unknown' only when the feed tells us nothing at all.
 */
export function effectiveIndicator(feed: Feed, filters?: string[]): Indicator {
  const set = expand(filters, feed);
  const hit = componentMatcher(filters, feed);
  let rank =
    feed.indicator !== 'unknown' ||
    feed.components.length ||
    feed.incidents.length ||
    feed.maintenances.length
      ? 1
      : 0;
  const worse = (r: number): void => {
    rank = Math.max(rank, r);
  };
  if (!set.size) worse(RANKS.indexOf(feed.indicator));
  for (const i of feed.incidents) {
    if (isActive(i) && hit(i)) worse(RANKS.indexOf(i.impact) || 3);
  }
  for (const m of feed.maintenances) {
    if (isActive(m) && hit(m)) worse(2);
  }
  // Only the named components (and a named group's children), never a child's group:
  // a group's status also reflects its other children.
  for (const c of feed.components) {
    if (!set.size || named(c, set)) worse(RANKS.indexOf(INDICATOR_BY_COMPONENT_STATUS[c.status]));
  }
  return RANKS[rank] as Indicator;
}
