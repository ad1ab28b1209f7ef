import { withUniqueItemIds } from '../../core/review/item-ids';
import { LOCAL_AUTHOR, type Author } from '../../core/team';
import { resolveConflicts } from './conflicts';
import type { LensDatabase } from './open';
import { isConflict, isMissing, type SharedStore } from './pouch';
export type { SharedStore } from './pouch';
import {
  docId,
  eventDoc,
  incidentDoc,
  reviewDoc,
  SHARED_KINDS,
  type NewDoc,
  type SharedDoc,
} from './shared-docs';
import { nextSettingLog } from './setting-log';
import { allEvents, deleteEvents, putEvents } from './chunks';
import { recomputeAllLater, summariesChanged } from './summaries';
import type { IDBPTransaction } from 'idb';
import type { EventRecord, IncidentRecord, LensDB, ReviewRecord, SettingRecord } from './schema';
import { ITEM_STORES, syncReviewItems } from './action-items';
import { putIncidents } from './dashboard-state';

/**
 * The shared store: the team's documents in PouchDB (shared-docs.ts), and the copy of them the
 * local IndexedDB stores keep for the views' indexed queries. Every shared write goes to PouchDB
 * first, then `project` copies the changes (local and replicated alike) into IndexedDB from a
 * checkpoint; a worker stopped between the two finishes the copy on its next write or sync.
 */

const attached = new WeakMap<LensDatabase, SharedStore>();
/** One projection at a time per database, so an older batch never overwrites a newer one. */
const running = new WeakMap<LensDatabase, Promise<unknown>>();
/** The projection waiting for the running one to end, if any (see `project`). */
const queued = new WeakMap<LensDatabase, Promise<number>>();

/** Puts the shared store behind a database connection: its repository writes go there from now. */
export function attachShared(db: LensDatabase, store: SharedStore): void {
  attached.set(db, store);
}

export function sharedOf(db: LensDatabase): SharedStore | undefined {
  return attached.get(db);
}

/**
 * Writes shared documents (replacing the current version of each) and copies them into the local
 * stores. False when no shared store is attached: the caller writes IndexedDB itself.
 */
export async function writeShared(db: LensDatabase, docs: readonly NewDoc[]): Promise<boolean> {
  const store = attached.get(db);
  if (!store) return false;
  await putDocs(store, docs);
  await project(db, store);
  store.afterWrite?.();
  return true;
}

/** Writes documents over their current revisions, stamped with the author and the time. */
export async function putDocs(store: SharedStore, docs: readonly NewDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const ids = docs.map(docId);
  for (let attempt = 0; ; attempt++) {
    const { rows } = await store.pouch.allDocs({ keys: ids });
    const revs = new Map(rows.map((r) => [r.id, r.value?.rev]));
    const stamp = { author: store.author(), at: store.now() };
    const out = docs.map((d, i) => {
      const id = ids[i]!;
      const rev = revs.get(id);
      const createdBy = d.kind === 'incident' ? { createdBy: stamp.author } : {};
      return { ...createdBy, ...d, ...stamp, _id: id, ...(rev ? { _rev: rev } : {}) } as SharedDoc;
    });
    await keepCreator(store, out);
    await logSettingChanges(store, out);
    const results = await store.pouch.bulkDocs(out);
    const failed = results.filter((r) => r.error);
    if (failed.length === 0) return;
    // A replication wrote one of them in between: read the new revision and write again.
    if (attempt < 3 && failed.every((r) => r.status === 409)) {
      docs = docs.filter((_d, i) => results[i]?.error);
      ids.splice(0, ids.length, ...docs.map(docId));
      continue;
    }
    throw new Error(`The shared store refused a write: ${failed[0]?.reason ?? failed[0]?.error}`);
  }
}

/** An incident keeps the author who declared it through every later write. */
async function keepCreator(store: SharedStore, docs: SharedDoc[]): Promise<void> {
  for (const d of docs) {
    if (d.kind !== 'incident' || !d._rev) continue;
    const old = await store.pouch.get(d._id).catch(() => null);
    if (old?.kind === 'incident' && old.createdBy.name) d.createdBy = old.createdBy;
  }
}

