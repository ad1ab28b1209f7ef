import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { reviewDashboard } from '../../core/review/dashboard';
import { sharedStore } from '../../../tests/support/pouch';
import { freshName, T0 } from '../background/worker.test-kit';
import { exportAll, importAll } from '../db/backup';
import { putReview } from '../db/drafts';
import { openLensDB, type LensDatabase } from '../db/open';
import { project } from '../db/shared';
import { actionItem, checkoutReview, storeUnrepaired } from '../db/review-record.test-kit';
import { repairReviewItemIds } from '../db/review-repair';
import { countStoreReads } from '../db/store-reads.test-kit';
import { readDashboardPage } from './dashboard-data';
import { readDashboard } from './repo';

/**
 * A review whose action items share an id (written by an older version or by hand) showed every
 * item on the dashboard's full path but one per id on its first screen, whose index is keyed by
 * review and item id (DB v8). Whatever way such a review arrives, every item must show on both.
 */

const DAY = 24 * 60 * 60_000;
const NOW = Date.now();
const ann = { name: 'ann', display: 'Ann Example' };
let db: LensDatabase;
afterEach(() => db?.close());

/** Four items, three of them under the id "a1". */
const DUPLICATED = checkoutReview(
  T0,
  [
    actionItem('a1', 'Add a canary stage', T0, NOW - 3 * DAY),
    actionItem('a1', 'Page the owner on checkout errors', T0, NOW + 2 * DAY),
    actionItem('a2', 'Write the rollback runbook', T0, NOW + 5 * DAY),
    actionItem('a1', 'Alert on payment declines', T0, NOW + 9 * DAY),
  ],
  {
    rootCauseForm: 'factors',
    factors: [{ id: 'f1', description: 'No canary', evidence: '', actionItemIds: ['a1', 'a2'] }],
  },
);
const ALL = DUPLICATED.actionItems.map((a) => a.description);

/** The rows each path shows: the full one (every review) and the first screen (the v8 index). */
async function bothPaths(): Promise<{ full: string[]; first: string[]; source: string }> {
  const data = await readDashboard(db);
  const full = reviewDashboard({ ...data, now: NOW, timeZone: 'UTC' }).rows;
  const page = await readDashboardPage(db, 'all', 50, 'UTC', NOW);
  return {
    full: full.map((r) => r.item.description),
    first: page.rows.map((r) => r.item.description),
    source: page.source,
  };
}

/**
 * Every item shows on both paths (the first screen from its totals), the repeats renamed as every
 * machine derives them, and a factor's link still names the item it named (the first with the id).
 */
async function expectRenamedOnBothPaths(): Promise<void> {
  const shown = await bothPaths();
  expect(shown.source).toBe('totals');
  expect(shown.full).toEqual(ALL);
  expect(shown.first).toEqual(ALL);
  const stored = (await db.get('reviews', 'rev-1'))!;
  expect(stored.actionItems.map((a) => a.id)).toEqual(['a1', 'a1-2', 'a2', 'a1-3']);
  expect(stored.factors?.[0]?.actionItemIds).toEqual(['a1', 'a2']);
}

describe('a review with duplicate action-item ids', () => {
  test('from a teammate’s document: every item shows on both paths, under ids every machine derives alike', async () => {
    db = await openLensDB(freshName());
    const shared = sharedStore(ann, T0);
    await shared.pouch.put({
      _id: 'review:rev-1',
      kind: 'review',
      record: DUPLICATED,
      author: ann,
      at: T0,
    } as never);
    await project(db, shared);
    await expectRenamedOnBothPaths();
  });

  test('written on this machine (a stored review saved again): every item shows on both paths', async () => {
    db = await openLensDB(freshName());
    await putReview(db, DUPLICATED);
    const shown = await bothPaths();
    expect(shown.full).toEqual(ALL);
    expect(shown.first).toEqual(ALL);
  });

  test('stored before saves renamed repeats: the start-up repair shows every item on the first screen, once per version', async () => {
    db = await openLensDB(freshName());
    // As the older version stored it: the review as written, its items indexed by review and
    // item id, so the three "a1" items left one record.
    await storeUnrepaired(db, DUPLICATED);
    const before = await bothPaths();
    expect(before.full).toEqual(ALL);
    expect(before.first).toHaveLength(2); // the defect: one row per id

    expect(await repairReviewItemIds(db)).toBe(1);
    await expectRenamedOnBothPaths();
    expect(await db.get('dashboardState', 'items')).toEqual({ key: 'items', n: 4 });
    // Later starts read no review.
    const reads = countStoreReads();
    expect(await repairReviewItemIds(db)).toBe(0);
    expect(reads.of('reviews')).toEqual([]);
  });

  test('in a backup: refused before anything is written, naming the review and the id', async () => {
    db = await openLensDB(freshName());
    const backup = JSON.parse(await exportAll(db)) as { stores: { reviews: unknown[] } };
    backup.stores.reviews.push(DUPLICATED);
    const result = await importAll(db, JSON.stringify(backup));
    expect(result).toEqual({
      ok: false,
      error:
        'stores.reviews[0].actionItems[1].id: the review "Checkout outage" has two action items with the id "a1"; each needs its own.',
    });
    expect(await db.count('reviews')).toBe(0);
  });
});
