import { bySeverity } from '../../core/triage';
import { computeObligations, nextDeadline } from '../../core/obligations';
import type { ObligationStatus, Policy, TimelineEvent } from '../../core/types';
import { eventsWithLinked, linkedEventsOf } from '../responder/linked-events';
import { draftsOf } from '../db/drafts';
import {
  awaitingReview,
  eventsOfMany,
  getIncident,
  incidentPolicy,
  listIncidents,
  timelinePage,
} from '../db/incidents';
import type { LensDatabase } from '../db/open';
import type { DraftRecord, EventRecord, IncidentRecord, SummaryRecord } from '../db/schema';
import { OPEN_ORDERED } from '../db/list-state';
import { getSetting } from '../db/settings';
import { linkedFeeds, nextFromSummary, readSummaries } from '../db/summaries';
import type { FeedOption } from '../responder/views/link-panel';
import { withLinkedUpdates } from '../responder/feed-link';

/** One row of the incident lists. */
export interface ListItem {
  incident: IncidentRecord;
  /** The deadline to act on next (open incidents) or the post-mortem deadline (resolved ones). */
  next: ObligationStatus | null;
}

/** The side panel's home: open incidents, and resolved ones waiting for their review. */
export interface ListData {
  /** The first `openLimit` open incidents, most severe first. */
  open: ListItem[];
  /** How many incidents are open in all (the list loads the rest as it is scrolled). */
  openTotal: number;
  /** Resolved incidents whose post-mortem is unpublished, latest resolution first, up to the limit. */
  reviews: ListItem[];
  /** More of them than `reviews` holds (older ones): the list offers "show more". */
  moreReviews: boolean;
}

/**
 * How many resolved incidents awaiting their post-mortem the list shows at first (and adds per "show
 * more"): below the open incidents, more than the first screen holds (issue 22: read no more).
 */
export const REVIEWS_PAGE = 20;

/**
 * How many open incidents the list reads at a time: more than a side panel's first screen shows;
 * the rest are read in stretches of this size as the list is scrolled (issue 22: the first screen
 * of the list must not wait for every open incident).
 */
export const OPEN_PAGE = 20;

const obligationsOf = async (
  db: LensDatabase,
  incident: IncidentRecord,
  policy: Policy,
  now: number,
  own?: EventRecord[],
) =>
  computeObligations(
    {
      events: await eventsWithLinked(db, incident, own),
      publiclyVisible: incident.publiclyVisible,
      ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
    },
    incidentPolicy(incident, policy),
    now,
  );

/**
 * The post-mortem obligation of a resolved incident from its record alone (no timeline read): its
 * severity, visibility answers, `resolvedAt` and `reviewPublishedAt` are what that obligation depends on
 * under the default rules (anchored on resolution, met by `review_published`), so the engine runs on a
 * timeline rebuilt from them. Null when its severity has no post-mortem duty.
 */
export function postmortemOf(
  incident: IncidentRecord,
  policy: Policy,
  now: number,
): ObligationStatus | null {
  if (incident.severity === null || incident.resolvedAt === undefined) return null;
  const events: TimelineEvent[] = [
    { id: 'classified', type: 'classified', at: incident.declaredAt, severity: incident.severity },
    { id: 'resolved', type: 'resolved', at: incident.resolvedAt },
  ];
  if (incident.reviewPublishedAt !== undefined)
    events.push({ id: 'published', type: 'review_published', at: incident.reviewPublishedAt });
  const obligations = computeObligations(
    {
      events,
      publiclyVisible: incident.publiclyVisible,
      ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
    },
    incidentPolicy(incident, policy),
    now,
  );
  return obligations.find((o) => o.ruleId === 'postmortem' && o.dueAt !== null) ?? null;
}

/** A stretch of the open list, and how long the whole list is. */
export interface OpenWindow {
  /** The position of `items[0]` in the whole list (most severe first). */
  start: number;
  items: ListItem[];
  /** How many incidents are open in all. */
  total: number;
}

/**
 * The open incidents at positions `start` to `start + count - 1` of the list (most severe first,
 * core/triage.ts `bySeverity`) with their next deadline at `now`.
 *
 * The order comes from the summaries' `by-order` index (db/summaries.ts): a cursor skips to
 * `start` (a key cursor's `advance`) and one `getAll` reads `count` summaries, then their incident
 * records, so a stretch of a list of 10,000 costs what the first screen does (issue 22: the rest
 * on scroll). Whether the index can be trusted, and the total, come from one `get` of the mark
 * db/list-state.ts keeps; without it both are counted. Until every open
 * incident has an ordered summary (just after the v9 upgrade, before the worker refilled them),
 * the open records are read and sorted as before. A summary whose stamp is stale has that row
 * computed from its timeline, as before.
 */
