import type { Policy } from '../../core/types';
import type { LensDatabase } from './open';
import type { EventRecord, IncidentRecord } from './schema';
import { eventDoc, incidentDoc, type NewDoc } from './shared-docs';
import { putDocs, project, sharedOf } from './shared';
import { byTime, CHUNK_EVENTS, putEvents } from './chunks';
import { unwrap } from 'idb';
import { putAll, readThroughCursor } from './bulk';
import { confirmTallies, incidentsMayChange, putIncident, STATE_STORE } from './dashboard-state';
import { MAX_EVENTS_PER_INCIDENT } from './chunks';
import { writeShared } from './shared';
import { DERIVED_STORES, derive, incidentsChanged, putDerived, storedPolicy } from './summaries';

/** Responder incidents, newest declaration first; optionally only open or resolved ones. */
export async function listIncidents(
  db: LensDatabase,
  status?: IncidentRecord['status'],
): Promise<IncidentRecord[]> {
  const all = status
    ? await db.getAllFromIndex('incidents', 'by-status', status)
    : await db.getAll('incidents');
  return all.sort((a, b) => b.declaredAt - a.declaredAt);
}

/**
 * The open incidents (in the `by-status` index's order), read through a cursor rather than one
 * request (bulk.ts readThroughCursor): the worker's refresh reads every one on each wake, and with
 * 10,000 open a side panel's read waited for the whole of it (issue 22).
 */
export function openIncidentsPaced(db: LensDatabase): Promise<IncidentRecord[]> {
  return readThroughCursor(unwrap(db.transaction('incidents').store.index('by-status')), 'open');
}

/** One responder incident. */
export function getIncident(db: LensDatabase, id: string): Promise<IncidentRecord | undefined> {
  return db.get('incidents', id);
}

export { countEvents, eventsOf, eventsOfMany, hasAtLeastEvents, timelinePage } from './timeline';
export { getEvent, putEvents } from './chunks';

/**
 * Writes an incident record and appends events to its timeline in one transaction, so a timeline
 * never holds an event whose incident summary (severity, status) was not updated with it.
 */
export async function saveIncident(
  db: LensDatabase,
  incident: IncidentRecord,
  events: EventRecord[] = [],
): Promise<void> {
  // Team mode (or its local PouchDB): the shared store writes, then copies into these stores.
  if (await writeShared(db, [incidentDoc(incident), ...events.map(eventDoc)])) return;
  const tx = db.transaction(['incidents', 'timeline', STATE_STORE], 'readwrite');
  try {
    await Promise.all([
      putIncident(tx, incident), // v10: the mark goes if it may lack its tally (incidentsChanged)
      putEvents(tx, events),
      tx.done,
    ]);
  } catch (e) {
    try {
      tx.abort(); // an event refused: the incident is not written without it
    } catch {
      // already aborted by a failed request
    }
    throw e;
  }
  // The list's stored next deadline follows every write (team mode: through `project`).
  await incidentsChanged(db, [incident]);
}

/**
 * Records per transaction for bulk writes. A transaction costs a commit (a disk flush) whatever its
 * size, so one per incident made 10,000 incidents a minute's work; a few hundred records each
 * amortise it while keeping any one transaction short enough not to hold up a poll's reads.
 */
export const BULK_RECORDS_PER_TX = 500;

/**
 * Writes many incidents with their events, batched: each transaction carries whole incidents (an
 * incident and its events always commit together, as in `saveIncident`) up to about
 * BULK_RECORDS_PER_TX records (an incident and its timeline's chunks of CHUNK_EVENTS events), and
 * `inFlight` transactions run at once. Not all-or-nothing across
 * batches: for seeding and generated data; an import uses importAll (one transaction).
 *
 * With a shared store attached (the worker always has one: local-only or a team), the records go
 * through it like every other write, so they replicate in a team: PouchDB's bulkDocs in batches of
 * the same size, then one projection into these stores.
 */
