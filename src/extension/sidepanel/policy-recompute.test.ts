import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { computeObligations, nextDeadline } from '../../core/obligations';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Policy } from '../../core/types';
import { freshName, MIN, T0 } from '../background/worker.test-kit';
import { readList } from './data';
import { eventsOf, saveIncidents } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, SummariesRecompute } from '../db/schema';
import { setSetting } from '../db/settings';
import {
  ensureSummaries,
  policyStamp,
  SUMMARY_BATCH,
  summariesSettled,
  summaryStamp,
} from '../db/summaries';
import { countTimelineReads } from '../db/timeline-reads.test-kit';
import { incidentRecord } from '../db/incident-record.test-kit';

/**
 * Issue 22: saving the policy no longer waits for every summary and tally to be recomputed. The
 * save returns once the policy is stored; the recomputation runs in the background, batch by
 * batch, recorded as it goes, and a restarted worker continues it. Meanwhile the side panel
 * shows the new policy's deadlines (a stale summary is computed from its timeline).
 */

const dbs: LensDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});
async function fresh(name = freshName()): Promise<LensDatabase> {
  const db = await openLensDB(name);
  dbs.push(db);
  return db;
}

const OPEN = SUMMARY_BATCH * 2 + 50;
const RESOLVED = 60;
const NOW = T0 + 10 * MIN;

/** Incidents declared before incidents kept their policy (none of their own): the current one applies. */
function item(i: number, open: boolean): { incident: IncidentRecord; events: EventRecord[] } {
  const id = `inc-${String(i).padStart(4, '0')}`;
  const incident = incidentRecord(id, i, { at: T0, severity: 1, open, resolvedAt: T0 + 30 * MIN });
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at: T0 },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: T0, severity: 1 },
    { id: `${id}-b`, incidentId: id, type: 'bridge_opened', at: T0 + MIN },
    ...(open
      ? []
      : [{ id: `${id}-r`, incidentId: id, type: 'resolved' as const, at: T0 + 30 * MIN }]),
  ];
  return { incident, events };
}

async function seeded(): Promise<LensDatabase> {
  const db = await fresh();
  await saveIncidents(db, [
    ...Array.from({ length: OPEN }, (_, i) => item(i, true)),
    ...Array.from({ length: RESOLVED }, (_, i) => item(OPEN + i, false)),
  ]);
  return db;
}

/** SEV-1's first due duty after the bridge (the status page) gets 5 minutes. */
function shorter(): Policy {
  const policy = structuredClone(DEFAULT_POLICY);
  for (const o of policy.levels[0]!.obligations) if (o.id === 'status_page') o.dueMinutes = 5;
  return policy;
}

/** How many summaries and tallies are of `policy` (the rest are stale), and the recorded progress. */
async function progress(db: LensDatabase, policy: Policy) {
  const [incidents, summaries, tallies, mark] = await Promise.all([
    db.getAll('incidents'),
    db.getAll('summaries'),
    db.getAll('commsTallies'),
    db.get('settings', 'summariesRecompute'),
  ]);
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return {
    currentSummaries: summaries.filter(
      (s) => s.stamp === summaryStamp(byId.get(s.incidentId)!, policy, undefined),
    ).length,
    currentTallies: tallies.filter((t) => t.policyStamp === policyStamp(policy)).length,
    mark: (mark?.value ?? null) as SummariesRecompute | null,
  };
}

/** Waits (no fixed sleep: one macrotask at a time) until `f` holds. */
async function until(f: () => Promise<boolean>): Promise<void> {
  while (!(await f())) await new Promise((r) => setTimeout(r, 0));
}

describe('a policy save and the recomputation of summaries and tallies (issue 22)', () => {
  test('the save resolves before the recomputation; the list shows the new deadline at once, then from summaries', async () => {
    const db = await seeded();
    const policy = shorter();
    await setSetting(db, 'policy', policy);
    // Saved, and the recomputation only recorded: no summary or tally of the new policy yet.
    const saved = await progress(db, policy);
    expect(saved.currentSummaries).toBe(0);
    expect(saved.currentTallies).toBe(0);
    expect(saved.mark).toMatchObject({ phase: 'open', after: null });
    // The side panel right after the save: the new policy's deadline (from the timeline).
    const expected = nextDeadline(
      computeObligations(
        { events: await eventsOf(db, 'inc-0000'), publiclyVisible: true },
        policy,
        NOW,
      ),
    );
    expect(expected?.dueAt).toBe(T0 + 5 * MIN);
    const first = await readList(db, NOW);
    expect(first.open[0]?.next).toEqual(expected);

    await summariesSettled(db);
    const done = await progress(db, policy);
    expect(done).toEqual({ currentSummaries: OPEN, currentTallies: RESOLVED, mark: null });
    const reads = countTimelineReads();
    const after = await readList(db, NOW);
    expect(after.open[0]?.next).toEqual(expected);
    expect([...reads]).toEqual([]);
  });

  test('a worker stopped mid-way: the next start continues from the recorded batch and finishes', async () => {
    const db = await seeded();
    const policy = shorter();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await setSetting(db, 'policy', policy);
    // The worker stops once the first batch is recorded (its connection goes away).
    await until(async () => (await progress(db, policy)).mark?.after !== null);
    db.close();
    await expect(summariesSettled(db)).rejects.toThrow();
    expect(errors).toHaveBeenCalled();

    const restarted = await fresh(db.name);
    const stopped = await progress(restarted, policy);
    expect(stopped.mark).not.toBeNull();
    expect(stopped.currentSummaries).toBeGreaterThanOrEqual(SUMMARY_BATCH);
    expect(stopped.currentSummaries).toBeLessThan(OPEN);
    // The worker's start-up check continues it.
    await ensureSummaries(restarted);
    await summariesSettled(restarted);
    expect(await progress(restarted, policy)).toEqual({
      currentSummaries: OPEN,
      currentTallies: RESOLVED,
      mark: null,
    });
  });

  test('a policy saved again while one recomputation runs: the summaries end on the last one', async () => {
    const db = await seeded();
    await setSetting(db, 'policy', shorter());
    await until(async () => (await progress(db, shorter())).mark?.after !== null);
    const last = shorter();
    last.dueSoonMinutes = 3;
    await setSetting(db, 'policy', last);
    await summariesSettled(db);
    expect(await progress(db, last)).toEqual({
      currentSummaries: OPEN,
      currentTallies: RESOLVED,
      mark: null,
    });
  });
});
