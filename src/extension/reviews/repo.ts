/** What the reviews views read from IndexedDB, through the data layer's repository functions. */
import type { Policy } from '../../core/types';
import { listReviews, reviewsOf } from '../db/drafts';
import { eventsOf, eventsOfMany, getIncident, latestResolved } from '../db/incidents';
import type { LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../db/schema';
import { getSetting } from '../db/settings';

/** Everything the reviews list needs. */
export interface ReviewsOverview {
  /** The latest resolved incidents (latest resolution first), at most the limit asked for. */
  incidents: IncidentRecord[];
  /** The reviews of those incidents. */
  reviews: ReviewRecord[];
  /** Their timelines. */
  events: Map<string, EventRecord[]>;
  policy: Policy;
  /** Older resolved incidents exist beyond `incidents`: the list offers "show more". */
  more: boolean;
}

/** How many resolved incidents the reviews list shows at first, and adds per "show more". */
export const OVERVIEW_PAGE = 50;

/**
 * The `limit` most recently resolved incidents (the `by-resolved` index), with their reviews and
 * timelines, and the policy: what the list shows, read for those incidents only.
 */
export async function readOverview(
  db: LensDatabase,
  limit: number = OVERVIEW_PAGE,
): Promise<ReviewsOverview> {
  const [page, policy] = await Promise.all([latestResolved(db, limit), getSetting(db, 'policy')]);
  const ids = page.incidents.map((i) => i.id);
  // Their timelines in one transaction, their reviews in another (not one per incident).
  const reviewIndex = db.transaction('reviews').store.index('by-incident');
  const [events, reviews] = await Promise.all([
    eventsOfMany(db, ids),
    Promise.all(ids.map((id) => reviewIndex.getAll(id))),
  ]);
  return {
    incidents: page.incidents,
    reviews: reviews.flat(),
    events,
    policy,
    more: page.more,
  };
}

/** Everything the builder of one incident's review needs. */
export interface BuilderData {
  incident: IncidentRecord | undefined;
  events: EventRecord[];
  review: ReviewRecord | undefined;
}

/** A reader of one incident's review data (a new function per incident id). */
export function readBuilder(incidentId: string): (db: LensDatabase) => Promise<BuilderData> {
  return async (db) => {
    const [incident, events, reviews] = await Promise.all([
      getIncident(db, incidentId),
      eventsOf(db, incidentId),
      reviewsOf(db, incidentId),
    ]);
    return { incident, events, review: reviews[0] };
  };
}

/** Every review, for the action-item dashboard. */
export function readReviews(db: LensDatabase): Promise<ReviewRecord[]> {
  return listReviews(db);
}