export async function saveIncidents(
  db: LensDatabase,
  items: Iterable<{ incident: IncidentRecord; events: EventRecord[] }>,
  {
    inFlight = 4,
    perTx = BULK_RECORDS_PER_TX,
    onBatch,
  }: { inFlight?: number; perTx?: number; onBatch?: (records: number) => void } = {},
): Promise<void> {
  const store = sharedOf(db);
  if (store) {
    let docs: NewDoc[] = [];
    const put = async () => {
      await putDocs(store, docs);
      onBatch?.(docs.length);
      docs = [];
    };
    for (const item of items) {
      docs.push(incidentDoc(item.incident), ...item.events.map(eventDoc));
      if (docs.length >= perTx) await put();
    }
    if (docs.length) await put();
    await project(db, store);
    store.afterWrite?.();
    return;
  }
  const running = new Set<Promise<void>>();
  let batch: { incident: IncidentRecord; events: EventRecord[] }[] = [];
  let size = 0;
  // The policy the summaries written with each batch run on (a policy saved meanwhile changes
  // their stamp: they are recomputed, and never used stale).
  const policy = await storedPolicy(db);
  /** Incidents whose summary a batch wrote with it; the others are recomputed at the end. */
  const derived = new Set<string>();
  const flush = async () => {
    // Relaxed: a bulk write commits without waiting for the disk flush of each transaction
    // (Chromium's default; said here so the write does not depend on it).
    const tx = db.transaction(['incidents', 'timeline', ...DERIVED_STORES], 'readwrite', {
      durability: 'relaxed',
    });
    const incidents = tx.objectStore('incidents');
    // A failing put aborts the transaction and tx.done rejects with it: the puts are not awaited.
    const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
    quiet(tx.done);
    const abort = () => {
      try {
        tx.abort();
      } catch {
        // already aborted by a failed request
      }
    };
    const items = batch;
    try {
      quiet(
        putAll(
          incidents,
          items.map((item) => item.incident),
        ),
      );
      quiet(incidentsMayChange(tx)); // v10: confirmed again at the end
      // An event refused (no id, no time) aborts the batch: none of its incidents stay.
      void putEvents(
        tx,
        items.flatMap((item) => item.events),
      )
        .then((fresh) => {
          // Incidents that had no timeline: their events are all of it, so their summaries and
          // tallies are computed from them and written with them (issue 22: reading 10,000
          // timelines back, a hundred per transaction, took longer than writing them).
          const whole = wholeTimelines(items, fresh);
          const d = derive(
            [...whole.values()].map((w) => w.incident),
            new Map([...whole].map(([id, w]) => [id, w.events])),
            policy,
            new Map(),
            Date.now(),
          );
          for (const p of putDerived(tx, d)) quiet(p);
          for (const id of whole.keys()) derived.add(id);
        })
        .catch(abort);
    } catch (e) {
      tx.abort(); // a record refused on the spot (no key, not cloneable): none of the batch stays
      throw e;
    }
    const records = size;
    batch = [];
    size = 0;
    const p = tx.done.then(() => onBatch?.(records));
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
    if (running.size >= inFlight) await Promise.race(running);
  };
  const written: IncidentRecord[] = [];
  for (const item of items) {
    batch.push(item);
    written.push(item.incident);
    size += 1 + Math.ceil(item.events.length / CHUNK_EVENTS);
    if (size >= perTx) await flush();
  }
  if (batch.length) await flush();
  await Promise.all(running);
  // The rest (their timelines had events before, or link a feed incident): from the stores.
  const latest = new Map(written.map((i) => [i.id, i]));
  await incidentsChanged(
    db,
    [...latest.values()].filter((i) => !derived.has(i.id)),
  );
  await confirmTallies(db);
}

/**
 * The incidents of a batch whose whole timeline it holds (they had no chunk: `fresh`), with their
 * last record and their events in time order; not those linking a feed incident (its posts are
 * read from the store) or holding more than a bounded read keeps.
 */
function wholeTimelines(
  items: readonly { incident: IncidentRecord; events: EventRecord[] }[],
  fresh: ReadonlySet<string>,
): Map<string, { incident: IncidentRecord; events: EventRecord[] }> {
  const out = new Map<string, { incident: IncidentRecord; events: EventRecord[] }>();
  for (const { incident, events } of items) {
    if (!fresh.has(incident.id)) continue;
    const seen = out.get(incident.id);
    out.set(incident.id, { incident, events: [...(seen?.events ?? []), ...events] });
  }
  for (const [id, w] of out) {
    const byId = new Map(w.events.map((e) => [e.id, e]));
    if (w.incident.linked || byId.size > MAX_EVENTS_PER_INCIDENT) out.delete(id);
    else w.events = [...byId.values()].sort(byTime);
  }
  return out;
}

