import 'fake-indexeddb/auto';
import { afterEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { readList } from './data';
import { readDashboardPage } from '../reviews/dashboard-data';
import { exportAll, importAll } from '../db/backup';
import { saveIncident, saveIncidents } from '../db/incidents';
import { incidentRecord } from '../db/incident-record.test-kit';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, SummariesRecompute } from '../db/schema';
import {
  ensureSummaries,
  PENDING,
  refreshAllSummaries,
  resumeRecompute,
  serial,
  summariesSettled,
} from '../db/summaries';
import { countTimelineReads } from '../db/timeline-reads.test-kit';

/**
 * Issue 22: a replace import commits its data in one transaction and writes the summaries and
 * tallies (derived, machine-local) after it, in batches, from the backup's records. Meanwhile
 * every view shows the imported data (a missing summary or tally is computed from its timeline),
 * and a worker stopped before they are all written makes them at its next start.
 */

const dbs: LensDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
async function fresh(name = freshName()): Promise<LensDatabase> {
  const db = await openLensDB(name);
  dbs.push(db);
  return db;
}

// More than one batch of each kind, so the recorded progress is exercised.
const BATCH = 10;
const OPEN = BATCH * 2 + 5;
const RESOLVED = BATCH * 3 + 5;
const NOW = T0 + 45 * MIN; // after every resolution

function item(i: number, open: boolean): { incident: IncidentRecord; events: EventRecord[] } {
  const id = `inc-${String(i).padStart(5, '0')}`;
  const incident = incidentRecord(id, i, { at: T0, severity: 1, open, resolvedAt: T0 + 30 * MIN });
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at: T0 },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: T0, severity: 1 },
    { id: `${id}-b`, incidentId: id, type: 'bridge_opened', at: T0 + MIN + (i % 7) * MIN },
    ...(open
      ? []
      : [{ id: `${id}-r`, incidentId: id, type: 'resolved' as const, at: T0 + 30 * MIN }]),
  ];
  return { incident, events };
}

/** A database holding the incidents with their summaries and tallies, and its backup. */
async function source(): Promise<{ src: LensDatabase; json: string }> {
  const src = await fresh();
  await saveIncidents(src, [
    ...Array.from({ length: OPEN }, (_, i) => item(i, true)),
    ...Array.from({ length: RESOLVED }, (_, i) => item(OPEN + i, false)),
  ]);
  return { src, json: await exportAll(src, NOW) };
}

const derivedOf = async (db: LensDatabase) => ({
  summaries: await db.getAll('summaries'),
  tallies: await db.getAll('commsTallies'),
  totals: await db.getAll('commsTotals'),
});

/** Holds the summaries' queue (the derived writes take their turn in it) until released. */
function hold(db: LensDatabase): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  void serial(db, () => gate);
  return release;
}

const dashboard = async (db: LensDatabase) => {
  const { comms, completion, rows, total } = await readDashboardPage(db, 'all', 50, 'UTC', NOW);
  return { comms, completion, rows, total };
};

