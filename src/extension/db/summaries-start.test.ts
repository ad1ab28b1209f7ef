import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { saveIncident } from './incidents';
import { incidentRecord } from './incident-record.test-kit';
import { openLensDB } from './open';
import { DB_VERSION, type EventRecord } from './schema';
import { countStoreReads } from './store-reads.test-kit';
import { ensureSummaries, refreshAllSummaries } from './summaries';
import type { LensDatabase } from './open';

/**
 * Issue 22: the worker's start-up check scans the summaries once per schema version, not at every
 * start (10,000 open incidents made that scan, and the recomputation of the same few, a cost of
 * every wake after the worker stopped).
 */

/** Open incidents: classified, never classified, and one with an event dated in the future. */
async function fill(db: LensDatabase): Promise<void> {
  const open = (id: string, n: number) =>
    incidentRecord(id, n, { at: T0, severity: 2, open: true, resolvedAt: 0 });
  const classified = (id: string): EventRecord => ({
    id: `${id}-c`,
    incidentId: id,
    type: 'classified',
    at: T0,
    severity: 2,
  });
  await saveIncident(db, open('a', 1), [classified('a')]);
  await saveIncident(db, { ...open('b', 2), severity: null }, []);
  // Dated after any start of this test: its summary carries no tally (comms-totals.ts openTally).
  await saveIncident(db, open('c', 3), [
    classified('c'),
    { id: 'c-u', incidentId: 'c', type: 'update_posted', at: Date.now() + 600 * MIN },
  ]);
  await saveIncident(
    db,
    incidentRecord('r', 4, { at: T0, severity: 3, open: false, resolvedAt: T0 + 60 * MIN }),
    [classified('r'), { id: 'r-r', incidentId: 'r', type: 'resolved', at: T0 + 60 * MIN }],
  );
}

describe('start-up check of the summaries (ensureSummaries)', () => {
  test('a second start reads no summary and recomputes nothing', async () => {
    const db = await openLensDB(freshName());
    await fill(db);
    expect((await db.get('summaries', 'b'))?.comms).toMatchObject({ tally: null });
    expect((await db.get('summaries', 'c'))?.comms).toBeUndefined();
    await ensureSummaries(db); // the first start after these writes: one scan
    const reads = countStoreReads();
    await ensureSummaries(db);
    // Only the counts that tell a missing summary (a write the worker stopped before it).
    expect(reads.of('summaries').filter((m) => m !== 'count')).toEqual([]);
    expect(reads.of('incidents').filter((m) => m !== 'count')).toEqual([]);
    expect(reads.timelines).toEqual([]);
    db.close();
  });

  test('a start after an upgrade scans and fills again', async () => {
    const name = freshName();
    const before = await openLensDB(name);
    await fill(before);
    // As an older version left it: its fill recorded as complete for that version (the stores of
    // each step are the same here; db.test.ts tests the migrations themselves), and a summary
    // written before tallies existed.
    await before.put('settings', { key: 'summariesFilled', value: DB_VERSION - 1 });
    const a = (await before.get('summaries', 'a'))!;
    delete a.comms;
    await before.put('summaries', a);
    before.close();
    const db = await openLensDB(name);
    const reads = countStoreReads();
    await ensureSummaries(db);
    expect(reads.of('summaries')).toContain('getAll');
    expect((await db.get('summaries', 'a'))?.comms).toMatchObject({ tally: expect.anything() });
    // And only once.
    const again = countStoreReads();
    await ensureSummaries(db);
    expect(again.of('summaries').filter((m) => m !== 'count')).toEqual([]);
    db.close();
  });

  test('a full recomputation (an import, the v7 upgrade) records the fill as well', async () => {
    const db = await openLensDB(freshName());
    await fill(db);
    await refreshAllSummaries(db);
    expect((await db.get('settings', 'summariesFilled'))?.value).toBe(db.version);
    const reads = countStoreReads();
    await ensureSummaries(db);
    expect(reads.of('summaries').filter((m) => m !== 'count')).toEqual([]);
    db.close();
  });
});
