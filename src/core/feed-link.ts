import type { FeedIncident, TimelineEvent } from './types';

/** A link from a local incident to a feed incident. */
export interface FeedLink {
  sourceId: string;
  incidentId: string;
}

/** Id of the synthetic event for one feed update; the `feed:` prefix marks it as not editable. */
export const linkedEventId = (link: FeedLink, updateId: string): string =>
  `feed:${link.sourceId}|${link.incidentId}|${updateId}`;

/**
 * The public updates of a linked feed incident as `update_posted` events, so they count as posted
 * updates for the status-page obligations. Pure: the caller reads the feed incident from storage.
 */
export function linkedUpdateEvents(
  localId: string,
  link: FeedLink,
  feed: FeedIncident,
): (TimelineEvent & { incidentId: string })[] {
  return feed.updates
    .filter((u) => Number.isFinite(u.displayAt))
    .map((u) => ({
      id: linkedEventId(link, u.id),
      incidentId: localId,
      type: 'update_posted' as const,
      at: u.displayAt,
      text: u.body,
      by: 'feed',
    }));
}

/** A timeline with the linked feed's updates merged in (no duplicates), oldest first. */
export function withLinkedUpdates<E extends TimelineEvent>(
  events: readonly E[],
  linked: readonly E[],
): E[] {
  const ids = new Set(events.map((e) => e.id));
  const extra = linked.filter((e) => !ids.has(e.id) && (ids.add(e.id), true));
  return [...events, ...extra].sort((a, b) => a.at - b.at);
}

/** True for an event that came from a linked feed (shown, never edited). */
export const isLinkedEvent = (e: Pick<TimelineEvent, 'id'>): boolean => e.id.startsWith('feed:');
