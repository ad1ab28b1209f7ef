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
