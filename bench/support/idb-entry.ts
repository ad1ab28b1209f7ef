/**
 * Bundled by bench/extension.bench.ts (Vite, IIFE) and evaluated in an extension page, so the
 * extension's real IndexedDB is written and read through the real repository and view code.
 */
import { computeObligations, nextDeadline } from '../../src/core/obligations';
import { DEFAULT_POLICY } from '../../src/core/policy';
import type { Severity, TimelineEventType } from '../../src/core/types';
import { putReviews } from '../../src/extension/db/drafts';
import {
  awaitingReview,
  countEvents,
  eventsOf,
  eventsOfMany,
  saveIncident,
  saveIncidents,
} from '../../src/extension/db/incidents';
import {
  derive,
  linkedFeeds,
  readSummaries,
  readTallies,
  refreshAllSummaries,
  storedPolicy,
  summariesSettled,
  summaryStamp,
} from '../../src/extension/db/summaries';
import { getSetting, setSetting } from '../../src/extension/db/settings';
import { confirmTallies } from '../../src/extension/db/dashboard-state';
import { openCommsBuilt } from '../../src/extension/db/open-comms';
import { totalsMonthsFor } from '../../src/core/review/comms-totals';
import { exportAll, importAll, validateBackup } from '../../src/extension/db/backup';
import { openLensDB } from '../../src/extension/db/open';
import { timelineRange } from '../../src/extension/db/timeline';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../../src/extension/db/schema';
import { readDashboard, readOverview, readReviews } from '../../src/extension/reviews/repo';
import { readDashboardPage } from '../../src/extension/reviews/dashboard-data';
import { readDashboardFirst, readItemRows, rowsOf } from '../../src/extension/reviews/first-screen';
import { reviewDashboard } from '../../src/core/review/dashboard';
import {
  dashboardView,
  ITEMS_PAGE,
  reviewListRows,
} from '../../src/extension/reviews/views/view-model';
import {
  OPEN_PAGE,
  readIncident,
  readList,
  readTimeline,
  REVIEWS_PAGE,
} from '../../src/extension/sidepanel/data';

const MIN = 60_000;
const TYPES: TimelineEventType[] = ['update_posted', 'status_page_posted', 'customers_notified'];
const MORE: TimelineEventType[] = ['execs_notified', 'bridge_opened', 'engineer_assigned', 'note'];

