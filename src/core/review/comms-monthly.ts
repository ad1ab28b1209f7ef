/**
 * Monthly communication-SLA compliance per channel (status page, customers, executives, update
 * cadence), beside the action-item completion rate. It takes any set of compliance reports, so the
 * same computation serves one browser's incidents or a whole team's.
 *
 * Decisions: an incident counts in the month (in `timeZone`) of its first classification; a duty
 * counts once it is met, late or missed (pending and not-applicable ones are left out), and met
 * means on time; the cadence counts every update owed; the severity filter matches the most severe
 * level the incident reached, so an escalated incident shows under its worst severity.
 */
import { monthKey } from '../time';
import type { Channel, Severity } from '../types';
import type { MonthlyCompletion } from './actions';
import { monthKeys } from './actions';
import type { ComplianceReport } from './compliance';
import { percentCell, toCsv } from './csv';

export type CommsMetric = 'status_page' | 'customers' | 'executives' | 'cadence';

/** The metrics in the order the dashboard shows them. */
export const COMMS_METRICS: readonly CommsMetric[] = [
  'status_page',
  'customers',
  'executives',
  'cadence',
];

const DUTY_CHANNEL: Record<Exclude<CommsMetric, 'cadence'>, Channel> = {
  status_page: 'status_page',
  customers: 'customer_email',
  executives: 'exec',
};

export interface ChannelTally {
  due: number;
  onTime: number;
  /** `onTime / due`; null when nothing was due. */
  rate: number | null;
}

export interface MonthlyComms {
  /** `YYYY-MM`. */
  month: string;
  channels: Record<CommsMetric, ChannelTally>;
}

export interface CommsReportOptions {
  months?: number;
  timeZone?: string;
  /** Only incidents whose most severe level is one of these; all when absent or empty. */
  severities?: readonly Severity[];
}

/** Due and on-time counts per metric. */
export type CommsCounts = Record<CommsMetric, { due: number; onTime: number }>;

/** Zero counts for every metric. */
export const emptyCounts = (): CommsCounts => ({
  status_page: { due: 0, onTime: 0 },
  customers: { due: 0, onTime: 0 },
  executives: { due: 0, onTime: 0 },
  cadence: { due: 0, onTime: 0 },
});

/**
 * What one incident adds to the monthly report, small enough to store beside the incident (issue
 * 22: the dashboard reads these instead of every timeline of the year). Judged at the time it was
 * computed; a duty still pending then counts as due (missed) once a later `now` passes its deadline.
 */
export interface CommsTally {
  classifiedAt: number;
  highestSeverity: Severity;
  counts: Record<CommsMetric, { due: number; onTime: number }>;
  /** Duties pending when computed: each is a miss once `now` is past its `dueAt`. */
  pending: { metric: CommsMetric; dueAt: number }[];
  /**
   * An open incident's running update cadences (CadenceCompliance `next`): every `everyMs` from
   * `dueAt` that `now` has passed is one more update owed and missed. Absent once resolved.
   */
  tails?: { dueAt: number; everyMs: number }[];
}

/** The updates a tally's open cadences have missed by `now` since it was computed. */
export function tailMisses(t: Pick<CommsTally, 'tails'>, now: number): number {
  let n = 0;
  for (const { dueAt, everyMs } of t.tails ?? [])
    if (dueAt < now && everyMs > 0) n += Math.ceil((now - dueAt) / everyMs);
  return n;
}

