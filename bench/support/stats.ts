/** Shared by the bench modules: the row shape bench/run.mjs prints, and small statistics. */
export interface Row {
  group: string;
  name: string;
  value: number | string;
  unit: string;
  goal?: string;
  met?: boolean;
  /** A budget the bench asserts: `npm run bench` exits non-zero when `met` is false. */
  budget?: boolean;
  /** Every run's value when the figure is the median of several: the table prints min–max. */
  samples?: number[];
}

/** What bench/run.mjs passes a module: a log, and whether the CPU burner runs (the loaded run). */
export interface BenchCtx {
  log(m: string): void;
  loaded?: boolean;
}

/** Minimum, median and maximum of `xs`. */
export function spread(xs: readonly number[]) {
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A row for a figure that could not be measured: value 'n/a' and the reason in the name. */
export function na(group: string, name: string, why: string, goal?: string): Row {
  return {
    group,
    name: `${name} — not measured: ${why}`,
    value: 'n/a',
    unit: '',
    ...(goal ? { goal } : {}),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
