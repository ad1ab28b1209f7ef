import { describe, expect, it } from 'vitest';
import { at, item } from './fixtures.test-kit';
import { digestReady, itemReminders, weeklyDigest } from './reminders';

// Due at the end of Friday 14 March 2025 (the stored deadline is the end of the picked day).
const due = at(2025, 3, 14, 23, 59);
const open = item({ id: 'a', dueAt: due });

describe('itemReminders', () => {
  it('nothing three days before the due date', () => {
    expect(itemReminders([open], at(2025, 3, 11, 10), 'UTC')).toEqual([]);
  });

  it('one reminder 2 days before, by calendar day in the team’s zone', () => {
    const r = itemReminders([open], at(2025, 3, 12, 0, 5), 'UTC');
    expect(r.map((x) => [x.stage, x.daysLeft])).toEqual([['two_days', 2]]);
    // The key names the stage and the deadline: the same stage never reminds twice.
    expect(r[0]?.key).toBe(`two_days|${due}`);
    expect(itemReminders([open], at(2025, 3, 13, 9), 'UTC')[0]?.key).toBe(`two_days|${due}`);
  });

  it('one on the day, and one once overdue', () => {
    expect(itemReminders([open], at(2025, 3, 14, 8), 'UTC')[0]?.stage).toBe('due_today');
    expect(itemReminders([open], at(2025, 3, 15, 8), 'UTC')[0]?.stage).toBe('overdue');
  });

  it('reads the day in the zone: 23:59 UTC on the 14th is the 15th in Tokyo', () => {
    expect(itemReminders([open], at(2025, 3, 13, 16), 'Asia/Tokyo')[0]?.stage).toBe('two_days');
    expect(itemReminders([open], at(2025, 3, 14, 16), 'Asia/Tokyo')[0]?.stage).toBe('due_today');
  });

  it('done, won’t-do and undated items are not reminded', () => {
    const now = at(2025, 3, 14, 8);
    const items = [
      item({ id: 'b', dueAt: due, status: 'done', doneAt: now }),
      item({ id: 'c', dueAt: due, status: 'wont_do' }),
      item({ id: 'd', dueAt: undefined }),
    ];
    expect(itemReminders(items, now, 'UTC')).toEqual([]);
  });
});

describe('weeklyDigest', () => {
  // Wednesday 12 March 2025; the ISO week runs Monday 10 to Sunday 16.
  const now = at(2025, 3, 12, 10);
  const items = [
    item({ id: 'late', dueAt: at(2025, 3, 5, 23, 59) }),
    item({ id: 'fri', dueAt: due }),
    item({ id: 'sun', dueAt: at(2025, 3, 16, 23, 59) }),
    item({ id: 'next', dueAt: at(2025, 3, 17, 23, 59) }),
    item({ id: 'done', dueAt: at(2025, 3, 5), status: 'done', doneAt: at(2025, 3, 4) }),
  ];

  it('overdue items, and items due by the end of this week', () => {
    const d = weeklyDigest(items, now, 'UTC');
    expect(d.key).toBe('digest|2025-W11');
    expect(d.overdue.map((i) => i.id)).toEqual(['late']);
    expect(d.dueThisWeek.map((i) => i.id)).toEqual(['fri', 'sun']);
  });

  it('the week key crosses a year boundary the ISO way', () => {
    expect(weeklyDigest([], at(2024, 12, 30, 10), 'UTC').key).toBe('digest|2025-W01');
    expect(weeklyDigest([], at(2027, 1, 1, 10), 'UTC').key).toBe('digest|2026-W53');
  });

  it('is ready from 09:00 local time', () => {
    expect(digestReady(at(2025, 3, 10, 8, 59), 'UTC')).toBe(false);
    expect(digestReady(at(2025, 3, 10, 9, 0), 'UTC')).toBe(true);
    expect(digestReady(at(2025, 3, 10, 0, 30), 'Asia/Tokyo')).toBe(true);
  });
});
