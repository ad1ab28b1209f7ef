/**
 * Incident timeline + policy + now → every obligation of the current severity with its deadline and state.
 *
 * Rules the domain leaves open, decided here (and tested in obligations.test.ts):
 * - Deadlines run from the classification that set the current severity; a reclassification to another
 *   severity restarts them from that moment with the new level's numbers, with two exceptions: a duty
 *   already overdue when the severity changed stays owed against its old deadline (`fromSeverity`), and
 *   a next update time promised to customers always holds (see `obligations-carry.ts`).
 * - A duty due "now" (0 minutes) is due within the due-soon window, so it is not overdue the moment
 *   the incident is classified.
 * - A one-off duty is met by the earliest matching event anywhere in this incident's timeline, even one
 *   recorded before a reclassification or before the classification itself (done early is done).
 * - Recurring duties count only posts made at or after the current severity's anchor: a reclassification
 *   restarts the cadence, and the first occurrence is due `dueMinutes` after it.
 * - Resolution ends recurring and standing duties. A one-off duty not done by then is `missed` if its
 *   deadline had passed (kept for the review) and `not_applicable` if it had not; neither alerts any more.
 *   The post-mortem clock starts at the latest `resolved` event.
 * - An `onlyIf` property that is not answered is assumed true (the safer side), and the status says so.
 * - Exactly at the deadline is still on time; exactly `dueSoonMinutes` before it is already "due soon".
 */
import { levelFor } from './policy';
import { incidentAnchors } from './obligations-timeline';
import {
  carryOver,
  clockState,
  outstandingPromise,
  promiseStatus,
  type Promised,
} from './obligations-carry';
import type {
  ObligationIncident,
  ObligationRule,
  ObligationState,
  ObligationStatus,
  Policy,
  SeverityLevel,
} from './types';

export { currentSeverity, incidentAnchors, isResolved } from './obligations-timeline';
export type { IncidentAnchors } from './obligations-timeline';

export type { ObligationIncident } from './types';

const MINUTE = 60_000;

const CONDITION = {
  publicly_visible: { key: 'publiclyVisible', words: 'the incident is publicly visible' },
  commonly_used: { key: 'commonlyUsed', words: 'the affected feature is commonly used' },
} as const;

/** True for both on-time and late completion: the duty was done. */
export function isMetState(state: ObligationState): boolean {
  return state === 'met' || state === 'met_late';
}

/**
 * A level's rules indexed for one pass over a timeline: which rules an event type meets (`metBy`) and which
 * an `obligation_met` event with a given id meets. Built once per level and cached (see `indexFor`).
 */
interface LevelIndex {
  /**
   * The rules as they were when indexed (identity), so a level whose rule list was replaced or edited is
   * re-indexed; rules themselves are treated as immutable (a changed policy is a new object).
   */
  rules: readonly ObligationRule[];
  byType: Map<string, number[]>;
  byId: Map<string, number[]>;
}

const levelIndexes = new WeakMap<SeverityLevel, LevelIndex>();

function buildIndex(rules: readonly ObligationRule[]): LevelIndex {
  const byType = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  rules.forEach((rule, i) => {
    for (const type of rule.metBy) add(byType, type, i);
    add(byId, rule.id, i);
  });
  return { rules: rules.slice(), byType, byId };
}

function indexFor(level: SeverityLevel): LevelIndex {
  const rules = level.obligations;
  const cached = levelIndexes.get(level);
  if (
    cached &&
    cached.rules.length === rules.length &&
    cached.rules.every((r, i) => r === rules[i])
  )
    return cached;
  const index = buildIndex(rules);
  levelIndexes.set(level, index);
  return index;
}

/** What one rule needs from the timeline, gathered for every rule of the level in one pass. */
interface RuleFacts {
  /** Earliest time of an event that meets the rule (anywhere in the timeline). */
  firstMet: number | undefined;
  /** Meeting events under the current severity and up to resolution (for recurring duties). */
  posts: number;
  /** The latest of those. */
  lastPost: number | undefined;
  /** The next update time the latest post promised, if it named one. */
  promised: number | undefined;
}

