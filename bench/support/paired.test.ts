import { describe, expect, test } from 'vitest';
import { hodgesLehmann, medianCI, quartiles, ratioHL } from './paired';

describe('paired bench statistics', () => {
  test('the median CI uses the sign test’s exact ranks', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i + 1);
    // n = 30: P(X ≤ 9) = 0.0214 ≤ 2.5 % < P(X ≤ 10) = 0.0494, so ranks 10 and 21.
    expect(medianCI(xs)).toEqual([10, 21]);
    // Too few values for 95 %: the whole range, never a narrower interval.
    expect(medianCI([3, 1, 2, 5, 4])).toEqual([1, 5]);
  });

  test('Hodges–Lehmann: a shift is found, and its interval holds it', () => {
    // Symmetric noise around 0.5.
    const ds = [-2, -1, 0, 1, 2, -1.5, 1.5, -0.5, 0.5, 0].map((d) => d + 0.5);
    const hl = hodgesLehmann(ds);
    expect(hl.est).toBeCloseTo(0.5, 10);
    expect(hl.lo).toBeLessThan(0.5);
    expect(hl.hi).toBeGreaterThan(0.5);
  });

  test('an outlier moves the mean, not the estimate', () => {
    const ratios = [1, 1.01, 0.99, 1, 1.02, 0.98, 1, 1.01, 0.99, 4.29];
    expect(ratioHL(ratios).est).toBeLessThan(1.02);
  });

  test('quartiles interpolate', () => {
    expect(quartiles([1, 2, 3, 4, 5])).toEqual([2, 4]);
  });
});