/** A shared setting carries its change log forward, with this write's author when it changed. */
async function logSettingChanges(store: SharedStore, docs: SharedDoc[]): Promise<void> {
  for (const d of docs) {
    if (d.kind !== 'setting') continue;
    const old = d._rev ? await store.pouch.get(d._id).catch(() => null) : null;
    d.changes = nextSettingLog(old?.kind === 'setting' ? old : null, d);
  }
}

const BATCH = 500;

/**
 * Copies every shared change since the last checkpoint into the local stores (resolving
 * conflicts on the way), and returns how many documents it copied.
 */
export function project(db: LensDatabase, store: SharedStore): Promise<number> {
  // A projection queued behind the running one and not started yet reads every change written
  // before it starts, this caller's too: share it. So a replication batch arriving while one is
  // copied queues at most one more pass, however many batches arrive (a first sync of 200,000
  // documents used to queue one pass per batch, each re-reading from the checkpoint).
  const waiting = queued.get(db);
  if (waiting) return waiting;
  const prev = running.get(db) ?? Promise.resolve();
  const next = prev
    .catch(() => undefined)
    .then(() => {
      queued.delete(db);
      return projectNow(db, store);
    });
  queued.set(db, next);
  running.set(db, next);
  return next;
}

async function projectNow(db: LensDatabase, store: SharedStore): Promise<number> {
  let copied = 0;
  for (;;) {
    const since = ((await db.get('settings', 'teamSeq')) as SettingRecord<'teamSeq'> | undefined)
      ?.value;
    const changes = await store.pouch.changes({
      since: since ?? 0,
      include_docs: true,
      conflicts: true,
      limit: BATCH,
    });
    if (changes.results.length === 0) return copied;
    // Only our kinds: the design document (and anything else on the server) is not copied.
    const docs = changes.results.flatMap((c) =>
      c.doc && (c.doc._deleted || SHARED_KINDS.includes(c.doc.kind)) ? [c.doc] : [],
    );
    // A conflict is resolved in PouchDB; its merged version arrives as a later change.
    await resolveConflicts(
      store,
      docs.filter((d) => d._conflicts?.length),
    );
    await copyIntoStores(db, docs, changes.last_seq);
    await summariesAfter(db, docs);
    copied += docs.length;
  }
}

/**
 * Issue 22: the list's stored next deadlines follow what a projected batch changed (local and
 * replicated writes alike): the incidents whose record or events it wrote or deleted, or every
 * summary and tally when the policy changed (in the background: recomputeAllLater). Called once
 * per batch, after it is in the stores.
 */
export function summariesAfter(db: LensDatabase, docs: readonly SharedDoc[]): Promise<void> {
  // A policy change (ours or a teammate's) recomputes everything in the background.
  if (docs.some((d) => !d._deleted && d.kind === 'setting' && d.record.key === 'policy'))
    return recomputeAllLater(db);
  const ids = docs.flatMap((d): string[] => {
    if (d._deleted) {
      const [kind, ...rest] = d._id.split(':');
      if (kind === 'incident') return [rest.join(':')];
      return kind === 'event' && rest[0] !== undefined ? [rest[0]] : [];
    }
    if (d.kind === 'incident') return [d.record.id];
    return d.kind === 'event' ? [d.record.incidentId] : [];
  });
  return summariesChanged(db, ids);
}

const meta = (a: Author) => (a.name ? a : undefined);

