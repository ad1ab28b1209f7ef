import { describe, expect, it } from 'vitest';
import {
  bySeverity,
  mostSevere,
  parsePercentUsers,
  reasonRequired,
  validateImpactAnswers,
} from './triage';

describe('bySeverity: the order of an incident list', () => {
  it('puts SEV-1 above SEV-2, unclassified last, then the longest running first', () => {
    const list = [
      { id: 'b', severity: 2 as const, startedAt: 100 },
      { id: 'n', severity: null, startedAt: 50 },
      { id: 'a', severity: 1 as const, startedAt: 300 },
      { id: 'c', severity: 2 as const, startedAt: 90 },
      { id: 'd', severity: 4 as const, startedAt: 10 },
    ];
    expect([...list].sort(bySeverity).map((x) => x.id)).toEqual(['a', 'c', 'b', 'd', 'n']);
  });

  it('mostSevere is the worst open severity, or null', () => {
    expect(mostSevere([{ severity: 3 }, { severity: 1 }, { severity: null }])).toBe(1);
    expect(mostSevere([{ severity: null }])).toBeNull();
    expect(mostSevere([])).toBeNull();
  });
});

describe('reasonRequired: a choice that needs a written reason', () => {
  it('a downgrade of a classified incident needs a reason, even when it follows the suggestion', () => {
    expect(reasonRequired({ current: 1, suggested: 2, chosen: 2 })).toBe('downgrade');
    expect(reasonRequired({ current: 2, suggested: 3, chosen: 4 })).toBe('downgrade');
  });
  it('overriding the suggestion needs a reason; accepting it or raising does not', () => {
    expect(reasonRequired({ current: null, suggested: 2, chosen: 1 })).toBe('override');
    expect(reasonRequired({ current: null, suggested: 2, chosen: 2 })).toBeNull();
    expect(reasonRequired({ current: 3, suggested: 1, chosen: 1 })).toBeNull();
    expect(reasonRequired({ current: 2, suggested: 2, chosen: 2 })).toBeNull();
  });
});

describe('parsePercentUsers and validateImpactAnswers: 150% is refused, not read as unknown', () => {
  it.each([
    ['', { ok: true }],
    [' 25 ', { ok: true, value: 25 }],
    ['12,5 %', { ok: true, value: 12.5 }],
    ['0', { ok: true, value: 0 }],
    ['100%', { ok: true, value: 100 }],
  ])('accepts %j', (text, expected) => {
    expect(parsePercentUsers(text)).toEqual(expected);
  });

  it.each([
    ['150', 'out_of_range'],
    ['-5', 'out_of_range'],
    ['lots', 'not_a_number'],
    ['1e400', 'not_a_number'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parsePercentUsers(text)).toMatchObject({ ok: false, error });
  });

  it('names the bad answer in the answers', () => {
    expect(validateImpactAnswers({ percentUsersAffected: 150 })).toEqual([
      {
        path: 'percentUsersAffected',
        message: 'The share of users affected must be between 0 and 100% (got 150).',
      },
    ]);
    expect(validateImpactAnswers({ percentUsersAffected: Number.NaN })).toHaveLength(1);
    expect(validateImpactAnswers({ percentUsersAffected: 40, noUserCanAccessCore: false })).toEqual(
      [],
    );
  });
});
