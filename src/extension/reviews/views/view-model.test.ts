import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { createReview, lintReview, type ActionItem, type Review } from '../../../core/review';
import type { EventRecord, IncidentRecord, ReviewRecord } from '../../db/schema';
import { endOfDay, toDateInput } from '../../ui/datetime-input';
import { amount, whyInputs } from './draft';
import { completionRows, dashboardView, lintsByPath, reviewListRows } from './view-model';
import { barGroups } from './bar-chart';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 20, 12); // 20 Jun 2025 (tests run in UTC)
const item = (id: string, dueAt: number, over: Partial<ActionItem> = {}): ActionItem => ({
  id,
  description: `Add ${id}`,
  owner: 'Ana',
  dueAt,
  status: 'open',
  createdAt: NOW - 60 * DAY,
  ...over,
});
const review = (id: string, items: ActionItem[], over: Partial<Review> = {}): ReviewRecord => ({
  ...createReview({ id, incidentId: `inc-${id}`, title: `Review ${id}`, events: [], now: 0 }),
  actionItems: items,
  ...over,
});

describe('the completion rate shown on the dashboard', () => {
  const june10 = Date.UTC(2025, 5, 10, 23, 59, 59, 999);
  const may5 = Date.UTC(2025, 4, 5, 23, 59, 59, 999);
  const reviews = [
    review('a', [
      item('runbook', june10),
      item('alert', june10, { status: 'done', doneAt: june10 - DAY }),
      item('late', may5, { status: 'done', doneAt: may5 + DAY }),
      item('ontime', may5, { status: 'done', doneAt: may5 - DAY }),
      item('skip', may5, { status: 'wont_do' }),
    ]),
  ];

  it('is done-by-due-date over due, per month, for the last 12 months, with "—" when nothing fell due', () => {
    const { months } = dashboardView(reviews, NOW, 'en-US', 'UTC');
    expect(months).toHaveLength(12);
    expect(months[0]?.month).toBe('2024-07');
    const june = months[11]!;
    expect([june.label, june.due, june.doneOnTime, june.rateText]).toEqual([
      'Jun 2025',
      2,
      1,
      '50%',
    ]);
    const may = months[10]!;
    expect([may.label, may.due, may.doneOnTime, may.rateText]).toEqual(['May 2025', 2, 1, '50%']);
    expect(months[9]?.rateText).toBe('—');
  });

  it('updates when an item is marked done by its due date', () => {
    const done = reviews.map((r) => ({
      ...r,
      actionItems: r.actionItems.map((a) =>
        a.id === 'runbook' ? { ...a, status: 'done' as const, doneAt: june10 - 1 } : a,
      ),
    }));
    expect(dashboardView(done, NOW, 'en-US', 'UTC').months[11]?.rateText).toBe('100%');
    expect(dashboardView(done, NOW, 'de-DE', 'UTC').months[11]?.rateText).toMatch(/^100\s?%$/);
  });

  it('lists overdue items first', () => {
    const rows = dashboardView(
      [review('b', [item('later', NOW + DAY), item('over', NOW - DAY)])],
      NOW,
      'en',
      'UTC',
    ).rows;
    expect(rows.map((r) => [r.item.id, r.overdue])).toEqual([
      ['over', true],
      ['later', false],
    ]);
  });

  it('draws one bar per month, proportional to the rate, and none for months without data', () => {
    const rows = completionRows(
      [
        { month: '2025-05', due: 2, doneOnTime: 1, rate: 0.5 },
        { month: '2025-06', due: 0, doneOnTime: 0, rate: null },
      ],
      'en',
    );
    const bars = barGroups(
      rows.map((r) => ({ month: r.month, rates: [r.rate] })),
      200,
      100,
    ).map((g) => g.bars[0]!);
    expect(bars.map((b) => [b.height, b.y, b.hasData])).toEqual([
      [50, 50, true],
      [0, 100, false],
    ]);
    expect(bars[1]!.x).toBeGreaterThan(bars[0]!.x + bars[0]!.width);
  });
});

