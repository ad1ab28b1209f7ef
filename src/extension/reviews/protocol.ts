import type { ActionItemStatus, Review } from '../../core/review';
import type { IncidentRecord, ReviewRecord } from '../db/schema';

/**
 * The commands the post-incident review adds to `Commands` in messages.ts. Handlers live in
 * background/reviews.ts. Time stamps (createdAt, updatedAt, publishedAt, item status dates) are
 * always set by the background from its clock, never taken from a view.
 */
export interface ReviewCommands {
  /** Starts the review of a resolved incident, prefilled from its timeline; returns the existing one if any. */
  'reviews/create': { req: { incidentId: string }; res: ReviewRecord };
  /**
   * Saves the editable parts of a review. Item statuses and their dates are kept as stored (they
   * change only through `reviews/setItemStatus`); the duration is recomputed from the incident.
   */
  'reviews/save': { req: { review: Review }; res: ReviewRecord };
  /** Records `review_published` on the incident (meets the post-mortem obligation), sets publishedAt. */
  'reviews/publish': { req: { id: string }; res: ReviewRecord };
  /** Sets an action item's status; `done` stamps doneAt, every change stamps statusChangedAt. */
  'reviews/setItemStatus': {
    req: { id: string; itemId: string; status: ActionItemStatus };
    res: ReviewRecord;
  };
  /**
   * Skips the optional review of a resolved SEV-3/4 incident, with a reason (refused for SEV-1/2,
   * whose review is required). The incident leaves the list of reviews to write.
   */
  'reviews/skip': { req: { incidentId: string; reason: string }; res: IncidentRecord };
}
