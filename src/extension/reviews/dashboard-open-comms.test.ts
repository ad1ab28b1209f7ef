import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Severity } from '../../core/types';
import { freshName, MIN } from '../background/worker.test-kit';
import { byTime, pack } from '../db/chunks';
import { writeTallies, type TalliesTx } from '../db/comms-totals';
import { putReview } from '../db/drafts';
import { feedIncidentRecord, incidentRecord } from '../db/incident-record.test-kit';
import { confirmTallies, putIncidents } from '../db/dashboard-state';
import { eventsOf, saveIncident, saveIncidents } from '../db/incidents';
import { BUILD_OPEN_MAX, openCommsOf, putOpenComms } from '../db/open-comms';
import { openLensDB, type LensDatabase } from '../db/open';
import {
  DB_VERSION,
  type EventRecord,
  type IncidentRecord,
  type ReviewRecord,
  type StoreName,
} from '../db/schema';
import { countStoreReads } from '../db/store-reads.test-kit';
import { derive, summariesSettled } from '../db/summaries';
import { readDashboardPage } from './dashboard-data';
import { readDashboard } from './repo';

/**
 * DB v11 (issue 22, "lists within a frame"): the dashboard's first screen read every open
 * incident's summary, deadlines and all, for its tally (the largest read of the page with 1,000
 * open). It now reads each one's stamp and packed tally from `openComms` (db/open-comms.ts),
 * written with the summary; the stamp is checked against the incident record as before.
 * dashboard-first.test.ts checks, after any writes, that `openComms` mirrors the summaries.
 */

const DAY = 24 * 60 * MIN;
const NOW = Date.now();
const BASE = NOW - 100 * DAY;
const ZONE = 'Europe/Berlin';
let db: LensDatabase;
/** The mark that the open incidents' copies are current (db/open-comms.ts). */
const MARK = 'openCommsCurrent';
afterEach(() => db?.close());

/** Incident `i`, classified at `at`: posted late by `late` minutes, then resolved unless `open`. */
function incident(i: number, at: number, severity: Severity, late: number, open: boolean) {
  const id = `inc-${i}`;
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at, severity },
    { id: `${id}-s`, incidentId: id, type: 'status_page_posted', at: at + late * MIN },
  ];
  if (!open)
    events.push({ id: `${id}-r`, incidentId: id, type: 'resolved', at: at + 3 * 60 * MIN });
  return {
    incident: incidentRecord(id, i, { at, severity, open, resolvedAt: at + 3 * 60 * MIN }),
    events,
  };
}

function review(i: number): ReviewRecord {
  return {
    id: `rev-${i}`,
    incidentId: `inc-${i}`,
    title: `Review ${i}`,
    createdAt: BASE,
    updatedAt: BASE,
    timeline: [],
    impact: { accounts: [] },
    whys: [],
    mitigations: [],
    participants: [],
    actionItems: [
      { id: 'a0', description: 'Fix', owner: 'Ana', createdAt: BASE, status: 'open', dueAt: BASE },
    ],
  };
}

/** Every review and tally (repo.ts readDashboard), as the page showed before v8. */
async function everything(limit: number, now: number) {
  const out = reviewDashboard({ ...(await readDashboard(db)), now, timeZone: ZONE });
  const { comms, completion } = out;
  return { comms, completion, rows: out.rows.slice(0, limit), total: out.rows.length };
}

async function firstScreen(limit: number, now: number) {
  const { comms, completion, rows, total, source } = await readDashboardPage(
    db,
    'all',
    limit,
    ZONE,
    now,
  );
  return { shown: { comms, completion, rows: rows.slice(0, limit), total }, source };
}

/** The page, read now, reads the timelines of `ids` only and equals every tally and review. */
async function pageReadsTimelinesOf(ids: string[]): Promise<void> {
  const now = Date.now();
  const reads = countStoreReads();
  const { shown } = await firstScreen(50, now);
  expect(reads.timelines).toEqual(ids);
  expect(shown).toEqual(await everything(50, now));
}

/** Six incidents (inc-1 and inc-4 open, with their summaries), a review for each resolved one. */
async function stored(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const open = i === 1 || i === 4;
    const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, open);
    await saveIncident(db, rec, events);
    if (!open) await putReview(db, review(i));
  }
  await summariesSettled(db);
}

