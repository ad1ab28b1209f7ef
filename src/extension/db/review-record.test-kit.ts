import type { ActionItem } from '../../core/review/model';
import { ITEM_STORES, syncReviewItems } from './action-items';
import type { LensDatabase } from './open';
import type { ReviewRecord } from './schema';

/**
 * A review with repeated action-item ids, as an older version stored it, a teammate's document
 * may carry it, or someone wrote it by hand: what the start-up repair (review-repair.ts), the team
 * projection, the backup check and the team server each must handle. One review for all of them,
 * so each test says only what differs (its items).
 */

/** An open action item of Ana's, created at `at`; a due date only where `dueAt` is given. */
export function actionItem(
  id: string,
  description: string,
  at: number,
  dueAt?: number,
): ActionItem {
  return {
    id,
    description,
    owner: 'Ana',
    ...(dueAt === undefined ? {} : { dueAt }),
    status: 'open',
    createdAt: at,
  };
}

/**
 * The review "Checkout outage" (`rev-1`, of incident `inc-1`), written at `at`, holding
 * `actionItems` and nothing else but `over`.
 */
export function checkoutReview(
  at: number,
  actionItems: ActionItem[],
  over: Partial<ReviewRecord> = {},
): ReviewRecord {
  return {
    id: 'rev-1',
    incidentId: 'inc-1',
    title: 'Checkout outage',
    createdAt: at,
    updatedAt: at,
    timeline: [],
    impact: { accounts: [] },
    whys: [],
    mitigations: [],
    participants: [],
    actionItems,
    ...over,
  };
}

/**
 * Stores `review` as versions before the repair did: as written, its items indexed by review and
 * item id, so items under one id left one item record between them.
 */
export async function storeUnrepaired(db: LensDatabase, review: ReviewRecord): Promise<void> {
  const tx = db.transaction(['reviews', ...ITEM_STORES], 'readwrite');
  await Promise.all([
    tx.objectStore('reviews').put(review),
    syncReviewItems(tx, [{ id: review.id, review }]),
    tx.done,
  ]);
}
