/**
 * Every review's action items, one record each (`actionItems`, index `by-order`), their completion
 * per month (`itemTotals`) and, v10, their count (dashboard-state.ts), kept in the transaction
 * that writes or deletes the reviews (drafts.ts, shared.ts, the review handlers, an import), so
 * they never disagree with them: the reviews dashboard's first screen reads its first rows, its
 * total and its completion chart from these instead of every review (issue 22). Derived and
 * machine-local: never in a backup, never shared.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  applyCompletion,
  completionEntry,
  completionMonth,
  emptyCompletion,
  isEmptyCompletion,
  type CompletionTotals,
} from '../../core/review/completion-totals';
import { moveItemCount } from './dashboard-state';
import type { ActionItemRecord, LensDB, ReviewRecord } from './schema';
import { presentKeys, putAll } from './bulk';

/** Any read-write transaction that holds the three stores. */
export type ItemsTx = IDBPTransaction<
  LensDB,
  ('actionItems' | 'itemTotals' | 'dashboardState' | StoreNames<LensDB>)[],
  'readwrite' | 'versionchange'
>;

/** The stores a transaction writing reviews must also hold (v10: the item count's too). */
export const ITEM_STORES = ['actionItems', 'itemTotals', 'dashboardState'] as const;

/** A review's item records. */
export function itemRecords(review: ReviewRecord): ActionItemRecord[] {
  return review.actionItems.map((item) => ({
    reviewId: review.id,
    itemId: item.id,
    incidentId: review.incidentId,
    reviewTitle: review.title,
    open: item.status === 'open' ? 1 : 0,
    due: item.dueAt !== undefined && Number.isFinite(item.dueAt) ? item.dueAt : Infinity,
    item,
  }));
}

/** The key range of one review's item records (keys [reviewId, itemId]). */
export const ofReview = (reviewId: string): IDBKeyRange =>
  IDBKeyRange.bound([reviewId], [reviewId, []]);

const itemKey = (r: ActionItemRecord) => `${r.reviewId}\u0000${r.itemId}`;

/**
 * Replaces the item records of these reviews (`review` absent: deleted) and moves their completion
 * totals, within `tx`. All of one transaction's reviews in one call: the month records are read
 * and written once, so two reviews never overwrite each other's change. `fresh`: the two stores
 * were emptied in this transaction (an import's replace): no review's old items are read or
 * deleted (issue 22: two requests per review, for nothing).
 */
export async function syncReviewItems(
  tx: ItemsTx,
  all: readonly { id: string; review?: ReviewRecord }[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  // One change per review, its last: the old records are subtracted once.
  const changes = [...new Map(all.map((c) => [c.id, c])).values()];
  if (changes.length === 0) return;
  const items = tx.objectStore('actionItems');
  const totals = tx.objectStore('itemTotals');
  // Only reviews that have items stored are read and cleared (one key read finds them).
  const present = fresh
    ? new Set<string>()
    : await presentKeys(
        items,
        changes.map((c) => c.id),
        { prefix: true },
      );
  const withItems = changes.filter((c) => !present || present.has(c.id));
  const old = (await Promise.all(withItems.map((c) => items.getAll(ofReview(c.id))))).flat();
  const next = changes.flatMap((c) => (c.review ? itemRecords(c.review) : []));
  const deltas: {
    key: string;
    entry: NonNullable<ReturnType<typeof completionEntry>>;
    sign: 1 | -1;
  }[] = [];
  for (const [list, sign] of [
    [old, -1],
    [next, 1],
  ] as const)
    for (const r of list) {
      const entry = completionEntry(r.item);
      if (entry) deltas.push({ key: itemKey(r), entry, sign });
    }
  const months = [...new Set(deltas.map((d) => completionMonth(d.entry.dueAt)))];
  const stored = await Promise.all(months.map((m) => totals.get(m)));
  const byMonth = new Map<string, CompletionTotals>(
    months.map((m, k) => [m, stored[k] ?? emptyCompletion(m)]),
  );
  for (const d of deltas) {
    const m = completionMonth(d.entry.dueAt);
    byMonth.set(m, applyCompletion(byMonth.get(m)!, d.key, d.entry, d.sign));
  }
  await Promise.all([
    ...withItems.map((c) => items.delete(ofReview(c.id))),
    ...[...byMonth.values()].map((t) =>
      isEmptyCompletion(t) ? totals.delete(t.month) : totals.put(t),
    ),
  ]);
  await putAll(items, next);
  // v10: the stored count follows (a review listing one item id twice stores it once).
  await moveItemCount(tx, new Set(next.map(itemKey)).size - old.length);
}