/** Incidents resolved after `since` (exclusive), through the `by-resolved` index. */
export function resolvedSince(db: LensDatabase, since: number): Promise<IncidentRecord[]> {
  // Through a cursor, as openIncidentsPaced: the worker's refresh reads these on each wake.
  return readThroughCursor(
    unwrap(db.transaction('incidents').store.index('by-resolved')),
    IDBKeyRange.lowerBound(since, true),
  );
}

/** One page of resolved incidents, latest resolution first; `more` when older ones exist. */
export interface ResolvedPage {
  incidents: IncidentRecord[];
  more: boolean;
}

/** How many records past a full page `resolvedPage` reads, at most, to find one more it keeps. */
export const LOOK_AHEAD = 200;
/** The first look-ahead step past a full page (then doubling up to LOOK_AHEAD). */
const LOOK_AHEAD_FIRST = 8;

/**
 * Up to `limit` resolved incidents that `keep` accepts, latest resolution first: one cursor over the
 * `by-resolved` index that stops once the page is full, whatever the number stored. `more` says
 * whether an older accepted one exists, read up to LOOK_AHEAD records ahead (so "show more" is not
 * offered when only rejected ones remain); past that bound it is assumed, so a page never reads
 * every older incident.
 */
async function resolvedPage(
  db: LensDatabase,
  limit: number,
  keep: (r: IncidentRecord) => boolean,
): Promise<ResolvedPage> {
  const index = db.transaction('incidents').store.index('by-resolved');
  const incidents: IncidentRecord[] = [];
  let ahead = 0;
  // Read backwards in chunks: a key cursor steps back over the index (no record read) to where the
  // chunk starts, then one getAll reads it. A record cursor took one round trip per record, which
  // dominated the list's first screen on a loaded machine (issue 22).
  let upper: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | null = upper === null ? null : IDBKeyRange.upperBound(upper, true);
    let cursor = await index.openKeyCursor(range, 'prev');
    if (!cursor) return { incidents, more: false };
    // Past a full page, look ahead a few records at a time (doubling): the next older one usually
    // decides `more`, and reading LOOK_AHEAD records for it was a third of the list's first screen.
    const want =
      incidents.length < limit
        ? limit - incidents.length
        : Math.min(LOOK_AHEAD - ahead, Math.max(LOOK_AHEAD_FIRST, ahead));
    if (want > 1) cursor = await cursor.advance(want - 1);
    const from = cursor?.key;
    // Records sharing the boundary time all come in this chunk; the next one starts below it.
    const chunk = await index.getAll(
      from === undefined
        ? range
        : upper === null
          ? IDBKeyRange.lowerBound(from)
          : IDBKeyRange.bound(from, upper, false, true),
    );
    for (let i = chunk.length - 1; i >= 0; i--) {
      const r = chunk[i]!;
      if (incidents.length < limit) {
        if (keep(r)) incidents.push(r);
        continue;
      }
      if (ahead === LOOK_AHEAD || keep(r)) return { incidents, more: true };
      ahead++;
    }
    if (from === undefined) return { incidents, more: false };
    upper = from;
  }
}

/** The `limit` most recently resolved incidents. */
export function latestResolved(db: LensDatabase, limit: number): Promise<ResolvedPage> {
  return resolvedPage(db, limit, () => true);
}

/**
 * Resolved incidents whose post-mortem is not published yet (no `reviewPublishedAt`) and whose
 * optional review was not skipped. Never reads events.
 */
export function awaitingReview(db: LensDatabase, limit: number): Promise<ResolvedPage> {
  return resolvedPage(db, limit, (r) => r.reviewPublishedAt === undefined && !r.reviewSkipped);
}

/**
 * The policy an incident runs on: the one it was declared under, or the current one for an
 * incident declared before incidents kept theirs.
 */
export function incidentPolicy(incident: Pick<IncidentRecord, 'policy'>, current: Policy): Policy {
  return incident.policy ?? current;
}
