/**
 * Reading an incident timeline: its current severity, when that severity's clock started, and resolution.
 * Events may arrive in any order and may have edited times, so everything here reads by `at`, not by array
 * position (only classifications need an order; see `incidentAnchors`).
 */
import type { Severity, TimelineEvent } from './types';

/** The moments an incident's deadlines are measured from. `null` = has not happened. */
export interface IncidentAnchors {
  /** Earliest `declared` event. */
  declaredAt: number | null;
  /** Severity set by the latest classification / reclassification. */
  severity: Severity | null;
  /**
   * When the current severity was set: the first classification of the latest run at that severity, so
   * re-confirming the same severity does not restart the clock, while a change of severity does.
   */
  classifiedAt: number | null;
  /** Latest `resolved` event (re-resolving after an edit moves the post-mortem clock). */
  resolvedAt: number | null;
}

const isSeverity = (s: unknown): s is Severity => s === 1 || s === 2 || s === 3 || s === 4;

/**
 * Every anchor of the incident in one pass over its timeline, without sorting it: the earliest `declared`
 * and the latest `resolved` only need their times; classifications are the one thing read in time order
 * (ties in recorded order), and there are few of them, so only they are ordered.
 */
export function incidentAnchors(events: readonly TimelineEvent[]): IncidentAnchors {
  let declaredAt: number | null = null;
  let resolvedAt: number | null = null;
  // Classifications with a valid severity, kept in time order as they are found (stable insertion).
  let classAt: number[] | null = null;
  let classSev: Severity[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const t = e.at;
    if (!Number.isFinite(t)) continue;
    switch (e.type) {
      case 'declared':
        if (declaredAt === null || t < declaredAt) declaredAt = t;
        break;
      case 'resolved':
        if (resolvedAt === null || t > resolvedAt) resolvedAt = t;
        break;
      case 'classified':
      case 'reclassified': {
        const sev = e.severity;
        if (!isSeverity(sev)) break;
        if (classAt === null || classSev === null) {
          classAt = [t];
          classSev = [sev];
          break;
        }
        // After every earlier-or-equal time: equal times keep their recorded order.
        let j = classAt.length;
        while (j > 0 && classAt[j - 1]! > t) j--;
        classAt.splice(j, 0, t);
        classSev.splice(j, 0, sev);
        break;
      }
      // Listed, not defaulted, so a new event type must be placed here (switch-exhaustiveness-check).
      case 'banner_shown':
      case 'bridge_opened':
      case 'bug_logged':
      case 'customers_notified':
      case 'engineer_assigned':
      case 'execs_notified':
      case 'meeting_held':
      case 'mitigated':
      case 'note':
      case 'obligation_met':
      case 'review_published':
      case 'status_page_posted':
      case 'update_posted':
        break;
    }
  }
  let severity: Severity | null = null;
  let classifiedAt: number | null = null;
  if (classAt !== null && classSev !== null) {
    for (let i = 0; i < classAt.length; i++) {
      if (classSev[i] !== severity) {
        severity = classSev[i]!;
        classifiedAt = classAt[i]!;
      }
    }
  }
  return { declaredAt, severity, classifiedAt, resolvedAt };
}

/** Severity of the latest classification or reclassification (by time); null if never classified. */
export function currentSeverity(events: readonly TimelineEvent[]): Severity | null {
  return incidentAnchors(events).severity;
}

/**
 * True once the timeline holds a `resolved` event. Reopening is not modelled: a later problem is a new
 * incident, which keeps the post-mortem clock of this one honest.
 */
export function isResolved(events: readonly TimelineEvent[]): boolean {
  return events.some((e) => e.type === 'resolved' && Number.isFinite(e.at));
}