interface Context {
  incident: ObligationIncident;
  classifiedAt: number;
  resolvedAt: number | null;
  now: number;
  soonMs: number;
  /** The next update time the latest status-page post promised, if it still stands. */
  promise: Promised | null;
}

function statusFor(rule: ObligationRule, facts: RuleFacts, ctx: Context): ObligationStatus {
  const { firstMet } = facts;
  const status = (
    state: ObligationState,
    anchorAt: number | null,
    dueAt: number | null,
  ): ObligationStatus => ({
    ruleId: rule.id,
    label: rule.label,
    channel: rule.channel,
    state,
    anchorAt,
    dueAt,
  });
  let known: string | undefined;
  if (rule.onlyIf) {
    const { key, words } = CONDITION[rule.onlyIf];
    const answer = ctx.incident[key];
    if (answer === false) {
      // Done anyway (e.g. before a downgrade made it conditional): a fact stays a fact.
      if (firstMet !== undefined) {
        const s = status('met', null, null);
        s.metAt = firstMet;
        s.note = `Applies only if ${words}; it is not, but it was done.`;
        return s;
      }
      const s = status('not_applicable', null, null);
      s.note = `Applies only if ${words}; it is not.`;
      return s;
    }
    if (answer === undefined) known = `Not known whether ${words}; assumed it is.`;
  }
  const withNote = (s: ObligationStatus, extra?: string): ObligationStatus => {
    const note = known === undefined ? extra : extra === undefined ? known : `${known} ${extra}`;
    if (note !== undefined) s.note = note;
    if (known !== undefined && rule.onlyIf) s.onlyIf = rule.onlyIf;
    return s;
  };
  const { resolvedAt, classifiedAt } = ctx;

  if (rule.standing) {
    if (firstMet !== undefined) {
      const s = status('met', classifiedAt, null);
      s.metAt = firstMet;
      return withNote(s);
    }
    // Never met while open: at resolution it is a miss, not a duty that no longer applies.
    if (resolvedAt !== null)
      return withNote(status('missed', classifiedAt, null), 'Not done before resolution.');
    return withNote(status('standing', classifiedAt, null));
  }

  if (rule.repeatEveryMinutes !== undefined && rule.anchor === 'classified') {
    // Only posts under the current severity count, and only up to resolution (see module comment).
    const last = facts.lastPost;
    const anchorAt = last ?? classifiedAt;
    // A post that promised its next update sooner than the cadence is held to that promise.
    if (resolvedAt !== null) {
      const s = status('not_applicable', anchorAt, null);
      s.occurrence = facts.posts;
      if (last !== undefined) s.lastMetAt = last;
      return withNote(s, 'Ended at resolution.');
    }
    let dueAt =
      last === undefined
        ? classifiedAt + rule.dueMinutes * MINUTE
        : Math.min(last + rule.repeatEveryMinutes * MINUTE, facts.promised ?? Infinity);
    let from = anchorAt;
    // No post since the severity changed: a promise made before the change still holds.
    if (last === undefined && ctx.promise && ctx.promise.dueAt < dueAt) {
      dueAt = ctx.promise.dueAt;
      from = ctx.promise.postAt;
    }
    const s = status(clockState(dueAt, ctx.now, ctx.soonMs), from, dueAt);
    s.occurrence = facts.posts + 1;
    s.everyMinutes = rule.repeatEveryMinutes;
    if (last !== undefined) s.lastMetAt = last;
    return withNote(s);
  }

  const anchorAt = rule.anchor === 'resolved' ? resolvedAt : classifiedAt;
  if (anchorAt === null) {
    // Anchored on resolution, which has not happened: no clock yet, but it may already be done.
    if (firstMet !== undefined) {
      const s = status('met', anchorAt, null);
      s.metAt = firstMet;
      return withNote(s);
    }
    return withNote(status('upcoming', anchorAt, null), 'Starts when resolved.');
  }
  // "Now" means within the due-soon window: not overdue a moment after classification.
  const immediate = rule.dueMinutes === 0 && rule.anchor === 'classified' ? ctx.soonMs : 0;
  const dueAt = anchorAt + rule.dueMinutes * MINUTE + immediate;
  if (firstMet !== undefined) {
    const s = status(firstMet <= dueAt ? 'met' : 'met_late', anchorAt, dueAt);
    s.metAt = firstMet;
    return withNote(s);
  }
  if (rule.anchor === 'classified' && resolvedAt !== null) {
    // The incident is over: nothing here alerts any more; a deadline already missed stays a miss.
    return dueAt < resolvedAt
      ? withNote(status('missed', anchorAt, dueAt), 'Not done before resolution.')
      : withNote(status('not_applicable', anchorAt, dueAt), 'Resolved before it was due.');
  }
  return withNote(status(clockState(dueAt, ctx.now, ctx.soonMs), anchorAt, dueAt));
}

