import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import type { Severity, TimelineEvent, TimelineEventType } from '../types';
import { communicationCompliance } from './compliance';
import { completionRates } from './actions';
import { commsTally, monthlyCommsFromTallies, type CommsTally } from './comms-monthly';
import {
  applyTally,
  emptyTotals,
  fromStored,
  isEmptyTotals,
  monthlyCommsFromTotals,
  totalsMonth,
  toStored,
  totalsMonthsFor,
  type CommsTotals,
} from './comms-totals';
import {
  applyCompletion,
  completionEntry,
  completionFromTotals,
  completionMonth,
  emptyCompletion,
  type CompletionTotals,
} from './completion-totals';
import type { ActionItem } from './model';

/**
 * Issue 22: the dashboard's monthly totals, kept by adding an incident's new tally and removing its
 * old one at every write, give exactly the report of the tallies themselves, in any time zone
 * (edges of months included), after any sequence of writes.
 */
const NOW = Date.UTC(2026, 4, 31, 23, 30); // late in a month: zones east of UTC are in June
const DAY = 86_400_000;
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Europe/Berlin'];
const COUNT = fc.record({ due: fc.nat(3), onTime: fc.nat(3) });
// Times clustered around month edges half the time: where zones disagree on the month.
const edgeTime = fc
  .tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: -30 * 3_600_000, max: 30 * 3_600_000 }))
  .map(([m, off]) => Date.UTC(2025, 4 + m, 1) + off);
const anyTime = fc.integer({ min: NOW - 420 * DAY, max: NOW + 20 * DAY });
const time = fc.oneof(edgeTime, anyTime);

const tallyArb: fc.Arbitrary<CommsTally> = fc.record({
  classifiedAt: time,
  highestSeverity: fc.constantFrom<Severity>(1, 2, 3, 4),
  counts: fc.record({ status_page: COUNT, customers: COUNT, executives: COUNT, cadence: COUNT }),
  pending: fc.array(
    fc.record({
      metric: fc.constantFrom('status_page', 'customers', 'executives', 'cadence' as const),
      dueAt: fc.integer({ min: NOW - 40 * DAY, max: NOW + 40 * DAY }),
    }),
    { maxLength: 2 },
  ),
});

/** Writes: an incident's tally set (or removed: null), as the stored tallies would change. */
const writes = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.option(tallyArb)), {
  maxLength: 40,
});

describe('monthly totals of the communication report', () => {
  it('equal the report of the stored tallies after any writes, in any zone and severity filter', () => {
    fc.assert(
      fc.property(
        writes,
        fc.constantFrom(...ZONES),
        fc.subarray<Severity>([1, 2, 3, 4]),
        (ops, timeZone, severities) => {
          const stored = new Map<string, CommsTally>();
          const months = new Map<string, CommsTotals>();
          const move = (id: string, t: CommsTally, sign: 1 | -1) => {
            const m = totalsMonth(t);
            // Through the stored form and IndexedDB's copy, as db/comms-totals.ts keeps them.
            const had = months.get(m);
            const read = had ? fromStored(structuredClone(toStored(had))) : emptyTotals(m);
            const next = applyTally(read, id, t, 'p', sign);
            if (isEmptyTotals(next)) months.delete(m);
            else months.set(m, next);
          };
          for (const [n, tally] of ops) {
            const id = `inc-${n}`;
            const old = stored.get(id);
            if (old) move(id, old, -1);
            if (tally) {
              move(id, tally, 1);
              stored.set(id, tally);
            } else stored.delete(id);
          }
          const [from, to] = totalsMonthsFor(NOW, 12, timeZone);
          const read = [...months.values()].filter((t) => t.month >= from && t.month <= to);
          const options = { months: 12, timeZone, severities };
          expect(monthlyCommsFromTotals(read, NOW, options)).toEqual(
            monthlyCommsFromTallies([...stored.values()], NOW, options),
          );
          // Nothing is left of an incident removed: every month's stamps count its tallies.
          const counted = [...months.values()].reduce((n, t) => n + (t.stamps.p ?? 0), 0);
          expect(counted).toBe(stored.size);
        },
      ),
    );
  });
});

const itemArb: fc.Arbitrary<ActionItem> = fc
  .record({
    dueAt: fc.option(time, { nil: undefined }),
    status: fc.constantFrom('open', 'done', 'wont_do' as const),
    late: fc.integer({ min: -5 * DAY, max: 5 * DAY }),
  })
  .map(({ dueAt, status, late }) => ({
    id: 'a',
    description: 'Alert on it',
    owner: 'Ana',
    createdAt: NOW - 400 * DAY,
    status,
    ...(dueAt === undefined ? {} : { dueAt }),
    ...(status === 'done' ? { doneAt: (dueAt ?? NOW) + late } : {}),
  }));

describe('monthly totals of the action-item completion rate', () => {
  it('equal completionRates of the items after any writes, in any zone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.option(itemArb)), { maxLength: 40 }),
        fc.constantFrom(...ZONES),
        (ops, timeZone) => {
          const stored = new Map<string, ActionItem>();
          const months = new Map<string, CompletionTotals>();
          const move = (key: string, item: ActionItem, sign: 1 | -1) => {
            const e = completionEntry(item);
            if (!e) return;
            const m = completionMonth(e.dueAt);
            months.set(m, applyCompletion(months.get(m) ?? emptyCompletion(m), key, e, sign));
          };
          for (const [n, item] of ops) {
            const key = `item-${n}`;
            const old = stored.get(key);
            if (old) move(key, old, -1);
            if (item) {
              move(key, item, 1);
              stored.set(key, item);
            } else stored.delete(key);
          }
          const [from, to] = totalsMonthsFor(NOW, 12, timeZone);
          const read = [...months.values()].filter((t) => t.month >= from && t.month <= to);
          expect(completionFromTotals(read, NOW, 12, timeZone)).toEqual(
            completionRates([...stored.values()], NOW, 12, timeZone),
          );
        },
      ),
    );
  });
});

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 3, 9, 0);
const eventArb: fc.Arbitrary<TimelineEvent> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom<TimelineEventType>(
      'classified',
      'reclassified',
      'status_page_posted',
      'update_posted',
      'customers_notified',
      'execs_notified',
      'note',
      'resolved',
    ),
    at: fc.integer({ min: T0, max: T0 + 300 * MIN }),
    severity: fc.constantFrom<Severity>(1, 2, 3, 4),
  })
  .map(({ severity, ...e }) => ({
    ...e,
    ...(e.type === 'classified' || e.type === 'reclassified' ? { severity } : {}),
  }));

describe('an open incident’s stored tally', () => {
  it('judged later (pending duties, running cadences) equals its tally computed then, when nothing was recorded since', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 20 }),
        fc.integer({ min: 0, max: 200 * MIN }),
        fc.integer({ min: 0, max: 2_000 * MIN }),
        (events, after, later) => {
          const incident = { events, publiclyVisible: true };
          const computed = T0 + 300 * MIN + after; // after every event: nothing recorded since
          const now = computed + later;
          const stored = commsTally(communicationCompliance(incident, DEFAULT_POLICY, computed));
          const fresh = commsTally(communicationCompliance(incident, DEFAULT_POLICY, now));
          const options = { months: 12, timeZone: 'UTC' };
          expect(monthlyCommsFromTallies(stored ? [stored] : [], now, options)).toEqual(
            monthlyCommsFromTallies(fresh ? [fresh] : [], now, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