describe('the reviews dashboard’s open incidents from `openComms` (DB v11)', () => {
  test('reads no summary: one getAll of the open incidents’ stamps and tallies, no timeline', async () => {
    db = await openLensDB(freshName());
    await stored();
    // Without the mark that spares this read too (below), as after a write before its confirmation.
    await db.delete('dashboardState', MARK);
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(3, now);
    expect(source).toBe('totals');
    expect(reads.of('summaries')).toEqual([]);
    expect(reads.of('openComms')).toEqual(['getAll']);
    expect(reads.timelines).toEqual([]);
    expect(shown).toEqual(await everything(3, now));
    // The open ones count: their tallies are in the report.
    const due = shown.comms.reduce((s, m) => s + m.channels.status_page.due, 0);
    expect(due).toBe(6);
  });

  test('an open incident edited without its recomputation yet: that one from its timeline, never a stale tally', async () => {
    db = await openLensDB(freshName());
    await stored();
    // As a write whose summary hook has not run yet: the record changes (through the write
    // paths' put, which removes the marks it may break), its copy does not.
    await writeOnly({ ...(await db.get('incidents', 'inc-4'))!, publiclyVisible: false });
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(reads.timelines).toEqual(['inc-4']);
    expect(shown).toEqual(await everything(50, now));
  });
});

/** An incident record put as the write paths put it (putIncidents), without the summary hook. */
async function writeOnly(rec: IncidentRecord): Promise<void> {
  const tx = db.transaction(['incidents', 'dashboardState'], 'readwrite');
  await Promise.all([putIncidents(tx, [rec]), tx.done]);
}

/**
 * The mark `openCommsCurrent` (db/open-comms.ts): the first screen checked every open incident's
 * stamp against its record, reading all 1,000 records (3–5 ms of the page). While the mark holds
 * it reads none, except the few it lists (linked to a feed incident, or without a current copy).
 */
describe('the open incidents’ copies trusted while the mark holds', () => {
  test('reads no incident record, no feed record and no `openComms` record: their tallies are in the mark', async () => {
    db = await openLensDB(freshName());
    await stored();
    expect(await db.get('dashboardState', MARK)).toMatchObject({ n: 2, check: [] });
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(3, now);
    expect(source).toBe('totals');
    expect(reads.of('incidents')).toEqual([]);
    expect(reads.of('feedIncidents')).toEqual([]);
    expect(reads.of('openComms')).toEqual([]);
    expect(reads.timelines).toEqual([]);
    expect(shown).toEqual(await everything(3, now));
  });

  test('without the mark (a write removed it): every open record read and checked, as before', async () => {
    db = await openLensDB(freshName());
    await stored();
    await writeOnly((await db.get('incidents', 'inc-1'))!);
    expect(await db.get('dashboardState', MARK)).toBeUndefined();
    const reads = countStoreReads();
    const now = Date.now();
    const { shown } = await firstScreen(3, now);
    expect(reads.of('incidents')).toEqual(['getAll']);
    expect(reads.of('openComms')).toEqual(['getAll']);
    expect(shown).toEqual(await everything(3, now));
  });

  test('a resolved incident edited keeps the mark; an open one’s edit removes it until its recomputation puts it back', async () => {
    db = await openLensDB(freshName());
    await stored();
    await writeOnly({ ...(await db.get('incidents', 'inc-0'))!, title: 'Renamed' });
    expect(await db.get('dashboardState', MARK)).toBeDefined();
    const { incident: rec, events } = incident(4, BASE + 36 * DAY, 1, 28, true);
    await saveIncident(db, { ...rec, publiclyVisible: false }, events);
    await summariesSettled(db);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ n: 2, check: [] });
    const reads = countStoreReads();
    const now = Date.now();
    const { shown } = await firstScreen(50, now);
    expect(reads.of('incidents')).toEqual([]);
    expect(shown).toEqual(await everything(50, now));
  });

  test('a linked open incident is listed and checked: its record and its feed record, one get each; a poll’s new post seen before its recomputation', async () => {
    db = await openLensDB(freshName());
    await stored();
    await putFeed([]);
    const rec = (await db.get('incidents', 'inc-4'))!;
    await saveIncident(db, { ...rec, linked: { sourceId: 's1', incidentId: 'f1' } });
    await summariesSettled(db);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ n: 2, check: ['inc-4'] });
    let now = Date.now();
    let reads = countStoreReads();
    let page = await firstScreen(50, now);
    expect(reads.of('incidents')).toEqual(['get']);
    expect(reads.of('feedIncidents')).toEqual(['get']);
    expect(reads.of('openComms')).toEqual(['get']);
    expect(reads.timelines).toEqual([]);
    expect(page.shown).toEqual(await everything(50, now));
    // A poll writes the feed record (the mark is not removed: linked incidents are always
    // checked) with a post that counts for inc-4; its recomputation has not run yet.
    await putFeed([BASE + 36 * DAY + 2 * MIN]);
    now = Date.now();
    reads = countStoreReads();
    page = await firstScreen(50, now);
    expect(reads.timelines).toEqual(['inc-4']);
    expect(page.shown).toEqual(await everything(50, now));
  });

  test('linked to a feed incident not stored yet: listed all the same, so its first poll’s post is seen', async () => {
    db = await openLensDB(freshName());
    await stored();
    const rec = (await db.get('incidents', 'inc-4'))!;
    await saveIncident(db, { ...rec, linked: { sourceId: 's1', incidentId: 'f2' } });
    await summariesSettled(db);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ check: ['inc-4'] });
    await putFeed([BASE + 36 * DAY + 2 * MIN], 'f2');
    await pageReadsTimelinesOf(['inc-4']);
  });

  test('a copy written from an older read of its incident (a recomputation overtaken by an edit) removes the mark', async () => {
    db = await openLensDB(freshName());
    await stored();
    const rec = (await db.get('incidents', 'inc-4'))!;
    // Computed from a version of the record this browser no longer holds (not public: another
    // tally), written after the mark was confirmed for the current one.
    const older = { ...rec, publiclyVisible: false };
    const d = derive(
      [older],
      new Map([[rec.id, await eventsOf(db, rec.id)]]),
      DEFAULT_POLICY,
      new Map(),
      NOW,
    );
    const tx = db.transaction(['summaries', 'openComms', 'dashboardState'], 'readwrite');
    await Promise.all([putOpenComms(tx, d.summaries), tx.done]);
    expect(await db.get('dashboardState', MARK)).toBeUndefined();
    await pageReadsTimelinesOf(['inc-4']);
  });

  test('a policy saved, its recomputation not run yet: the mark names the old policy, every stamp is checked', async () => {
    db = await openLensDB(freshName());
    // Open incidents only: no monthly total of the old policy sends the page to the slow path.
    for (const i of [1, 4]) {
      const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, true);
      await saveIncident(db, rec, events);
    }
    await summariesSettled(db);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ n: 2, check: [] });
    const policy = structuredClone(DEFAULT_POLICY);
    for (const level of policy.levels)
      for (const ob of level.obligations) if (ob.id === 'status_page') ob.dueMinutes = 1;
    // What the save's own write is (settings.ts setSetting), before its background recomputation.
    await db.put('settings', { key: 'policy', value: policy });
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(reads.of('incidents')).toEqual(['getAll']);
    expect(reads.timelines).toEqual(['inc-1', 'inc-4']);
    expect(shown).toEqual(await everything(50, now));
  });
});

