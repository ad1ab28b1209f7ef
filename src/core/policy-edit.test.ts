import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, validatePolicy } from './policy';
import {
  appliesOf,
  setApplies,
  setCadence,
  setDeadline,
  setPostmortemHours,
  setWidespreadPercent,
} from './policy-edit';

const rule = (p: typeof DEFAULT_POLICY, severity: number, id: string) =>
  p.levels.find((l) => l.severity === severity)?.obligations.find((r) => r.id === id);

describe('policy edits keep the policy valid', () => {
  it('changes one severity’s deadline and nothing else', () => {
    const p = setDeadline(DEFAULT_POLICY, 2, 'status_page', 30);
    expect(rule(p, 2, 'status_page')?.dueMinutes).toBe(30);
    expect(rule(p, 1, 'status_page')?.dueMinutes).toBe(15);
    expect(validatePolicy(p).problems).toEqual([]);
    expect(rule(DEFAULT_POLICY, 2, 'status_page')?.dueMinutes).toBe(15);
  });

  it('moves the cadence everywhere it is stated, labels included', () => {
    const p = setCadence(DEFAULT_POLICY, 20);
    expect(p.updateCadenceMinutes).toBe(20);
    expect(rule(p, 1, 'status_updates')).toMatchObject({ dueMinutes: 20, repeatEveryMinutes: 20 });
    expect(rule(p, 2, 'status_updates')?.label).toContain('every 20 min');
    expect(validatePolicy(p).problems).toEqual([]);
  });

  it('moves the post-mortem window everywhere it is stated', () => {
    const p = setPostmortemHours(DEFAULT_POLICY, 72);
    expect(rule(p, 1, 'postmortem')).toMatchObject({ dueMinutes: 72 * 60 });
    expect(rule(p, 1, 'postmortem')?.label).toContain('72 h');
    expect(validatePolicy(p).problems).toEqual([]);
  });

  it('moves the share-of-users threshold, and the level criteria that name it', () => {
    const p = setWidespreadPercent(DEFAULT_POLICY, 15);
    expect(p.classification).toEqual({ widespreadPercent: 15 });
    const criteria = p.levels.flatMap((l) => l.criteria).join(' | ');
    expect(criteria).toContain('more than 15% of the active user base');
    expect(criteria).toContain('less than 15% of users');
    expect(criteria).not.toMatch(/\b10%/);
    expect(validatePolicy(p).problems).toEqual([]);
  });

  it('a cleared threshold field is refused, and the next number still reaches the criteria', () => {
    const cleared = setWidespreadPercent(DEFAULT_POLICY, Number.NaN);
    expect(validatePolicy(cleared).problems.map((x) => x.path)).toEqual([
      'classification.widespreadPercent',
    ]);
    const p = setWidespreadPercent(cleared, 20);
    expect(p.levels.flatMap((l) => l.criteria).join(' ')).toContain('more than 20% of the');
  });

  it('turns the status page and the customer email on, conditional or off per severity', () => {
    expect(appliesOf(DEFAULT_POLICY, 3, 'status_page')).toBe('publicly_visible');
    expect(appliesOf(DEFAULT_POLICY, 4, 'customer_email')).toBe('never');
    let p = setApplies(DEFAULT_POLICY, 3, 'status_page', 'always');
    expect(appliesOf(p, 3, 'status_page')).toBe('always');
    p = setApplies(p, 4, 'customer_email', 'commonly_used');
    expect(rule(p, 4, 'customer_email')).toMatchObject({
      onlyIf: 'commonly_used',
      channel: 'customer_email',
    });
    p = setApplies(p, 1, 'customer_email', 'never');
    expect(rule(p, 1, 'customer_email')).toBeUndefined();
    expect(validatePolicy(p).problems).toEqual([]);
  });

  it('leaves an invalid number for validatePolicy to name at its path', () => {
    const p = setDeadline(DEFAULT_POLICY, 2, 'status_page', -1);
    expect(validatePolicy(p).problems).toEqual([
      {
        path: 'levels[1].obligations[2].dueMinutes',
        message: 'levels[1].obligations[2].dueMinutes must be a number ≥ 0',
        code: 'notNegative',
        args: [],
      },
    ]);
  });
});
