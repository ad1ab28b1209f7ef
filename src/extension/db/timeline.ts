import { MAX_EVENTS_PER_INCIDENT } from './backup';
import type { LensDatabase } from './open';
import type { EventRecord, LensDB } from './schema';
import type { IDBPIndex } from 'idb';

/**
 * Timeline reads through the `by-incident-at` index ([incidentId, at]): in time order, a bounded
 * number at a time, counted without reading a record. The app never writes more than
 * MAX_EVENTS_PER_INCIDENT events to one incident, but a database written by other means can hold
 * any number (issue 16 #14: 100,000 took 1.7 s per refresh and 23.7 s to open): no read here grows
 * with it.
 */

/** Every key of one incident in the index, oldest first. */
export const timelineRange = (incidentId: string): IDBKeyRange =>
  IDBKeyRange.bound([incidentId, -Infinity], [incidentId, Infinity]);

type Index = IDBPIndex<LensDB, ['events'], 'events', 'by-incident-at', 'readonly'>;
const eventsIndex = (db: LensDatabase): Index =>
  db.transaction('events').store.index('by-incident-at');

/** How many events an incident has, from the index alone. */
export function countEvents(db: LensDatabase, incidentId: string): Promise<number> {
  return db.countFromIndex('events', 'by-incident-at', timelineRange(incidentId));
}

/**
 * True when `range` holds at least `n` keys, reading at most `n` keys (primary keys only, no
 * record). Chromium counts an index range key by key, so a count costs as much as the range is
 * long (seconds for 100,000 events on a loaded machine): the bounded reads probe instead.
 */
async function atLeast(index: Index, range: IDBKeyRange, n: number): Promise<boolean> {
  return (await index.getAllKeys(range, n)).length >= n;
}

/** True when an incident has at least `n` events (the responder's bound), at the cost of `n` keys. */
export function hasAtLeastEvents(
  db: LensDatabase,
  incidentId: string,
  n: number,
): Promise<boolean> {
  return atLeast(eventsIndex(db), timelineRange(incidentId), n);
}

/**
 * The newest `limit` events of an incident, oldest first (ties in time come in id order), and the
 * index key the read started at (undefined when it read the whole timeline) with how many events at
 * that key it left out. A key cursor walks back `limit` keys without reading a record, then one
 * getAll reads from there.
 */
async function newest(
  index: Index,
  incidentId: string,
  limit: number,
): Promise<{ events: EventRecord[]; from?: [string, number]; dropped: number }> {
  const range = timelineRange(incidentId);
  if (limit <= 0) return { events: [], dropped: 0 };
  let cursor = await index.openKeyCursor(range, 'prev');
  if (cursor && limit > 1) cursor = await cursor.advance(limit - 1);
  if (!cursor) return { events: await index.getAll(range), dropped: 0 };
  const from = cursor.key;
  // Events sharing the boundary time are all read; the extra ones (oldest first) are dropped.
  const page = await index.getAll(IDBKeyRange.bound(from, [incidentId, Infinity]));
  const dropped = Math.max(0, page.length - limit);
  return { events: page.slice(dropped), from, dropped };
}

/** Past this many older events a page says "5000 or more" instead of counting them all. */
export const OLDER_COUNTED = 5_000;

/** One page of a timeline: the newest events in time order, and how many are older. */
export interface TimelinePage {
  events: EventRecord[];
  /** Events of the incident not in `events` (all older); a lower bound when `olderCapped`. */
  older: number;
  /** More than OLDER_COUNTED are older: `older` was not counted to the end. */
  olderCapped: boolean;
}

/**
 * The newest `limit` events of an incident (a page of the timeline view), and how many are older,
 * counted through the index up to OLDER_COUNTED: its cost never grows with the timeline's length.
 */
export async function timelinePage(
  db: LensDatabase,
  incidentId: string,
  limit: number,
): Promise<TimelinePage> {
  const index = eventsIndex(db);
  const page = await newest(index, incidentId, limit);
  if (!page.from) return { events: page.events, older: 0, olderCapped: false };
  const olderRange = IDBKeyRange.bound([incidentId, -Infinity], page.from, false, true);
  const capped = await atLeast(index, olderRange, OLDER_COUNTED + 1);
  const older = capped ? OLDER_COUNTED : await index.count(olderRange);
  return { events: page.events, older: older + page.dropped, olderCapped: capped };
}

/**
 * How many of the oldest events a bounded read keeps (the declaration, the first classification),
 * at most a tenth of the bound.
 */
const HEAD = 500;

/**
 * An incident's timeline for obligations and the workspace, oldest first: every event up to
 * MAX_EVENTS_PER_INCIDENT; past it (a database written by other means), the oldest HEAD and the
 * newest rest, so what starts the clocks and the latest updates are both in, and a refresh reads a
 * bounded number whatever is stored.
 */
export async function eventsOf(
  db: LensDatabase,
  incidentId: string,
  bound = MAX_EVENTS_PER_INCIDENT,
): Promise<EventRecord[]> {
  return boundedOf(eventsIndex(db), incidentId, bound);
}

async function boundedOf(
  index: Index,
  incidentId: string,
  bound = MAX_EVENTS_PER_INCIDENT,
): Promise<EventRecord[]> {
  const range = timelineRange(incidentId);
  if (!(await atLeast(index, range, bound + 1))) return index.getAll(range);
  const headCount = Math.min(HEAD, Math.floor(bound / 10));
  const head = await index.getAll(range, headCount);
  const tail = (await newest(index, incidentId, bound - headCount)).events;
  const seen = new Set(head.map((e) => e.id));
  return [...head, ...tail.filter((e) => !seen.has(e.id))];
}

/**
 * The timelines of several incidents (each as `eventsOf`), read in one transaction: one per
 * incident would cost a transaction each, which dominates at a hundred incidents.
 */
export async function eventsOfMany(
  db: LensDatabase,
  incidentIds: readonly string[],
): Promise<Map<string, EventRecord[]>> {
  if (incidentIds.length === 0) return new Map();
  const index = eventsIndex(db);
  const all = await Promise.all(incidentIds.map((id) => boundedOf(index, id)));
  return new Map(incidentIds.map((id, i) => [id, all[i]!]));
}
