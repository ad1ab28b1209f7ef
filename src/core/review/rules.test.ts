import { describe, expect, it } from 'vitest';
import { highestSeverityReached, reviewRequirement, skipReasonProblem } from './rules';

describe('review rules per severity', () => {
  it('required for SEV-1 and SEV-2, optional for SEV-3 and SEV-4', () => {
    expect([1, 2, 3, 4].map((s) => reviewRequirement(s as 1 | 2 | 3 | 4))).toEqual([
      'required',
      'required',
      'optional',
      'optional',
    ]);
    expect(reviewRequirement(null)).toBe('optional');
  });

  it('skipping needs a reason, and only where the review is optional', () => {
    expect(skipReasonProblem(3, '  ')).toBe('reason_missing');
    expect(skipReasonProblem(2, 'Known issue, no customer impact')).toBe('required');
    expect(skipReasonProblem(4, 'Tracked as a bug; no customer impact')).toBeNull();
  });
});

describe('highestSeverityReached', () => {
  it('the most severe classification, whatever came after', () => {
    const ev = (type: 'classified' | 'reclassified', at: number, severity: 1 | 2 | 3 | 4) => ({
      id: `e${at}`,
      type,
      at,
      severity,
    });
    expect(
      highestSeverityReached([
        ev('classified', 1, 3),
        ev('reclassified', 2, 2),
        ev('reclassified', 3, 4),
      ]),
    ).toBe(2);
    expect(highestSeverityReached([{ id: 'd', type: 'declared', at: 1 }])).toBeNull();
  });
});
