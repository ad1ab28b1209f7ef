import { describe, expect, it } from 'vitest';
import { nextWhyPrompt, whyChainFlags } from './whys';

describe('nextWhyPrompt', () => {
  it('starts, follows the last answer, and stops after five', () => {
    expect(nextWhyPrompt([])).toBe('Why did this incident happen?');
    expect(nextWhyPrompt(['Checkout returned errors.'])).toBe(
      'Why did "Checkout returned errors" happen?',
    );
    expect(nextWhyPrompt(['a', 'b', 'c', 'd'])).toBe('Why did "d" happen?');
    expect(nextWhyPrompt(['a', 'b', 'c', 'd', 'e'])).toBeNull();
  });

  it('ignores a trailing blank answer being typed', () => {
    expect(nextWhyPrompt(['a', '  '])).toBe('Why did "a" happen?');
  });
});

describe('whyChainFlags', () => {
  it.each([
    ['An engineer pushed the wrong config.', 'An engineer'],
    ['Mehmet ran the migration twice.', 'Mehmet ran'],
    ['Human error.', 'Human error'],
    ['Someone ran a script against production.', 'Someone'],
    ['Ana forgot to renew the certificate.', 'Ana forgot'],
    ['It failed after Bo deployed a change.', 'Bo deployed'],
  ])('flags a chain ending at %j', (last, span) => {
    const whys = ['Checkout failed.', last];
    const l = whyChainFlags(whys);
    expect(l).toHaveLength(1);
    expect(l[0]?.message).toContain('What in the system allowed this?');
    expect(last.slice(l[0]?.start, l[0]?.end)).toBe(span);
  });

  it('offsets spans by leading spaces in the stored answer', () => {
    const l = whyChainFlags(['  Human error']);
    expect([l[0]?.start, l[0]?.end]).toEqual([2, 13]);
  });

  it.each([
    ['The change process had no review step.'],
    ['Monitoring did not alarm in time.'],
    ['It ran out of disk space.'],
    ['Alerting missed the spike because thresholds were static.'],
  ])('does not flag a systemic last answer %j', (last) => {
    expect(whyChainFlags(['An engineer pushed the wrong config.', last])).toEqual([]);
  });

  it('is empty for no answers', () => {
    expect(whyChainFlags([])).toEqual([]);
  });
});