/** One incident's tally from its compliance report; null when it was never classified. */
export function commsTally(r: ComplianceReport): CommsTally | null {
  if (r.classifiedAt === null || r.highestSeverity === null) return null;
  const counts = emptyCounts();
  const pending: CommsTally['pending'] = [];
  for (const [metric, channel] of Object.entries(DUTY_CHANNEL) as [CommsMetric, Channel][]) {
    for (const d of r.duties) {
      if (d.channel !== channel || d.dueAt === null) continue;
      if (d.outcome === 'pending') pending.push({ metric, dueAt: d.dueAt });
      if (d.outcome !== 'met' && d.outcome !== 'late' && d.outcome !== 'missed') continue;
      counts[metric].due += 1;
      if (d.outcome === 'met') counts[metric].onTime += 1;
    }
  }
  const tails: NonNullable<CommsTally['tails']> = [];
  for (const c of r.cadences) {
    counts.cadence.due += c.owed;
    counts.cadence.onTime += c.onTime;
    if (r.resolvedAt === null && c.next) tails.push(c.next);
  }
  return {
    classifiedAt: r.classifiedAt,
    highestSeverity: r.highestSeverity,
    counts,
    pending,
    ...(tails.length ? { tails } : {}),
  };
}

/** The last `months` months (ending with the one holding `now`), oldest first. */
export function monthlyCommsCompliance(
  reports: readonly ComplianceReport[],
  now: number,
  options: CommsReportOptions = {},
): MonthlyComms[] {
  // Each report is judged as it was computed: its pending duties stay out (not re-judged at `now`).
  return monthlyCommsFromTallies(
    reports.flatMap((r) => {
      const t = commsTally(r);
      if (!t) return [];
      const { tails: _tails, ...judged } = t;
      return [{ ...judged, pending: [] }];
    }),
    now,
    options,
  );
}

/** The same report from stored tallies: their pending duties judged at `now`. */
export function monthlyCommsFromTallies(
  incidents: readonly CommsTally[],
  now: number,
  { months = 12, timeZone = 'UTC', severities }: CommsReportOptions = {},
): MonthlyComms[] {
  const keys = monthKeys(now, months, timeZone);
  const tallies = new Map(keys.map((k) => [k, emptyCounts()]));
  for (const r of incidents) {
    if (severities && severities.length > 0 && !severities.includes(r.highestSeverity)) continue;
    const t = tallies.get(monthKey(r.classifiedAt, timeZone));
    if (!t) continue;
    for (const m of COMMS_METRICS) {
      t[m].due += r.counts[m].due;
      t[m].onTime += r.counts[m].onTime;
    }
    for (const p of r.pending) if (p.dueAt < now) t[p.metric].due += 1;
    t.cadence.due += tailMisses(r, now);
  }
  return monthlyRows(keys, tallies);
}

/** The report's rows for `keys` from the counts summed per month (a month not in `counts`: none). */
export function monthlyRows(
  keys: readonly string[],
  counts: ReadonlyMap<string, CommsCounts>,
): MonthlyComms[] {
  return keys.map((month) => {
    const t = counts.get(month) ?? emptyCounts();
    const channels = {} as Record<CommsMetric, ChannelTally>;
    for (const m of COMMS_METRICS) {
      const { due, onTime } = t[m];
      channels[m] = { due, onTime, rate: due === 0 ? null : onTime / due };
    }
    return { month, channels };
  });
}

/**
 * The dashboard as CSV: one row per month and metric (the four channels, then `action_items`, the
 * completion rate), with the counts and the rate in percent.
 */
export function dashboardCsv(
  comms: readonly MonthlyComms[],
  completion: readonly MonthlyCompletion[],
): string {
  const rows: (string | number | null)[][] = [
    ['month', 'metric', 'due', 'on_time', 'rate_percent'],
  ];
  const done = new Map(completion.map((c) => [c.month, c]));
  const months = [
    ...new Set([...comms.map((c) => c.month), ...completion.map((c) => c.month)]),
  ].sort();
  for (const month of months) {
    const c = comms.find((x) => x.month === month);
    if (c) {
      for (const m of COMMS_METRICS) {
        const t = c.channels[m];
        rows.push([month, m, t.due, t.onTime, percentCell(t.rate)]);
      }
    }
    const a = done.get(month);
    if (a) rows.push([month, 'action_items', a.due, a.doneOnTime, percentCell(a.rate)]);
  }
  return toCsv(rows);
}
