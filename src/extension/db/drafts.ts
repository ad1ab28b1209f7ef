import { withUniqueItemIds } from '../../core/review/item-ids';
import { ITEM_STORES, syncReviewItems } from './action-items';
import type { LensDatabase } from './open';
import type { DraftRecord, ReviewRecord } from './schema';
import { reviewDoc } from './shared-docs';
import { writeShared } from './shared';

/** The key of a composer draft. */
export const draftKey = (incidentId: string, kind: string): string => `${incidentId}|${kind}`;

/** One draft of an incident, by kind. */
export function getDraft(
  db: LensDatabase,
  incidentId: string,
  kind: string,
): Promise<DraftRecord | undefined> {
  return db.get('drafts', draftKey(incidentId, kind));
}

/** Every draft of an incident. */
export function draftsOf(db: LensDatabase, incidentId: string): Promise<DraftRecord[]> {
  return db.getAllFromIndex('drafts', 'by-incident', incidentId);
}

/** Saves a draft (its key is derived from incident and kind). */
export async function putDraft(db: LensDatabase, draft: Omit<DraftRecord, 'key'>): Promise<void> {
  await db.put('drafts', { ...draft, key: draftKey(draft.incidentId, draft.kind) });
}

/** Discards a draft (after it was published or dropped). */
export async function deleteDraft(
  db: LensDatabase,
  incidentId: string,
  kind: string,
): Promise<void> {
  await db.delete('drafts', draftKey(incidentId, kind));
}

/** Every review. */
export function listReviews(db: LensDatabase): Promise<ReviewRecord[]> {
  return db.getAll('reviews');
}

/** The review(s) of an incident (normally one). */
export function reviewsOf(db: LensDatabase, incidentId: string): Promise<ReviewRecord[]> {
  return db.getAllFromIndex('reviews', 'by-incident', incidentId);
}

/** Inserts or replaces a review. */
export async function putReview(db: LensDatabase, review: ReviewRecord): Promise<void> {
  await putReviews(db, [review]);
}

/**
 * Writes many reviews in one transaction (seeding, generated data): a transaction per review
 * costs a commit each, seconds for a thousand (issue 22).
 */
export async function putReviews(
  db: LensDatabase,
  written: readonly ReviewRecord[],
): Promise<void> {
  // A stored review with two items under one id (an older version's) is saved with them renamed
  // (core/review/item-ids.ts): the index of items is keyed by review and item id.
  const reviews = written.map(withUniqueItemIds);
  if (await writeShared(db, reviews.map(reviewDoc))) return;
  // Their action items in the same transaction (action-items.ts).
  const tx = db.transaction(['reviews', ...ITEM_STORES], 'readwrite');
  await Promise.all([
    ...reviews.map((r) => tx.objectStore('reviews').put(r)),
    syncReviewItems(
      tx,
      reviews.map((review) => ({ id: review.id, review })),
    ),
    tx.done,
  ]);
}