/**
 * The mark is built after the write paths' confirmation, not in it (db/open-comms.ts): that
 * confirmation runs after every write, and reading every open record and copy in its read-write
 * transaction made each edit of an open incident cost a read of all of them (50–100 ms with 10,000
 * open, the side panel's reads queued behind).
 */
describe('the mark built outside the writes’ transactions', () => {
  test('the confirmation after an open incident’s edit reads no incident record and no copy; the build after it puts the mark', async () => {
    db = await openLensDB(freshName());
    await stored();
    // The record put again as it was: the write removes the mark all the same.
    await writeOnly((await db.get('incidents', 'inc-4'))!);
    expect(await db.get('dashboardState', MARK)).toBeUndefined();
    const reads = countStoreReads();
    await confirmTallies(db);
    // (the build, begun as the confirmation's transaction commits, reads the open ones' keys first)
    const records = (store: string) => reads.of(store).filter((m) => m !== 'getAllKeys');
    expect({ incidents: records('incidents'), openComms: records('openComms') }).toEqual({
      incidents: [],
      openComms: [],
    });
    await summariesSettled(db);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ n: 2, check: [] });
    // The build's reads, in its own read-only transaction: the open ones' keys (at most one more
    // than BUILD_OPEN_MAX), then their records through a cursor, the copies in pieces.
    expect(reads.of('incidents')).toEqual(['getAllKeys', 'openCursor']);
    expect(reads.of('openComms')).toEqual(['getAll']);
  });

  test('a write landing between the build’s reads and its put: no mark, and the page equals every tally', async () => {
    db = await openLensDB(freshName());
    await stored();
    await writeOnly((await db.get('incidents', 'inc-1'))!);
    const inc4 = (await db.get('incidents', 'inc-4'))!;
    // When the build opens its cursor on the open incidents, an edit of inc-4 that changes its
    // tally (not public) is begun: its transaction runs after the build's reads and before its
    // put (a read-write transaction over the mark's store, begun later), as a write from the
    // side panel would. No confirmation follows it (its recomputation has not run yet).
    let edit: Promise<void> | undefined;
    const proto = IDBIndex.prototype as unknown as { openCursor(...a: unknown[]): IDBRequest };
    const original = proto.openCursor;
    proto.openCursor = function (this: IDBIndex, ...a: unknown[]) {
      const req = original.apply(this, a);
      if (!edit && this.objectStore.name === 'incidents')
        edit = writeOnly({ ...inc4, publiclyVisible: false });
      return req;
    };
    try {
      await confirmTallies(db);
      await summariesSettled(db);
    } finally {
      proto.openCursor = original;
    }
    expect(edit).toBeDefined();
    await edit;
    // The mark built from the reads before the edit would hold inc-4's public tally: not put.
    expect(await db.get('dashboardState', MARK)).toBeUndefined();
    await pageReadsTimelinesOf(['inc-4']);
  });
});

