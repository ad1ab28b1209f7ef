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

  it.each([
    ['an engineer made the wrong configuration change', 'an engineer'],
    ['The on-call engineer ran the wrong command.', 'The on-call engineer'],
    ['Mehmet deployed a bad config.', 'Mehmet deployed'],
    ['The engineer accidentally deleted the table.', 'The engineer'],
    ['The operator did not check the dashboard.', 'The operator'],
    ['Because the on-call engineer made a mistake.', 'the on-call engineer'],
    ['A mistake by the on-call engineer.', 'mistake by'],
    ['Operator error.', 'Operator error'],
  ])('flags a person as the subject of the failing action in %j', (last, span) => {
    const l = whyChainFlags(['Checkout failed.', last]);
    expect(l.map((x) => x.messageId)).toEqual(['why_stops_at_person']);
    expect(last.slice(l[0]?.start, l[0]?.end)).toBe(span);
  });

  it.each([
    ['the change process did not include a review step that would have caught the error'],
    ['the monitoring did not alarm in time'],
    ['the runbook directed the on-call engineer incorrectly'],
    ['The runbook told the engineer to run the wrong command.'],
    ['The alert never reached the on-call engineer.'],
    ['The deploy tool let someone push without a review.'],
    ['The config template contained a mistake.'],
    ['The on-call engineer was not paged.'],
  ])('does not flag a person who is not the subject in %j', (last) => {
    expect(whyChainFlags(['an engineer made the wrong configuration change', last])).toEqual([]);
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
