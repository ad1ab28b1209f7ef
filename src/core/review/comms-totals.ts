/**
 * The communication report's running totals per month (issue 22: the reviews dashboard's first
 * screen reads about a dozen of these instead of every incident's tally of the year).
 *
 * A month's totals sum the tallies (`commsTally`) of the incidents first classified in it, in
 * UTC. The dashboard counts months in the viewer's time zone, which the writer does not know, so
 * a tally classified within reach of a UTC month's edge for some zone (less than 12 hours after
 * its start or 14 hours before its end: zones are -12 to +14 hours from UTC; time.ts
 * nearZoneMonthEdge) is kept whole in `edge` and placed by the reader; every other one is in the
 * same month in any zone and is only summed, per highest severity (the dashboard's filter). Pending duties stay
 * listed: each one is a miss once `now` passes its deadline, decided when read.
 *
 * Adding then removing a tally gives back the same totals, so the writer keeps them current by
 * removing an incident's old tally and adding its new one (db/comms-totals.ts). A tally is removed
 * from where it was added (`edge` when it is there), so totals kept with the wider window of DB
 * v8 (a day either side) stay right.
 *
 * Stored, `edge` is in its compact form (comms-edge.ts, `StoredTotals`): the reader copies a few
 * flat arrays instead of hundreds of objects.
 */
import { monthKey, nearZoneMonthEdge } from '../time';
import { packEdge, unpackEdge, type PackedEdge } from './comms-edge';
import type { Severity } from '../types';
import { monthKeys } from './actions';
import {
  COMMS_METRICS,
  type CommsCounts,
  type CommsMetric,
  type CommsTally,
  emptyCounts,
  type MonthlyComms,
  monthlyRows,
  tailMisses,
} from './comms-monthly';

const DAY = 86_400_000;

type Counts = CommsCounts;

/** One UTC month's totals, as stored. */
export interface CommsTotals {
  /** `YYYY-MM` in UTC of the tallies' first classification. */
  month: string;
  /** How many tallies each policy fingerprint contributed: all must be the current policy's. */
  stamps: Record<string, number>;
  /** Summed counts of the tallies away from the month's edges, by their highest severity. */
  bySeverity: Partial<Record<Severity, Counts>>;
  /** Their pending duties (incident id kept, to remove them again). */
  pending: { id: string; severity: Severity; metric: CommsMetric; dueAt: number }[];
  /** Tallies near the month's UTC edges (nearZoneMonthEdge), whole: the reader places them. */
  edge: (CommsTally & { id: string })[];
}

/**
 * A month's totals as stored: `edge` packed (`packedEdge`, none when empty). Records written
 * before it (DB v8, v9) carry `edge` as objects; both are read.
 */
export type StoredTotals = Omit<CommsTotals, 'edge'> & {
  edge?: CommsTotals['edge'];
  packedEdge?: PackedEdge;
};

/** The stored form of a month's totals. */
export function toStored(t: CommsTotals): StoredTotals {
  const { edge, ...rest } = t;
  return edge.length ? { ...rest, packedEdge: packEdge(edge) } : rest;
}

/** A month's totals from their stored form (either). */
export function fromStored(r: StoredTotals): CommsTotals {
  const { edge, packedEdge, ...rest } = r;
  return { ...rest, edge: packedEdge ? unpackEdge(packedEdge) : (edge ?? []) };
}

const counts = emptyCounts;

/** The UTC month a tally is totalled in. */
export const totalsMonth = (tally: CommsTally): string => monthKey(tally.classifiedAt, 'UTC');

/** An empty month. */
export const emptyTotals = (month: string): CommsTotals => ({
  month,
  stamps: {},
  bySeverity: {},
  pending: [],
  edge: [],
});

/**
 * `totals` with one incident's tally added (`sign` 1) or removed (-1), judged by policy `stamp`.
 * The tally must be in `totals.month` (totalsMonth). A new object; the input is not changed.
 */
