/**
 * Reviews stored with two action items under one id, before saves and the team projection renamed
 * the repeats (core/review/item-ids.ts), keep one item record per id in the dashboard's index
 * (keyed by review and item id), so its first screen showed one row per id until the review was
 * saved again. The worker repairs them once per schema version at start-up: each such review gets
 * the renaming every other path gives it ("a1", "a1-2", "a1-3", the same on every machine), and
 * its item records are rebuilt in the same transaction (action-items.ts).
 *
 * Written to these stores only, not to the shared store: the team projection derives the same
 * ids from the same document, so this machine's copy already is what any machine derives; writing
 * back would add a revision per review for every teammate to replicate. The version repaired is
 * recorded in the local setting `reviewItemsRepaired` (never exported), so later starts read
 * nothing but that setting.
 */
import { duplicateItemId, withUniqueItemIds } from '../../core/review/item-ids';
import { ITEM_STORES, syncReviewItems } from './action-items';
import type { LensDatabase } from './open';

const REPAIRED = 'reviewItemsRepaired';
/** Reviews read per transaction: the scan never holds every review at once. */
const BATCH = 500;

/** Repairs the stored reviews once per schema version; returns how many it rewrote. */
export async function repairReviewItemIds(db: LensDatabase): Promise<number> {
  if ((await db.get('settings', REPAIRED))?.value === db.version) return 0;
  let after: string | undefined;
  let repaired = 0;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await db.getAll('reviews', range, BATCH);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const ids = page.filter((r) => duplicateItemId(r) !== null).map((r) => r.id);
    if (ids.length === 0) continue;
    // Read again in the writing transaction: a save since the read may have renamed it already.
    const tx = db.transaction(['reviews', ...ITEM_STORES], 'readwrite');
    const reviews = tx.objectStore('reviews');
    const still = await Promise.all(
      ids.map(async (id) => {
        const now = await reviews.get(id);
        return now && duplicateItemId(now) !== null ? withUniqueItemIds(now) : null;
      }),
    );
    const put = still.filter((r) => r !== null);
    await Promise.all([
      ...put.map((r) => reviews.put(r)),
      syncReviewItems(
        tx,
        put.map((review) => ({ id: review.id, review })),
      ),
      tx.done,
    ]);
    repaired += put.length;
  }
  // Recorded once every batch has committed: a worker stopped before scans again next time.
  await db.put('settings', { key: REPAIRED, value: db.version });
  return repaired;
}