export async function readOpenWindow(
  db: LensDatabase,
  now: number,
  start: number,
  count: number,
  policy?: Policy,
): Promise<OpenWindow> {
  const pol = policy ?? (await getSetting(db, 'policy'));
  // Opened after the policy's read: a transaction left without a request while another one's
  // result is awaited commits, and the next request on it would throw.
  const tx = db.transaction(['summaries', 'incidents', 'dashboardState']);
  const mark = await tx.objectStore('dashboardState').get(OPEN_ORDERED);
  // The mark (db/list-state.ts) says every open incident has an ordered summary, and how many are
  // open; without it (a write since, not yet confirmed) both are counted: slower, never wrong.
  const [total, ordered] =
    mark && 'n' in mark
      ? [mark.n, mark.n]
      : await Promise.all([
          tx.objectStore('incidents').index('by-status').count('open'),
          tx.objectStore('summaries').index('by-order').count(),
        ]);
  let page: IncidentRecord[];
  let summaries: Map<string, SummaryRecord>;
  if (ordered === total) {
    const index = tx.objectStore('summaries').index('by-order');
    // The first key of the stretch (a cursor skipping `start` entries), then one `getAll` from it.
    let from: IDBKeyRange | null = null;
    if (start > 0) {
      let cursor = await index.openKeyCursor();
      if (cursor) cursor = await cursor.advance(start);
      if (!cursor) return { start, items: [], total };
      from = IDBKeyRange.lowerBound(cursor.key);
    }
    const found = count > 0 ? await index.getAll(from, count) : [];
    const records = await Promise.all(
      found.map((r) => tx.objectStore('incidents').get(r.incidentId)),
    );
    // A record written since its summary (closed a moment ago) is left out until the next read.
    page = records.filter((r): r is IncidentRecord => r?.status === 'open');
    summaries = new Map(found.map((r) => [r.incidentId, r]));
  } else {
    const open = await listIncidents(db, 'open');
    page = open.sort(bySeverity).slice(start, start + count);
    summaries = await readSummaries(
      db,
      page.map((i) => i.id),
    );
  }
  const feeds = await linkedFeeds(db, page);
  const stored = page.map((i) =>
    nextFromSummary(summaries.get(i.id), i, pol, feeds.get(i.id), now),
  );
  const stale = page.filter((_i, k) => stored[k] === undefined);
  const timelines = await eventsOfMany(
    db,
    stale.map((i) => i.id),
  );
  const items = await Promise.all(
    page.map(async (incident, k) => ({
      incident,
      next:
        stored[k] !== undefined
          ? stored[k]
          : nextDeadline(
              await obligationsOf(db, incident, pol, now, timelines.get(incident.id) ?? []),
            ),
    })),
  );
  return { start, items, total };
}

/** Resolved incidents awaiting their post-mortem, latest resolution first, up to `limit`. */
export async function readAwaiting(
  db: LensDatabase,
  now: number,
  limit: number = REVIEWS_PAGE,
  policy?: Policy,
): Promise<Pick<ListData, 'reviews' | 'moreReviews'>> {
  const [pol, awaiting] = await Promise.all([
    policy ?? getSetting(db, 'policy'),
    awaitingReview(db, limit),
  ]);
  return {
    reviews: awaiting.incidents.map((incident) => ({
      incident,
      next: postmortemOf(incident, pol, now),
    })),
    moreReviews: awaiting.more,
  };
}

/**
 * Reads the lists' first screen: the first `openLimit` open incidents (readOpenWindow: from the
 * summaries' order index and their stored deadlines, no timeline read unless a summary is stale)
 * and the first `reviewLimit` resolved incidents awaiting their post-mortem (the `by-resolved`
 * index, records only: no resolved incident's timeline is read).
 */
export async function readList(
  db: LensDatabase,
  now: number,
  reviewLimit: number = REVIEWS_PAGE,
  openLimit: number = OPEN_PAGE,
): Promise<ListData> {
  const policy = await getSetting(db, 'policy');
  const [open, awaiting] = await Promise.all([
    readOpenWindow(db, now, 0, openLimit, policy),
    readAwaiting(db, now, reviewLimit, policy),
  ]);
  return { open: open.items, openTotal: open.total, ...awaiting };
}

/** Everything one incident's workspace shows. */
export interface IncidentData {
  incident: IncidentRecord;
  /** Own events plus the linked feed's posts. */
  events: EventRecord[];
  drafts: DraftRecord[];
  policy: Policy;
  templates: Record<string, string>;
  feedOptions: FeedOption[];
}

/** Reads one incident's workspace, or null when there is no such incident. */
export async function readIncident(db: LensDatabase, id: string): Promise<IncidentData | null> {
  const incident = await getIncident(db, id);
  if (!incident) return null;
  const [events, drafts, policy, templates, feeds, sources] = await Promise.all([
    eventsWithLinked(db, incident),
    draftsOf(db, id),
    getSetting(db, 'policy'),
    getSetting(db, 'templates'),
    db.getAllFromIndex('feedIncidents', 'by-active', 1),
    db.getAll('sources'),
  ]);
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const feedOptions = feeds
    .filter((f) => f.incident.kind === 'incident')
    .map((f) => ({
      sourceId: f.sourceId,
      sourceName: names.get(f.sourceId) ?? f.sourceId,
      incidentId: f.incident.id,
      name: f.incident.name,
    }));
  return {
    incident,
    events,
    drafts,
    policy: incidentPolicy(incident, policy),
    templates,
    feedOptions,
  };
}

/** The loaded part of a timeline: the newest events with the linked feed's posts among them. */
export interface TimelineData {
  events: EventRecord[];
  older: number;
  /** `older` is a lower bound (see db/timeline.ts OLDER_COUNTED). */
  olderCapped: boolean;
}

/**
 * The newest `limit` events of an incident from its newest timeline chunks (a page of the
 * timeline view, older ones counted from chunk keys), with the linked feed incident's posts of the same period
 * merged in. Never reads the rest of the timeline.
 */
export async function readTimeline(
  db: LensDatabase,
  incident: Pick<IncidentRecord, 'id' | 'linked'>,
  limit: number,
): Promise<TimelineData> {
  const [page, linked] = await Promise.all([
    timelinePage(db, incident.id, limit),
    linkedEventsOf(db, incident),
  ]);
  // Feed posts older than the page's first event wait for the page that reaches them.
  const from = page.older > 0 ? (page.events[0]?.at ?? -Infinity) : -Infinity;
  const inPage = linked.filter((e) => e.at >= from);
  return {
    events: withLinkedUpdates(page.events, inPage),
    older: page.older + linked.length - inPage.length,
    olderCapped: page.olderCapped,
  };
}
