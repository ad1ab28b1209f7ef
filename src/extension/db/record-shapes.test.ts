import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import { RECORD_SHAPES } from './record-shapes';

describe('RECORD_SHAPES.settings: policy', () => {
  const check = (value: unknown) => RECORD_SHAPES.settings({ key: 'policy', value }, 'settings[0]');

  it('accepts the default policy', () => {
    expect(check(structuredClone(DEFAULT_POLICY))).toBeNull();
  });

  it('refuses a policy whose promised post-mortem hours disagree with its rules', () => {
    expect(check({ ...structuredClone(DEFAULT_POLICY), postmortemHours: 72 })).toBe(
      'settings[0].value.levels[0].obligations[6].dueMinutes: levels[0].obligations[6].dueMinutes must equal postmortemHours × 60 (4320), the deadline the messages promise (got 2880)',
    );
  });
});
