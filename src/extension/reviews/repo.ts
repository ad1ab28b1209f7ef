/** What the reviews views read from IndexedDB, through the data layer's repository functions. */
import { withUniqueItemIds } from '../../core/review/item-ids';
import type { CommsTally, SupportSignal } from '../../core/review';
import type { Policy } from '../../core/types';
import { listReviews, reviewsOf } from '../db/drafts';
import {
  eventsOf,
  eventsOfMany,
  getIncident,
  latestResolved,
  listIncidents,
} from '../db/incidents';
import { feedKey } from '../db/sources';
import { eventsWithLinked } from '../responder/linked-events';
import type { LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../db/schema';
import { getSetting } from '../db/settings';
import { readTallies } from '../db/summaries';

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
  /** Its own events (what the review's timeline and duration come from). */
  events: EventRecord[];
  /** Its events with the linked feed incident's public posts: what communication is judged on. */
  withLinked: EventRecord[];
  review: ReviewRecord | undefined;
  policy: Policy;
  /** The overlay's anonymised records of the linked feed incident; null when none is linked. */
  support: SupportSignal[] | null;
}

/** A reader of one incident's review data (a new function per incident id). */
export function readBuilder(incidentId: string): (db: LensDatabase) => Promise<BuilderData> {
  return async (db) => {
    const [incident, events, reviews, policy] = await Promise.all([
      getIncident(db, incidentId),
      eventsOf(db, incidentId),
      reviewsOf(db, incidentId),
      getSetting(db, 'policy'),
    ]);
    const linked = incident?.linked;
    const [withLinked, feed] = await Promise.all([
      incident ? eventsWithLinked(db, incident, events) : events,
      linked ? db.get('feedIncidents', feedKey(linked.sourceId, linked.incidentId)) : undefined,
    ]);
    const support = linked ? (feed?.support ?? []) : null;
    // An older version's two items under one id, told apart as the save will store them
    // (core/review/item-ids.ts), so the builder's draft passes the save's check.
    const review = reviews[0] && withUniqueItemIds(reviews[0]);
    return { incident, events, withLinked, review, policy, support };
  };
}

/** One incident as the dashboard's compliance report reads it. */
export interface DashboardIncident {
  id: string;
  events: EventRecord[];
  publiclyVisible: boolean;
  commonlyUsed?: boolean;
}

/** Everything the reviews dashboard needs: reviews, the window's incidents, the policy. */
export interface DashboardSource {
  reviews: ReviewRecord[];
  /** Incidents read with their timelines: the open ones, and any whose stored tally is not usable. */
  incidents: DashboardIncident[];
  /** The other resolved incidents of the window, as their stored tallies (db/summaries.ts). */
  tallies: (CommsTally & { id: string })[];
  policy: Policy;
}

/** How far back the dashboard reads incidents: its 12 months, and a month's slack for zones. */
const DASHBOARD_DAYS = 400;

/**
 * The dashboard's data: every review; the incidents resolved in the last 12 months as their stored
 * tallies (issue 22: no timeline read for them); the incidents open now, and any resolved one
 * whose tally is missing (not filled yet) or was judged by another policy (a policy change being
 * recomputed), with their timelines, linked feed posts included.
 */
export async function readDashboard(db: LensDatabase): Promise<DashboardSource> {
  const since = Date.now() - DASHBOARD_DAYS * 86_400_000;
  const [reviews, open, policy] = await Promise.all([
    listReviews(db),
    listIncidents(db, 'open'),
    getSetting(db, 'policy'),
  ]);
  const window = IDBKeyRange.lowerBound(since, true);
  const [stored, resolvedCount] = await Promise.all([
    readTallies(db, since, policy),
    db.countFromIndex('incidents', 'by-resolved', window),
  ]);
  const { tallies, stale } = stored;
  // Tallies not written yet (before the worker's first fill): those incidents are read too.
  const have = new Set(stored.ids);
  const missing =
    resolvedCount === have.size
      ? []
      : (await db.getAllKeysFromIndex('incidents', 'by-resolved', window)).filter(
          (id) => !have.has(id),
        );
  const recheck = [...stale, ...missing];
  const store = db.transaction('incidents').store;
  const resolved = (await Promise.all(recheck.map((id) => store.get(id)))).filter(
    (i): i is IncidentRecord => i !== undefined && i.status !== 'open',
  );
  const all = [...open, ...resolved];
  const own = await eventsOfMany(
    db,
    all.map((i) => i.id),
  );
  const incidents = await Promise.all(
    all.map(async (i) => ({
      id: i.id,
      events: await eventsWithLinked(db, i, own.get(i.id) ?? []),
      publiclyVisible: i.publiclyVisible,
      ...(i.commonlyUsed === undefined ? {} : { commonlyUsed: i.commonlyUsed }),
    })),
  );
  return { reviews, incidents, tallies, policy };
}

/** Every review, for the action-item dashboard. */
export function readReviews(db: LensDatabase): Promise<ReviewRecord[]> {
  return listReviews(db);
}
