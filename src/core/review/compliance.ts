/**
 * Communication compliance, from the incident's own timeline: for every duty of its policy, when
 * it was due, when it was met, how late, or that it was missed; and the update cadence as
 * "N of M updates on time". Nothing here is typed by a person, so the review cannot flatter.
 *
 * Rules (tested in compliance.test.ts), consistent with the live obligation engine:
 * - A one-off duty is met by the earliest event that meets it anywhere in the timeline.
 * - A reclassification replaces a deadline still running with the new level's clock (from the
 *   reclassification); a deadline that had already passed unmet stays, so a downgrade never
 *   forgives a miss. A duty the new level lacks stops applying if its deadline had not passed.
 * - One-off deadlines outlive resolution (a missed executive notice stays missed); the post-mortem
 *   runs from the latest resolution, with the level in force then.
 * - An `onlyIf` duty applies unless the incident is known not to have the property.
 */
import type { Channel, ObligationRule, Policy, Severity } from '../types';
import type { ObligationIncident } from '../obligations';
import { incidentAnchors } from '../obligations-timeline';
import { cadenceCompliance, isCadence, type CadenceCompliance } from './cadence';
import { highestSeverity, meetingTimes, severityRuns, type SeverityRun } from './runs';

export type { CadenceCompliance, CadenceSlot } from './cadence';

const MINUTE = 60_000;

/**
 * `pending`: due later than now. `standing`: a duty without a deadline, still open.
 * `not_applicable`: it never came due (its condition is false, or the level changed first).
 */
export type DutyOutcome = 'met' | 'late' | 'missed' | 'pending' | 'standing' | 'not_applicable';

export interface DutyCompliance {
  ruleId: string;
  label: string;
  channel: Channel;
  /** The severity whose deadline the duty was held to (null when none applied). */
  severity: Severity | null;
  outcome: DutyOutcome;
  /** What the deadline ran from: a classification, or the resolution. */
  anchorAt: number | null;
  dueAt: number | null;
  metAt?: number;
  /** `metAt - dueAt`, for a late duty. */
  lateMs?: number;
}

export interface ComplianceReport {
  /** Severity at the end (or now). */
  severity: Severity | null;
  /** The most severe level reached. */
  highestSeverity: Severity | null;
  /** The first classification: what the report's month is counted by. */
  classifiedAt: number | null;
  declaredAt: number | null;
  resolvedAt: number | null;
  duties: DutyCompliance[];
  cadences: CadenceCompliance[];
}

function applies(rule: ObligationRule | undefined, incident: ObligationIncident): boolean {
  if (!rule) return false;
  if (rule.onlyIf === 'publicly_visible') return incident.publiclyVisible !== false;
  if (rule.onlyIf === 'commonly_used') return incident.commonlyUsed !== false;
  return true;
}

function ruleIn(run: SeverityRun, id: string): ObligationRule | undefined {
  return run.level.obligations.find((o) => o.id === id);
}

/** Met, late, missed or pending against the deadline; with none, met if done, else not applicable. */
function judge(base: Omit<DutyCompliance, 'outcome'>, now: number): DutyCompliance {
  const { metAt, dueAt } = base;
  if (dueAt === null) return { ...base, outcome: metAt !== undefined ? 'met' : 'not_applicable' };
  if (metAt !== undefined) {
    return metAt <= dueAt
      ? { ...base, outcome: 'met' }
      : { ...base, outcome: 'late', lateMs: metAt - dueAt };
  }
  return { ...base, outcome: dueAt < now ? 'missed' : 'pending' };
}

