/** The truthful overall indicator: never "operational" while something is known to be wrong. */
import type { Feed, Impact, Indicator } from '../types';
import { componentIndicator, worseIndicator } from './levels';
import { expandFilters, isActive, matchesSet, norm } from './query';

function impactIndicator(impact: Impact): Indicator {
  // An open incident whose impact we cannot read is still an open incident.
  return impact === 'unknown' ? 'minor' : impact;
}

/**
 * The worst of: the page indicator (only without filters), the impact of each active
 * incident (matching the filters), each (matching) component's status, and in-progress
 * maintenance. So a page saying "none" with a critical incident open reads 'critical'.
 * 'unknown' only when the feed tells us nothing at all.
 */
export function effectiveIndicator(feed: Feed, filters?: string[]): Indicator {
  const set = expandFilters(filters ?? [], feed);
  const incidentSet = expandFilters(filters ?? [], feed, true);
  const filtered = set.size > 0;
  const knows =
    feed.indicator !== 'unknown' ||
    feed.components.length > 0 ||
    feed.incidents.length > 0 ||
    feed.maintenances.length > 0;
  let result: Indicator = knows ? 'none' : 'unknown';
  if (!filtered) result = worseIndicator(result, feed.indicator);
  for (const i of feed.incidents) {
    if (isActive(i) && (!filtered || matchesSet(i, incidentSet))) {
      result = worseIndicator(result, impactIndicator(i.impact));
    }
  }
  for (const m of feed.maintenances) {
    if (isActive(m) && (!filtered || matchesSet(m, incidentSet))) {
      result = worseIndicator(result, 'maintenance');
    }
  }
  for (const c of feed.components) {
    // Only the named components (and a named group's children), never a child's group:
    // a group's status also reflects its other children.
    if (filtered && !set.has(norm(c.id)) && !set.has(norm(c.name))) {
      continue;
    }
    result = worseIndicator(result, componentIndicator(c.status));
  }
  return result;
}
