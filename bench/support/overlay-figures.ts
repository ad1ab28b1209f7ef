/**
 * The overlay bench's figures from its timed rounds and traced loads (bench/overlay.bench.ts), and
 * the diagnostics that say where the round-to-round noise comes from (logged, not rows).
 */
import type { TracedLoad } from './load-trace';
import { hodgesLehmann, medianCI, quartiles, ratioHL } from './paired';
import { median, type BenchCtx, type Row } from './stats';

const G = 'overlay';

export interface Load {
  loadMs: number;
  /** Navigation start → response end, → DOMContentLoaded end, → load event start (where the time goes). */
  phases: [number, number, number];
  taskMs: number;
  scriptMs: number;
  overlay: boolean;
}

/** A load in a round, with its place in its triple of loads (0: first of the three origins). */
export interface Timed extends Load {
  position: number;
}

export interface Setup {
  runs: number;
  per: number;
  warm: number;
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const NAMES = ['ours', 'empty', 'none'] as const;

function describe(xs: number[]): string {
  const [q1, q3] = quartiles(xs);
  const [lo, hi] = medianCI(xs);
  const hl = ratioHL(xs);
  return `median of the per-round ratios ${f3(median(xs))} (${f2(Math.min(...xs))}–${f2(Math.max(...xs))}, IQR ${f3(q1)}–${f3(q3)}, 95 % CI ${f3(lo)}–${f3(hi)}, sign test); Hodges–Lehmann ${f3(hl.est)} (95 % CI ${f3(hl.lo)}–${f3(hl.hi)}, Wilcoxon)`;
}

/** Where the noise comes from: first loads, position in the round, spread within vs between rounds, outliers. */
function diagnose(ctx: BenchCtx, warm: Timed[][][], rounds: Timed[][][]): void {
  const med = (ls: Timed[]) => median(ls.map((l) => l.loadMs));
  if (warm.length)
    ctx.log(
      `warm-up rounds (not counted), ours / empty: ${warm.map((r) => f2(med(r[0]!) / med(r[1]!))).join(', ')}; first loads ours ${warm[0]![0]![0]!.loadMs.toFixed(0)} ms, empty ${warm[0]![1]![0]!.loadMs.toFixed(0)} ms, none ${warm[0]![2]![0]!.loadMs.toFixed(0)} ms`,
    );
  const all = rounds.flatMap((r) => r.flat());
  ctx.log(
    `by position in a triple, median load: ${[0, 1, 2].map((p) => `#${p + 1} ${med(all.filter((l) => l.position === p)).toFixed(0)} ms`).join(', ')}`,
  );
  NAMES.forEach((name, i) => {
    const within = rounds.map((r) => {
      const ms = r[i]!.map((l) => l.loadMs);
      return (Math.max(...ms) - Math.min(...ms)) / median(ms);
    });
    const meds = rounds.map((r) => med(r[i]!));
    const [q1, q3] = quartiles(meds);
    ctx.log(
      `${name}: loads ${med(rounds.flatMap((r) => r[i]!)).toFixed(0)} ms median; within a round max−min ${(median(within) * 100).toFixed(0)} % of its median (median over rounds); round medians IQR ${q1.toFixed(0)}–${q3.toFixed(0)} ms; phases response / DOMContentLoaded end / load start ${[
        0, 1, 2,
      ]
        .map((k) => median(rounds.flatMap((r) => r[i]!).map((l) => l.phases[k]!)).toFixed(0))
        .join(' / ')} ms`,
    );
  });
  const tagged = rounds.flatMap((r, ri) =>
    r.flatMap((ls, si) => ls.map((l) => ({ ...l, round: ri, side: NAMES[si]! }))),
  );
  const slow = tagged.sort((a, b) => b.loadMs - a.loadMs).slice(0, 5);
  ctx.log(
    `slowest loads: ${slow.map((l) => `${l.side} round ${l.round + 1} pos ${l.position + 1} ${l.loadMs.toFixed(0)} ms (DOMContentLoaded end ${l.phases[1].toFixed(0)}, load start ${l.phases[2].toFixed(0)})`).join('; ')}`,
  );
  // The paired design removes drift common to both sides: how much of ours' round-to-round spread
  // the empty side's shares.
  const lo = rounds.map((r) => Math.log(med(r[0]!)));
  const le = rounds.map((r) => Math.log(med(r[1]!)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [mo, me] = [mean(lo), mean(le)];
  const cov = mean(lo.map((x, k) => (x - mo) * (le[k]! - me)));
  const sd = (xs: number[], m: number) => Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
  ctx.log(
    `round medians, correlation of log(ours) and log(empty): ${f2(cov / (sd(lo, mo) * sd(le, me)))} (near 1: the pairing cancels the drift)`,
  );
}

export function figures(
  ctx: BenchCtx,
  setup: Setup,
  all: Timed[][][],
  traced: [TracedLoad, TracedLoad][],
): Row[] {
  const warm = all.slice(0, setup.warm);
  const rounds = all.slice(setup.warm);
  diagnose(ctx, warm, rounds);
  const med = (ls: Timed[]) => median(ls.map((l) => l.loadMs));
  const vsEmpty = rounds.map((r) => med(r[0]!) / med(r[1]!));
  const vsOff = rounds.map((r) => med(r[0]!) / med(r[2]!));
  const emptyOff = rounds.map((r) => med(r[1]!) / med(r[2]!));
  const ours = rounds.flatMap((r) => r[0]!);
  const others = rounds.flatMap((r) => [...r[1]!, ...r[2]!]);
  const none = rounds.flatMap((r) => r[2]!);
  const hl = ratioHL(vsEmpty);
  const how = `${setup.runs} rounds after ${setup.warm} not counted, each loading the page ${setup.per} times on each of three origins (ours, an empty content script registered the same way, none), interleaved, each side's median per round; timed navigation start → loadEventEnd`;

  // The direct figure: extension main-thread time before loadEventEnd, ours − empty, paired.
  const diffs = traced.map(([o, e]) => o.extensionMs - e.extensionMs);
  const d = hodgesLehmann(diffs);
  const pageMs = median(traced.map(([, e]) => e.loadMs));
  const byName = (k: 0 | 1) => {
    const sum: Record<string, number> = {};
    for (const t of traced)
      for (const [n, ms] of Object.entries(t[k].byName))
        sum[n] = (sum[n] ?? 0) + ms / traced.length;
    return Object.entries(sum)
      .map(([n, ms]) => `${n} ${f3(ms)}`)
      .join(', ');
  };
  ctx.log(
    `traced, extension events before loadEventEnd (mean ms per load): ours ${byName(0) || 'none'}; empty ${byName(1) || 'none'}`,
  );
  const pct = (ms: number) => `${((ms / pageMs) * 100).toFixed(3)} %`;
  return [
    {
      group: G,
      name: `page-load ratio ours / an empty content script: ${how}; ${describe(vsEmpty)}; median load: empty ${med(rounds.flatMap((r) => r[1]!)).toFixed(0)} ms, ours ${med(ours).toFixed(0)} ms; overlay present in ${ours.filter((l) => l.overlay).length}/${ours.length} of our loads, ${others.filter((l) => l.overlay).length} elsewhere; value: Hodges–Lehmann, met when its CI's upper end is ≤ 1.01`,
      value: hl.est,
      samples: vsEmpty,
      unit: '×',
      goal: '≤ 1.01 (CI upper end)',
      met: hl.hi <= 1.01,
    },
    {
      group: G,
      name: `page-load overhead on a 1,000-row table, ratio ours / no content script: the same rounds; ${describe(vsOff)}; median load without: ${med(none).toFixed(0)} ms; includes the floor, what injecting any content script costs (the empty one: ${f2(median(emptyOff))} × none)`,
      value: median(vsOff),
      samples: vsOff,
      unit: '×',
      goal: '≤ 1.03',
      met: median(vsOff) <= 1.03,
    },
    {
      group: G,
      name: `direct: main-thread time in extension-script events (compile, evaluate, callbacks; CDP Tracing) before the page's loadEventEnd, ours − empty, ${traced.length} traced pairs: Hodges–Lehmann of the paired differences, 95 % CI ${f3(d.lo)}–${f3(d.hi)} ms, i.e. ${pct(d.est)} (CI ${pct(d.lo)}–${pct(d.hi)}) of the page's load (${pageMs.toFixed(0)} ms traced, median); ours alone ${f3(median(traced.map(([o]) => o.extensionMs)))} ms, empty alone ${f3(median(traced.map(([, e]) => e.extensionMs)))} ms (medians)`,
      value: d.est,
      samples: diffs,
      unit: 'ms',
      goal: '< 1 % of the load',
      met: d.hi < 0.01 * pageMs,
    },
    {
      group: G,
      name: `main-thread script time of a whole load, the overlay's mount after load included: CDP Performance ScriptDuration from before navigation until the page is idle after it (ours: after the overlay mounted), median ours − median none`,
      value: median(ours.map((l) => l.scriptMs)) - median(none.map((l) => l.scriptMs)),
      samples: ours.map((l) => l.scriptMs - median(none.map((o) => o.scriptMs))),
      unit: 'ms',
    },
  ];
}
