import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { sharedStore } from '../../../tests/support/pouch';
import { freshName } from '../background/worker.test-kit';
import { putReview } from '../db/drafts';
import { openLensDB } from '../db/open';
import { attachShared, project } from '../db/shared';
import type { ReviewRecord } from '../db/schema';
import { readDashboard } from './repo';
import { readDashboardPage } from './dashboard-data';
import { saveIncident } from '../db/incidents';
import { incidentRecord } from '../db/incident-record.test-kit';
import { countStoreReads } from '../db/store-reads.test-kit';
import { summariesSettled } from '../db/summaries';
import type { EventRecord } from '../db/schema';

const MARCH = Date.UTC(2026, 2, 10);
const APRIL = Date.UTC(2026, 3, 2);

/** A review whose one action item fell due in March: done on time, or still open. */
function review(id: string, owner: string, done: boolean): ReviewRecord {
  return {
    id,
    incidentId: `inc-${id}`,
    title: `Review ${id}`,
    createdAt: MARCH - 86_400_000,
    updatedAt: MARCH - 86_400_000,
    timeline: [],
    impact: { accounts: [] },
    whys: ['Because'],
    mitigations: [],
    actionItems: [
      {
        id: `a-${id}`,
        description: `Alert on ${id}`,
        owner,
        dueAt: MARCH,
        createdAt: MARCH - 86_400_000,
        ...(done ? { status: 'done' as const, doneAt: MARCH - 3_600_000 } : { status: 'open' }),
      },
    ],
    participants: [owner],
  };
}

describe('team mode: the reviews dashboard counts the whole team’s action items', () => {
  test('the monthly completion rate covers the items written in another browser, once replicated', async () => {
    const ann = await openLensDB(freshName());
    const bob = await openLensDB(freshName());
    const annStore = sharedStore({ name: 'ann', display: 'Ann' }, MARCH);
    const bobStore = sharedStore({ name: 'bob', display: 'Bob' }, MARCH);
    attachShared(ann, annStore);
    attachShared(bob, bobStore);
    await putReview(ann, review('r-ann', 'Ann', true));
    await putReview(bob, review('r-bob', 'Bob', false));
    const rate = async (db: typeof ann) => {
      const { reviews, policy } = await readDashboard(db);
      return reviewDashboard({
        incidents: [],
        reviews,
        policy,
        now: APRIL,
        months: 2,
      }).completion.find((m) => m.month === '2026-03');
    };
    // each browser alone: its own single item
    expect(await rate(bob)).toMatchObject({ due: 1, doneOnTime: 0 });

    // both directions through the team database (here, straight from pouch to pouch)
    await annStore.pouch.replicate.to(bobStore.pouch);
    await bobStore.pouch.replicate.to(annStore.pouch);
    await project(bob, bobStore);
    await project(ann, annStore);

    expect(await rate(bob)).toMatchObject({ due: 2, doneOnTime: 1 });
    expect(await rate(ann)).toMatchObject({ due: 2, doneOnTime: 1 });

    // The first screen (v8 totals and item index, kept by the projection) shows the same.
    for (const db of [ann, bob]) {
      const first = await readDashboardPage(db, 'all', 50, 'UTC', APRIL);
      expect(first.source).toBe('totals');
      expect(first.completion.find((m) => m.month === '2026-03')).toMatchObject({
        due: 2,
        doneOnTime: 1,
      });
      expect(first.rows.map((r) => r.item.id)).toEqual(['a-r-bob', 'a-r-ann']);
    }
    // A review deleted in the team database leaves the first screen too.
    const doc = await annStore.pouch.get('review:r-bob');
    await annStore.pouch.remove(doc._id, doc._rev!);
    await project(ann, annStore);
    const after = await readDashboardPage(ann, 'all', 50, 'UTC', APRIL);
    expect(after.rows.map((r) => r.item.id)).toEqual(['a-r-ann']);
    expect(after.completion.find((m) => m.month === '2026-03')).toMatchObject({
      due: 1,
      doneOnTime: 1,
    });
  });
});

describe('team mode: a teammate’s change keeps the dashboard’s tallies mark', () => {
  test('an event replicated onto an open and onto a resolved incident: the projection and the next dashboard read count nothing', async () => {
    const ann = await openLensDB(freshName());
    const bob = await openLensDB(freshName());
    const annStore = sharedStore({ name: 'ann', display: 'Ann' }, () => Date.now());
    const bobStore = sharedStore({ name: 'bob', display: 'Bob' }, () => Date.now());
    attachShared(ann, annStore);
    attachShared(bob, bobStore);
    const at = Date.now() - 20 * 86_400_000;
    const event = (incidentId: string, id: string, type: EventRecord['type'], t: number) =>
      ({ id: `${incidentId}-${id}`, incidentId, type, at: t }) as EventRecord;
    const records = [0, 1].map((i) =>
      incidentRecord(`inc-${i}`, i, {
        at: at + i * 86_400_000,
        severity: 2,
        open: i === 0,
        resolvedAt: at + i * 86_400_000 + 3_600_000,
      }),
    );
    for (const rec of records) {
      const events = [
        event(rec.id, 'd', 'declared', rec.declaredAt),
        { ...event(rec.id, 'c', 'classified', rec.declaredAt), severity: 2 } as EventRecord,
        ...(rec.resolvedAt ? [event(rec.id, 'r', 'resolved', rec.resolvedAt)] : []),
      ];
      await saveIncident(ann, rec, events);
    }
    await annStore.pouch.replicate.to(bobStore.pouch);
    await project(bob, bobStore);
    await summariesSettled(bob);
    expect(await bob.get('dashboardState', 'talliesComplete')).toBeDefined();

    // Ann adds a note to each (her save writes the incident record with the event), and Bob's
    // browser receives both through the team database.
    for (const rec of records)
      await saveIncident(ann, { ...rec, updatedAt: rec.updatedAt + 60_000 }, [
        event(rec.id, 'note', 'note', rec.declaredAt + 60_000),
      ]);
    await annStore.pouch.replicate.to(bobStore.pouch);
    const reads = countStoreReads();
    await project(bob, bobStore);
    await summariesSettled(bob);
    expect(await bob.get('dashboardState', 'talliesComplete')).toBeDefined();
    const first = await readDashboardPage(bob, 'all', 50, 'UTC', Date.now());
    expect(first.source).toBe('totals');
    for (const store of ['commsTallies', 'incidents'])
      expect(reads.of(store), store).not.toContain('count');
    ann.close();
    bob.close();
  });
});
