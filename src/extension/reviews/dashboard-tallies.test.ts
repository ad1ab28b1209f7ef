import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { DEFAULT_POLICY } from '../../core/policy';
import { freshName, MIN } from '../background/worker.test-kit';
import { putReview } from '../db/drafts';
import { eventsOf, saveIncident } from '../db/incidents';
import { openLensDB, type LensDatabase } from '../db/open';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { ensureSummaries, summariesSettled } from '../db/summaries';
import { readDashboard } from './repo';
import { countTimelineReads } from '../db/timeline-reads.test-kit';
import { incidentRecord } from '../db/incident-record.test-kit';

/**
 * Issue 22: the reviews dashboard reads each resolved incident's stored tally instead of its
 * timeline. What it shows (communication compliance per channel and month, the action-item
 * completion rate) must be exactly what the timelines give.
 */

const DAY = 24 * 60 * MIN;
// Recent, so the incidents fall in the dashboard's 12 months (it reads the clock).
const BASE = Date.now() - 40 * DAY;
let db: LensDatabase;
afterEach(() => db?.close());

/** Incident `i`: SEV-1 or -2, a status-page post on time or late, resolved (or still open). */
function incident(i: number, open = false): { incident: IncidentRecord; events: EventRecord[] } {
  const id = `inc-${i}`;
  const at = BASE + i * 2 * DAY;
  const severity = i % 2 ? 1 : 2;
  const events: EventRecord[] = [
    { id: `${id}-d`, incidentId: id, type: 'declared', at },
    { id: `${id}-c`, incidentId: id, type: 'classified', at, severity },
    { id: `${id}-s`, incidentId: id, type: 'status_page_posted', at: at + (i % 3) * 20 * MIN },
    { id: `${id}-u`, incidentId: id, type: 'update_posted', at: at + 50 * MIN },
  ];
  if (i % 4 === 0) events.push({ id: `${id}-e`, incidentId: id, type: 'execs_notified', at });
  if (!open)
    events.push({ id: `${id}-r`, incidentId: id, type: 'resolved', at: at + 3 * 60 * MIN });
  return {
    incident: incidentRecord(id, i, { at, severity, open, resolvedAt: at + 3 * 60 * MIN }),
    events,
  };
}

const review = (i: number, done: boolean): ReviewRecord => ({
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
    {
      id: 'a',
      description: 'Alert on it',
      owner: 'Ana',
      dueAt: BASE + i * DAY,
      createdAt: BASE,
      ...(done ? { status: 'done' as const, doneAt: BASE } : { status: 'open' as const }),
    },
  ],
});

const IDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The dashboard as the page shows it, from readDashboard; and the timelines that read. */
async function shown(severities?: (1 | 2)[]) {
  const reads = countTimelineReads();
  const data = await readDashboard(db);
  const now = Date.now();
  const out = reviewDashboard({ ...data, now, ...(severities ? { severities } : {}) });
  return { comms: out.comms, completion: out.completion, reads: [...new Set(reads)].sort() };
}

/** The same dashboard computed from every timeline (what readDashboard did before). */
async function fromTimelines(severities?: (1 | 2)[]) {
  const policy = await getSetting(db, 'policy');
  const incidents = await Promise.all(
    [...IDS, 9].map(async (i) => ({
      id: `inc-${i}`,
      events: await eventsOf(db, `inc-${i}`),
      publiclyVisible: true,
    })),
  );
  const reviews = await db.getAll('reviews');
  const out = reviewDashboard({
    incidents,
    reviews,
    policy,
    now: Date.now(),
    ...(severities ? { severities } : {}),
  });
  return { comms: out.comms, completion: out.completion };
}

async function seed() {
  for (const i of IDS) {
    const { incident: rec, events } = incident(i);
    await saveIncident(db, rec, events);
    await putReview(db, review(i, i % 2 === 0));
  }
  const open = incident(9, true);
  await saveIncident(db, open.incident, open.events);
}

describe('the reviews dashboard from stored tallies (issue 22)', () => {
  test('shows what the timelines give, reading only the open incident’s timeline', async () => {
    db = await openLensDB(freshName());
    await seed();
    const page = await shown();
    expect(page.reads).toEqual(['inc-9']);
    expect({ comms: page.comms, completion: page.completion }).toEqual(await fromTimelines());
    // The severity filter too (it follows each incident's most severe level).
    const sev1 = await shown([1]);
    expect({ comms: sev1.comms, completion: sev1.completion }).toEqual(await fromTimelines([1]));
    expect(page.comms.some((m) => m.channels.status_page.due > 0)).toBe(true);
  });

  test('after a policy change, the report follows the new policy, reading no resolved timeline', async () => {
    db = await openLensDB(freshName());
    await seed();
    const policy = structuredClone(DEFAULT_POLICY);
    for (const level of policy.levels)
      for (const o of level.obligations) if (o.id === 'status_page') o.dueMinutes = 1;
    await setSetting(db, 'policy', policy);
    // The tallies are recomputed in the background after a save (db/summaries.ts).
    await summariesSettled(db);
    const before = await fromTimelines();
    const page = await shown();
    expect(page.reads).toEqual(['inc-9']);
    expect({ comms: page.comms, completion: page.completion }).toEqual(before);
  });

  test('a database from before the tallies (v5) shows the same, then reads no resolved timeline once filled', async () => {
    const name = freshName();
    const v5 = await openLensDB(name, 5);
    for (const i of [...IDS, 9]) {
      const { incident: rec, events } = incident(i, i === 9);
      await v5.put('incidents', rec);
      for (const e of events) await v5.put('events' as never, e);
      if (i !== 9) await v5.put('reviews', review(i, i % 2 === 0));
    }
    v5.close();
    db = await openLensDB(name);
    const unfilled = await shown();
    expect(unfilled.reads).toHaveLength(9);
    expect({ comms: unfilled.comms, completion: unfilled.completion }).toEqual(
      await fromTimelines(),
    );
    await ensureSummaries(db);
    const filled = await shown();
    expect(filled.reads).toEqual(['inc-9']);
    expect({ comms: filled.comms, completion: filled.completion }).toEqual(await fromTimelines());
  });
});
