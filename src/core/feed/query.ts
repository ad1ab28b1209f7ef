/** Questions the views ask of a parsed Feed. Pure: `now` is always passed in. */
import type { ComponentRef, ComponentStatus, Feed, FeedIncident, FeedUpdate } from '../types';

const HOUR = 3_600_000;

/**
 * True while the item still needs attention: an incident that is not resolved or in
 * post-mortem, or a maintenance that is in progress or verifying.
 */
export function isActive(i: FeedIncident): boolean {
  if (i.kind === 'maintenance') return i.status === 'in_progress' || i.status === 'verifying';
  if (i.status === 'resolved' || i.status === 'postmortem' || i.status === 'completed') {
    return false;
  }
  // A status we do not recognise but with a resolution time is over, not open.
  return !(i.status === 'unknown' && i.resolvedAt !== undefined);
}

/** The newest update (by displayAt, then createdAt), whatever order the list is in. */
export function latestUpdate(i: FeedIncident): FeedUpdate | undefined {
  let best: FeedUpdate | undefined;
  for (const u of i.updates) {
    if (
      !best ||
      u.displayAt > best.displayAt ||
      (u.displayAt === best.displayAt && u.createdAt > best.createdAt)
    ) {
      best = u;
    }
  }
  return best;
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
  const horizon = now + windowHours * HOUR;
  const out = feed.maintenances.filter((m) => {
    if (m.kind !== 'maintenance') return false;
    if (m.status === 'in_progress' || m.status === 'verifying') return true;
    if (m.status !== 'scheduled' || m.scheduledFor === undefined) return false;
    return m.scheduledFor <= horizon && (m.scheduledUntil === undefined || m.scheduledUntil > now);
  });
  const rank = (m: FeedIncident): number => (m.status === 'scheduled' ? 1 : 0);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) || (a.scheduledFor ?? a.createdAt) - (b.scheduledFor ?? b.createdAt),
  );
}

/** Splits a `components="Checkout, Payments API"` attribute: trimmed, empties removed. */
export function parseComponentList(attr: string | null | undefined): string[] {
  if (typeof attr !== 'string') return [];
  const out: string[] = [];
  for (const part of attr.split(',')) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Trimmed, lower-cased: how filters and component ids/names are compared. */
export const norm = (s: string): string => s.trim().toLowerCase();

/**
 * Lower-cased filters, widened with the ids of the children of any group they name.
 * With `up`, also with the id and name of the group of any child they name, because an
 * incident filed against a whole group affects each of its children.
 */
export function expandFilters(filters: string[], feed?: Feed, up = false): Set<string> {
  const set = new Set<string>();
  for (const f of filters) {
    if (typeof f !== 'string') continue;
    const n = norm(f);
    if (n !== '') set.add(n);
  }
  if (!feed || set.size === 0) return set;
  const extra: string[] = [];
  const byId = up ? new Map(feed.components.map((c) => [c.id, c])) : undefined;
  for (const c of feed.components) {
    if (set.has(norm(c.id)) || set.has(norm(c.name))) {
      for (const child of c.children) extra.push(norm(child));
      const group = c.groupId !== null ? byId?.get(c.groupId) : undefined;
      if (group) extra.push(norm(group.id), norm(group.name));
    }
  }
  for (const e of extra) set.add(e);
  return set;
}

function refMatches(ref: ComponentRef, set: Set<string>): boolean {
  return set.has(norm(ref.name)) || (ref.id !== undefined && set.has(norm(ref.id)));
}

/**
 * True when the item touches any filter: a filter matches a component id or name
 * (case-insensitive, trimmed) on the incident or in any update's affected components.
 * With `feed`, a filter naming a group matches its children (and a filter naming a child
 * matches an incident filed against its whole group). Empty filters match everything.
 */
export function matchesComponents(item: FeedIncident, filters: string[], feed?: Feed): boolean {
  return matchesSet(item, expandFilters(filters, feed, true));
}

/** `matchesComponents` with filters already expanded (see `expandFilters`). */
export function matchesSet(item: FeedIncident, set: Set<string>): boolean {
  if (set.size === 0) return true;
  for (const ref of item.components) if (refMatches(ref, set)) return true;
  for (const u of item.updates) {
    for (const ref of u.affectedComponents) if (refMatches(ref, set)) return true;
  }
  return false;
}

/** A component's status by id (exact) or name (case-insensitive, trimmed). */
export function componentStatus(feed: Feed, idOrName: string): ComponentStatus | undefined {
  const byId = feed.components.find((c) => c.id === idOrName);
  if (byId) return byId.status;
  const n = norm(idOrName);
  return feed.components.find((c) => norm(c.id) === n || norm(c.name) === n)?.status;
}
