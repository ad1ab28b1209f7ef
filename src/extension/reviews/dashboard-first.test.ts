import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, onTestFinished, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { communicationCompliance } from '../../core/review/compliance';
import { commsTally } from '../../core/review/comms-monthly';
import { DEFAULT_POLICY } from '../../core/policy';
import type { StoredTotals } from '../../core/review/comms-totals';
import type { Policy, Severity } from '../../core/types';
import { freshName, MIN } from '../background/worker.test-kit';
import { exportAll, importAll } from '../db/backup';
import { pack, byTime } from '../db/chunks';
import { syncReviewItems, type ItemsTx } from '../db/action-items';
import { writeTallies, type TalliesTx } from '../db/comms-totals';
import { putReview } from '../db/drafts';
import { attachShared, project } from '../db/shared';
import { sharedStore } from '../../../tests/support/pouch';
import { saveIncident, saveIncidents } from '../db/incidents';
import { putIncidents } from '../db/dashboard-state';
import { feedKey } from '../db/feed-key';
import { openLensDB, type LensDatabase } from '../db/open';
import {
  DB_VERSION,
  type EventRecord,
  type IncidentRecord,
  type ReviewRecord,
  type StoreName,
} from '../db/schema';
import { setSetting } from '../db/settings';
import {
  ensureSummaries,
  linkedTo,
  policyStamp,
  summaryStamp,
  refreshAllSummaries,
  summariesChanged,
  summariesSettled,
} from '../db/summaries';
import { countStoreReads } from '../db/store-reads.test-kit';
import { markFor, openCommsOf } from '../db/open-comms';
import { readDashboard } from './repo';
import { readDashboardPage } from './dashboard-data';
import { feedIncidentRecord, incidentRecord } from '../db/incident-record.test-kit';

/**
 * Issue 22: the reviews dashboard's first screen reads monthly totals and the first rows of the
 * action items' index instead of every tally and review. What it shows must be exactly what every
 * tally and review give (the page before v8), after any sequence of writes through the real paths.
 */

const DAY = 24 * 60 * MIN;
// Recent, so the incidents fall in the dashboard's 12 months (it reads the clock).
const NOW = Date.now();
const BASE = NOW - 200 * DAY;
const ZONE = 'Asia/Kathmandu'; // +05:45: months begin at another time than in UTC
let db: LensDatabase;
afterEach(() => db?.close());

/** Incident `i`, classified at `at` with `severity`: posts on time or late, resolved or open. */
function incident(
  i: number,
  at: number,
  severity: Severity,
  late: number,
  open: boolean,
): { incident: IncidentRecord; events: EventRecord[] } {
  const id = `inc-${i}`;
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at, severity },
    { id: `${id}-s`, incidentId: id, type: 'status_page_posted', at: at + late * MIN },
    { id: `${id}-u`, incidentId: id, type: 'update_posted', at: at + (late + 40) * MIN },
  ];
  if (!open)
    events.push({ id: `${id}-r`, incidentId: id, type: 'resolved', at: at + 3 * 60 * MIN });
  return {
    incident: incidentRecord(id, i, { at, severity, open, resolvedAt: at + 3 * 60 * MIN }),
    events,
  };
}

type ItemSpec = { due: number | null; status: 'open' | 'done' | 'wont_do'; late: number };
function review(i: number, title: string, items: ItemSpec[]): ReviewRecord {
  return {
    id: `rev-${i}`,
    incidentId: `inc-${i}`,
    title,
    createdAt: BASE,
    updatedAt: BASE,
    timeline: [],
    impact: { accounts: [] },
    whys: [],
    mitigations: [],
    participants: [],
    actionItems: items.map((s, k) => ({
      id: `a${k}`,
      description: `Action ${k} of ${i}`,
      owner: k % 2 ? 'Ana' : '',
      createdAt: BASE,
      status: s.status,
      ...(s.due === null ? {} : { dueAt: s.due }),
      ...(s.status === 'done' ? { doneAt: (s.due ?? NOW) + s.late * DAY } : {}),
    })),
  };
}