describe('a replace import writes its summaries and tallies after its commit (issue 22)', () => {
  test('the views show the imported data at once, then read the summaries written after', async () => {
    // The clock at NOW throughout: the tallies are judged when written, the dashboard's fallback
    // reads the year before Date.now().
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { src, json } = await source();
    const dst = await fresh();
    const release = hold(dst);
    const r = await importAll(dst, json, { derivedBatch: BATCH });
    if (!r.ok) throw new Error(r.error);
    // Committed: the data is there, the derived stores not yet, a recomputation recorded.
    expect(await dst.count('incidents')).toBe(OPEN + RESOLVED);
    expect(await dst.count('summaries')).toBe(0);
    expect(await dst.count('commsTallies')).toBe(0);
    expect((await dst.get('settings', 'summariesRecompute'))?.value).toMatchObject({
      phase: 'open',
      after: null,
    });
    // The side panel and the dashboard show what the source shows, from the timelines.
    const listed = await readList(src, NOW);
    expect(await readList(dst, NOW)).toEqual(listed);
    expect(await dashboard(dst)).toEqual(await dashboard(src));

    release();
    await r.derived;
    expect(await derivedOf(dst)).toEqual(await derivedOf(src));
    expect(await dst.get('settings', 'summariesRecompute')).toBeUndefined();
    // The dashboard's mark is put again: its first screen reads no count.
    expect(await dst.get('dashboardState', 'talliesComplete')).toBeDefined();
    const reads = countTimelineReads();
    expect(await readList(dst, NOW)).toEqual(listed);
    expect(reads).toEqual([]);
  });

  test('a worker stopped before they are all written makes them at its next start', async () => {
    const { src, json } = await source();
    const dst = await fresh();
    hold(dst); // never released: the connection goes away first
    const r = await importAll(dst, json, { derivedBatch: BATCH });
    if (!r.ok) throw new Error(r.error);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dst.close();
    const restarted = await fresh(dst.name);
    expect(await restarted.get('settings', 'summariesRecompute')).toBeDefined();
    await ensureSummaries(restarted);
    await summariesSettled(restarted);
    expect(await derivedOf(restarted)).toEqual(await derivedOf(src));
    expect(await restarted.get('settings', 'summariesRecompute')).toBeUndefined();
  });

  test('an incident written meanwhile keeps the summary of its write, not the backup’s', async () => {
    const { json } = await source();
    const dst = await fresh();
    const release = hold(dst);
    const r = await importAll(dst, json, { derivedBatch: BATCH });
    if (!r.ok) throw new Error(r.error);
    // An agent posts the status page on an open incident right after the import, one of the
    // second batch: its write recomputes it before that batch runs.
    const id = 'inc-00015';
    const rec = (await dst.get('incidents', id))!;
    const posted = saveIncident(dst, { ...rec, title: 'Posted' }, [
      { id: `${id}-sp`, incidentId: id, type: 'status_page_posted', at: T0 + 2 * MIN },
    ]);
    while ((await dst.get('incidents', id))?.title !== 'Posted')
      await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([r.derived, posted]);
    const after = await derivedOf(dst);
    await refreshAllSummaries(dst);
    expect(after).toEqual(await derivedOf(dst));
  });

  test('its batches follow the recomputation’s order: resumed from any mark it records, a worker computes exactly what it had not written', async () => {
    // Open and resolved ids interleaved, so each phase's `after` falls between the other's ids.
    const db = await fresh();
    await saveIncidents(
      db,
      Array.from({ length: 40 }, (_, i) => item(i, i % 3 !== 0)),
    );
    const json = await exportAll(db, NOW);
    const written = recordDerivedWrites();
    const dst = await fresh();
    const r = await importAll(dst, json, { derivedBatch: 4 });
    if (!r.ok) throw new Error(r.error);
    await r.derived;
    const batches = written.batches();
    expect(batches.filter((b) => b.mark?.phase === 'open').length).toBeGreaterThan(2);
    expect(batches.filter((b) => b.mark?.phase === 'rest').length).toBeGreaterThan(2);
    expect(batches.at(-1)?.mark).toBeNull();
    // Each mark as the worker finds it after a stop: what it then computes (each incident's
    // timeline, in order) is the import's later batches, in their order; nothing again, nothing left.
    for (const [k, { mark }] of batches.entries()) {
      if (!mark) continue;
      await dst.put('settings', { key: PENDING, value: mark });
      const reads = countTimelineReads();
      await resumeRecompute(dst);
      expect(reads, `resumed after batch ${k}`).toEqual(batches.slice(k + 1).flatMap((b) => b.ids));
      reads.length = 0;
    }
  });
});

/**
 * Records the derived writes (summaries and tallies, by incident id) and the recomputation's mark
 * (put, or removed: null) from now until the test ends, by the transaction that makes them: the
 * import's batches as it wrote them, each with the mark it recorded.
 */
function recordDerivedWrites() {
  type Batch = { ids: string[]; mark?: SummariesRecompute | null };
  const byTx = new Map<IDBTransaction, Batch>();
  const of = (store: IDBObjectStore): Batch =>
    byTx.get(store.transaction) ?? byTx.set(store.transaction, { ids: [] }).get(store.transaction)!;
  const proto = IDBObjectStore.prototype;
  const { put, delete: del } = proto;
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const v = value as { key?: string; value?: SummariesRecompute; incidentId?: string };
    if (this.name === 'settings' && v.key === PENDING) of(this).mark = v.value ?? null;
    if (this.name === 'summaries' || this.name === 'commsTallies') of(this).ids.push(v.incidentId!);
    return put.call(this, value, key);
  };
  proto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    if (this.name === 'settings' && query === PENDING) of(this).mark = null;
    return del.call(this, query);
  };
  onTestFinished(() => void Object.assign(proto, { put, delete: del }));
  return {
    /** The batches after the import's own transaction: their ids by id, and the mark after each. */
    batches: () =>
      [...byTx.values()]
        .filter((b) => b.mark !== undefined)
        .slice(1)
        .map((b) => ({ ids: [...b.ids].sort(), mark: b.mark! })),
  };
}
