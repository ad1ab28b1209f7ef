import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, EVENT_TYPES } from '../policy';
import type { Severity, TimelineEvent } from '../types';
import { communicationCompliance } from './compliance';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
const MIN = 60_000;

const eventArb: fc.Arbitrary<TimelineEvent> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom(...EVENT_TYPES),
    at: fc.integer({ min: T0, max: T0 + 600 * MIN }),
    severity: fc.constantFrom<Severity>(1, 2, 3, 4),
    promise: fc.option(fc.integer({ min: T0, max: T0 + 700 * MIN }), { nil: undefined }),
  })
  .map(({ severity, promise, ...e }) => ({
    ...e,
    ...(e.type === 'classified' || e.type === 'reclassified' ? { severity } : {}),
    ...(e.type === 'update_posted' && promise !== undefined ? { nextUpdateAt: promise } : {}),
  }));

const incidentArb = fc.record({
  events: fc.array(eventArb, { maxLength: 30 }),
  publiclyVisible: fc.option(fc.boolean(), { nil: undefined }),
  commonlyUsed: fc.option(fc.boolean(), { nil: undefined }),
});
const nowArb = fc.integer({ min: T0, max: T0 + 900 * MIN });

describe('communication compliance: properties', () => {
  it('the cadence adds up, its deadlines only move forward, and nothing counted is due after now', () => {
    fc.assert(
      fc.property(incidentArb, nowArb, (incident, now) => {
        for (const c of communicationCompliance(incident, DEFAULT_POLICY, now).cadences) {
          expect(c.onTime + c.late + c.missed).toBe(c.owed);
          c.slots.forEach((s, i) => {
            if (i > 0) expect(s.dueAt).toBeGreaterThanOrEqual(c.slots[i - 1]!.dueAt);
            expect(s.dueAt).toBeLessThanOrEqual(now);
            if (s.outcome === 'met') expect(s.metAt).toBeLessThanOrEqual(s.dueAt);
            if (s.outcome === 'late') expect(s.metAt).toBeGreaterThan(s.dueAt);
          });
          if (c.longestGapMs !== null) expect(c.longestGapMs).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('a duty is late exactly when it was met after its deadline', () => {
    fc.assert(
      fc.property(incidentArb, nowArb, (incident, now) => {
        for (const d of communicationCompliance(incident, DEFAULT_POLICY, now).duties) {
          if (d.outcome === 'late') expect(d.lateMs).toBe(d.metAt! - d.dueAt!);
          if (d.outcome === 'met' && d.dueAt !== null) expect(d.metAt).toBeLessThanOrEqual(d.dueAt);
          if (d.outcome === 'missed') expect(d.metAt).toBeUndefined();
        }
      }),
    );
  });

  it('posting every cadence on the minute is always on time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        const events: TimelineEvent[] = [
          { id: 'c', type: 'classified', at: T0, severity: 2 },
          { id: 'p0', type: 'status_page_posted', at: T0 + 10 * MIN },
          ...Array.from({ length: n }, (_, i) => ({
            id: `u${i}`,
            type: 'update_posted' as const,
            at: T0 + (10 + 30 * (i + 1)) * MIN,
          })),
          { id: 'r', type: 'resolved', at: T0 + (10 + 30 * n + 29) * MIN },
        ];
        const c = communicationCompliance({ events }, DEFAULT_POLICY, T0 + 2000 * MIN).cadences[0]!;
        expect([c.onTime, c.owed]).toEqual([n, n]);
        expect(c.longestGapMs).toBe(30 * MIN);
      }),
    );
  });
});