describe('no build with more open incidents than it pays for', () => {
  test(`with more than ${BUILD_OPEN_MAX} open, an edit's build reads no incident and puts no mark; the page stays exact`, async () => {
    db = await openLensDB(freshName());
    const n = BUILD_OPEN_MAX + 1;
    await saveIncidents(
      db,
      Array.from({ length: n }, (_, i) => incident(i, BASE + (i % 90) * DAY, 2, i % 40, true)),
    );
    await summariesSettled(db);
    await writeOnly((await db.get('incidents', 'inc-7'))!);
    const reads = countStoreReads();
    await confirmTallies(db);
    await summariesSettled(db);
    // Their keys read in the build's transaction (at most one more than the bound), no record:
    // with 10,000 open the build took 0.5–0.8 s of the worker's time after every edit.
    expect(reads.of('incidents')).toEqual(['getAllKeys']);
    expect(reads.of('openComms')).toEqual([]);
    expect(await db.get('dashboardState', MARK)).toMatchObject({ pending: expect.any(String) });
    const now = Date.now();
    const { shown } = await firstScreen(50, now);
    expect(shown).toEqual(await everything(50, now));
  }, 60_000);
});

/** The feed incident `s1|<id>`, with a post at each of `posts`, as a poll stores it. */
async function putFeed(posts: number[], id = 'f1'): Promise<void> {
  await db.put('feedIncidents', feedIncidentRecord('s1', id, BASE, posts));
}

describe('DB v11 migration', () => {
  test('a v10 database keeps every record; `openComms` is filled from its summaries', async () => {
    const name = freshName();
    const v10 = await openLensDB(name, 10);
    const incidents = [0, 1, 2, 3].map((i) =>
      incident(i, BASE + i * 11 * DAY, 2, i * 9, i === 1 || i === 3),
    );
    for (const { incident: rec, events } of incidents) {
      await v10.put('incidents', rec);
      for (const c of pack(rec.id, [...events].sort(byTime))) await v10.put('timeline', c);
    }
    // The summaries and tallies as v10's writes kept them (derive, then the tallies with their
    // monthly totals); inc-3's summary without its tally (an event dated after its computation).
    const d = derive(
      incidents.map((x) => x.incident),
      new Map(incidents.map((x) => [x.incident.id, x.events])),
      DEFAULT_POLICY,
      new Map(),
      NOW,
    );
    const summaries = d.summaries.map((s) => {
      if (s.incidentId !== 'inc-3') return s;
      const { comms: _c, ...rest } = s;
      return rest;
    });
    const tx = v10.transaction(
      ['summaries', 'commsTallies', 'commsTotals', 'dashboardState'],
      'readwrite',
    );
    await Promise.all([
      ...summaries.map((s) => tx.objectStore('summaries').put(s)),
      writeTallies(tx as unknown as TalliesTx, d.tallies, []),
      tx.done,
    ]);
    for (const i of [0, 2]) await putReview(v10, review(i));
    const stores: StoreName[] = [
      ...[
        'incidents',
        'timeline',
        'summaries',
        'commsTallies',
        'commsTotals',
        'reviews',
        'actionItems',
      ],
    ] as StoreName[];
    const before = await Promise.all(stores.map((s) => v10.getAll(s)));
    v10.close();
    db = await openLensDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await Promise.all(stores.map((s) => db.getAll(s)))).toEqual(before);
    expect(await db.getAll('openComms')).toEqual(summaries.map(openCommsOf));
    // inc-1 from its copy, inc-3 (no tally stored) from its timeline; the same page either way.
    const now = Date.now();
    const reads = countStoreReads();
    const { shown } = await firstScreen(50, now);
    expect(reads.of('summaries')).toEqual([]);
    expect(reads.timelines).toEqual(['inc-3']);
    expect(shown).toEqual(await everything(50, now));
  });
});
