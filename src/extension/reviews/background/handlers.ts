import { withUniqueItemIds } from '../../../core/review/item-ids';
import {
  createReview,
  incidentFacts,
  highestSeverityReached,
  publishBlockers,
  skipReasonProblem,
  type ActionItemStatus,
} from '../../../core/review';
import { ITEM_STORES, syncReviewItems } from '../../db/action-items';
import { putIncident } from '../../db/dashboard-state';
import { putReview, reviewsOf } from '../../db/drafts';
import { eventsOf, getIncident, putEvents, saveIncident } from '../../db/incidents';
import { incidentsChanged } from '../../db/summaries';
import type { LensDatabase } from '../../db/open';
import { writeShared } from '../../db/shared';
import { eventDoc, incidentDoc, reviewDoc } from '../../db/shared-docs';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../../db/schema';
import type { Handlers } from '../../messaging/channel';
import { sanitizeReview } from '../validate';
import type { Deps } from '../../background/deps';
import { text } from '../../../core/validate';
import { payload } from '../../background/input';

type ReviewCommand =
  'reviews/create' | 'reviews/save' | 'reviews/publish' | 'reviews/setItemStatus' | 'reviews/skip';

const STATUSES: readonly ActionItemStatus[] = ['open', 'done', 'wont_do'];

async function resolvedIncident(db: LensDatabase, id: unknown): Promise<IncidentRecord> {
  const incident = await getIncident(db, text(id, 'The incident id', 200));
  if (!incident) throw new Error('This incident does not exist.');
  if (incident.status !== 'resolved')
    throw new Error('A review starts once the incident is resolved.');
  return incident;
}

async function mustGetReview(db: LensDatabase, id: unknown): Promise<ReviewRecord> {
  const review = await db.get('reviews', text(id, 'The review id', 200));
  if (!review) throw new Error('This review does not exist.');
  // told apart as the builder reads it (repo.ts readBuilder), so the ids a view sends match
  return withUniqueItemIds(review);
}

/** Publishing writes the incident, its `review_published` event and the review in one transaction. */
async function savePublished(
  db: LensDatabase,
  incident: IncidentRecord,
  event: EventRecord,
  review: ReviewRecord,
): Promise<void> {
  if (await writeShared(db, [incidentDoc(incident), eventDoc(event), reviewDoc(review)])) return;
  const tx = db.transaction(['incidents', 'timeline', 'reviews', ...ITEM_STORES], 'readwrite');
  await Promise.all([
    putIncident(tx, incident), // v10: the mark goes if it may lack its tally (incidentsChanged)
    putEvents(tx, [event]),
    tx.objectStore('reviews').put(review),
    syncReviewItems(tx, [{ id: review.id, review }]),
  ]);
  await tx.done;
  await incidentsChanged(db, [incident]);
}

/**
 * Handlers of the post-incident review commands (types in reviews/protocol.ts). The router
 * follows each with `refresh`, which rewrites the storage projection — the signal views re-read
 * on — and recomputes the post-mortem obligation.
 */
export function reviewHandlers(deps: Deps): Pick<Handlers, ReviewCommand> {
  return {
    async 'reviews/create'(p) {
      payload(p);
      const db = await deps.db();
      const incident = await resolvedIncident(db, p.incidentId);
      const [existing] = await reviewsOf(db, incident.id);
      if (existing) return existing;
      const review: ReviewRecord = createReview({
        id: deps.newId(),
        incidentId: incident.id,
        title: incident.title,
        events: await eventsOf(db, incident.id),
        now: deps.now(),
        // The review measures from when impact began, and links the public incident.
        startedAt: incident.startedAt,
        ...(incident.statuspageShortlink ? { statuspageUrl: incident.statuspageShortlink } : {}),
      });
      await putReview(db, review);
      return review;
    },

    async 'reviews/save'(p) {
      payload(p);
      const db = await deps.db();
      const stored = await mustGetReview(db, (p.review as { id?: unknown } | null)?.id);
      // Duration from the start of impact (the stored review's start, else the declaration).
      const duration = incidentFacts(
        await eventsOf(db, stored.incidentId),
        stored.startedAt,
      ).durationMinutes;
      const review: ReviewRecord = sanitizeReview(p.review, stored, deps.now(), duration);
      await putReview(db, review);
      return review;
    },

    async 'reviews/publish'(p) {
      payload(p);
      const db = await deps.db();
      const review = await mustGetReview(db, p.id);
      if (review.publishedAt !== undefined) return review;
      const incident = await resolvedIncident(db, review.incidentId);
      const now = deps.now();
      // What turns an incident into an improvement (docs/policy.md): a cause in the system, and
      // specific, owned, dated action items (a vague one only as a follow-up to define). A review
      // without them does not meet the post-mortem duty.
      const blockers = publishBlockers(review, now);
      if (blockers.length > 0) throw new Error(blockers.map((b) => b.message).join(' '));
      const event: EventRecord = {
        id: deps.newId(),
        incidentId: incident.id,
        type: 'review_published',
        at: now,
        text: review.title,
      };
      const published: ReviewRecord = { ...review, publishedAt: now, updatedAt: now };
      // reviewPublishedAt is denormalised for the lists, which read no timelines.
      const reviewPublishedAt = Math.min(now, incident.reviewPublishedAt ?? now);
      await savePublished(db, { ...incident, updatedAt: now, reviewPublishedAt }, event, published);
      return published;
    },

    async 'reviews/setItemStatus'(p) {
      payload(p);
      if (!STATUSES.includes(p.status))
        throw new Error('The status must be open, done or won’t do.');
      const db = await deps.db();
      const review = await mustGetReview(db, p.id);
      const itemId = text(p.itemId, 'The action item id', 100);
      const item = review.actionItems.find((a) => a.id === itemId);
      if (!item) throw new Error('This action item is not in this review (save the review first).');
      if (item.status === p.status) return review;
      const now = deps.now();
      const { doneAt: _done, ...rest } = item;
      const next = {
        ...rest,
        status: p.status,
        statusChangedAt: now,
        ...(p.status === 'done' ? { doneAt: now } : {}),
      };
      const saved: ReviewRecord = {
        ...review,
        updatedAt: now,
        actionItems: review.actionItems.map((a) => (a.id === itemId ? next : a)),
      };
      await putReview(db, saved);
      return saved;
    },

    async 'reviews/skip'(p) {
      payload(p);
      const db = await deps.db();
      const incident = await resolvedIncident(db, p.incidentId);
      const reason = typeof p.reason === 'string' ? p.reason.trim().slice(0, 1000) : '';
      const problem = skipReasonProblem(
        highestSeverityReached(await eventsOf(db, incident.id)),
        reason,
      );
      if (problem === 'required')
        throw new Error(
          'A review is required for SEV-1 and SEV-2 incidents; it cannot be skipped.',
        );
      if (problem === 'reason_missing') throw new Error('Give a reason for skipping the review.');
      const now = deps.now();
      const skipped: IncidentRecord = {
        ...incident,
        reviewSkipped: { reason, at: now },
        updatedAt: now,
      };
      await saveIncident(db, skipped);
      return skipped;
    },
  };
}