describe('the reviews list', () => {
  const incident = (id: string, severity: 1 | 4, resolvedAt: number): IncidentRecord => ({
    id,
    title: id,
    components: [],
    publiclyVisible: true,
    startedAt: resolvedAt - DAY,
    declaredAt: resolvedAt - DAY,
    status: 'resolved',
    severity,
    resolvedAt,
    updatedAt: resolvedAt,
  });
  const timeline = (
    id: string,
    severity: 1 | 4,
    resolvedAt: number,
    published?: number,
  ): EventRecord[] => [
    { id: `${id}-d`, incidentId: id, type: 'declared', at: resolvedAt - DAY },
    { id: `${id}-c`, incidentId: id, type: 'classified', at: resolvedAt - DAY, severity },
    { id: `${id}-r`, incidentId: id, type: 'resolved', at: resolvedAt },
    ...(published
      ? [{ id: `${id}-p`, incidentId: id, type: 'review_published' as const, at: published }]
      : []),
  ];

  it('puts pending post-mortems first and shows their 48-hour deadline', () => {
    const events = new Map([
      ['done', timeline('done', 1, NOW - 2 * DAY, NOW - DAY)],
      ['pending', timeline('pending', 1, NOW - 3600_000)],
      ['minor', timeline('minor', 4, NOW - 600_000)],
    ]);
    const incidents = [
      incident('done', 1, NOW - 2 * DAY),
      incident('pending', 1, NOW - 3600_000),
      incident('minor', 4, NOW - 600_000),
    ];
    const rows = reviewListRows(
      incidents,
      [review('x', [], { incidentId: 'done' })],
      events,
      DEFAULT_POLICY,
      NOW,
    );
    expect(rows.map((r) => r.incident.id)).toEqual(['pending', 'minor', 'done']);
    expect(rows[0]?.postmortem?.dueAt).toBe(NOW - 3600_000 + 48 * 3600_000);
    expect(rows[1]?.postmortem).toBeUndefined(); // SEV-4 has no post-mortem obligation
    expect(rows[2]?.postmortem?.state).toBe('met');
    expect(rows[2]?.review?.id).toBe('x');
  });
});

describe('builder helpers', () => {
  it('stores the end of the chosen day and shows it back as the same day', () => {
    const at = endOfDay('2025-03-15');
    expect(at).toBe(Date.UTC(2025, 2, 15, 23, 59, 59, 999));
    expect(toDateInput(at ?? 0)).toBe('2025-03-15');
    expect(endOfDay('2025-02-31')).toBeNull();
    expect(endOfDay('')).toBeNull();
  });

  it('offers one why input more than answered, up to five', () => {
    expect(whyInputs([], 5)).toBe(1);
    expect(whyInputs(['a'], 5)).toBe(2);
    expect(whyInputs(['a', ''], 5)).toBe(2);
    expect(whyInputs(['a', 'b', 'c', 'd', 'e'], 5)).toBe(5);
    expect(amount('12')).toBe(12);
    expect(amount('-1')).toBeUndefined();
    expect(amount('')).toBeUndefined();
  });

  it('groups lints by field, so each shows under its input with the text it quotes', () => {
    const r = review(
      'c',
      [item('x', NOW + DAY, { description: 'Improve monitoring', owner: '' })],
      {
        whys: ['Mehmet ran the wrong script'],
        summary: 'This was human error.',
      },
    );
    const by = lintsByPath(lintReview(r, NOW));
    expect(by.get('actionItems[0]')?.map((l) => l.code)).toEqual(['vague_action', 'missing_owner']);
    expect(by.get('whys[0]')?.map((l) => l.code)).toContain('why_stops_at_person');
    expect(by.get('summary')?.map((l) => l.code)).toEqual(['blaming_language']);
  });
});
