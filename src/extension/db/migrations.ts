import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { syncReviewItems } from './action-items';
import { byTime, pack } from './chunks';
import { moveTotals, rebuildTotals } from './comms-totals';
import { checkTallies, moveItemCount } from './dashboard-state';
import { putOpenComms } from './open-comms';
import type { EventRecord, LensDB } from './schema';

/** The upgrade transaction handed to each migration (versionchange, every store). */
export type UpgradeTx = IDBPTransaction<LensDB, StoreNames<LensDB>[], 'versionchange'>;

/** One ordered schema step. `version` is the database version the step produces. */
export interface Migration {
  version: number;
  description: string;
  /** Runs inside the one `upgrade` callback; await nothing but IndexedDB calls. */
  migrate(db: IDBPDatabase<LensDB>, tx: UpgradeTx): void | Promise<void>;
}

/**
 * Every schema step, oldest first. Never edit a released step: append a new one, bump DB_VERSION,
 * and add a test that opens a database written by the previous version and finds every record.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'All stores and indexes for sources, feeds, sites, responder incidents and reviews',
    migrate(db) {
      db.createObjectStore('sources', { keyPath: 'id' });
      db.createObjectStore('snapshots', { keyPath: 'sourceId' });
      const feed = db.createObjectStore('feedIncidents', { keyPath: 'key' });
      feed.createIndex('by-source', 'sourceId');
      feed.createIndex('by-active', 'active');
      db.createObjectStore('sites', { keyPath: 'pattern' });
      const incidents = db.createObjectStore('incidents', { keyPath: 'id' });
      incidents.createIndex('by-status', 'status');
      // Moved into `timeline` chunks in v6 (the schema type names only the current stores).
      const events = db.createObjectStore('events' as never, { keyPath: 'id' });
      // Replaced by `by-incident-at` in v5.
      events.createIndex('by-incident' as never, 'incidentId');
      const drafts = db.createObjectStore('drafts', { keyPath: 'key' });
      drafts.createIndex('by-incident', 'incidentId');
      const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
      reviews.createIndex('by-incident', 'incidentId');
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('notified', { keyPath: 'key' });
      db.createObjectStore('copiedReplies', { keyPath: 'key' });
    },
  },
  {
    version: 2,
    description: 'Index notification keys by time, so old de-duplication records can be pruned',
    migrate(_db, tx) {
      tx.objectStore('notified').createIndex('by-at', 'at');
    },
  },
  {
    version: 3,
    description:
      'Index incidents by resolution time, so lists read the latest resolved ones (and refresh the recently resolved) without reading every incident; denormalise reviewPublishedAt from published reviews',
    async migrate(_db, tx) {
      // The index covers existing resolved incidents through their resolvedAt.
      const incidents = tx.objectStore('incidents');
      incidents.createIndex('by-resolved', 'resolvedAt');
      // reviewPublishedAt is new in v3 (written when a review is published): fill it in for reviews
      // published before, so lists can tell awaiting incidents from their records alone. Nothing else
      // in any record changes.
      const published = new Map<string, number>();
      for (const r of await tx.objectStore('reviews').getAll()) {
        if (r.publishedAt === undefined) continue;
        published.set(
          r.incidentId,
          Math.min(r.publishedAt, published.get(r.incidentId) ?? Infinity),
        );
      }
      for (const [id, at] of published) {
        const incident = await incidents.get(id);
        if (incident && incident.reviewPublishedAt === undefined)
          await incidents.put({ ...incident, reviewPublishedAt: at });
      }
    },
  },
  {
    version: 4,
    description:
      'Team mode: a store for feed-incident duties marked done by anyone in the team (replicated marks)',
    migrate(db) {
      db.createObjectStore('marks', { keyPath: 'id' });
    },
  },
  {
    version: 5,
    description:
      'Index events by [incidentId, at] instead of incidentId alone, so a timeline is read a page at a time in time order and counted without reading it (issue 16 #14); every event kept',
    migrate(_db, tx) {
      // Replaced, not added: one index per event keeps bulk writes as cheap as before. Creating
      // an index over existing records indexes them; deleting one never touches a record.
      const events = tx.objectStore('events' as never);
      events.deleteIndex('by-incident');
      events.createIndex('by-incident-at' as never, ['incidentId', 'at']);
    },
  },
  {
    version: 6,
    description:
      'Timelines in chunks of up to CHUNK_EVENTS events per record (`timeline`, keyed [incidentId, at, id, n]) instead of one record per event, so bulk writes take seconds (issue 22); every event moved, the `events` store removed',
    async migrate(db, tx) {
      const chunks = db.createObjectStore('timeline', { keyPath: ['incidentId', 'at', 'id', 'n'] });
      // `events` is gone from the schema type: it exists only in databases older than this step.
      const events = (await tx.objectStore('events' as never).getAll()) as EventRecord[];
      const byIncident = new Map<string, EventRecord[]>();
      for (const e of events) {
        const list = byIncident.get(e.incidentId);
        if (list) list.push(e);
        else byIncident.set(e.incidentId, [e]);
      }
      const writes: Promise<unknown>[] = [];
      for (const [id, list] of byIncident)
        for (const c of pack(id, list.sort(byTime))) writes.push(chunks.put(c));
      await Promise.all(writes);
      db.deleteObjectStore('events' as never);
    },
  },
  {
    version: 7,
    description:
      "Stores of each open incident's running deadlines and each resolved incident's communication tally beside its record, so the side-panel list and the reviews dashboard read no timeline (issue 22); filled by the worker at start-up (db/summaries.ts ensureSummaries)",
    migrate(db) {
      // Only the stores here: filling them reads timelines through the timeline API (db/timeline.ts),
      // which needs its own transactions (and whatever layout of events an earlier step left), so
      // the worker fills them at start-up. Until then the list and the dashboard compute a missing
      // summary from the timeline, as before. No existing record changes.
      db.createObjectStore('summaries', { keyPath: 'incidentId' });
      const tallies = db.createObjectStore('commsTallies', { keyPath: 'incidentId' });
      tallies.createIndex('by-resolved', 'resolvedAt');
    },
  },
  {
    version: 8,
    description:
      "The reviews dashboard's first screen without reading every tally and review (issue 22): the tallies summed per month (`commsTotals`), every review's action items in the dashboard's order (`actionItems`, index `by-order`) and their completion per month (`itemTotals`), filled here from the stored tallies and reviews; no existing record changes",
    async migrate(db, tx) {
      db.createObjectStore('commsTotals', { keyPath: 'month' });
      const items = db.createObjectStore('actionItems', { keyPath: ['reviewId', 'itemId'] });
      items.createIndex('by-order', ['open', 'due', 'reviewTitle', 'itemId']);
      db.createObjectStore('itemTotals', { keyPath: 'month' });
      // Derived from records already stored (no timeline read), so filled in the upgrade itself.
      const tallies = await tx.objectStore('commsTallies').getAll();
      await moveTotals(
        tx,
        tallies.flatMap((rec) =>
          rec.tally ? [{ id: rec.incidentId, rec, sign: 1 as const }] : [],
        ),
      );
      const reviews = await tx.objectStore('reviews').getAll();
      await syncReviewItems(
        tx,
        reviews.map((review) => ({ id: review.id, review })),
      );
    },
  },
  {
    version: 9,
    description:
      "An index of the open incidents' summaries in list order (most severe first), so the side panel's virtualised list reads any stretch of it without reading every open incident (issue 22); summaries written before it carry no order and are refilled by the worker at start-up (ensureSummaries)",
    migrate(_db, tx) {
      // Records without `order` are simply not in the index: the list counts the index against the
      // open incidents and, until they agree, reads the list the old way.
      tx.objectStore('summaries').createIndex('by-order', 'order');
    },
  },
  {
    version: 10,
    description:
      "The reviews dashboard's first screen without counting every resolved incident, tally and action item on each read (issue 22): a `dashboardState` store with the item count and a mark that every resolved incident has its tally, both filled here from the stored records; the monthly totals of the tallies made again from them, their edge tallies in a narrower window (12 hours after a month's start, 14 before its end) and a compact form, which the first screen reads faster; no other record changes",
    async migrate(db, tx) {
      db.createObjectStore('dashboardState', { keyPath: 'key' });
      // Counted once here; from now on moved by the writes (db/dashboard-state.ts).
      await moveItemCount(tx, 0);
      await checkTallies(tx);
      await rebuildTotals(tx);
    },
  },
  {
    version: 11,
    description:
      "The reviews dashboard's first screen without reading every open incident's summary (issue 22): an `openComms` store holding each summary's stamp and communication tally (packed in one flat array), filled here from the stored summaries and from now on written and removed with them; no other record changes",
    async migrate(db, tx) {
      db.createObjectStore('openComms', { keyPath: 'incidentId' });
      // Summaries are written with their stamp; the page checks it as before (open-comms.ts).
      await putOpenComms(tx, await tx.objectStore('summaries').getAll());
    },
  },
];

/** Runs, in order, every step newer than `oldVersion` and not newer than `newVersion`. */
export async function runMigrations(
  db: IDBPDatabase<LensDB>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (const m of MIGRATIONS) {
    if (m.version <= oldVersion || m.version > newVersion) continue;
    const pending = m.migrate(db, tx);
    if (pending) await pending;
  }
}
