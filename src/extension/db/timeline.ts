import type { IDBPObjectStore } from 'idb';
import { MAX_EVENTS_PER_INCIDENT } from './chunks';
import { chunkRange } from './chunks';
import type { LensDatabase } from './open';
import type { ChunkKey, EventRecord, LensDB } from './schema';

/**
 * Timeline reads from the `timeline` chunks (db/chunks.ts: up to CHUNK_EVENTS events per record,
 * keyed [incidentId, at, id, n]): in time order, a bounded number at a time, counted from keys
 * alone (each key says how many events its chunk holds). The app never writes more than
 * MAX_EVENTS_PER_INCIDENT events to one incident, but a database written by other means can hold
 * any number (issue 16 #14: 100,000 took 1.7 s per refresh and 23.7 s to open): no read here
 * grows with it.
 */

/** Every chunk of one incident, oldest first. */
export const timelineRange = chunkRange;

type Store = IDBPObjectStore<LensDB, ['timeline'], 'timeline', 'readonly'>;
const chunkStore = (db: LensDatabase): Store => db.transaction('timeline').store;
const eventsIn = (chunks: { events: EventRecord[] }[]) => chunks.flatMap((c) => c.events);
const sum = (keys: ChunkKey[]) => keys.reduce((n, k) => n + k[3], 0);

/** How many events an incident has, from its chunk keys alone (one key per CHUNK_EVENTS events). */
export async function countEvents(db: LensDatabase, incidentId: string): Promise<number> {
  return sum(await chunkStore(db).getAllKeys(timelineRange(incidentId)));
}

/** True when `range` holds at least `n` events, reading at most `n` keys and no chunk. */
async function atLeast(store: Store, range: IDBKeyRange, n: number): Promise<boolean> {
  return sum(await store.getAllKeys(range, n)) >= n;
}

/** True when an incident has at least `n` events (the responder's bound), at the cost of `n` keys. */
export function hasAtLeastEvents(
  db: LensDatabase,
  incidentId: string,
  n: number,
): Promise<boolean> {
  return atLeast(chunkStore(db), timelineRange(incidentId), n);
}

/**
 * Walks chunk keys newest first (below `before` when given) until they hold `n` events or more,
 * or `maxKeys` were read. Returns the last key reached and the events counted.
 */
async function walkBack(
  store: Store,
  incidentId: string,
  n: number,
  before?: ChunkKey,
): Promise<{ key?: ChunkKey; events: number }> {
  const range = before
    ? IDBKeyRange.bound([incidentId], before, false, true)
    : timelineRange(incidentId);
  let cursor = await store.openKeyCursor(range, 'prev');
  let events = 0;
  let key: ChunkKey | undefined;
  while (cursor) {
    key = cursor.key;
    events += key[3];
    if (events >= n) break;
    cursor = await cursor.continue();
  }
  return { key, events };
}

/**
 * The newest `limit` events of an incident, oldest first (ties in time come in id order), the
 * first chunk key read (undefined when it read the whole timeline), and how many events of that
 * chunk it left out. A key cursor walks back over the chunk keys, then one getAll reads the chunks.
 */
async function newest(
  store: Store,
  incidentId: string,
  limit: number,
): Promise<{ events: EventRecord[]; from?: ChunkKey; dropped: number }> {
  if (limit <= 0) return { events: [], dropped: 0 };
  const { key, events } = await walkBack(store, incidentId, limit);
  if (!key || events < limit)
    return { events: eventsIn(await store.getAll(timelineRange(incidentId))), dropped: 0 };
  const page = eventsIn(await store.getAll(IDBKeyRange.bound(key, [incidentId, []])));
  const dropped = page.length - limit;
  return { events: page.slice(dropped), from: key, dropped };
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
 * counted from the chunk keys up to OLDER_COUNTED: its cost never grows with the timeline's length.
 */
export async function timelinePage(
  db: LensDatabase,
  incidentId: string,
  limit: number,
): Promise<TimelinePage> {
  const store = chunkStore(db);
  const page = await newest(store, incidentId, limit);
  if (!page.from) return { events: page.events, older: 0, olderCapped: false };
  const older = (await walkBack(store, incidentId, OLDER_COUNTED + 1, page.from)).events;
  const capped = older + page.dropped > OLDER_COUNTED;
  return {
    events: page.events,
    older: capped ? OLDER_COUNTED : older + page.dropped,
    olderCapped: capped,
  };
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
  return boundedOf(chunkStore(db), incidentId, bound);
}

async function boundedOf(
  store: Store,
  incidentId: string,
  bound = MAX_EVENTS_PER_INCIDENT,
): Promise<EventRecord[]> {
  const range = timelineRange(incidentId);
  const keys = await store.getAllKeys(range, bound + 1);
  if (sum(keys) <= bound) return eventsIn(await store.getAll(range));
  const headCount = Math.min(HEAD, Math.floor(bound / 10));
  // The first chunks holding headCount events (keys read above, oldest first).
  let chunks = 0;
  for (let n = 0; n < headCount; chunks++) n += keys[chunks]![3];
  const head = eventsIn(await store.getAll(range, chunks)).slice(0, headCount);
  const tail = (await newest(store, incidentId, bound - headCount)).events;
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
  const store = chunkStore(db);
  const all = await Promise.all(incidentIds.map((id) => boundedOf(store, id)));
  return new Map(incidentIds.map((id, i) => [id, all[i]!]));
}