/** `count` incidents of `per` events (the `open` newest are open), and a review for every `reviewEvery`th resolved one. */
export async function seed(count: number, per: number, open: number, reviewEvery: number) {
  const db = await openLensDB();
  // Into empty stores (not timed): each run writes the same records afresh. The derived stores
  // too: the summaries, tallies and action items of the run before would otherwise be read and
  // replaced one by one, which a first write never does.
  const stores = ['incidents', 'timeline', 'reviews', 'summaries', 'commsTallies', 'commsTotals'];
  await Promise.all(
    [...stores, 'actionItems', 'itemTotals'].map((s) => db.clear(s as 'incidents')),
  );
  // Raw clears bypass the write paths: the dashboard's state (v10: the tallies mark, the item
  // count) goes with them, and the writes below count afresh.
  if (db.objectStoreNames.contains('dashboardState')) await db.clear('dashboardState');
  // v11: the summaries' dashboard part (db/open-comms.ts) goes with the summaries.
  if (db.objectStoreNames.contains('openComms')) await db.clear('openComms');
  const now = Date.now();
  const t0 = now - count * 53 * MIN - 3 * 60 * MIN;
  let events = 0;
  const reviews: ReviewRecord[] = [];
  const items: { incident: IncidentRecord; events: EventRecord[] }[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${i}`;
    const at = t0 + i * 53 * MIN;
    const isOpen = i >= count - open;
    const severity = (1 + (i % 4)) as Severity;
    const ev: EventRecord[] = [];
    for (let k = 0; k < per; k++) {
      const type: TimelineEventType =
        k === 0
          ? 'declared'
          : k === 1
            ? 'classified'
            : k === per - 1 && !isOpen
              ? 'resolved'
              : k % 2
                ? TYPES[k % TYPES.length]!
                : MORE[k % MORE.length]!;
      ev.push({
        id: `${id}-e${k}`,
        incidentId: id,
        type,
        at: at + k * 7 * MIN,
        ...(k === 1 ? { severity } : {}),
        ...(type === 'update_posted' ? { text: `Update ${k}: still investigating.` } : {}),
      });
    }
    const rec: IncidentRecord = {
      id,
      title: `Bench incident ${i}`,
      components: ['Checkout'],
      publiclyVisible: true,
      startedAt: at,
      declaredAt: at,
      status: isOpen ? 'open' : 'resolved',
      severity,
      updatedAt: at + per * 7 * MIN,
      ...(isOpen ? {} : { resolvedAt: at + (per - 1) * 7 * MIN }),
    };
    items.push({ incident: rec, events: ev });
    events += ev.length;
    if (!isOpen && i % reviewEvery === 0) {
      const review: ReviewRecord = {
        id: `review-${i}`,
        incidentId: id,
        title: rec.title,
        createdAt: at + per * 7 * MIN,
        updatedAt: at + per * 7 * MIN,
        timeline: [],
        impact: { accounts: [] },
        whys: ['Because of a config change'],
        mitigations: ['Rolled back'],
        participants: ['Ana'],
        actionItems: [0, 1, 2].map((n) => ({
          id: `a${n}`,
          description: `Action ${n} of review ${i}`,
          owner: n ? 'Mehmet' : '',
          dueAt: at + (n + 7) * 24 * 60 * MIN,
          status: n === 0 ? 'done' : 'open',
          createdAt: at,
        })),
      };
      reviews.push(review);
    }
  }
  // Generating the records above is not timed: only the writes, through the repository's bulk write
  // (whole incidents, a few hundred records per transaction).
  const started = performance.now();
  // Where the time goes (logged by storage.bench.ts): the batches' commits, then the summaries.
  let lastBatch = started;
  await Promise.all([
    saveIncidents(db, items, { onBatch: () => void (lastBatch = performance.now()) }),
    putReviews(db, reviews),
  ]);
  const ms = performance.now() - started;
  // Not timed: the dashboard mark's build, which the writes asked for and do not wait for
  // (db/open-comms.ts); closing the connection now would leave it unbuilt.
  await summariesSettled(db);
  db.close();
  const recordsMs = lastBatch - started;
  // Where the time goes, timed on their own after the write (issue 22): the structured clone of
  // every record (what each put serialises on this thread) and the summaries' computation.
  let t = performance.now();
  structuredClone(items);
  const cloneMs = performance.now() - t;
  t = performance.now();
  derive(
    items.map((i) => i.incident),
    new Map(items.map((i) => [i.incident.id, i.events])),
    DEFAULT_POLICY,
    new Map(),
    Date.now(),
  );
  const deriveMs = performance.now() - t;
  return {
    cloneMs,
    deriveMs,
    ms,
    recordsMs,
    summariesMs: ms - recordsMs,
    incidents: count,
    events,
    reviews: reviews.length,
  };
}

/**
 * Issue 22: a policy save with the seeded incidents stored. `saveMs`: until setSetting returns
 * (what Options → Policy waits for), `runs` times; `settleMs`: until the background
 * recomputation it started is done; `waitedMs`: what the save waited for before (the policy
 * stored, then every summary and tally recomputed before returning: refreshAllSummaries).
 */
export async function policySave(runs = 3) {
  const db = await openLensDB();
  const saveMs: number[] = [];
  let settleMs = 0;
  for (let i = 0; i < runs; i++) {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.dueSoonMinutes = 10 + i;
    const t0 = performance.now();
    await setSetting(db, 'policy', policy);
    saveMs.push(performance.now() - t0);
    await summariesSettled(db);
    settleMs = performance.now() - t0;
  }
  const t0 = performance.now();
  await db.put('settings', { key: 'policy', value: DEFAULT_POLICY });
  await refreshAllSummaries(db);
  const waitedMs = performance.now() - t0;
  await summariesSettled(db); // (the dashboard mark's build, as in seed)
  db.close();
  return { saveMs, settleMs, waitedMs };
}

/**
 * Issue 22: the stored data exported, then imported again (replace) as Options → Backup does it:
 * `ms` from the file's text to the committed transaction (validation, JSON parse, every record),
 * `derivedMs` until the summaries and tallies written after the commit are all there, with the
 * progress reports counted. The `notified` records the extension's own worker wrote since the seed
 * (its notifications for the seeded open incidents: 0 to 10,850 in runs) are left out of the file,
 * so every run imports the same data; their number is returned.
 */
export async function importBench() {
  const db = await openLensDB();
  const doc = JSON.parse(await exportAll(db)) as { stores: Record<string, unknown[]> };
  const notifiedLeftOut = doc.stores.notified!.length;
  doc.stores.notified = [];
  const json = JSON.stringify(doc);
  let reports = 0;
  const t0 = performance.now();
  const r = await importAll(db, json, { onProgress: () => void reports++ });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.error);
  await r.derived;
  const derivedMs = performance.now() - t0;
  // Not timed: the dashboard mark's build the derived writes asked for (db/open-comms.ts), which
  // a closed connection would leave unbuilt, so the reads after this would all miss the mark.
  await summariesSettled(db);
  db.close();
  // Where its time goes: the checks before the transaction (JSON.parse, every record's shape and
  // key), timed again on their own.
  const t1 = performance.now();
  JSON.parse(json);
  const parseMs = performance.now() - t1;
  validateBackup(json);
  const validateMs = performance.now() - t1;
  return {
    ms,
    derivedMs,
    parseMs,
    validateMs,
    notifiedLeftOut,
    mb: json.length / 1e6,
    counts: r.counts,
    reports,
  };
}

/** One view's data path as its page runs it: a fresh connection, the repository read, the view model. */
export async function view(
  name:
    'list' | 'openOnly' | 'overview' | 'dashboard' | 'dashboardPage' | 'dashboardAll' | 'itemsAll',
) {
  const now = Date.now();
  const t0 = performance.now();
  const db = await openLensDB();
  let read = 0;
  let value: string;
  const mark = () => void (read = performance.now() - t0);
  if (name === 'list') {
    // readList reads and computes in one pass, so `read` is not separable here.
    const l = await readList(db, now);
    value = `${l.open.length} open + ${l.reviews.length} awaiting review`;
  } else if (name === 'openOnly') {
    // What an open-incidents-only path would cost: the by-status index, each timeline, obligations.
    const open = await db.getAllFromIndex('incidents', 'by-status', 'open');
    const events = await Promise.all(open.map((i) => eventsOf(db, i.id)));
    mark();
    const next = open.map((_, i) =>
      nextDeadline(computeObligations({ events: events[i]! }, DEFAULT_POLICY, now)),
    );
    value = `${next.length} open`;
  } else if (name === 'overview') {
    const o = await readOverview(db);
    mark();
    value = `${reviewListRows(o.incidents, o.reviews, o.events, o.policy, now).length} rows`;
  } else if (name === 'dashboardPage') {
    // What the dashboard page computes before its first render (issue 22, v8): the monthly totals,
    // the items' monthly totals, the first ITEMS_PAGE rows from the by-order index, the open
    // incidents' timelines (reviews/dashboard-data.ts readDashboardPage, as the page calls it).
    const p = await readDashboardPage(db, 'all', ITEMS_PAGE, 'UTC', now);
    mark();
    value = `${p.rows.length} of ${p.total} items, from ${p.source === 'totals' ? 'the stored totals' : 'every review and tally (fallback)'}`;
  } else if (name === 'dashboardAll') {
    // Before v8, for comparison: readDashboard (every review, the year's stored tallies, open
    // incidents' timelines) and reviewDashboard: still the path with a severity filter.
    const d = await readDashboard(db);
    mark();
    const out = reviewDashboard({ ...d, now, timeZone: 'UTC' });
    value = `${out.rows.length} items, ${d.tallies.length} stored tallies + ${d.incidents.length} timelines`;
  } else if (name === 'dashboard') {
    // The action items' first rows: three ranges of the by-order index (reviews/first-screen.ts).
    const r = await readItemRows(db, now, ITEMS_PAGE);
    mark();
    value = `first ${rowsOf(r.records, now).length} of ${r.total} items`;
  } else {
    const r = await readReviews(db);
    mark();
    value = `${dashboardView(r, now, 'en', 'UTC').rows.length} items`;
  }
  db.close();
  return { ms: performance.now() - t0, readMs: read, value };
}

/** Bench support: the same incidents written with another batch size (`perTx` records, `inFlight` at once). */
export async function seedVariant(count: number, perTx: number, inFlight: number) {
  const db = await openLensDB();
  await Promise.all([db.clear('incidents'), db.clear('timeline')]);
  if (db.objectStoreNames.contains('dashboardState'))
    await db.delete('dashboardState' as never, 'talliesComplete');
  const items = Array.from({ length: count }, (_, i) => {
    const id = `v-${i}`;
    const incident: IncidentRecord = {
      id,
      title: `Variant ${i}`,
      components: ['Checkout'],
      publiclyVisible: true,
      startedAt: i,
      declaredAt: i,
      status: 'resolved',
      severity: 2,
      updatedAt: i,
      resolvedAt: i + 1,
    };
    const events: EventRecord[] = Array.from({ length: 20 }, (_, k) => ({
      id: `${id}-e${k}`,
      incidentId: id,
      type: k === 0 ? 'declared' : 'note',
      at: i + k,
    }));
    return { incident, events };
  });
  const t0 = performance.now();
  await saveIncidents(db, items, { perTx, inFlight });
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Issue 16 #14: one incident with `n` events written straight into IndexedDB (as a database written
 * by other means could hold), then its reads timed: the whole timeline through the index (what the
 * side panel and every refresh read before), the side panel's workspace (readIncident: obligations'
 * bounded read) and first timeline page (readTimeline), and a refresh's bounded read (eventsOf).
 */
export async function timelineBench(n: number) {
  const db = await openLensDB();
  const id = 'bench-long';
  await saveIncidents(db, [
    {
      incident: {
        id,
        title: 'Long timeline',
        components: ['Checkout'],
        publiclyVisible: true,
        startedAt: 0,
        declaredAt: 0,
        status: 'open',
        severity: 2,
        updatedAt: 0,
      },
      events: Array.from({ length: n }, (_, i) => ({
        id: `long-${i}`,
        incidentId: id,
        type: i === 0 ? ('declared' as const) : ('note' as const),
        at: i * 1000,
        text: `Seeded note ${i}`,
      })),
    },
  ]);
  const once = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  // After 100,000 writes the database compacts for a while: wait until a first page is quick.
  const settleFrom = performance.now();
  while (performance.now() - settleFrom < 30_000) {
    if ((await once(() => readTimeline(db, { id }, 200))) < 100) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const runs = async (f: () => Promise<unknown>, n = 5) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push(await once(f));
    return samples;
  };
  const out = {
    settledMs: performance.now() - settleFrom,
    page: await runs(() => readTimeline(db, { id }, 200)),
    count: await runs(() => countEvents(db, id)),
    bounded: await runs(() => eventsOf(db, id)),
    workspace: await runs(() => readIncident(db, id), 3),
    whole: await runs(() => db.getAll('timeline', timelineRange(id)), 1),
  };
  const tx = db.transaction(['incidents', 'timeline'], 'readwrite');
  await Promise.all([
    tx.objectStore('incidents').delete(id),
    tx.objectStore('timeline').delete(timelineRange(id)),
    tx.done,
  ]);
  db.close();
  return out;
}

/**
 * Where the side panel list's time goes (issue 22): each read readList makes, timed on its own with a
 * fresh connection, logged by storage.bench.ts beside the figure.
 */
export async function profileList() {
  const out: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const n = performance.now();
    out[k] = Math.round((n - t) * 10) / 10;
    t = n;
  };
  const db = await openLensDB();
  lap('open');
  await db.get('settings', 'policy');
  lap('policy');
  await Promise.all([
    db.countFromIndex('incidents', 'by-status', 'open'),
    db.countFromIndex('summaries', 'by-order'),
  ]);
  lap('openCounts');
  // The first page of the list from the summaries' order index, then its records (readOpenWindow).
  const first = await db.getAllFromIndex('summaries', 'by-order', undefined, OPEN_PAGE);
  lap('firstSummaries');
  const ids = first.map((r) => r.incidentId);
  const tx = db.transaction('incidents');
  await Promise.all(ids.map((id) => tx.store.get(id)));
  lap('firstRecords');
  await awaitingReview(db, REVIEWS_PAGE);
  lap('awaiting');
  await db.getAllFromIndex('incidents', 'by-status', 'open');
  lap('allOpenRecordsForComparison');
  await readSummaries(db, ids);
  lap('summariesById');
  await eventsOfMany(db, ids);
  lap('timelinesForComparison');
  db.close();
  return out;
}

/** Where the reviews dashboard's read goes (issue 22), read by read, logged by storage.bench.ts. */
export async function profileDashboard() {
  const out: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const n = performance.now();
    out[k] = Math.round((n - t) * 10) / 10;
    t = n;
  };
  const db = await openLensDB();
  lap('open');
  await db.getAll('reviews');
  lap('reviews');
  const open = await db.getAllFromIndex('incidents', 'by-status', 'open');
  lap('openRecords');
  const since = Date.now() - 400 * 86_400_000;
  await readTallies(db, since, DEFAULT_POLICY);
  lap('tallies');
  await db.countFromIndex('incidents', 'by-resolved', IDBKeyRange.lowerBound(since, true));
  lap('resolvedCount');
  // v8's first screen (issue 22): what it reads instead of the reviews and tallies above.
  await db.count('commsTallies');
  lap('talliesCount');
  await db.countFromIndex('incidents', 'by-resolved');
  lap('resolvedCountAll');
  await db.getAll('commsTotals');
  lap('commsTotals');
  await db.getAll('itemTotals');
  lap('itemTotals');
  await readItemRows(db, Date.now(), ITEMS_PAGE);
  lap('itemRows');
  await eventsOfMany(
    db,
    open.map((i) => i.id),
  );
  lap('openTimelines');
  db.close();
  return { ...out, ...(await profileFirstScreen()) };
}

/**
 * The reads of the dashboard page's first screen (reviews/first-screen.ts readDashboardFirst), each
 * timed alone on a fresh connection, prefixed `first.` (issue 22, "lists within a frame").
 */
async function profileFirstScreen() {
  const out: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const n = performance.now();
    out[`first.${k}`] = Math.round((n - t) * 10) / 10;
    t = n;
  };
  const db = await openLensDB();
  lap('open');
  const now = Date.now();
  const [from, to] = totalsMonthsFor(now, 12, 'UTC');
  const range = IDBKeyRange.bound(from, to);
  const policy = await getSetting(db, 'policy');
  lap('policy');
  // The floor of any read on its own: a transaction and one request finding nothing. The small
  // reads below (12 monthly totals, the item totals) each cost about this alone; the page makes
  // them in one transaction, all requested at once.
  await db.get('settings', 'no-such-setting');
  lap('emptyGet');
  const open = await db.getAllFromIndex('incidents', 'by-status', 'open');
  lap('openRecords');
  await Promise.all([db.count('commsTallies'), db.countFromIndex('incidents', 'by-resolved')]);
  lap('trustCounts');
  if (db.objectStoreNames.contains('dashboardState')) {
    await db.getAll('dashboardState' as never);
    lap('trustState');
  }
  await db.getAll('commsTotals', range);
  lap('commsTotals');
  await db.getAll('itemTotals', range);
  lap('itemTotals');
  const index = db.transaction('actionItems').store.index('by-order');
  await index.getAll(IDBKeyRange.bound([1, -Infinity], [1, now], false, true), ITEMS_PAGE);
  lap('itemRowsOverdue');
  await db.transaction('actionItems').store.index('by-order').count();
  lap('itemCount');
  await readSummaries(
    db,
    open.map((i) => i.id),
  );
  lap('openSummaries');
  await db.getAll('summaries');
  lap('allSummariesOneGetAll');
  // v11: what the page reads instead (db/open-comms.ts), when the store exists.
  if (db.objectStoreNames.contains('openComms')) {
    await db.getAll('openComms');
    lap('openCommsOneGetAll');
  }
  // Each open incident's stamp, as the page checks it against its summary's.
  const p = await storedPolicy(db);
  lap('policyRecord');
  for (const i of open) summaryStamp(i, p, undefined);
  lap('stamps');
  await linkedFeeds(db, open);
  lap('linkedFeeds');
  const t0 = performance.now();
  await readDashboardFirst(db, now, 'UTC', ITEMS_PAGE);
  out['first.whole'] = Math.round((performance.now() - t0) * 10) / 10;
  // The mark that every open incident's copy is current (db/open-comms.ts): how many open
  // incidents it lists for checking (-1: none there), and the page with it and without it,
  // paired round by round (which goes first alternates), so the machine's load hits both alike.
  const mark = db.objectStoreNames.contains('dashboardState')
    ? await db.get('dashboardState', 'openCommsCurrent')
    : undefined;
  out['first.markCheck'] = mark && 'check' in mark ? mark.check.length : -1;
  if (mark && 'check' in mark) {
    const withMark: number[] = [];
    const without: number[] = [];
    const timed = async (into: number[]) => {
      const t = performance.now();
      await readDashboardFirst(db, now, 'UTC', ITEMS_PAGE);
      into.push(performance.now() - t);
    };
    for (let round = 0; round < 15; round++) {
      if (round % 2) await timed(withMark);
      await db.delete('dashboardState', 'openCommsCurrent');
      await timed(without);
      await db.put('dashboardState', mark); // the same mark: nothing was written meanwhile
      if (round % 2 === 0) await timed(withMark);
    }
    const mid = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[xs.length >> 1]! * 10) / 10;
    out['first.wholeWithMark'] = mid(withMark);
    out['first.wholeWithoutMark'] = mid(without);
    // What the worker pays instead, after a write that removed the mark: the confirmation every
    // write waits for (two gets and a pending record), then the build, awaited by no write, which
    // reads every open record and copy in a read-only transaction and checks each stamp
    // (db/open-comms.ts buildOpenCommsLater).
    await db.delete('dashboardState', 'openCommsCurrent');
    const t1 = performance.now();
    await confirmTallies(db);
    out['first.confirmMark'] = Math.round((performance.now() - t1) * 10) / 10;
    const t2 = performance.now();
    await openCommsBuilt(db);
    out['first.buildMark'] = Math.round((performance.now() - t2) * 10) / 10;
    const back = await db.get('dashboardState', 'openCommsCurrent');
    if (JSON.stringify(back) !== JSON.stringify(mark)) throw new Error('the mark came back other');
  }
  void policy;
  db.close();
  return out;
}

/**
 * One more open incident, classified, written as a replicated or imported one is (saveIncidents,
 * which stores its summary): the e2e test's live update of a long list, without a command (the
 * worker's refresh after a command reads every open incident's timeline).
 */
export async function addOpen(id: string, title: string, severity: Severity, startedAt: number) {
  const db = await openLensDB();
  const incident: IncidentRecord = {
    id,
    title,
    components: ['Checkout'],
    publiclyVisible: true,
    startedAt,
    declaredAt: startedAt,
    status: 'open',
    severity,
    updatedAt: startedAt,
  };
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at: startedAt },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: startedAt + MIN, severity },
  ];
  await saveIncidents(db, [{ incident, events }]);
  db.close();
}

/**
 * The reviews dashboard's first screen by each of its paths in Chromium (IndexedDB's transaction
 * lifetimes differ from fake-indexeddb's: the page requests the open records once the mark and the
 * policy are read, in the same transaction), each beside every review and tally
 * (tests/e2e/reviews/dashboard-mark.e2e.ts): with the mark, with a linked open incident it lists,
 * after its feed incident's new post before the recomputation, and without the mark.
 */
export async function dashboardPaths() {
  const db = await openLensDB();
  const now = Date.now();
  const both = async (path: string) => {
    const mark = await db.get('dashboardState', 'openCommsCurrent');
    const p = await readDashboardPage(db, 'all', ITEMS_PAGE, 'UTC', now);
    const all = reviewDashboard({ ...(await readDashboard(db)), now, timeZone: 'UTC' });
    return {
      path,
      check: mark && 'check' in mark ? mark.check : null,
      source: p.source,
      page: { comms: p.comms, completion: p.completion, rows: p.rows, total: p.total },
      all: {
        comms: all.comms,
        completion: all.completion,
        rows: all.rows.slice(0, ITEMS_PAGE),
        total: all.rows.length,
      },
    };
  };
  const out = [await both('mark')];
  const [first] = await db.getAllFromIndex('incidents', 'by-status', 'open');
  const feed = (posts: number) => ({
    key: `s1|f1`,
    sourceId: 's1',
    active: 1 as const,
    firstSeenAt: first!.startedAt,
    lastSeenAt: first!.startedAt,
    incident: {
      id: 'f1',
      kind: 'incident' as const,
      name: 'Checkout errors',
      status: 'investigating' as const,
      impact: 'major' as const,
      severity: 2 as const,
      createdAt: first!.startedAt,
      updatedAt: first!.startedAt,
      components: [],
      updates: Array.from({ length: posts }, (_, k) => ({
        id: `u${k}`,
        status: 'investigating' as const,
        body: 'Looking into it.',
        createdAt: first!.startedAt + (k + 1) * 30 * MIN,
        displayAt: first!.startedAt + (k + 1) * 30 * MIN,
        affectedComponents: [],
      })),
    },
  });
  await db.put('feedIncidents', feed(0));
  await saveIncident(db, { ...first!, linked: { sourceId: 's1', incidentId: 'f1' } });
  // The mark is built after the write's confirmation, awaited by no write (db/open-comms.ts).
  await summariesSettled(db);
  out.push(await both('listed'));
  // A poll's write (no hook run yet): the listed incident is checked against its feed record.
  await db.put('feedIncidents', feed(6));
  out.push(await both('listed, feed changed'));
  await db.delete('dashboardState', 'openCommsCurrent');
  out.push(await both('no mark'));
  db.close();
  return out;
}
