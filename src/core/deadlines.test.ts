import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlinesAt, nextRunningDeadline, runningDeadlines } from './deadlines';
import { computeObligations, nextDeadline } from './obligations';
import { DEFAULT_POLICY, EVENT_TYPES } from './policy';
import type { Severity, TimelineEvent } from './types';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const DAY = 24 * 60 * 60_000;

/** Any event of an open incident (no resolution) in a three-day window. */
const eventArb: fc.Arbitrary<TimelineEvent> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom(...EVENT_TYPES.filter((t) => t !== 'resolved')),
    at: fc.integer({ min: T0, max: T0 + 3 * DAY }),
    severity: fc.constantFrom<Severity>(1, 2, 3, 4),
    obligationId: fc.constantFrom('status_page', 'exec_notice', 'status_updates', 'nope'),
    nextUpdateAt: fc.option(fc.integer({ min: T0, max: T0 + 4 * DAY }), { nil: undefined }),
  })
  .map(({ severity, obligationId, nextUpdateAt, ...e }) => ({
    ...e,
    ...(e.type === 'classified' || e.type === 'reclassified' ? { severity } : {}),
    ...(e.type === 'obligation_met' ? { obligationId } : {}),
    ...(nextUpdateAt !== undefined && e.type === 'status_page_posted' ? { nextUpdateAt } : {}),
  }));

const incidentArb = fc.record({
  events: fc.array(eventArb, { maxLength: 25 }),
  publiclyVisible: fc.option(fc.boolean(), { nil: undefined }),
  commonlyUsed: fc.option(fc.boolean(), { nil: undefined }),
});

describe('stored running deadlines (issue 22: the list reads no timeline)', () => {
  it('give the same next deadline at any time as computing from the timeline then', () => {
    fc.assert(
      fc.property(
        incidentArb,
        fc.integer({ min: T0 - DAY, max: T0 + 5 * DAY }),
        fc.integer({ min: T0 - DAY, max: T0 + 5 * DAY }),
        (incident, storedAt, readAt) => {
          // Computed whenever it was stored (even before an event's time: clocks differ in a
          // team), read at any time.
          const stored = runningDeadlines(computeObligations(incident, DEFAULT_POLICY, storedAt));
          expect(nextRunningDeadline(stored, readAt, DEFAULT_POLICY.dueSoonMinutes)).toEqual(
            nextDeadline(computeObligations(incident, DEFAULT_POLICY, readAt)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are, with their states at any later time, exactly the counting rows computed then', () => {
    // What the worker's refresh notifies from (issue 22: no timeline read for an open incident).
    const counting = new Set(['overdue', 'due_soon', 'upcoming']);
    fc.assert(
      fc.property(
        incidentArb,
        fc.integer({ min: T0 - DAY, max: T0 + 5 * DAY }),
        fc.integer({ min: T0 - DAY, max: T0 + 5 * DAY }),
        (incident, storedAt, readAt) => {
          const stored = runningDeadlines(computeObligations(incident, DEFAULT_POLICY, storedAt));
          expect(deadlinesAt(stored, readAt, DEFAULT_POLICY.dueSoonMinutes)).toEqual(
            computeObligations(incident, DEFAULT_POLICY, readAt).filter(
              (o) => o.dueAt !== null && counting.has(o.state),
            ),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('turn a stored deadline overdue at read time, with no recomputation', () => {
    const events: TimelineEvent[] = [
      { id: 'd', type: 'declared', at: T0 },
      { id: 'c', type: 'classified', at: T0, severity: 1 },
    ];
    const stored = runningDeadlines(computeObligations({ events }, DEFAULT_POLICY, T0));
    const soon = DEFAULT_POLICY.dueSoonMinutes;
    const first = nextRunningDeadline(stored, T0, soon);
    expect(first?.state).not.toBe('overdue');
    expect(nextRunningDeadline(stored, first!.dueAt! + 1, soon)).toMatchObject({
      ruleId: first!.ruleId,
      state: 'overdue',
    });
  });
});