/**
 * Every obligation of the incident's current severity, in policy order, with its deadline and its state at
 * `now` (epoch ms). An incident that was never classified has no obligations yet: `[]`.
 *
 * Two passes over the timeline and no sort: one for the anchors, one that records for every rule of the
 * level its earliest meeting event and its posts under the current severity (through the level's cached
 * type → rules index), so the cost is O(events + rules) per incident.
 */
export function computeObligations(
  incident: ObligationIncident,
  policy: Policy,
  now: number,
): ObligationStatus[] {
  const { events } = incident;
  const anchors = incidentAnchors(events);
  const { severity, classifiedAt, resolvedAt } = anchors;
  if (severity === null || classifiedAt === null) return [];
  const level = levelFor(policy, severity);
  const { rules, byType, byId } = indexFor(level);
  const facts: RuleFacts[] = new Array<RuleFacts>(rules.length);
  for (let r = 0; r < rules.length; r++)
    facts[r] = { firstMet: undefined, posts: 0, lastPost: undefined, promised: undefined };
  const note = (r: number, t: number, inWindow: boolean, promise?: number): void => {
    const f = facts[r]!;
    if (f.firstMet === undefined || t < f.firstMet) f.firstMet = t;
    if (inWindow) {
      f.posts++;
      if (f.lastPost === undefined || t > f.lastPost) {
        f.lastPost = t;
        f.promised =
          promise !== undefined && Number.isFinite(promise) && promise > t ? promise : undefined;
      }
    }
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const t = e.at;
    if (!Number.isFinite(t)) continue;
    const byItsType = byType.get(e.type);
    const byItsId =
      e.type === 'obligation_met' && e.obligationId !== undefined
        ? byId.get(e.obligationId)
        : undefined;
    if (byItsType === undefined && byItsId === undefined) continue;
    const inWindow = t >= classifiedAt && (resolvedAt === null || t <= resolvedAt);
    if (byItsType !== undefined) for (const r of byItsType) note(r, t, inWindow, e.nextUpdateAt);
    // A rule met both ways by the same event counts it once.
    if (byItsId !== undefined)
      for (const r of byItsId)
        if (byItsType === undefined || !byItsType.includes(r)) note(r, t, inWindow);
  }
  const ctx: Context = {
    incident,
    classifiedAt,
    resolvedAt,
    now,
    soonMs: policy.dueSoonMinutes * MINUTE,
    promise: outstandingPromise(events, resolvedAt),
  };
  const out: ObligationStatus[] = new Array<ObligationStatus>(rules.length);
  for (let r = 0; r < rules.length; r++) out[r] = statusFor(rules[r]!, facts[r]!, ctx);
  // A level without an update cadence (SEV-3, SEV-4) still owes customers the update it promised.
  const hasCadence = rules.some(
    (r) => r.repeatEveryMinutes !== undefined && r.channel === 'status_page',
  );
  const promised = hasCadence ? null : promiseStatus(ctx.promise, resolvedAt, now, ctx.soonMs);
  if (promised) out.push(promised);
  return carryOver(out, { incident, policy, classifiedAt, resolvedAt, now }, computeObligations);
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
