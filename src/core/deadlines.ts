/**
 * The running deadlines of an open incident, kept beside its record so a list shows each
 * incident's next deadline without reading its timeline (issue 22).
 *
 * Why this is safe to store: for an open incident, which deadlines run and when each falls due
 * depend on the timeline, the policy and the incident's answers, never on the time of reading;
 * only their state does (overdue, due soon, upcoming), and that is decided when read, against the
 * `now` passed in. A deadline met or made not applicable takes a new event or a changed record, and
 * either one recomputes what is stored.
 */
import { clockState } from './obligations-carry';
import { nextDeadline } from './obligations';
import type { ObligationState, ObligationStatus } from './types';

/** A deadline still counting down, without its state (decided at read time). */
export type RunningDeadline = Omit<ObligationStatus, 'state' | 'dueAt'> & { dueAt: number };

const RUNNING: readonly ObligationState[] = ['overdue', 'due_soon', 'upcoming'];

/**
 * The deadlines of `statuses` (computeObligations of an OPEN incident) that count down: the ones
 * `nextDeadline` may pick at any later time.
 */
export function runningDeadlines(statuses: readonly ObligationStatus[]): RunningDeadline[] {
  return statuses.flatMap((s) => {
    if (s.dueAt === null || !RUNNING.includes(s.state)) return [];
    const { state: _state, dueAt, ...rest } = s;
    return [{ ...rest, dueAt }];
  });
}

/**
 * The deadline to act on next at `now`, from stored running deadlines: the same answer as
 * `nextDeadline(computeObligations(incident, policy, now))` for an open incident whose timeline
 * has not changed since they were computed.
 */
export function nextRunningDeadline(
  deadlines: readonly RunningDeadline[],
  now: number,
  dueSoonMinutes: number,
): ObligationStatus | null {
  return nextDeadline(deadlinesAt(deadlines, now, dueSoonMinutes));
}

/**
 * Stored running deadlines with their states at `now`: for an open incident whose timeline has not
 * changed since they were computed, exactly the overdue, due-soon and upcoming rows (in policy
 * order) of `computeObligations(incident, policy, now)`, which is all a due notice looks at.
 */
export function deadlinesAt(
  deadlines: readonly RunningDeadline[],
  now: number,
  dueSoonMinutes: number,
): ObligationStatus[] {
  const soonMs = dueSoonMinutes * 60_000;
  return deadlines.map((d) => ({ ...d, state: clockState(d.dueAt, now, soonMs) }));
}
