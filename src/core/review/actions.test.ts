import { describe, expect, it } from 'vitest';
import { actionItemDashboard, completionRates, remindersDue } from './actions';
import { at, day, item, review } from './fixtures.test-kit';

describe('completionRates', () => {
  const now = at(2025, 3, 10);

  it('returns 12 months oldest first, ending with the month containing now', () => {
    const rows = completionRates([], now);
    expect(rows).toHaveLength(12);
    expect(rows[0]?.month).toBe('2024-04');
    expect(rows[11]).toEqual({ month: '2025-03', due: 0, doneOnTime: 0, rate: null });
  });

  it('counts on-time completion per due month across a month boundary', () => {
    const endOfJan = at(2025, 1, 31, 23, 59);
    const startOfFeb = at(2025, 2, 1, 0, 0);
    const rows = completionRates(
      [
        item({ id: 'a', dueAt: endOfJan, status: 'done', doneAt: endOfJan }), // on time (equal)
        item({ id: 'b', dueAt: endOfJan, status: 'done', doneAt: endOfJan + 1 }), // late
        item({ id: 'c', dueAt: startOfFeb, status: 'done', doneAt: startOfFeb - day }), // early
        item({ id: 'd', dueAt: startOfFeb, status: 'open' }), // missed
        item({ id: 'e', dueAt: startOfFeb, status: 'wont_do' }), // excluded
        item({ id: 'f', dueAt: undefined }), // excluded
      ],
      now,
      3,
    );
    expect(rows).toEqual([
      { month: '2025-01', due: 2, doneOnTime: 1, rate: 0.5 },
      { month: '2025-02', due: 2, doneOnTime: 1, rate: 0.5 },
      { month: '2025-03', due: 0, doneOnTime: 0, rate: null },
    ]);
  });

  it('uses the time zone for the month boundary', () => {
    const i = item({
      id: 'a',
      dueAt: at(2025, 1, 31, 20, 0),
      status: 'done',
      doneAt: at(2025, 1, 30),
    });
    expect(completionRates([i], now, 3, 'UTC')[0]?.due).toBe(1);
    const tokyo = completionRates([i], now, 3, 'Asia/Tokyo');
    expect(tokyo.map((r) => `${r.month}:${r.due}`)).toEqual([
      '2025-01:0',
      '2025-02:1',
      '2025-03:0',
    ]);
  });

  it('crosses a year and skips items outside the window', () => {
    const rows = completionRates(
      [
        item({ id: 'a', dueAt: at(2024, 12, 5), status: 'done', doneAt: at(2024, 12, 1) }),
        item({ id: 'old', dueAt: at(2023, 1, 1) }),
      ],
      at(2025, 1, 5),
      2,
    );
    expect(rows).toEqual([
      { month: '2024-12', due: 1, doneOnTime: 1, rate: 1 },
      { month: '2025-01', due: 0, doneOnTime: 0, rate: null },
    ]);
  });

  it('counts a not-yet-due open item this month only once it is done', () => {
    const later = at(2025, 3, 20);
    expect(completionRates([item({ id: 'a', dueAt: later })], now, 1)[0]?.due).toBe(0);
    expect(
      completionRates([item({ id: 'a', dueAt: later, status: 'done', doneAt: now })], now, 1)[0],
    ).toEqual({ month: '2025-03', due: 1, doneOnTime: 1, rate: 1 });
    expect(completionRates([item({ id: 'a', dueAt: now - 1 })], now, 1)[0]?.rate).toBe(0);
  });
});

describe('actionItemDashboard', () => {
  it('puts overdue first, then by due date, with the review title', () => {
    const now = at(2025, 3, 20);
    const r1 = review({
      id: 'r1',
      title: 'B review',
      actionItems: [
        item({ id: 'x', dueAt: at(2025, 3, 25) }),
        item({ id: 'done-early', dueAt: at(2025, 3, 1), status: 'done', doneAt: at(2025, 2, 1) }),
      ],
    });
    const r2 = review({
      id: 'r2',
      title: 'A review',
      actionItems: [item({ id: 'y', dueAt: at(2025, 3, 18) }), item({ id: 'z', dueAt: undefined })],
    });
    const rows = actionItemDashboard([r1, r2], now);
    expect(rows.map((r) => `${r.item.id}:${r.reviewTitle}:${r.overdue}`)).toEqual([
      'y:A review:true',
      'done-early:B review:false',
      'x:B review:false',
      'z:A review:false',
    ]);
  });
});

describe('remindersDue', () => {
  const now = at(2025, 3, 10);
  it('includes overdue and due within 2 days (inclusive), open only', () => {
    const items = [
      item({ id: 'edge', dueAt: now + 2 * day }),
      item({ id: 'beyond', dueAt: now + 2 * day + 1 }),
      item({ id: 'overdue', dueAt: now - 5 * day }),
      item({ id: 'done', dueAt: now, status: 'done', doneAt: now }),
      item({ id: 'wont', dueAt: now, status: 'wont_do' }),
      item({ id: 'undated', dueAt: undefined }),
      item({ id: 'now', dueAt: now }),
    ];
    expect(remindersDue(items, now).map((i) => i.id)).toEqual(['overdue', 'now', 'edge']);
    expect(remindersDue(items, now, 0).map((i) => i.id)).toEqual(['overdue', 'now']);
  });
});
