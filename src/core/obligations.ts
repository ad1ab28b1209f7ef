/**
 * Incident timeline + policy + now → every obligation of the current severity with its deadline and state.
 *
 * Rules the domain leaves open, decided here (and tested in obligations.test.ts):
 * - Deadlines run from the classification that set the current severity; a reclassification to another
 *   severity restarts them from that moment with the new level's numbers.
 * - A one-off duty is met by the earliest matching event anywhere in this incident's timeline, even one
 *   recorded before a reclassification or before the classification itself (done early is done).
 * - Recurring duties count only posts made at or after the current severity's anchor: a reclassification
 *   restarts the cadence, and the first occurrence is due `dueMinutes` after it.
 * - Resolution ends recurring and standing duties; one-off duties keep their deadlines (a missed executive
 *   notice stays missed) and the post-mortem clock starts at the latest `resolved` event.
 * - An `onlyIf` property that is not answered is assumed true (the safer side), and the status says so.
 * - Exactly at the deadline is still on time; exactly `dueSoonMinutes` before it is already "due soon".
 */
import { levelFor } from './policy';
import { incidentAnchors, sortedEvents, type IncidentAnchors } from './obligations-timeline';
import type {
  ObligationRule,
  ObligationState,
  ObligationStatus,
  Policy,
  TimelineEvent,
} from './types';

export { currentSeverity, incidentAnchors, isResolved } from './obligations-timeline';
export type { IncidentAnchors } from './obligations-timeline';

/** What the obligation engine needs to know about an incident. */
export interface ObligationIncident {
  events: readonly TimelineEvent[];
  /** Unanswered (`undefined`) counts as visible: obligations that depend on it still apply. */
  publiclyVisible?: boolean;
  /** Unanswered (`undefined`) counts as commonly used. */
  commonlyUsed?: boolean;
}

const MINUTE = 60_000;

interface Context {
  incident: ObligationIncident;
  sorted: TimelineEvent[];
  anchors: IncidentAnchors & { classifiedAt: number };
  now: number;
  soonMs: number;
}

const CONDITION = {
  publicly_visible: { key: 'publiclyVisible', words: 'the incident is publicly visible' },
  commonly_used: { key: 'commonlyUsed', words: 'the affected feature is commonly used' },
} as const;

/** True for both on-time and late completion: the duty was done. */
export function isMetState(state: ObligationState): boolean {
  return state === 'met' || state === 'met_late';
}

/** Where a live deadline stands at `now`. */
function clockState(dueAt: number, now: number, soonMs: number): ObligationState {
  if (now > dueAt) return 'overdue';
  return dueAt - now <= soonMs ? 'due_soon' : 'upcoming';
}

const meetsRule = (rule: ObligationRule, e: TimelineEvent): boolean =>
  rule.metBy.includes(e.type) || (e.type === 'obligation_met' && e.obligationId === rule.id);

