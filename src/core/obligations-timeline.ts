/**
 * Reading an incident timeline: its current severity, when that severity's clock started, and resolution.
 * Events may arrive in any order and may have edited times, so everything here sorts by `at` first.
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

/** Events with a usable time, oldest first; ties keep their recorded order (the sort is stable). */
export function sortedEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => Number.isFinite(e.at)).sort((a, b) => a.at - b.at);
}

const classifications = (sorted: TimelineEvent[]): (TimelineEvent & { severity: Severity })[] =>
  sorted.filter(
    (e): e is TimelineEvent & { severity: Severity } =>
      (e.type === 'classified' || e.type === 'reclassified') && isSeverity(e.severity),
  );

/** Every anchor of the incident in one pass over its timeline. */
export function incidentAnchors(events: readonly TimelineEvent[]): IncidentAnchors {
  const sorted = sortedEvents(events);
  let severity: Severity | null = null;
  let classifiedAt: number | null = null;
  for (const e of classifications(sorted)) {
    if (e.severity !== severity) {
      severity = e.severity;
      classifiedAt = e.at;
    }
  }
  const resolved = sorted.filter((e) => e.type === 'resolved');
  return {
    declaredAt: sorted.find((e) => e.type === 'declared')?.at ?? null,
    severity,
    classifiedAt,
    resolvedAt: resolved.length ? (resolved[resolved.length - 1]?.at ?? null) : null,
  };
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
