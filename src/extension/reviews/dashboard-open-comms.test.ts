import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Severity } from '../../core/types';
import { freshName, MIN } from '../background/worker.test-kit';
import { byTime, pack } from '../db/chunks';
import { writeTallies, type TalliesTx } from '../db/comms-totals';
import { putReview } from '../db/drafts';
import { incidentRecord } from '../db/incident-record.test-kit';
import { saveIncident } from '../db/incidents';
import { openCommsOf } from '../db/open-comms';
import { openLensDB, type LensDatabase } from '../db/open';
import { DB_VERSION, type EventRecord, type ReviewRecord, type StoreName } from '../db/schema';
import { countStoreReads } from '../db/store-reads.test-kit';
import { derive } from '../db/summaries';
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

/** Six incidents (inc-1 and inc-4 open, with their summaries), a review for each resolved one. */
async function stored(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const open = i === 1 || i === 4;
    const { incident: rec, events } = incident(i, BASE + i * 9 * DAY, 2, i * 7, open);
    await saveIncident(db, rec, events);
    if (!open) await putReview(db, review(i));
  }
}

describe('the reviews dashboard’s open incidents from `openComms` (DB v11)', () => {
  test('reads no summary: one getAll of the open incidents’ stamps and tallies, no timeline', async () => {
    db = await openLensDB(freshName());
    await stored();
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
    // As a write whose summary hook has not run yet: the record changes, its copy does not.
    const { incident: rec } = incident(4, BASE + 36 * DAY, 1, 28, true);
    await db.put('incidents', { ...rec, title: 'Edited' });
    const now = Date.now();
    const reads = countStoreReads();
    const { shown, source } = await firstScreen(50, now);
    expect(source).toBe('totals');
    expect(reads.timelines).toEqual(['inc-4']);
    expect(shown).toEqual(await everything(50, now));
  });
});

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