/** Writes one batch of documents into the local stores, and the checkpoint, in one transaction. */
async function copyIntoStores(
  db: LensDatabase,
  docs: SharedDoc[],
  seq: number | string,
): Promise<void> {
  const tx = db.transaction(
    ['incidents', 'timeline', 'reviews', 'marks', 'settings', ...ITEM_STORES],
    'readwrite',
  );
  const writes: Promise<unknown>[] = [];
  // Reviews written or deleted: their action items follow in this transaction (action-items.ts).
  const reviews: { id: string; review?: ReviewRecord }[] = [];
  // Events go into their timelines' chunks in one write per batch (db/chunks.ts).
  const events: EventRecord[] = [];
  const gone = new Map<string, string[]>(); // deleted events by incident
  const incidents: IncidentRecord[] = [];
  const goneIncidents: string[] = [];
  for (const d of docs) {
    if (d._deleted) {
      const [kind, incidentId, ...id] = d._id.split(':'); // event:<incidentId>:<eventId>
      if (kind === 'event' && incidentId !== undefined)
        gone.set(incidentId, [...(gone.get(incidentId) ?? []), id.join(':')]);
      else {
        if (kind === 'review') reviews.push({ id: d._id.slice('review:'.length) });
        if (kind === 'incident') goneIncidents.push(d._id.slice('incident:'.length));
        else writes.push(deleteLocal(tx, d._id));
      }
      continue;
    }
    const by = meta(d.author);
    switch (d.kind) {
      case 'incident': {
        const createdBy = meta(d.createdBy);
        incidents.push({
          ...d.record,
          ...(createdBy ? { createdBy } : {}),
          ...(by ? { lastBy: by, lastAt: d.at } : {}),
        });
        break;
      }
      case 'event':
        events.push({ ...d.record, ...(by ? { author: by } : {}) });
        break;
      case 'review': {
        // A teammate's older version may have written two items under one id: renamed, alike on
        // every machine (core/review/item-ids.ts), rather than refused, which would leave this
        // machine without a review the team has.
        const review = withUniqueItemIds(d.record);
        writes.push(tx.objectStore('reviews').put(review));
        reviews.push({ id: review.id, review });
        break;
      }
      case 'mark':
        writes.push(tx.objectStore('marks').put({ ...d.record, id: d._id, author: d.author }));
        break;
      case 'setting':
        writes.push(
          tx
            .objectStore('settings')
            .put({ ...d.record, ...(d.changes ? { changes: d.changes } : {}) }),
        );
        break;
    }
  }
  // One write at a time per incident's chunks: the puts, then the deletions.
  writes.push(
    putEvents(tx, events).then(() =>
      Promise.all([...gone].map(([id, ids]) => deleteEvents(tx.objectStore('timeline'), id, ids))),
    ),
  );
  writes.push(tx.objectStore('settings').put({ key: 'teamSeq', value: seq }));
  writes.push(syncReviewItems(tx, reviews));
  writes.push(putIncidents(tx, incidents, goneIncidents));
  await Promise.all(writes);
  await tx.done;
}

type ProjectionTx = IDBPTransaction<
  LensDB,
  (
    | 'incidents'
    | 'timeline'
    | 'reviews'
    | 'marks'
    | 'settings'
    | 'actionItems'
    | 'itemTotals'
    | 'dashboardState'
  )[],
  'readwrite'
>;

/** A document deleted in the team database leaves the local stores too (events: copyIntoStores). */
function deleteLocal(tx: ProjectionTx, id: string): Promise<unknown> {
  const [kind, ...rest] = id.split(':');
  const key = rest.join(':');
  if (kind === 'review') return tx.objectStore('reviews').delete(key);
  if (kind === 'mark') return tx.objectStore('marks').delete(id);
  return Promise.resolve();
}

/** What `migrateToShared` moved, per kind (absent: it ran before). */
export type MigrationCounts = Record<SharedDoc['kind'], number>;

const MIGRATED = '_local/migrated';

/**
 * Moves every shared record of the local stores into PouchDB, once (a `_local` marker, which never
 * replicates, remembers it). Records already in PouchDB are kept as they are. Returns the counts.
 */
export async function migrateToShared(
  db: LensDatabase,
  store: SharedStore,
): Promise<MigrationCounts | null> {
  const done = await store.pouch.get(MIGRATED).catch((e: unknown) => {
    if (isMissing(e)) return null;
    throw e;
  });
  if (done) return null;
  const docs = await localSharedRecords(db);
  const counts = Object.fromEntries(SHARED_KINDS.map((k) => [k, 0])) as MigrationCounts;
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const stamp = { author: LOCAL_AUTHOR, at: store.now() };
    const results = await store.pouch.bulkDocs(
      batch.map(
        (d) =>
          ({
            ...d,
            ...stamp,
            _id: docId(d),
            ...(d.kind === 'incident' ? { createdBy: LOCAL_AUTHOR } : {}),
          }) as SharedDoc,
      ),
    );
    results.forEach((r, j) => {
      if (r.error && !isConflict(r)) throw new Error(`Migration failed at ${r.id}: ${r.reason}`);
      counts[batch[j]!.kind]++;
    });
  }
  await store.pouch.put({ _id: MIGRATED, ...counts } as unknown as SharedDoc);
  await project(db, store);
  return counts;
}