/**
 * v11: `openComms` holds exactly each stored summary's stamp and tally (db/open-comms.ts), no
 * record more or less, whatever the writes: the page reads it instead of the summaries.
 */
async function openCommsMirrorSummaries(): Promise<void> {
  const [summaries, comms] = await Promise.all([db.getAll('summaries'), db.getAll('openComms')]);
  expect(comms).toEqual(summaries.map(openCommsOf));
}

/** What the page showed before v8: every review and tally (repo.ts readDashboard, unchanged). */
async function everything(limit: number, now: number) {
  const data = await readDashboard(db);
  const out = reviewDashboard({ ...data, now, timeZone: ZONE });
  return {
    comms: out.comms,
    completion: out.completion,
    rows: out.rows.slice(0, limit),
    total: out.rows.length,
  };
}

/** The first screen at `now`: after the writes (the stored tallies were judged when written). */
async function firstScreen(limit: number, now: number) {
  const page = await readDashboardPage(db, 'all', limit, ZONE, now);
  const { comms, completion, rows, total, source } = page;
  return { shown: { comms, completion, rows: rows.slice(0, limit), total }, source };
}

const time = fc.integer({ min: BASE, max: NOW - DAY });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('incident' as const),
    i: fc.nat(7),
    at: time,
    severity: fc.constantFrom<Severity>(1, 2, 3, 4),
    late: fc.integer({ min: 0, max: 40 }),
    open: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('review' as const),
    i: fc.nat(7),
    title: fc.constantFrom('Checkout', 'Login', 'Checkout'),
    items: fc.array(
      fc.record({
        due: fc.option(fc.integer({ min: BASE, max: NOW + 30 * DAY }), { nil: null }),
        status: fc.constantFrom('open', 'done', 'wont_do' as const),
        late: fc.integer({ min: -3, max: 3 }),
      }),
      { maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(7) }),
  fc.record({ kind: fc.constant('policy' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('import' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** One write through the path the extension uses for it. */
async function apply(o: Op): Promise<void> {
  if (o.kind === 'incident') {
    const { incident: rec, events } = incident(o.i, o.at, o.severity, o.late, o.open);
    await saveIncident(db, rec, events);
  } else if (o.kind === 'review') await putReview(db, review(o.i, o.title, o.items));
  else if (o.kind === 'delete') {
    // As a deletion replicated from the team database: the record goes, then the hook runs.
    await db.delete('incidents', `inc-${o.i}`);
    await summariesChanged(db, [`inc-${o.i}`]);
  } else if (o.kind === 'policy') {
    const policy = structuredClone(DEFAULT_POLICY);
    for (const level of policy.levels)
      for (const ob of level.obligations) if (ob.id === 'status_page') ob.dueMinutes = o.minutes;
    await setSetting(db, 'policy', policy);
    // The save returns before the recomputation (db/summaries.ts recomputeAllLater): let it finish.
    await summariesSettled(db);
  } else {
    // A backup of this browser imported back (replace), then the summaries refreshed as after any import.
    const json = await exportAll(db);
    const result = await importAll(db, json);
    if (!result.ok) throw new Error(result.error);
    await refreshAllSummaries(db);
  }
}

describe('the reviews dashboard’s first screen (issue 22, DB v8)', () => {
  test('shows what every tally and review give, after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        db = await openLensDB(freshName());
        try {
          for (const o of ops) await apply(o);
          await openCommsMirrorSummaries();
          for (const limit of [3, 50]) {
            const now = Date.now();
            const { shown, source } = await firstScreen(limit, now);
            expect(source).toBe('totals');
            expect(shown).toEqual(await everything(limit, now));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  test('reads no review, no stored tally and no timeline', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 6; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, i === 5);
      await saveIncident(db, rec, events);
      const due = BASE + i * 10 * DAY;
      await putReview(
        db,
        review(i, `Review ${i}`, [
          { due, status: 'open', late: 0 },
          { due, status: 'done', late: -1 },
        ]),
      );
    }
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(5, now);
    // Counting keys (whether every resolved incident has its tally) is not reading the records.
    const records = (store: string) => reads.of(store).filter((m) => m !== 'count');
    expect(records('reviews')).toEqual([]);
    expect(records('commsTallies')).toEqual([]);
    // The overdue items first; the two other ranges only to fill the page (5 rows, 6 overdue here).
    expect(records('actionItems')).toEqual(['getAll']);
    // The open incident too: from the tally stored in its summary, its running cadence judged now.
    expect(reads.timelines).toEqual([]);
    expect(source).toBe('totals');
    expect(shown.rows).toHaveLength(5);
    expect(shown.total).toBe(12);
    // And it is what every review and tally give.
    expect(shown).toEqual(await everything(5, now));
  });

  test('a tally missing (before the worker fills it) or of another policy: every tally is read, never a wrong total', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 3; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 1, 30, false);
      await saveIncident(db, rec, events);
    }
    // A resolved incident written without the hook: it has no tally yet. Its write removes the
    // v10 mark that the tallies are complete, as every write path does in its transaction
    // (db/dashboard-state.ts; dashboard-state.test.ts checks the paths themselves).
    const late = incident(7, BASE + 40 * DAY, 2, 5, false);
    await db.put('incidents', late.incident);
    await db.delete('dashboardState', 'talliesComplete');
    for (const c of pack(late.incident.id, late.events.sort(byTime))) await db.put('timeline', c);
    const missing = await firstScreen(50, Date.now());
    expect(missing.source).toBe('all');
    expect(missing.shown).toEqual(await everything(50, Date.now()));
    await summariesChanged(db, [late.incident.id]);
    expect((await firstScreen(50, Date.now())).source).toBe('totals');
    // The policy changed, its recomputation not run yet: the months hold another policy's tallies.
    const policy = structuredClone(DEFAULT_POLICY);
    for (const level of policy.levels)
      for (const ob of level.obligations) if (ob.id === 'status_page') ob.dueMinutes = 1;
    await db.put('settings', { key: 'policy', value: policy });
    const stale = await firstScreen(50, Date.now());
    expect(stale.source).toBe('all');
    expect(stale.shown).toEqual(await everything(50, Date.now()));
  });
});

describe('DB v8 migration', () => {
  test('a v7 database with incidents, tallies and reviews keeps every record and gets its totals and items', async () => {
    const name = freshName();
    const v7 = await openLensDB(name, 7);
    const stamp = policyStamp(DEFAULT_POLICY);
    for (let i = 0; i < 6; i++) {
      const { incident: rec, events } = incident(
        i,
        BASE + i * 11 * DAY,
        (1 + (i % 4)) as Severity,
        i * 9,
        i === 5,
      );
      await v7.put('incidents', rec);
      for (const c of pack(rec.id, events.sort(byTime))) await v7.put('timeline', c);
      if (i !== 5) {
        const t = commsTally(
          communicationCompliance({ events, publiclyVisible: true }, DEFAULT_POLICY, NOW),
        );
        await v7.put('commsTallies', {
          incidentId: rec.id,
          resolvedAt: rec.resolvedAt!,
          policyStamp: stamp,
          tally: t,
        });
        await v7.put(
          'reviews',
          review(i, `Review ${i}`, [
            { due: BASE + i * 20 * DAY, status: i % 2 ? 'done' : 'open', late: 1 },
            { due: null, status: 'open', late: 0 },
          ]),
        );
      }
    }
    const stores: StoreName[] = ['incidents', 'timeline', 'commsTallies', 'reviews'];
    const before = await Promise.all(stores.map((s) => v7.getAll(s)));
    v7.close();
    // Through the v8 step and every later one (v9: the summaries' list-order index).
    db = await openLensDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await Promise.all(stores.map((s) => db.getAll(s)))).toEqual(before);
    expect(await db.count('actionItems')).toBe(10);
    expect(await db.count('commsTotals')).toBeGreaterThan(0);
    const now = Date.now();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(shown).toEqual(await everything(50, now));
    expect(shown.comms.some((m) => m.channels.status_page.due > 0)).toBe(true);
  });
});

