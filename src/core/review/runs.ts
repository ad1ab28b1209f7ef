/**
 * An incident's severity runs: the stretches of its timeline spent at one severity, each with the
 * level of the policy that applied. The compliance report judges every duty against the run (or
 * runs) it applied in, the way the live countdowns did.
 */
import { levelFor } from '../policy';
import type { ObligationRule, Policy, Severity, SeverityLevel, TimelineEvent } from '../types';

/** One stretch at one severity: from its classification to the next change, resolution or now. */
export interface SeverityRun {
  severity: Severity;
  level: SeverityLevel;
  from: number;
  /** Exclusive for a run a reclassification ended; the resolution (or now) for the last. */
  end: number;
  last: boolean;
}

const isSeverity = (s: unknown): s is Severity => s === 1 || s === 2 || s === 3 || s === 4;

/**
 * The runs in time order (classifications ordered by time, ties in recorded order). Re-confirming
 * the same severity continues the run, as it does not restart the live clock. Classifications
 * after the end (resolution, or now while open) are ignored.
 */
export function severityRuns(
  events: readonly TimelineEvent[],
  policy: Policy,
  resolvedAt: number | null,
  now: number,
): SeverityRun[] {
  // Nothing is judged past `now`, even on a timeline whose resolution was entered ahead of it.
  const end = Math.min(resolvedAt ?? now, now);
  const marks = events
    .map((e, i) => ({ e, i }))
    .filter(
      ({ e }) =>
        (e.type === 'classified' || e.type === 'reclassified') &&
        isSeverity(e.severity) &&
        Number.isFinite(e.at) &&
        e.at <= end,
    )
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const runs: SeverityRun[] = [];
  for (const { e } of marks) {
    const sev = e.severity as Severity;
    const prev = runs[runs.length - 1];
    if (prev?.severity === sev) continue;
    if (prev) prev.end = e.at;
    runs.push({ severity: sev, level: levelFor(policy, sev), from: e.at, end, last: false });
  }
  const last = runs[runs.length - 1];
  if (last) last.last = true;
  return runs;
}

/** The most severe level the incident reached (SEV-1 is the most severe); null if never classified. */
export function highestSeverity(runs: readonly SeverityRun[]): Severity | null {
  return runs.reduce<Severity | null>(
    (m, r) => (m === null || r.severity < m ? r.severity : m),
    null,
  );
}

/** True when `e` meets `rule`: one of its event types, or "marked done" with its id. */
export function meets(rule: ObligationRule, e: TimelineEvent): boolean {
  return rule.metBy.includes(e.type) || (e.type === 'obligation_met' && e.obligationId === rule.id);
}

/** The times of the events that meet `rule`, in order (unusable times skipped). */
export function meetingTimes(
  rule: ObligationRule,
  events: readonly TimelineEvent[],
): { at: number; promise?: number }[] {
  return events
    .filter((e) => Number.isFinite(e.at) && meets(rule, e))
    .map((e) =>
      e.nextUpdateAt === undefined ? { at: e.at } : { at: e.at, promise: e.nextUpdateAt },
    )
    .sort((a, b) => a.at - b.at);
}
