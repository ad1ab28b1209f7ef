import { describe, expect, it } from 'vitest';
import { findBlame } from './blame';

describe('findBlame: a named person as the cause', () => {
  it.each([
    ['Mehmet made a mistake.', 'Mehmet made a mistake'],
    ['Mehmet made an error in the config.', 'Mehmet made an error'],
    ['Mehmet made a configuration mistake.', 'Mehmet made a configuration mistake'],
    ['Mehmet caused the outage.', 'Mehmet caused'],
    ["Mehmet's change broke checkout.", "Mehmet's change broke"],
    ['Mehmet’s deploy caused the outage.', 'Mehmet’s deploy caused'],
    ["Mehmet's config change broke checkout.", "Mehmet's config change broke"],
    ["Mehmet's mistake took checkout down.", "Mehmet's mistake"],
    ['Mehmet pushed a bad config.', 'Mehmet pushed a bad config'],
    ['Mehmet fat-fingered the route table.', 'Mehmet fat-fingered'],
  ])('flags %j', (text, span) => {
    const l = findBlame(text);
    expect(l).toHaveLength(1);
    expect(text.slice(l[0]?.start, l[0]?.end)).toBe(span);
    expect(l[0]).toMatchObject({ messageId: 'blame_named_cause', params: ['Mehmet'] });
    expect(l[0]?.message).toBe('This names Mehmet as the cause');
  });
});

describe('findBlame: a role as the cause', () => {
  it.each([
    ['An engineer made a mistake.', 'An engineer made a mistake'],
    ['The on-call engineer caused the outage.', 'The on-call engineer caused'],
    ["The engineer's change broke checkout.", "The engineer's change broke"],
    ["The operator's mistake took checkout down.", "The operator's mistake"],
  ])('flags %j', (text, span) => {
    const l = findBlame(text);
    expect(l).toHaveLength(1);
    expect(text.slice(l[0]?.start, l[0]?.end)).toBe(span);
    expect(l[0]?.messageId).toBe('blame_person_cause');
  });
});

describe('findBlame: neutral sentences', () => {
  it.each([
    'Mehmet will add the review step to the runbook by March 15.',
    'Mehmet will add the review step',
    'The change caused the outage.',
    'Change caused the outage.',
    'Traffic caused the spike.',
    'A configuration change caused the outage.',
    'Mehmet made the change after the review.',
    "Mehmet's team will add the review step.",
    "Mehmet's change was deployed without a review step.",
    "Here's what broke.",
    "It's what caused the outage.",
    'DNS caused the outage.',
    'The runbook made no mention of the flag.',
  ])('does not flag %j', (text) => {
    expect(findBlame(text)).toEqual([]);
  });
});
