/**
 * Paired estimators for an A/B bench (the overlay's ours / empty page-load ratio, issue 22): each
 * round times both sides back to back, so a drift in the machine's load hits both; these turn the
 * per-round ratios into a figure with a distribution-free 95 % confidence interval.
 */

/** Sorted copy. */
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** The quartiles of `xs` (linear interpolation). */
export function quartiles(xs: readonly number[]): [number, number] {
  const s = sorted(xs);
  const at = (q: number) => {
    const i = (s.length - 1) * q;
    const lo = Math.floor(i);
    return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
  };
  return [at(0.25), at(0.75)];
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2), exactly (n is a few hundred at most here). */
function binomHalfCdf(n: number, k: number): number {
  let p = 0;
  let term = Math.pow(0.5, n); // C(n, 0) / 2^n
  for (let i = 0; i <= k; i++) {
    p += term;
    term = (term * (n - i)) / (i + 1);
  }
  return p;
}

/**
 * A 95 % (at least) confidence interval of the median of `xs`, distribution-free: the order
 * statistics x(k) and x(n+1−k) with k the largest rank whose exact binomial tail P(X ≤ k−1) is
 * ≤ 2.5 % (the sign test). With fewer than 6 values no such k exists: the whole range.
 */
export function medianCI(xs: readonly number[]): [number, number] {
  const s = sorted(xs);
  const n = s.length;
  let k = 0;
  while (k + 1 <= n && binomHalfCdf(n, k) <= 0.025) k++;
  if (k === 0) return [s[0]!, s[n - 1]!];
  return [s[k - 1]!, s[n - k]!];
}

/**
 * The Hodges–Lehmann estimate of the centre of `ds` (paired differences; here log ratios) with its
 * 95 % confidence interval from the Wilcoxon signed-rank test (normal approximation): the median of
 * the n(n+1)/2 Walsh averages (dᵢ + dⱼ)/2, i ≤ j, and the Walsh averages at ranks K and M+1−K.
 * More efficient than the median when the differences are roughly symmetric; still distribution-free.
 */
export function hodgesLehmann(ds: readonly number[]): { est: number; lo: number; hi: number } {
  const n = ds.length;
  const walsh: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh.push((ds[i]! + ds[j]!) / 2);
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const mid = m >> 1;
  const est = m % 2 ? walsh[mid]! : (walsh[mid - 1]! + walsh[mid]!) / 2;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
  const k = Math.floor(m / 2 - 1.959964 * sd); // rank of the lower bound, 1-based
  if (k < 1) return { est, lo: walsh[0]!, hi: walsh[m - 1]! };
  return { est, lo: walsh[k - 1]!, hi: walsh[m - k]! };
}

/** Hodges–Lehmann on the logs of paired ratios, given back as a ratio with its interval. */
export function ratioHL(ratios: readonly number[]): { est: number; lo: number; hi: number } {
  const { est, lo, hi } = hodgesLehmann(ratios.map(Math.log));
  return { est: Math.exp(est), lo: Math.exp(lo), hi: Math.exp(hi) };
}
