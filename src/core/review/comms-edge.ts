/**
 * The edge tallies of a month's communication totals (comms-totals.ts `edge`) in the compact form
 * they are stored in (issue 22): one typed array per field instead of one object per tally, its
 * counts, its pending duties and its running cadences. The dashboard's first screen reads a few
 * hundred of them; IndexedDB copies a typed array in one piece but an object field by field, so the
 * page's reads of the monthly totals shrink from about 160 kB of objects to a few flat arrays.
 *
 * `unpackEdge(packEdge(edge))` gives `edge` back exactly (numbers are stored as float64).
 */
import { COMMS_METRICS, type CommsMetric, type CommsTally } from './comms-monthly';
import type { Severity } from '../types';

type EdgeTally = CommsTally & { id: string };

/** The edge tallies column by column; entry `k` of each per-tally array is tally `k`. */
export interface PackedEdge {
  ids: string[];
  classifiedAt: Float64Array;
  severity: Uint8Array;
  /** Per tally, per metric (COMMS_METRICS order): due, then on time. */
  counts: Float64Array;
  /** Tally `k`'s pending duties are `pendingMetric`/`pendingDue` from `pendingStart[k]` to `[k + 1]`. */
  pendingStart: Uint32Array;
  pendingMetric: Uint8Array;
  pendingDue: Float64Array;
  /** Tally `k`'s running cadences, as pending; `hasTails[k]` 1 when the tally has a `tails` field. */
  tailStart: Uint32Array;
  tailDue: Float64Array;
  tailEvery: Float64Array;
  hasTails: Uint8Array;
}

const M = COMMS_METRICS.length;

/** The compact form of these edge tallies. */
export function packEdge(edge: readonly EdgeTally[]): PackedEdge {
  const n = edge.length;
  const pendingCount = edge.reduce((s, t) => s + t.pending.length, 0);
  const tailCount = edge.reduce((s, t) => s + (t.tails?.length ?? 0), 0);
  const p: PackedEdge = {
    ids: edge.map((t) => t.id),
    classifiedAt: new Float64Array(n),
    severity: new Uint8Array(n),
    counts: new Float64Array(n * M * 2),
    pendingStart: new Uint32Array(n + 1),
    pendingMetric: new Uint8Array(pendingCount),
    pendingDue: new Float64Array(pendingCount),
    tailStart: new Uint32Array(n + 1),
    tailDue: new Float64Array(tailCount),
    tailEvery: new Float64Array(tailCount),
    hasTails: new Uint8Array(n),
  };
  let pi = 0;
  let ti = 0;
  edge.forEach((t, k) => {
    p.classifiedAt[k] = t.classifiedAt;
    p.severity[k] = t.highestSeverity;
    COMMS_METRICS.forEach((m, j) => {
      p.counts[(k * M + j) * 2] = t.counts[m].due;
      p.counts[(k * M + j) * 2 + 1] = t.counts[m].onTime;
    });
    p.pendingStart[k] = pi;
    for (const d of t.pending) {
      p.pendingMetric[pi] = COMMS_METRICS.indexOf(d.metric);
      p.pendingDue[pi++] = d.dueAt;
    }
    p.tailStart[k] = ti;
    if (t.tails) p.hasTails[k] = 1;
    for (const c of t.tails ?? []) {
      p.tailDue[ti] = c.dueAt;
      p.tailEvery[ti++] = c.everyMs;
    }
  });
  p.pendingStart[n] = pi;
  p.tailStart[n] = ti;
  return p;
}

/** The edge tallies of their compact form, as they were packed. */
export function unpackEdge(p: PackedEdge): EdgeTally[] {
  return p.ids.map((id, k) => {
    const counts = {} as CommsTally['counts'];
    COMMS_METRICS.forEach((m, j) => {
      counts[m] = { due: p.counts[(k * M + j) * 2]!, onTime: p.counts[(k * M + j) * 2 + 1]! };
    });
    const pending: CommsTally['pending'] = [];
    for (let i = p.pendingStart[k]!; i < p.pendingStart[k + 1]!; i++)
      pending.push({
        metric: COMMS_METRICS[p.pendingMetric[i]!] as CommsMetric,
        dueAt: p.pendingDue[i]!,
      });
    const tails: NonNullable<CommsTally['tails']> = [];
    for (let i = p.tailStart[k]!; i < p.tailStart[k + 1]!; i++)
      tails.push({ dueAt: p.tailDue[i]!, everyMs: p.tailEvery[i]! });
    return {
      classifiedAt: p.classifiedAt[k]!,
      highestSeverity: p.severity[k] as Severity,
      counts,
      pending,
      ...(p.hasTails[k] ? { tails } : {}),
      id,
    };
  });
}

/**
 * One tally in one flat array (DB v11, issue 22: an open incident's tally as the reviews
 * dashboard reads it, db/open-comms.ts): IndexedDB copies a typed array in one piece, a tally's
 * nested counts, duties and cadences object by object. Laid out as: classified at, highest
 * severity, has tails (1/0), pending count, tail count, then per metric (COMMS_METRICS order) due
 * and on time, then each pending duty's metric and due time, then each cadence's due time and
 * period. `unpackTally(packTally(t))` gives `t` back exactly.
 */
export function packTally(t: CommsTally): Float64Array {
  const tails = t.tails ?? [];
  const a = new Float64Array(5 + M * 2 + t.pending.length * 2 + tails.length * 2);
  a[0] = t.classifiedAt;
  a[1] = t.highestSeverity;
  a[2] = t.tails ? 1 : 0;
  a[3] = t.pending.length;
  a[4] = tails.length;
  let i = 5;
  for (const m of COMMS_METRICS) {
    a[i++] = t.counts[m].due;
    a[i++] = t.counts[m].onTime;
  }
  for (const d of t.pending) {
    a[i++] = COMMS_METRICS.indexOf(d.metric);
    a[i++] = d.dueAt;
  }
  for (const c of tails) {
    a[i++] = c.dueAt;
    a[i++] = c.everyMs;
  }
  return a;
}

/** The tally of its flat form (packTally). */
export function unpackTally(a: Float64Array): CommsTally {
  const counts = {} as CommsTally['counts'];
  let i = 5;
  for (const m of COMMS_METRICS) {
    counts[m] = { due: a[i]!, onTime: a[i + 1]! };
    i += 2;
  }
  const pending: CommsTally['pending'] = [];
  for (let k = 0; k < a[3]!; k++, i += 2)
    pending.push({ metric: COMMS_METRICS[a[i]!] as CommsMetric, dueAt: a[i + 1]! });
  const tails: NonNullable<CommsTally['tails']> = [];
  for (let k = 0; k < a[4]!; k++, i += 2) tails.push({ dueAt: a[i]!, everyMs: a[i + 1]! });
  return {
    classifiedAt: a[0]!,
    highestSeverity: a[1] as Severity,
    counts,
    pending,
    ...(a[2] ? { tails } : {}),
  };
}