export function applyTally(
  totals: CommsTotals,
  id: string,
  tally: CommsTally,
  stamp: string,
  sign: 1 | -1,
): CommsTotals {
  const stamps = { ...totals.stamps, [stamp]: (totals.stamps[stamp] ?? 0) + sign };
  if (stamps[stamp] === 0) delete stamps[stamp];
  const out: CommsTotals = { ...totals, stamps };
  // An open incident's tally (running cadences) is kept whole too: judged at read time. Removed
  // from where it is: a month kept with v8's wider window holds some tallies whole that are
  // now summed when added.
  const whole =
    sign === 1
      ? nearZoneMonthEdge(tally.classifiedAt) || !!tally.tails
      : totals.edge.some((t) => t.id === id);
  if (whole) {
    const rest = totals.edge.filter((t) => t.id !== id);
    out.edge = sign === 1 ? [...rest, { ...tally, id }] : rest;
    return out;
  }
  const sev = tally.highestSeverity;
  const had = totals.bySeverity[sev] ?? counts();
  const next = counts();
  for (const m of COMMS_METRICS) {
    next[m].due = had[m].due + sign * tally.counts[m].due;
    next[m].onTime = had[m].onTime + sign * tally.counts[m].onTime;
  }
  out.bySeverity = { ...totals.bySeverity, [sev]: next };
  const rest = totals.pending.filter((p) => p.id !== id);
  out.pending =
    sign === 1 ? [...rest, ...tally.pending.map((p) => ({ id, severity: sev, ...p }))] : rest;
  return out;
}

/** Nothing left in it: the month's record can go. */
export const isEmptyTotals = (t: CommsTotals): boolean => Object.keys(t.stamps).length === 0;

/**
 * The UTC months whose totals hold the report's months in `timeZone`: a month on either side of
 * the `months` months ending with `now`'s (edge tallies may belong to a neighbour).
 */
export function totalsMonthsFor(now: number, months: number, timeZone: string): [string, string] {
  const keys = monthKeys(now, months + 2, timeZone);
  const last = monthKeys(now + 40 * DAY, 1, timeZone)[0]!;
  return [keys[0]!, last];
}

/**
 * The monthly report (the same as core `monthlyCommsFromTallies` over the tallies these totals
 * were made of), for the `months` months ending with `now`'s in `timeZone`.
 */
export function monthlyCommsFromTotals(
  totals: readonly CommsTotals[],
  now: number,
  {
    months = 12,
    timeZone = 'UTC',
    severities,
  }: { months?: number; timeZone?: string; severities?: readonly Severity[] } = {},
): MonthlyComms[] {
  const keys = monthKeys(now, months, timeZone);
  const rows = new Map(keys.map((k) => [k, counts()]));
  const kept = (s: Severity) => !severities || severities.length === 0 || severities.includes(s);
  for (const t of totals) {
    // Away from the edges, the UTC month is the month in every zone.
    const here = rows.get(t.month);
    if (here) {
      for (const sev of [1, 2, 3, 4] as const) {
        const c = t.bySeverity[sev];
        if (!c || !kept(sev)) continue;
        for (const m of COMMS_METRICS) {
          here[m].due += c[m].due;
          here[m].onTime += c[m].onTime;
        }
      }
      for (const p of t.pending) if (kept(p.severity) && p.dueAt < now) here[p.metric].due += 1;
    }
    for (const e of t.edge) {
      if (!kept(e.highestSeverity)) continue;
      const row = rows.get(monthKey(e.classifiedAt, timeZone));
      if (!row) continue;
      for (const m of COMMS_METRICS) {
        row[m].due += e.counts[m].due;
        row[m].onTime += e.counts[m].onTime;
      }
      for (const p of e.pending) if (p.dueAt < now) row[p.metric].due += 1;
      row.cadence.due += tailMisses(e, now);
    }
  }
  return monthlyRows(keys, rows);
}
