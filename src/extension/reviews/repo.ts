/** What the reviews views read from IndexedDB, through the data layer's repository functions. */
import type { Policy } from '../../core/types';
import { listReviews, reviewsOf } from '../db/drafts';
import { eventsOf, getIncident, listIncidents } from '../db/incidents';
import type { LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../db/schema';
import { getSetting } from '../db/settings';

/** Everything the reviews list needs. */
export interface ReviewsOverview {
  incidents: IncidentRecord[];
  reviews: ReviewRecord[];
  events: Map<string, EventRecord[]>;
  policy: Policy;
}

/** Resolved incidents, every review, each resolved incident's timeline, and the policy. */
export async function readOverview(db: LensDatabase): Promise<ReviewsOverview> {
  const [incidents, reviews, policy] = await Promise.all([
    listIncidents(db, 'resolved'),
    listReviews(db),
    getSetting(db, 'policy'),
  ]);
  const events = new Map(
    await Promise.all(incidents.map(async (i) => [i.id, await eventsOf(db, i.id)] as const)),
  );
  return { incidents, reviews, events, policy };
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
