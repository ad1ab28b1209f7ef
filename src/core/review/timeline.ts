/** Prefilling a review from the incident's recorded timeline, and the facts derived from it. */
import { severityLabel } from '../feed/levels';
import type { TimelineEvent, TimelineEventType } from '../types';
import { httpsOnly, incidentFacts } from './facts';
import type { Review, ReviewImpact, ReviewTimelineEntry } from './model';

const WORDS: Record<TimelineEventType, string> = {
  declared: 'Declared',
  classified: 'Classified',
  reclassified: 'Reclassified',
  status_page_posted: 'Status page posted',
  customers_notified: 'Customers notified',
  execs_notified: 'Executives and board notified',
  bridge_opened: 'Bridge call opened',
  meeting_held: 'Coordination meeting held',
  engineer_assigned: 'Engineer assigned',
  banner_shown: 'In-app banner shown',
  bug_logged: 'Bug logged',
  update_posted: 'Status page update posted',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  review_published: 'Review published',
  obligation_met: 'Obligation met',
  note: 'Note',
};

/** Code-unit order, 0 when equal: the tie-breaker that keeps every review list in a stable order. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Events (or timeline entries) in time order; ties broken by id so the order is always the same. */
export function sortEvents<T extends { at: number; id: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.at - b.at || byString(a.id, b.id));
}

/** One event in words: "Classified SEV-2", "Obligation met: status_page", "Note: rolled back". */
export function describeTimelineEvent(e: TimelineEvent): string {
  let head = WORDS[e.type] ?? e.type;
  if ((e.type === 'classified' || e.type === 'reclassified') && e.severity) {
    head += ` ${severityLabel(e.severity)}`;
  }
  if (e.type === 'obligation_met' && e.obligationId) head += `: ${e.obligationId}`;
  const text = e.text?.trim();
  if (!text) return head;
  return e.type === 'note' ? text : `${head}: ${text}`;
}

/**
 * The timeline a responder starts from: every recorded event in time order, in words. Entries are
 * unvalidated — the domain asks that the people involved confirm each line. The text is English;
 * times are localised when exported, so no locale is needed here.
 */
export function prefillTimeline(events: readonly TimelineEvent[]): ReviewTimelineEntry[] {
  return sortEvents(events).map((e) => ({
    id: `tl-${e.id}`,
    at: e.at,
    text: describeTimelineEvent(e),
  }));
}

/**
 * How long the incident lasted, in ms: from the first `declared` event (or the earliest event when
 * none was recorded) to the LAST `resolved` event (a reopened incident ends at its final
 * resolution). Null while unresolved or when resolution precedes the start.
 */
export function incidentDuration(events: readonly TimelineEvent[]): number | null {
  if (events.length === 0) return null;
  const declared = events.filter((e) => e.type === 'declared').map((e) => e.at);
  const start = Math.min(...(declared.length > 0 ? declared : events.map((e) => e.at)));
  const resolved = events.filter((e) => e.type === 'resolved').map((e) => e.at);
  if (resolved.length === 0) return null;
  const end = Math.max(...resolved);
  return end >= start ? end - start : null;
}

/** `incidentDuration` in whole minutes, rounded up (a 61-second outage is reported as 2 minutes). */
export function incidentDurationMinutes(events: readonly TimelineEvent[]): number | undefined {
  const ms = incidentDuration(events);
  return ms === null ? undefined : Math.ceil(ms / 60_000);
}

/**
 * ARR at risk: the entered estimate when it is a finite number, else the sum of the listed
 * accounts' ARR (non-finite or negative values skipped); null when there is neither.
 */
export function arrAtRisk(impact: ReviewImpact): number | null {
  if (typeof impact.arrAtRisk === 'number' && Number.isFinite(impact.arrAtRisk)) {
    return impact.arrAtRisk;
  }
  const values = impact.accounts.map((a) => a.arr).filter((v) => Number.isFinite(v) && v >= 0);
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) : null;
}

/**
 * A new draft review prefilled from the incident's events: the timeline, and the facts measured
 * from the start of impact (`startedAt`, the declaration when absent) with the peak severity and
 * the Statuspage link (https only).
 */
export function createReview(input: {
  id: string;
  incidentId: string;
  title: string;
  events: readonly TimelineEvent[];
  now: number;
  startedAt?: number;
  statuspageUrl?: string;
}): Review {
  const { startedAt, peakSeverity, ...measured } = incidentFacts(input.events, input.startedAt);
  const link = httpsOnly(input.statuspageUrl);
  return {
    id: input.id,
    incidentId: input.incidentId,
    title: input.title,
    createdAt: input.now,
    updatedAt: input.now,
    timeline: prefillTimeline(input.events),
    impact: { ...measured, accounts: [] },
    whys: [],
    mitigations: [],
    actionItems: [],
    participants: [],
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(peakSeverity !== undefined ? { peakSeverity } : {}),
    ...(link ? { statuspageUrl: link } : {}),
  };
}
