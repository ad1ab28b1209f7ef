import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../types';
import { arrAtRisk, createReview, incidentDuration, prefillTimeline } from './timeline';

const t = (h: number, m: number): number => Date.UTC(2025, 2, 15, h, m);
const ev = (
  id: string,
  type: TimelineEvent['type'],
  at: number,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  id,
  type,
  at,
  ...extra,
});
const events: TimelineEvent[] = [
  ev('e3', 'status_page_posted', t(14, 12), { text: 'Initial post' }),
  ev('e1', 'declared', t(14, 0)),
  ev('e2', 'classified', t(14, 5), { severity: 2 }),
  ev('e5', 'resolved', t(15, 25)),
  ev('e4', 'note', t(14, 40), { text: 'Rolled back gateway route' }),
  ev('e0', 'note', t(13, 58), { text: 'Alert fired' }),
];

describe('prefillTimeline', () => {
  it('sorts events and describes them in words, unvalidated', () => {
    expect(prefillTimeline(events)).toEqual([
      { id: 'tl-e0', at: t(13, 58), text: 'Alert fired' },
      { id: 'tl-e1', at: t(14, 0), text: 'Declared' },
      { id: 'tl-e2', at: t(14, 5), text: 'Classified SEV-2' },
      { id: 'tl-e3', at: t(14, 12), text: 'Status page posted: Initial post' },
      { id: 'tl-e4', at: t(14, 40), text: 'Rolled back gateway route' },
      { id: 'tl-e5', at: t(15, 25), text: 'Resolved' },
    ]);
  });

  it('breaks ties by id', () => {
    const tie = [
      ev('b', 'note', 1, { text: 'B' }),
      ev('a', 'obligation_met', 1, { obligationId: 'exec' }),
    ];
    expect(prefillTimeline(tie).map((e) => e.text)).toEqual(['Obligation met: exec', 'B']);
  });
});

describe('incidentDuration', () => {
  it('runs from declared (not the earlier note) to resolved', () => {
    expect(incidentDuration(events)).toBe(85 * 60_000);
  });

  it('uses the earliest event without a declaration, and the last resolution', () => {
    const noDecl = events.filter((e) => e.type !== 'declared');
    expect(incidentDuration(noDecl)).toBe(87 * 60_000);
    expect(incidentDuration([...events, ev('e9', 'resolved', t(16, 0))])).toBe(120 * 60_000);
  });

  it('is null while unresolved or empty', () => {
    expect(incidentDuration(events.filter((e) => e.type !== 'resolved'))).toBeNull();
    expect(incidentDuration([])).toBeNull();
  });
});

describe('arrAtRisk', () => {
  const accounts = [
    { name: 'Acme', arr: 120_000 },
    { name: 'Globex', arr: 80_000 },
  ];
  it('prefers the entered value, else sums accounts, else null', () => {
    expect(arrAtRisk({ arrAtRisk: 50_000, accounts })).toBe(50_000);
    expect(arrAtRisk({ accounts })).toBe(200_000);
    expect(arrAtRisk({ accounts: [{ name: 'x', arr: Number.NaN }] })).toBeNull();
    expect(arrAtRisk({ accounts: [] })).toBeNull();
  });
});

describe('createReview', () => {
  it('prefills timeline and duration', () => {
    const r = createReview({ id: 'r1', incidentId: 'i1', title: 'T', events, now: t(16, 0) });
    expect(r.timeline).toHaveLength(6);
    expect(r.impact.durationMinutes).toBe(85);
    expect(r.createdAt).toBe(t(16, 0));
  });
});
