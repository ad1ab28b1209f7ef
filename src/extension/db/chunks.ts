import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import type { ChunkKey, EventRecord, LensDB, TimelineChunkRecord } from './schema';
import { putAll } from './bulk';

/** The open database (open.ts's LensDatabase; not imported from there: open → migrations → here). */
type LensDatabase = IDBPDatabase<LensDB>;

/**
 * Timelines are stored in chunks (schema.ts TimelineChunkRecord): Chromium's IndexedDB costs
 * about 135 µs per record on a loaded machine whatever the record's size, so 200,000 events as
 * records took 100 s to write and as chunks of events a few seconds (issue 22). Each chunk holds
 * one incident's events sorted by (at, id), at most CHUNK_EVENTS; chunks of an incident never
 * overlap, so the chunks in key order are the timeline in time order.
 */

/**
 * Events one incident may hold (the responder refuses more: `incidents/record`). A backup is held to
 * the same bound: one incident with 100,000 events took 1.7 s per refresh and over 20 s to open
 * (issue 16, item 14).
 */
export const MAX_EVENTS_PER_INCIDENT = 5_000;

/** Events per chunk: a page of the timeline (200) reads one or two chunks. */
export const CHUNK_EVENTS = 200;

/**
 * Up to this many events of one incident in one write are placed chunk by chunk (a key cursor
 * finds each one's chunk); more, and the incident's chunks are read once and merged.
 */
const FEW = 4;

/** At most this many chunk keys are read to learn which incidents of a bulk write have none. */
const SPAN_KEYS = 2_000;

/**
 * Which of several incidents have no chunk yet, from one key read over the span of their ids
 * (a bulk write of new incidents then reads nothing per incident: a request each cost as much as
 * the write). A span holding more than SPAN_KEYS keys tells nothing: every incident is read.
 */
async function withoutChunks(store: ChunkStore, ids: string[]): Promise<Set<string>> {
  if (ids.length < 2) return new Set();
  const sorted = [...ids].sort();
  const span = IDBKeyRange.bound([sorted[0]!], [sorted.at(-1)!, []]);
  const keys = await store.getAllKeys(span, SPAN_KEYS + 1);
  if (keys.length > SPAN_KEYS) return new Set();
  const stored = new Set(keys.map((k) => k[0]));
  return new Set(sorted.filter((id) => !stored.has(id)));
}

/** The chunk store in a read-write transaction of any stores. */
export type ChunkStore = IDBPObjectStore<
  LensDB,
  ArrayLike<StoreNames<LensDB>>,
  'timeline',
  'readwrite'
>;
type Writer = LensDatabase | { objectStore(name: 'timeline'): unknown };

/** Every chunk key of one incident. */
export const chunkRange = (incidentId: string): IDBKeyRange =>
  IDBKeyRange.bound([incidentId], [incidentId, []]);

/** The chunks of an incident from `at` (inclusive) on; `upTo`: chunks starting at or before it. */
const upTo = (incidentId: string, at: number, id: string): IDBKeyRange =>
  IDBKeyRange.bound([incidentId], [incidentId, at, id, Infinity]);

export const keyOf = (c: TimelineChunkRecord): ChunkKey => [c.incidentId, c.at, c.id, c.n];

