import { computeObligations, currentSeverity } from '../../../core/obligations';
import { levelFor } from '../../../core/policy';
import type { ObligationRule, ObligationStatus, Policy, TimelineEvent } from '../../../core/types';
import { fromLocalInput } from '../../ui/datetime-input';

/** One checklist row: the core's status plus what the view can do with it. */
export interface ObligationRow extends ObligationStatus {
  /** Stable key (recurring duties repeat their rule id). */
  key: string;
  /**
   * Not met yet and still live: "Mark done" is offered; except for a duty met by publishing the
   * review (the post-mortem), which only the published review meets.
   */
  canMarkDone: boolean;
  /** The event that met it (the latest one for a recurring duty), whose time can be edited. */
  metEvent?: TimelineEvent;
}

const LIVE = new Set(['upcoming', 'due_soon', 'overdue', 'standing']);

const meets = (rule: ObligationRule, e: TimelineEvent): boolean =>
  rule.metBy.includes(e.type) || (e.type === 'obligation_met' && e.obligationId === rule.id);

/** The checklist of an incident at `now`, in policy order. Empty until the incident is classified. */
export function obligationRows(
  input: { events: readonly TimelineEvent[]; publiclyVisible?: boolean; commonlyUsed?: boolean },
  policy: Policy,
  now: number,
): ObligationRow[] {
  const statuses = computeObligations(input, policy, now);
  const severity = currentSeverity(input.events);
  if (severity === null) return [];
  const rules = new Map(levelFor(policy, severity).obligations.map((r) => [r.id, r]));
  return statuses.map((s) => {
    const rule = rules.get(s.ruleId);
    const metAt = s.metAt ?? s.lastMetAt;
    const metEvent =
      rule && metAt !== undefined
        ? input.events.find((e) => e.at === metAt && meets(rule, e) && !e.id.startsWith('feed:'))
        : undefined;
    return {
      ...s,
      key: `${s.ruleId}|${s.occurrence ?? 0}`,
      canMarkDone: LIVE.has(s.state) && !rule?.metBy.includes('review_published'),
      ...(metEvent ? { metEvent } : {}),
    };
  });
}

/** Validates an edit of an event time: a valid time, not in the future, and a reason. */
export function validateTimeEdit(
  value: string,
  reason: string,
  now: number,
): { ok: true; at: number; reason: string } | { ok: false; error: string } {
  const at = fromLocalInput(value);
  if (at === null) return { ok: false, error: 'edit_err_time' };
  if (at > now + 60_000) return { ok: false, error: 'edit_err_future' };
  if (reason.trim() === '') return { ok: false, error: 'edit_err_reason' };
  return { ok: true, at, reason: reason.trim() };
}
