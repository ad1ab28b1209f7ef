import { describe, expect, it } from 'vitest';
import { at, item } from './fixtures.test-kit';
import { lintActionItem } from './lint';

const now = at(2025, 3, 10);
const vague = (description: string) =>
  lintActionItem(item({ id: 'a', description }), now).find((l) => l.code === 'vague_action');

describe('vague action items: no measurable verb or object', () => {
  it.each([
    ['Work on reliability', 'Work on'],
    ['Address performance issues', 'Address'],
    ['Follow up on alerting', 'Follow up on'],
    ['Strengthen the deploy process', 'Strengthen'],
    ['Streamline incident handoffs', 'Streamline'],
    ['Better alerting', 'Better'],
  ])('a verb that names no result: %j', (description, span) => {
    const l = vague(description);
    expect(description.slice(l?.start, l?.end)).toBe(span);
  });

  it.each([
    ['Fix things', 'things'],
    ['Fix the issues', 'issues'],
    ['Update the process.', 'process'],
    ['Sort it out', 'it'],
  ])('an object that names nothing: %j', (description, span) => {
    const l = vague(description);
    expect(l?.params).toEqual([span]);
  });

  it.each([
    'Add a review step for routing configuration changes to the runbook',
    'Fix the retry loop in the payment client',
    'Update the on-call runbook with the gateway rollback steps',
    'Address the 3 alert rules that fired late',
    'Strengthen the TLS config so that TLS 1.0 is refused',
  ])('a concrete item passes: %j', (description) => {
    expect(vague(description)).toBeUndefined();
  });
});