/** Time order, ties in id order (as IndexedDB orders strings: by UTF-16 code unit). */
export function byTime(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One incident's events (sorted by time) as chunks of CHUNK_EVENTS, the last one the remainder. */
export function pack(incidentId: string, sorted: readonly EventRecord[]): TimelineChunkRecord[] {
  const out: TimelineChunkRecord[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_EVENTS) {
    const events = sorted.slice(i, i + CHUNK_EVENTS);
    out.push({ incidentId, at: events[0]!.at, id: events[0]!.id, n: events.length, events });
  }
  return out;
}

/** Events grouped by incident, the last one of each id winning. */
function byIncident(events: readonly EventRecord[]): Map<string, Map<string, EventRecord>> {
  const groups = new Map<string, Map<string, EventRecord>>();
  for (const e of events) {
    let g = groups.get(e.incidentId);
    if (!g) groups.set(e.incidentId, (g = new Map()));
    g.set(e.id, e);
  }
  return groups;
}

const isTx = (w: Writer): w is { objectStore(name: 'timeline'): unknown } =>
  typeof (w as { objectStore?: unknown }).objectStore === 'function';
const storeOf = (w: Writer): ChunkStore =>
  isTx(w)
    ? (w.objectStore('timeline') as ChunkStore)
    : w.transaction('timeline', 'readwrite').store;

/**
 * Writes events into their incidents' timelines, in time order, replacing any event with the same
 * id (team mode projects the same document again; an edited event moves to its new time). Takes a
 * transaction holding `timeline` (read-write), or the database (one transaction of its own).
 * Incidents are written concurrently; one incident's few events touch only the chunks covering
 * them (an append: the last chunk), split when over CHUNK_EVENTS. An event's old copy is found at
 * its time or at a time its `edits` record; `whole` reads each incident's whole timeline instead,
 * for writes where an event may come back at any other time (an import's merge); `fresh` says no
 * incident of these events has a chunk yet (an import into emptied stores): nothing is read.
 * Returns the incidents that had no chunk before: for them, `events` is the whole timeline.
 */
export async function putEvents(
  w: Writer,
  events: readonly EventRecord[],
  { whole = false, fresh = false }: { whole?: boolean; fresh?: boolean } = {},
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // What a key path refused when each event was a record: an event without its keys is refused.
  const bad = events.find(
    (e) => typeof e.id !== 'string' || typeof e.incidentId !== 'string' || !Number.isFinite(e.at),
  );
  if (bad) throw new DataError(`An event needs an id, an incident id and a time: ${bad.id}`);
  const store = storeOf(w);
  const groups = [...byIncident(events)];
  const ids = groups.map(([id]) => id);
  const unstored = fresh ? new Set(ids) : await withoutChunks(store, ids);
  // New timelines are packed and put without a promise per chunk (db/bulk.ts).
  const packed = groups.flatMap(([incidentId, g]) =>
    unstored.has(incidentId) ? pack(incidentId, [...g.values()].sort(byTime)) : [],
  );
  await Promise.all([
    putAll(store, packed),
    ...groups.flatMap(([incidentId, g]) =>
      unstored.has(incidentId) ? [] : [putIncident(store, incidentId, g, whole)],
    ),
  ]);
  if (!isTx(w)) await store.transaction.done;
  return unstored;
}

async function putIncident(
  store: ChunkStore,
  incidentId: string,
  byId: Map<string, EventRecord>,
  whole: boolean,
): Promise<void> {
  const incoming = [...byId.values()].sort(byTime);
  const loaded =
    whole || incoming.length > FEW
      ? await store.getAll(chunkRange(incidentId))
      : await covering(store, incidentId, incoming);
  // Each chunk keeps its range: an event goes into the last loaded chunk starting at or before it
  // (the one covering it: every position's chunk was loaded), else into the first chunk.
  const kept = loaded.map((c) => c.events.filter((e) => !byId.has(e.id)));
  const fresh: EventRecord[] = [];
  for (const e of incoming) {
    let i = loaded.length - 1;
    while (i > 0 && byTime(loaded[i]!, e) > 0) i--;
    (i < 0 ? fresh : kept[i]!).push(e);
  }
  const writes: Promise<unknown>[] = [];
  loaded.forEach((old, i) => {
    const next = pack(incidentId, kept[i]!.sort(byTime));
    const oldKey = keyOf(old);
    if (!next.some((c) => sameKey(keyOf(c), oldKey))) writes.push(store.delete(oldKey));
    for (const c of next) writes.push(store.put(c));
  });
  for (const c of pack(incidentId, fresh)) writes.push(store.put(c));
  await Promise.all(writes);
}

/** A timeline write refused before anything was written (the caller's transaction is aborted). */
export class DataError extends Error {
  override name = 'DataError';
}

const sameKey = (a: ChunkKey, b: ChunkKey) => a.every((x, i) => x === b[i]);

/**
 * The chunks covering a few events: for each event's time, and each time it had before an edit
 * (where its old copy is), the chunk starting at or before it, or else the incident's first.
 */
async function covering(
  store: ChunkStore,
  incidentId: string,
  incoming: readonly EventRecord[],
): Promise<TimelineChunkRecord[]> {
  const keys = new Map<string, ChunkKey>();
  const positions = incoming.flatMap((e) => [
    [e.at, e.id] as const,
    ...(e.edits ?? []).map((x) => [x.previousAt, e.id] as const),
  ]);
  for (const [at, id] of positions) {
    const cursor =
      (await store.openKeyCursor(upTo(incidentId, at, id), 'prev')) ??
      (await store.openKeyCursor(chunkRange(incidentId)));
    if (cursor) keys.set(JSON.stringify(cursor.key), cursor.key);
  }
  const chunks = await Promise.all([...keys.values()].map((k) => store.get(k)));
  return chunks.filter((c): c is TimelineChunkRecord => c !== undefined).sort(byTime);
}

/**
 * Removes events (by id) from one incident's timeline: team mode deletes a document everywhere.
 * Reads the incident's chunks one at a time until every id was found.
 */
export async function deleteEvents(
  store: ChunkStore,
  incidentId: string,
  ids: readonly string[],
): Promise<void> {
  const left = new Set(ids);
  let cursor = await store.openCursor(chunkRange(incidentId));
  while (cursor && left.size) {
    const c = cursor.value;
    const events = c.events.filter((e) => !left.has(e.id));
    if (events.length !== c.events.length) {
      for (const e of c.events) left.delete(e.id);
      await cursor.delete();
      for (const next of pack(incidentId, events)) await store.put(next);
    }
    cursor = await cursor.continue();
  }
}

/** One event of an incident by id, or undefined: reads the incident's chunks until found. */
export async function getEvent(
  db: LensDatabase,
  incidentId: string,
  id: string,
): Promise<EventRecord | undefined> {
  let cursor = await db.transaction('timeline').store.openCursor(chunkRange(incidentId));
  while (cursor) {
    const found = cursor.value.events.find((e) => e.id === id);
    if (found) return found;
    cursor = await cursor.continue();
  }
  return undefined;
}

/** Every event stored, incident by incident in time order (export, team mode's first upload). */
export async function allEvents(db: LensDatabase): Promise<EventRecord[]> {
  return (await db.getAll('timeline')).flatMap((c) => c.events);
}