/** A one-off duty anchored on classification, judged across the runs (see the module comment). */
function oneOff(
  id: string,
  runs: readonly SeverityRun[],
  incident: ObligationIncident,
  now: number,
): DutyCompliance {
  let rule = runs.map((r) => ruleIn(r, id)).find((r) => r !== undefined) as ObligationRule;
  const metAt = meetingTimes(rule, incident.events)[0]?.at;
  let dueAt: number | null = null;
  let anchorAt: number | null = null;
  let severity: Severity | null = null;
  for (const run of runs) {
    const here = ruleIn(run, id);
    const live = applies(here, incident) ? here : undefined;
    if (dueAt !== null && dueAt < run.from) break; // passed before this run: stays as it was
    if (metAt !== undefined && metAt <= run.from) {
      // Done before this run: judged by the deadline that applied, or on time if none had yet.
      if (dueAt === null && live) {
        rule = live;
        [anchorAt, dueAt, severity] = [run.from, run.from + live.dueMinutes * MINUTE, run.severity];
      }
      break;
    }
    if (live) {
      rule = live;
      [anchorAt, dueAt, severity] = [run.from, run.from + live.dueMinutes * MINUTE, run.severity];
    } else {
      [anchorAt, dueAt, severity] = [null, null, null];
    }
  }
  const base = { ruleId: id, label: rule.label, channel: rule.channel, severity, anchorAt, dueAt };
  return judge(metAt === undefined ? base : { ...base, metAt }, now);
}

/**
 * The compliance of every duty the incident's policy gave it, and of its update cadence, at `now`.
 * Duties are listed in the order of the final level, then any an earlier level alone had.
 */
export function communicationCompliance(
  incident: ObligationIncident,
  policy: Policy,
  now: number,
): ComplianceReport {
  const { events } = incident;
  const anchors = incidentAnchors(events);
  const runs = severityRuns(events, policy, anchors.resolvedAt, now);
  const ids: string[] = [];
  for (const run of [...runs].reverse())
    for (const o of run.level.obligations) if (!ids.includes(o.id)) ids.push(o.id);
  const duties: DutyCompliance[] = [];
  const cadences: CadenceCompliance[] = [];
  const open = anchors.resolvedAt === null;
  const final = runs[runs.length - 1];
  for (const id of ids) {
    const rule = runs.map((r) => ruleIn(r, id)).find((r) => r !== undefined) as ObligationRule;
    if (isCadence(rule)) {
      const c = cadenceCompliance(id, runs, events);
      if (c) cadences.push(c);
    } else if (rule.standing) {
      const where = runs.find((r) => applies(ruleIn(r, id), incident));
      const metAt = meetingTimes(rule, events)[0]?.at;
      const base = {
        ruleId: id,
        label: rule.label,
        channel: rule.channel,
        severity: where?.severity ?? null,
        anchorAt: where?.from ?? null,
        dueAt: null,
      };
      // Never met while open: a miss at resolution (as the live engine says), not "not applicable".
      const outcome: DutyOutcome =
        metAt !== undefined ? 'met' : !where ? 'not_applicable' : open ? 'standing' : 'missed';
      duties.push(metAt === undefined ? { ...base, outcome } : { ...base, metAt, outcome });
    } else if (rule.anchor === 'resolved') {
      const here = final ? ruleIn(final, id) : undefined;
      if (!here) continue; // the level in force at the end does not ask for it
      const metAt = meetingTimes(here, events)[0]?.at;
      const anchorAt = anchors.resolvedAt;
      const dueAt = anchorAt === null ? null : anchorAt + here.dueMinutes * MINUTE;
      const base = {
        ruleId: id,
        label: here.label,
        channel: here.channel,
        severity: final?.severity ?? null,
        anchorAt,
        dueAt,
      };
      const d = judge(metAt === undefined ? base : { ...base, metAt }, now);
      duties.push(dueAt === null && metAt === undefined ? { ...d, outcome: 'pending' } : d);
    } else {
      duties.push(oneOff(id, runs, incident, now));
    }
  }
  return {
    severity: final?.severity ?? null,
    highestSeverity: highestSeverity(runs),
    classifiedAt: runs[0]?.from ?? null,
    declaredAt: anchors.declaredAt,
    resolvedAt: anchors.resolvedAt,
    duties,
    cadences,
  };
}