/** Every local record that team mode shares, as documents. */
async function localSharedRecords(db: LensDatabase): Promise<NewDoc[]> {
  const [incidents, events, reviews, settings, feed, sources] = await Promise.all([
    db.getAll('incidents'),
    allEvents(db),
    db.getAll('reviews'),
    db.getAll('settings'),
    db.getAll('feedIncidents'),
    db.getAll('sources'),
  ]);
  const urls = new Map(sources.map((s) => [s.id, s.url]));
  const marks: NewDoc[] = feed.flatMap((f) =>
    (f.done ?? []).flatMap((d) => {
      const feedUrl = urls.get(f.sourceId);
      return feedUrl
        ? [
            {
              kind: 'mark' as const,
              record: {
                feedUrl,
                incidentId: f.incident.id,
                obligationId: d.obligationId,
                at: d.at,
              },
            },
          ]
        : [];
    }),
  );
  const shared: NewDoc[] = settings.flatMap((s) =>
    s.key === 'policy' || s.key === 'templates'
      ? [{ kind: 'setting', record: s as SettingDoc['record'] } satisfies NewDoc]
      : [],
  );
  return [
    ...incidents.map(incidentDoc),
    ...events.map(eventDoc),
    ...reviews.map(reviewDoc),
    ...marks,
    ...shared,
  ];
}

type SettingDoc = Extract<SharedDoc, { kind: 'setting' }>;

/**
 * After a backup import replaced the local stores: writes its shared records over the shared
 * store's (an import adds and replaces; it never deletes the team's documents), then copies back.
 * Only records that are new or differ are written, so what the import did not change keeps its
 * author, time and revision (nothing is re-stamped as the importer's, nothing replicates again);
 * an imported incident keeps who declared it. (What is written carries the importer as its
 * author: the server accepts only the signed-in user's writes.)
 */
export async function publishLocal(db: LensDatabase): Promise<void> {
  const store = attached.get(db);
  if (!store) return;
  const creators = new Map(
    (await db.getAll('incidents')).flatMap((i) => (i.createdBy?.name ? [[i.id, i.createdBy]] : [])),
  );
  const docs = await localSharedRecords(db);
  for (let i = 0; i < docs.length; i += BATCH) {
    const changed = await changedOnly(store, docs.slice(i, i + BATCH));
    await putDocs(
      store,
      changed.map((d) =>
        d.kind === 'incident' && creators.has(d.record.id)
          ? ({ ...d, createdBy: creators.get(d.record.id) } as NewDoc)
          : d,
      ),
    );
  }
  await db.put('settings', { key: 'teamSeq', value: 0 });
  await project(db, store);
  store.afterWrite?.();
}

/** The documents whose record is not in the shared store as it is (new, or different). */
async function changedOnly(store: SharedStore, docs: readonly NewDoc[]): Promise<NewDoc[]> {
  const { rows } = await store.pouch.allDocs({ keys: docs.map(docId), include_docs: true });
  return docs.filter((d, i) => {
    const cur = rows[i]?.doc;
    return !cur || cur._deleted || stable(cur.record) !== stable(d.record);
  });
}

/** JSON with sorted keys: the same record reads the same whatever order its keys were written in. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/**
 * On connecting as `author`, the documents written before (with no team user) become theirs: the
 * server accepts only documents whose author is the signed-in user. Returns how many.
 */
export async function claimLocal(store: SharedStore): Promise<number> {
  const { rows } = await store.pouch.allDocs({ include_docs: true });
  const mine = rows.flatMap((r) =>
    r.doc && !r.doc.author?.name && !r.id.startsWith('_') ? [r.doc] : [],
  );
  if (mine.length === 0) return 0;
  const author = store.author();
  await store.pouch.bulkDocs(
    mine.map((d) => ({
      ...d,
      author,
      ...(d.kind === 'incident' && !d.createdBy.name ? { createdBy: author } : {}),
    })),
  );
  return mine.length;
}
