import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeObligations, isMetState, nextDeadline } from './obligations';
import { DEFAULT_POLICY, EVENT_TYPES } from './policy';
import type { Severity, TimelineEvent } from './types';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const DAY = 24 * 60 * 60_000;

/** Any event type at any time in a three-day window, with a severity or obligation id where it matters. */
const eventArb: fc.Arbitrary<TimelineEvent> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom(...EVENT_TYPES),
    at: fc.integer({ min: T0, max: T0 + 3 * DAY }),
    severity: fc.constantFrom<Severity>(1, 2, 3, 4),
    obligationId: fc.constantFrom(
      'status_page',
      'exec_notice',
      'postmortem',
      'status_updates',
      'nope',
    ),
  })
  .map(({ severity, obligationId, ...e }) => ({
    ...e,
    ...(e.type === 'classified' || e.type === 'reclassified' ? { severity } : {}),
    ...(e.type === 'obligation_met' ? { obligationId } : {}),
  }));

const incidentArb = fc.record({
  events: fc.array(eventArb, { maxLength: 25 }),
  publiclyVisible: fc.option(fc.boolean(), { nil: undefined }),
  commonlyUsed: fc.option(fc.boolean(), { nil: undefined }),
});
const nowArb = fc.integer({ min: T0, max: T0 + 4 * DAY });

describe('obligations: properties', () => {
  it('adding an event never turns a met obligation unmet', () => {
    fc.assert(
      fc.property(incidentArb, eventArb, nowArb, (incident, next, now) => {
        // A timeline grows at its end: the new event comes after the latest one. (An event
        // inserted before the others, such as a resolution dated before the classification, may
        // rightly make a duty not applicable.)
        const last = Math.max(0, ...incident.events.map((e) => e.at));
        const extra = { ...next, at: Math.max(next.at, last + 1) };
        const before = computeObligations(incident, DEFAULT_POLICY, now);
        const after = computeObligations(
          { ...incident, events: [...incident.events, extra] },
          DEFAULT_POLICY,
          now,
        );
        // A severity change starts the new level's update cadence afresh: a recurring duty (one
        // with a period) then owes its next update, which is not a met duty turned unmet.
        const severityChange = extra.type === 'classified' || extra.type === 'reclassified';
        for (const b of before.filter((s) => isMetState(s.state))) {
          if (severityChange && b.everyMinutes !== undefined) continue;
          // A reclassification may swap the level's rule set; every rule still listed stays met.
          const a = after.find((s) => s.ruleId === b.ruleId);
          if (a)
            expect(isMetState(a.state), `${b.ruleId} was ${b.state}, now ${a.state}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no deadline precedes its anchor', () => {
    fc.assert(
      fc.property(incidentArb, nowArb, (incident, now) => {
        for (const s of computeObligations(incident, DEFAULT_POLICY, now)) {
          if (s.dueAt !== null) {
            expect(s.anchorAt).not.toBeNull();
            expect(s.dueAt).toBeGreaterThanOrEqual(s.anchorAt as number);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the result does not depend on event order', () => {
    fc.assert(
      fc.property(incidentArb, nowArb, (incident, now) => {
        // Distinct times: equal times legitimately keep their recorded order.
        const seen = new Set<number>();
        const events = incident.events.map((e) => {
          let at = e.at;
          while (seen.has(at)) at += 1;
          seen.add(at);
          return { ...e, at };
        });
        const reversed = [...events].reverse();
        expect(computeObligations({ ...incident, events: reversed }, DEFAULT_POLICY, now)).toEqual(
          computeObligations({ ...incident, events }, DEFAULT_POLICY, now),
        );
      }),
    );
  });

  it('states agree with the clock, and the next deadline is the earliest unmet one', () => {
    fc.assert(
      fc.property(incidentArb, nowArb, (incident, now) => {
        const statuses = computeObligations(incident, DEFAULT_POLICY, now);
        for (const s of statuses) {
          if (s.state === 'overdue') expect(now).toBeGreaterThan(s.dueAt as number);
          if (s.state === 'upcoming' && s.dueAt !== null)
            expect(s.dueAt - now).toBeGreaterThan(5 * 60_000);
          if (s.state === 'met') expect(s.metAt).toBeDefined();
        }
        const next = nextDeadline(statuses);
        const live = statuses.filter(
          (s) =>
            s.dueAt !== null &&
            !isMetState(s.state) &&
            s.state !== 'not_applicable' &&
            s.state !== 'missed',
        );
        if (next)
          for (const s of live) expect(next.dueAt as number).toBeLessThanOrEqual(s.dueAt as number);
        else expect(live).toEqual([]);
      }),
    );
  });
});
