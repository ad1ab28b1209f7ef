/**
 * Review rules per severity: a review is required for SEV-1 and SEV-2, optional for SEV-3 and
 * SEV-4, and an optional review may be skipped with a reason. The severity is the most severe the
 * incident reached (an escalation that was later downgraded still earns its review); an incident
 * never classified is treated as optional.
 */
import type { Severity, TimelineEvent } from '../types';

export type ReviewRequirement = 'required' | 'optional';

/** Whether a review is required at this severity. */
export function reviewRequirement(severity: Severity | null): ReviewRequirement {
  return severity === 1 || severity === 2 ? 'required' : 'optional';
}

/** Why a skip is refused: `required` (SEV-1/2), `reason_missing`; null when it may be skipped. */
export type SkipProblem = 'required' | 'reason_missing';

/** Checks a request to skip the review of an incident that reached `severity`. */
export function skipReasonProblem(severity: Severity | null, reason: string): SkipProblem | null {
  if (reviewRequirement(severity) === 'required') return 'required';
  return reason.trim() === '' ? 'reason_missing' : null;
}

/** The most severe level any classification gave the incident (null if never classified). */
export function highestSeverityReached(events: readonly TimelineEvent[]): Severity | null {
  let worst: Severity | null = null;
  for (const e of events) {
    if (e.type !== 'classified' && e.type !== 'reclassified') continue;
    const s = e.severity;
    if ((s === 1 || s === 2 || s === 3 || s === 4) && (worst === null || s < worst)) worst = s;
  }
  return worst;
}