function statusFor(rule: ObligationRule, ctx: Context): ObligationStatus {
  const base = { ruleId: rule.id, label: rule.label, channel: rule.channel };
  const { anchors } = ctx;
  const notes: string[] = [];
  const meets = ctx.sorted.filter((e) => meetsRule(rule, e));
  const firstMet = meets[0]?.at;
  if (rule.onlyIf) {
    const { key, words } = CONDITION[rule.onlyIf];
    const answer = ctx.incident[key];
    if (answer === false) {
      // Done anyway (e.g. before a downgrade made it conditional): a fact stays a fact.
      if (firstMet !== undefined) {
        const note = `Applies only if ${words}; it is not, but it was done.`;
        return { ...base, state: 'met', anchorAt: null, dueAt: null, metAt: firstMet, note };
      }
      const note = `Applies only if ${words}; it is not.`;
      return { ...base, state: 'not_applicable', anchorAt: null, dueAt: null, note };
    }
    if (answer === undefined) notes.push(`Not known whether ${words}; assumed it is.`);
  }
  const note = (extra?: string): { note?: string } => {
    const all = extra ? [...notes, extra] : notes;
    return all.length ? { note: all.join(' ') } : {};
  };
  const resolvedAt = anchors.resolvedAt;

  if (rule.standing) {
    const anchorAt = anchors.classifiedAt;
    if (firstMet !== undefined)
      return { ...base, state: 'met', anchorAt, dueAt: null, metAt: firstMet, ...note() };
    if (resolvedAt !== null) {
      return {
        ...base,
        state: 'not_applicable',
        anchorAt,
        dueAt: null,
        ...note('Ended at resolution.'),
      };
    }
    return { ...base, state: 'standing', anchorAt, dueAt: null, ...note() };
  }

  if (rule.repeatEveryMinutes !== undefined && rule.anchor === 'classified') {
    // Only posts under the current severity count, and only up to resolution (see module comment).
    const posts = meets.filter(
      (e) => e.at >= anchors.classifiedAt && (resolvedAt === null || e.at <= resolvedAt),
    );
    const last = posts[posts.length - 1]?.at;
    const lastMet = last === undefined ? {} : { lastMetAt: last };
    const anchorAt = last ?? anchors.classifiedAt;
    if (resolvedAt !== null) {
      return {
        ...base,
        state: 'not_applicable',
        anchorAt,
        dueAt: null,
        occurrence: posts.length,
        ...lastMet,
        ...note('Ended at resolution.'),
      };
    }
    const dueAt =
      last === undefined
        ? anchors.classifiedAt + rule.dueMinutes * MINUTE
        : last + rule.repeatEveryMinutes * MINUTE;
    const state = clockState(dueAt, ctx.now, ctx.soonMs);
    return { ...base, state, anchorAt, dueAt, occurrence: posts.length + 1, ...lastMet, ...note() };
  }

  const anchorAt = rule.anchor === 'resolved' ? resolvedAt : anchors.classifiedAt;
  if (anchorAt === null) {
    // Anchored on resolution, which has not happened: no clock yet, but it may already be done.
    if (firstMet !== undefined)
      return { ...base, state: 'met', anchorAt, dueAt: null, metAt: firstMet, ...note() };
    return { ...base, state: 'upcoming', anchorAt, dueAt: null, ...note('Starts when resolved.') };
  }
  const dueAt = anchorAt + rule.dueMinutes * MINUTE;
  if (firstMet !== undefined) {
    const state = firstMet <= dueAt ? 'met' : 'met_late';
    return { ...base, state, anchorAt, dueAt, metAt: firstMet, ...note() };
  }
  return { ...base, state: clockState(dueAt, ctx.now, ctx.soonMs), anchorAt, dueAt, ...note() };
}

/**
 * Every obligation of the incident's current severity, in policy order, with its deadline and its state at
 * `now` (epoch ms). An incident that was never classified has no obligations yet: `[]`.
 */
export function computeObligations(
  incident: ObligationIncident,
  policy: Policy,
  now: number,
): ObligationStatus[] {
  const sorted = sortedEvents(incident.events);
  const anchors = incidentAnchors(sorted);
  if (anchors.severity === null || anchors.classifiedAt === null) return [];
  const ctx: Context = {
    incident,
    sorted,
    anchors: { ...anchors, classifiedAt: anchors.classifiedAt },
    now,
    soonMs: policy.dueSoonMinutes * MINUTE,
  };
  return levelFor(policy, anchors.severity).obligations.map((rule) => statusFor(rule, ctx));
}

/**
 * The obligation to act on next: overdue ones first (the most overdue), then the soonest unmet deadline.
 * Met, standing, not-applicable and not-yet-started obligations never qualify. Null when nothing counts down.
 */
export function nextDeadline(statuses: readonly ObligationStatus[]): ObligationStatus | null {
  const counting = statuses.filter(
    (s): s is ObligationStatus & { dueAt: number } =>
      s.dueAt !== null &&
      (s.state === 'overdue' || s.state === 'due_soon' || s.state === 'upcoming'),
  );
  // States are computed against one `now`, so dueAt order already puts overdue first; ranking on the state
  // as well keeps that true even for statuses computed at different moments.
  const rank = (s: ObligationStatus): number => (s.state === 'overdue' ? 0 : 1);
  const sorted = counting.sort((a, b) => rank(a) - rank(b) || a.dueAt - b.dueAt);
  return sorted[0] ?? null;
}