/**
 * DB v10 (issue 22, "lists within a frame"): the first screen counted every resolved incident and
 * every tally (whether the totals are complete) and every action item (the total) on each read, in
 * a transaction per read. Now one transaction, and both answers one `get` of `dashboardState`.
 */
describe('the reviews dashboard’s first screen without counting (DB v10)', () => {
  /** Counts the transactions opened from now until the test ends. */
  function countTransactions(): { n: number } {
    const seen = { n: 0 };
    const proto = IDBDatabase.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const original = proto.transaction!;
    proto.transaction = function (this: IDBDatabase, ...args: unknown[]) {
      seen.n++;
      return original.apply(this, args);
    };
    onTestFinished(() => void (proto.transaction = original));
    return seen;
  }

  test('counts no store or index and reads in one transaction', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 6; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, i === 5);
      await saveIncident(db, rec, events);
      if (i !== 5)
        await putReview(
          db,
          review(i, `Review ${i}`, [
            { due: BASE + i * 10 * DAY, status: 'open', late: 0 },
            { due: null, status: 'done', late: 0 },
          ]),
        );
    }
    // The dashboard copies' mark, built after the last write (db/open-comms.ts): its own
    // transactions are not the page's.
    await summariesSettled(db);
    const now = Date.now();
    const reads = countStoreReads();
    const transactions = countTransactions();
    const { shown, source } = await firstScreen(3, now);
    expect(source).toBe('totals');
    for (const store of ['commsTallies', 'incidents', 'actionItems'])
      expect(reads.of(store), store).not.toContain('count');
    expect(transactions.n).toBe(1);
    expect(shown).toEqual(await everything(3, now));
    expect(shown.total).toBe(10);
  });

  test('an event added to a stored incident keeps the mark: the write counts no incident or tally', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 4; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, i === 3);
      await saveIncident(db, rec, events);
    }
    expect(await db.get('dashboardState', 'talliesComplete')).toBeDefined();
    const reads = countStoreReads();
    // A resolved incident edited with one more event, and the open one likewise: neither changes
    // which incidents are resolved, so neither can leave one without its tally.
    for (const i of [0, 3]) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, i === 3);
      const note = { ...events[0]!, id: `inc-${i}-extra`, type: 'note' as const };
      await saveIncident(db, { ...rec, title: `Edited ${i}` }, [note]);
    }
    for (const store of ['commsTallies', 'incidents'])
      expect(reads.of(store), store).not.toContain('count');
    expect(await db.get('dashboardState', 'talliesComplete')).toBeDefined();
    const now = Date.now();
    const { shown, source } = await firstScreen(3, now);
    expect(source).toBe('totals');
    expect(shown).toEqual(await everything(3, now));
  });

  test('once a replace import has written its tallies, counts nothing: the import leaves both marks', async () => {
    db = await openLensDB(freshName());
    for (let i = 0; i < 6; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, i === 5);
      await saveIncident(db, rec, events);
      if (i !== 5)
        await putReview(db, review(i, `Review ${i}`, [{ due: null, status: 'open', late: 0 }]));
    }
    const json = await exportAll(db);
    db.close();
    // Into a fresh browser, as a restore does, read before any worker start or handler confirms.
    db = await openLensDB(freshName());
    const result = await importAll(db, json);
    if (!result.ok) throw new Error(result.error);
    // The tallies follow the commit (db/import-derived.ts); their last batch puts the mark.
    await result.derived;
    expect(await db.get('dashboardState', 'talliesComplete')).toEqual({
      key: 'talliesComplete',
      n: 5,
    });
    expect(await db.get('dashboardState', 'items')).toEqual({ key: 'items', n: 5 });
    const reads = countStoreReads();
    const now = Date.now();
    const { shown, source } = await firstScreen(3, now);
    expect(source).toBe('totals');
    for (const store of ['commsTallies', 'incidents', 'actionItems'])
      expect(reads.of(store), store).not.toContain('count');
    expect(shown).toEqual(await everything(3, now));
  });

  test('right after a merge import brings resolved incidents, before their tallies are written, shows them', async () => {
    // A teammate's backup: four incidents resolved here unknown.
    db = await openLensDB(freshName());
    for (let i = 0; i < 4; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, false);
      await saveIncident(db, rec, events);
    }
    const json = await exportAll(db);
    db.close();
    // This browser: one resolved incident, its mark confirmed by the save.
    db = await openLensDB(freshName());
    const { incident: own, events } = incident(6, BASE + 50 * DAY, 3, 5, false);
    await saveIncident(db, own, events);
    expect(await db.get('dashboardState', 'talliesComplete')).toBeDefined();
    const result = await importAll(db, json, { mode: 'merge' });
    if (!result.ok) throw new Error(result.error);
    // Read before the recomputation a merge asks for: the page must not trust totals that
    // lack the four incidents (it counts, and falls back for what lacks a tally).
    const now = Date.now();
    const { shown } = await firstScreen(3, now);
    expect(shown).toEqual(await everything(3, now));
    expect(shown.comms).toEqual((await everything(3, now)).comms);
  });

  const teamOp = fc.oneof(
    op,
    // An incident's record written as the write paths put it, the page read before its summary
    // hook runs (then the hook).
    fc.record({ kind: fc.constant('pending' as const), i: fc.nat(7), visible: fc.boolean() }),
    // Linked to the feed incident `s1|f1` (its posts count as its updates), or that feed polled
    // with other posts, the page read before the poll's recomputation.
    fc.record({ kind: fc.constant('link' as const), i: fc.nat(7) }),
    fc.record({ kind: fc.constant('poll' as const), posts: fc.nat(3) }),
    // Several incidents in one bulk save (saveIncidents: an import of a teammate's file, a seed).
    fc.record({
      kind: fc.constant('bulk' as const),
      is: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }),
      at: time,
      open: fc.boolean(),
    }),
    // Resolved, then reopened (its tally kept, null while open), or the other way round.
    fc.record({ kind: fc.constant('flip' as const), i: fc.nat(7), at: time }),
    // A policy saved and the page read while its recomputation runs.
    fc.record({
      kind: fc.constant('midPolicy' as const),
      minutes: fc.integer({ min: 1, max: 30 }),
    }),
  );

  /** What must hold after every write: the mark only while the counts agree, the item count. */
  async function stateHolds(): Promise<void> {
    const [mark, items, tallies, resolved, itemRecords] = await Promise.all([
      db.get('dashboardState', 'talliesComplete'),
      db.get('dashboardState', 'items'),
      db.count('commsTallies'),
      db.countFromIndex('incidents', 'by-resolved'),
      db.count('actionItems'),
    ]);
    if (mark) expect(tallies).toBe(resolved);
    if (items && 'n' in items) expect(items.n).toBe(itemRecords);
    await openCommsMirrorSummaries();
    await openCommsMarkHolds();
  }

  /**
   * While the mark `openCommsCurrent` is there (db/open-comms.ts) and names the stored policy:
   * every copy is an open incident's, and every open incident it does not list has a current one
   * and no link: what lets the page read no incident record. Checked here from the stores.
   */
  async function openCommsMarkHolds(): Promise<void> {
    const [rec, open, comms, policyRec] = await Promise.all([
      db.get('dashboardState', 'openCommsCurrent'),
      db.getAllFromIndex('incidents', 'by-status', 'open'),
      db.getAll('openComms'),
      db.get('settings', 'policy'),
    ]);
    const policy = (policyRec?.value as Policy | undefined) ?? DEFAULT_POLICY;
    const mark = markFor(rec, policyStamp(policy));
    if (!mark) return;
    const openIds = open.map((i) => i.id);
    expect(comms.map((c) => c.incidentId).filter((id) => !openIds.includes(id))).toEqual([]);
    const unlisted = open.filter((i) => !mark.check.includes(i.id));
    for (const i of unlisted) {
      const c = comms.find((c) => c.incidentId === i.id);
      expect(i.linked).toBeUndefined();
      expect(c?.tally).not.toBeUndefined();
      expect([c?.policyStamp, c?.stamp]).toEqual([
        policyStamp(policy),
        summaryStamp(i, policy, undefined),
      ]);
    }
    // Its copy of their tallies is theirs: each packed tally, end to end, in key order.
    const tallies = unlisted.flatMap((i) => {
      const t = comms.find((c) => c.incidentId === i.id)?.tally;
      return t ? [{ id: i.id, t: [...t] }] : [];
    });
    expect(mark.ids).toEqual(tallies.map((x) => x.id));
    expect(
      mark.ids.map((_id, k) => [...mark.tallies.subarray(k ? mark.ends[k - 1] : 0, mark.ends[k])]),
    ).toEqual(tallies.map((x) => x.t));
    expect(mark.ends.at(-1) ?? 0).toBe(mark.tallies.length);
  }

  /** The feed incident `s1|f1` with `posts` posts, as a poll stores it. */
  async function putFeed(posts: number): Promise<void> {
    const at = Array.from({ length: posts }, (_, k) => BASE + (k + 1) * 20 * DAY);
    await db.put('feedIncidents', feedIncidentRecord('s1', 'f1', BASE, at));
  }

  /** The page at `now` equals every tally and review. */
  async function pageIsExact(): Promise<void> {
    const now = Date.now();
    expect((await firstScreen(50, now)).shown).toEqual(await everything(50, now));
  }

  test.each([
    ['this browser alone', false],
    ['team mode (every write through the team database and its projection)', true],
  ])(
    '%s: the page’s data equals every tally and review after any writes, a policy change mid-recompute included',
    async (_name, team) => {
      await fc.assert(
        fc.asyncProperty(fc.array(teamOp, { minLength: 1, maxLength: 10 }), async (ops) => {
          db = await openLensDB(freshName());
          const store = team
            ? sharedStore({ name: 'ann', display: 'Ann' }, () => Date.now())
            : null;
          if (store) attachShared(db, store);
          // Ops that wrote nothing in team mode (a deletion of an incident never stored).
          const idle = new Set<unknown>();
          try {
            for (const o of ops) {
              if (o.kind === 'flip') {
                const old = await db.get('incidents', `inc-${o.i}`);
                const reopen = old?.status === 'resolved';
                const { incident: rec, events } = incident(o.i, o.at, 2, 5, reopen);
                // Reopened: its resolution time kept, as the responder's reopen keeps it.
                const record = reopen ? { ...rec, resolvedAt: old.resolvedAt! } : rec;
                await saveIncident(db, record, reopen ? events.slice(0, 4) : events);
              } else if (o.kind === 'midPolicy') {
                const policy = structuredClone(DEFAULT_POLICY);
                for (const level of policy.levels)
                  for (const ob of level.obligations)
                    if (ob.id === 'status_page') ob.dueMinutes = o.minutes;
                await setSetting(db, 'policy', policy);
                const now = Date.now();
                expect((await firstScreen(50, now)).shown).toEqual(await everything(50, now));
              } else if (o.kind === 'pending') {
                const old = await db.get('incidents', `inc-${o.i}`);
                if (old) {
                  const tx = db.transaction(['incidents', 'dashboardState'], 'readwrite');
                  const rec = { ...old, publiclyVisible: o.visible, title: 'Edited' };
                  await Promise.all([putIncidents(tx, [rec]), tx.done]);
                  await stateHolds();
                  await pageIsExact();
                  await summariesChanged(db, [rec.id]);
                }
              } else if (o.kind === 'link') {
                if (!(await db.get('feedIncidents', feedKey('s1', 'f1')))) await putFeed(1);
                const old = await db.get('incidents', `inc-${o.i}`);
                if (old)
                  await saveIncident(db, { ...old, linked: { sourceId: 's1', incidentId: 'f1' } });
              } else if (o.kind === 'poll') {
                await putFeed(o.posts);
                await stateHolds();
                await pageIsExact();
                await summariesChanged(db, await linkedTo(db, new Set([feedKey('s1', 'f1')])));
              } else if (o.kind === 'bulk') {
                await saveIncidents(
                  db,
                  o.is.map((i) => incident(i, o.at, 3, 10, o.open)),
                );
              } else if (o.kind === 'delete' && store) {
                // Deleted in the team database, then projected like any replicated change.
                const doc = await store.pouch.get(`incident:inc-${o.i}`).catch(() => null);
                if (doc) await store.pouch.remove(doc._id, doc._rev!);
                else idle.add(o); // nothing to delete: nothing projected, nothing confirmed
                await project(db, store);
              } else await apply(o);
              await stateHolds();
              const now = Date.now();
              expect((await firstScreen(50, now)).shown).toEqual(await everything(50, now));
            }
            await summariesSettled(db);
            // Every recomputation done: the mark is there (once any write confirmed the marks:
            // a link or an edit of no incident, or a poll linked to none, writes nothing that
            // does; nor does a review, nor in team mode a deletion of an incident never stored),
            // listing only the linked open incidents, and the page reads no other
            // incident record and no timeline.
            const quiet = new Set(['link', 'pending', 'poll', 'review']);
            if (ops.every((o) => quiet.has(o.kind) || idle.has(o))) return;
            const mark = await db.get('dashboardState', 'openCommsCurrent');
            const linked = (await db.getAllFromIndex('incidents', 'by-status', 'open'))
              .filter((i) => i.linked)
              .map((i) => i.id);
            expect(mark).toMatchObject({ check: linked });
            const reads = countStoreReads();
            const now = Date.now();
            const { shown, source } = await firstScreen(50, now);
            expect(source).toBe('totals');
            expect(reads.of('incidents')).toEqual(linked.map(() => 'get'));
            expect(reads.of('feedIncidents')).toEqual(linked.map(() => 'get'));
            expect(reads.of('openComms')).toEqual(linked.map(() => 'get'));
            expect(reads.timelines).toEqual([]);
            expect(shown).toEqual(await everything(50, now));
          } finally {
            db.close();
          }
        }),
        { numRuns: 15 },
      );
    },
    60_000,
  );
});

