import { describe, expect, it } from 'vitest';
import { blamelessLint, lintActionItem, lintReview } from './lint';
import { at, item, review } from './fixtures.test-kit';

const now = at(2025, 3, 10);
const codes = (i: Parameters<typeof lintActionItem>[0], n = now): string[] =>
  lintActionItem(i, n).map((l) => l.code);

describe('lintActionItem', () => {
  it('accepts a specific, owned, dated item', () => {
    expect(codes(item({ id: 'a' }))).toEqual([]);
  });

  it.each([
    ['Improve monitoring', 'Improve'],
    ['Look into the deploy pipeline', 'Look into'],
    ['Monitor better', 'Monitor better'],
    ['Investigate flaky alerts', 'Investigate'],
    ['Be more careful with configs', 'Be more careful'],
    ['Try to add tests', 'Try to'],
    ['Review the runbook', 'Review'],
  ])('flags the vague %j', (description, span) => {
    const l = lintActionItem(item({ id: 'a', description }), now);
    expect(l.map((x) => x.code)).toEqual(['vague_action']);
    expect(description.slice(l[0]?.start, l[0]?.end)).toBe(span);
  });

  it('accepts a vague verb with a measurable result', () => {
    expect(
      codes(item({ id: 'a', description: 'Improve p99 checkout latency to under 300 ms' })),
    ).toEqual([]);
    expect(codes(item({ id: 'a', description: 'Add a review step to the runbook' }))).toEqual([]);
  });

  it.each([
    ['Improve monitoring by March 15', 'Improve'],
    ['Improve monitoring by March 15th, 2026', 'Improve'],
    ['Improve monitoring by 2026-03-15', 'Improve'],
    ['Improve monitoring before 15 March', 'Improve'],
    ['Improve monitoring until Q3', 'Improve'],
    ['Improve monitoring until Q3 2026', 'Improve'],
    ['Investigate flaky alerts by 3/15', 'Investigate'],
    ['Investigate flaky alerts by 15/03/2026', 'Investigate'],
    ['Investigate flaky alerts by 15.03.2026', 'Investigate'],
    ['Enhance alerting by the end of Q2', 'Enhance'],
    ['Enhance alerting by end of March 2026', 'Enhance'],
    ['Revisit the runbook in 2026.', 'Revisit'],
    ['Revisit the runbook within 2 weeks', 'Revisit'],
    ['Revisit the runbook until Friday', 'Revisit'],
    ['Revisit the runbook until the end of the sprint', 'Revisit'],
    ['Review the runbook (due 2026-03-15)', 'Review'],
    ['Improve monitoring, March 15', 'Improve'],
  ])('does not take the date in %j for a measurable result', (description, span) => {
    const l = lintActionItem(item({ id: 'a', description }), now);
    expect(l.map((x) => x.code)).toEqual(['vague_action']);
    expect(description.slice(l[0]?.start, l[0]?.end)).toBe(span);
  });

  it.each([
    'Mehmet will add the deployment configuration change review step to the runbook by March 15.',
    'Improve p99 checkout latency to under 300 ms by March 15',
    'Improve alert coverage to 100% of services by Q3',
    'Improve paging so that the on-call is paged within 5 minutes, by 2026-03-15',
    'Improve retries until no request is dropped, before 15 March',
    'Reduce the error budget burn by 20% by March 15',
    'Improve restore time by 2 days by Q3',
    'Improve latency by 2000 ms',
    'Improve the deploy pipeline to separate 2 stages',
  ])('still accepts %j', (description) => {
    expect(codes(item({ id: 'a', description }))).toEqual([]);
  });

  it('flags missing owner, missing description and missing due date', () => {
    expect(codes(item({ id: 'a', owner: ' ' }))).toEqual(['missing_owner']);
    expect(codes(item({ id: 'a', dueAt: undefined }))).toEqual(['missing_due_date']);
    expect(codes(item({ id: 'a', description: '' }))).toEqual(['missing_element']);
  });

  it('flags a past due date on open items only; the due instant itself is not past', () => {
    const due = at(2025, 3, 15, 23, 59);
    expect(codes(item({ id: 'a' }), due + 1)).toEqual(['due_date_past']);
    expect(codes(item({ id: 'a' }), due)).toEqual([]);
    expect(codes(item({ id: 'a', status: 'done', doneAt: due }), due + 1)).toEqual([]);
    expect(codes(item({ id: 'a', status: 'wont_do' }), due + 1)).toEqual([]);
  });
});

describe('blamelessLint', () => {
  it.each([
    ['Root cause: human error.', 'human error'],
    ['Mehmet broke production.', 'Mehmet broke'],
    ['The on-call should have checked.', 'should have'],
    ['A careless change.', 'careless'],
    ['It was the fault of the database team.', 'the fault of'],
  ])('flags %j with a systemic suggestion', (text, span) => {
    const l = blamelessLint(text);
    expect(l).toHaveLength(1);
    expect(text.slice(l[0]?.start, l[0]?.end)).toBe(span);
    expect(l[0]?.suggestion).toMatch(/system|runbook|condition/i);
  });

  it('passes systemic wording', () => {
    expect(blamelessLint('The change process did not include a review step.')).toEqual([]);
  });
});

describe('lintReview', () => {
  it('is clean for a complete blameless review', () => {
    expect(lintReview(review(), now)).toEqual([]);
  });

  it('locates lints by path', () => {
    const r = review({
      summary: 'Caused by human error.',
      whys: ['Checkout failed.', 'Mehmet ran the wrong script.'],
      rootCause: '',
      actionItems: [item({ id: 'a', owner: '', description: 'Be more careful' })],
      timeline: [{ id: 't', at: 1, text: 'Declared' }],
    });
    expect(lintReview(r, now).map((x) => `${x.path}:${x.lint.code}`)).toEqual([
      'summary:blaming_language',
      'timeline:unvalidated_timeline',
      'whys[1]:why_stops_at_person',
      'rootCause:missing_element',
      'actionItems[0]:vague_action',
      'actionItems[0]:missing_owner',
    ]);
  });

  it('flags more than five whys and no action items', () => {
    const r = review({ whys: ['a', 'b', 'c', 'd', 'e', 'f'], actionItems: [] });
    expect(lintReview(r, now).map((x) => x.lint.code)).toEqual([
      'too_many_whys',
      'missing_element',
    ]);
  });
});