describe('DB v10 migration', () => {
  test('a v9 database keeps every record; its item count and tallies mark are filled from them', async () => {
    const name = freshName();
    const v9 = await openLensDB(name, 9);
    const stamp = policyStamp(DEFAULT_POLICY);
    for (let i = 0; i < 5; i++) {
      const { incident: rec, events } = incident(i, BASE + i * 11 * DAY, 2, i * 9, false);
      await v9.put('incidents', rec);
      for (const c of pack(rec.id, events.sort(byTime))) await v9.put('timeline', c);
      const tally = commsTally(
        communicationCompliance({ events, publiclyVisible: true }, DEFAULT_POLICY, NOW),
      );
      // inc-4: resolved without its tally yet (the worker had not filled it). The others with
      // their monthly totals, as v9's write did (writeTallies).
      if (i !== 4) {
        const tx = v9.transaction(['commsTallies', 'commsTotals'], 'readwrite');
        const put = { incidentId: rec.id, resolvedAt: rec.resolvedAt!, policyStamp: stamp, tally };
        await Promise.all([writeTallies(tx as unknown as TalliesTx, [put], []), tx.done]);
      }
    }
    // Reviews and their items as v9 kept them (its item sync, before the count existed).
    const reviews = [0, 1, 2].map((i) =>
      review(i, `Review ${i}`, [
        { due: BASE + i * 20 * DAY, status: 'open', late: 0 },
        { due: null, status: 'done', late: 0 },
      ]),
    );
    const tx = v9.transaction(['reviews', 'actionItems', 'itemTotals'], 'readwrite');
    await Promise.all([
      ...reviews.map((r) => tx.objectStore('reviews').put(r)),
      syncReviewItems(
        tx as unknown as ItemsTx,
        reviews.map((review) => ({ id: review.id, review })),
      ),
      tx.done,
    ]);
    const stores: StoreName[] = [
      ...['incidents', 'timeline', 'commsTallies', 'reviews', 'actionItems', 'itemTotals'],
    ] as StoreName[];
    const before = await Promise.all(stores.map((s) => v9.getAll(s)));
    v9.close();
    db = await openLensDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await Promise.all(stores.map((s) => db.getAll(s)))).toEqual(before);
    expect(await db.get('dashboardState', 'items')).toEqual({ key: 'items', n: 6 });
    // One resolved incident lacks its tally: no mark, and the page reads everything.
    expect(await db.get('dashboardState', 'talliesComplete')).toBeUndefined();
    expect((await firstScreen(50, Date.now())).source).toBe('all');
    // Once the worker fills it (its start-up check), the mark is put and the totals used.
    await ensureSummaries(db);
    expect(await db.get('dashboardState', 'talliesComplete')).toEqual({
      key: 'talliesComplete',
      n: 5,
    });
    const now = Date.now();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(shown).toEqual(await everything(50, now));
  });

  test("v9's monthly totals (edge tallies as objects, a day either side) are made again, packed and narrower, giving the same page", async () => {
    const name = freshName();
    const v9 = await openLensDB(name, 9);
    const stamp = policyStamp(DEFAULT_POLICY);
    const months = new Map<string, StoredTotals>();
    const d = new Date(NOW);
    for (let i = 0; i < 6; i++) {
      // Two months, each with one 10 days in (summed), one 20 hours in (whole under v8's window
      // of a day, summed under v10's) and one 3 hours in (whole under both).
      const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2 - (i < 3 ? 0 : 1), 1);
      const at = start + [10 * DAY, 20 * 60 * MIN, 3 * 60 * MIN][i % 3]!;
      const { incident: rec, events } = incident(i, at, 2, i * 9, false);
      await v9.put('incidents', rec);
      for (const c of pack(rec.id, events.sort(byTime))) await v9.put('timeline', c);
      const tally = commsTally(
        communicationCompliance({ events, publiclyVisible: true }, DEFAULT_POLICY, NOW),
      )!;
      await v9.put('commsTallies', {
        incidentId: rec.id,
        resolvedAt: rec.resolvedAt!,
        policyStamp: stamp,
        tally,
      });
      // As v8 could have kept them: every tally whole, as objects (placing them is always exact).
      const month = new Date(at).toISOString().slice(0, 7);
      const m = months.get(month) ?? { month, stamps: {}, bySeverity: {}, pending: [], edge: [] };
      m.stamps[stamp] = (m.stamps[stamp] ?? 0) + 1;
      m.edge!.push({ ...tally, id: rec.id });
      months.set(month, m);
    }
    for (const m of months.values()) await v9.put('commsTotals', m);
    const stores: StoreName[] = ['incidents', 'timeline', 'commsTallies'];
    const before = await Promise.all(stores.map((s) => v9.getAll(s)));
    v9.close();
    db = await openLensDB(name);
    expect(await Promise.all(stores.map((s) => db.getAll(s)))).toEqual(before);
    const totals = await db.getAll('commsTotals');
    expect(totals.map((t) => t.month)).toEqual([...months.keys()].sort());
    // Made again: only the tally 3 hours in stays whole, packed; the two others are summed.
    expect(totals.every((t) => !('edge' in t))).toBe(true);
    expect(totals.map((t) => t.packedEdge?.ids)).toEqual([['inc-5'], ['inc-2']]);
    expect(totals.every((t) => Object.keys(t.bySeverity).join() === '2')).toBe(true);
    const now = Date.now();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(shown).toEqual(await everything(50, now));
  });
});
