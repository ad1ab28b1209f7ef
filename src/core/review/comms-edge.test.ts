import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../types';
import type { CommsTally } from './comms-monthly';
import { packEdge, packTally, unpackEdge, unpackTally } from './comms-edge';
import { applyTally, emptyTotals, fromStored, isEmptyTotals, toStored } from './comms-totals';
import { nearMonthEdge, nearZoneMonthEdge, zoneOffsetsInRange } from '../time';

const HOUR = 3_600_000;
const COUNT = fc.record({ due: fc.nat(1000), onTime: fc.nat(1000) });
const METRIC = fc.constantFrom('status_page', 'customers', 'executives', 'cadence' as const);
const tally: fc.Arbitrary<CommsTally & { id: string }> = fc.record(
  {
    id: fc.string(),
    classifiedAt: fc.integer({ min: 0, max: 4e12 }),
    highestSeverity: fc.constantFrom<Severity>(1, 2, 3, 4),
    counts: fc.record({ status_page: COUNT, customers: COUNT, executives: COUNT, cadence: COUNT }),
    pending: fc.array(fc.record({ metric: METRIC, dueAt: fc.integer({ min: 0, max: 4e12 }) }), {
      maxLength: 3,
    }),
    tails: fc.array(fc.record({ dueAt: fc.integer({ min: 0, max: 4e12 }), everyMs: fc.nat(1e9) }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ['id', 'classifiedAt', 'highestSeverity', 'counts', 'pending'] },
);

describe('edge tallies in their stored, compact form (issue 22)', () => {
  it('give back exactly the tallies packed, in order, tails or none', () => {
    fc.assert(
      fc.property(fc.array(tally, { maxLength: 20 }), (edge) => {
        expect(unpackEdge(packEdge(edge))).toEqual(edge);
        // Stored and read back through IndexedDB's copy (structured clone): the same.
        expect(unpackEdge(structuredClone(packEdge(edge)))).toEqual(edge);
      }),
    );
  });

  it('one tally in its flat form (DB v11, an open incident’s) gives back exactly the tally', () => {
    fc.assert(
      fc.property(tally, ({ id: _id, ...t }) => {
        expect(unpackTally(packTally(t))).toEqual(t);
        expect(unpackTally(structuredClone(packTally(t)))).toEqual(t);
      }),
    );
  });

  it('a month stored and read back is the same month; one without edge tallies stores none', () => {
    fc.assert(
      fc.property(fc.array(tally, { maxLength: 5 }), (edge) => {
        const month = { ...emptyTotals('2026-05'), stamps: { p: edge.length }, edge };
        expect(fromStored(toStored(month))).toEqual(month);
        expect('edge' in toStored(month)).toBe(false);
        expect('packedEdge' in toStored(month)).toBe(edge.length > 0);
      }),
    );
    // A month as v8 and v9 stored it (edge as objects) is read as it is.
    const legacy = { ...emptyTotals('2026-05'), stamps: { p: 1 }, edge: [] };
    expect(fromStored(legacy)).toEqual(legacy);
  });
});

describe('the edge window: 12 hours after a UTC month starts, 14 before it ends', () => {
  const start = Date.UTC(2026, 4, 1);
  const next = Date.UTC(2026, 5, 1);
  it('holds what a zone -12..+14 h from UTC puts in another month, and nothing else', () => {
    expect(nearZoneMonthEdge(start)).toBe(true);
    expect(nearZoneMonthEdge(start + 12 * HOUR - 1)).toBe(true);
    expect(nearZoneMonthEdge(start + 12 * HOUR)).toBe(false);
    expect(nearZoneMonthEdge(next - 14 * HOUR - 1)).toBe(false);
    expect(nearZoneMonthEdge(next - 14 * HOUR)).toBe(true);
    expect(nearZoneMonthEdge(next - 1)).toBe(true);
  });

  it("a tally kept whole by v8's wider window is removed from where it is", () => {
    // Kept whole by v8 (within a day of the start), now summed when added: removing it empties
    // the month instead of subtracting it from sums it is not in.
    const at = start + 20 * HOUR;
    expect(nearMonthEdge(at) && !nearZoneMonthEdge(at)).toBe(true);
    const t: CommsTally = {
      classifiedAt: at,
      highestSeverity: 2,
      counts: {
        status_page: { due: 1, onTime: 1 },
        customers: { due: 1, onTime: 0 },
        executives: { due: 0, onTime: 0 },
        cadence: { due: 2, onTime: 1 },
      },
      pending: [{ metric: 'customers', dueAt: at + HOUR }],
    };
    const v8 = { ...emptyTotals('2026-05'), stamps: { p: 1 }, edge: [{ ...t, id: 'a' }] };
    const removed = applyTally(v8, 'a', t, 'p', -1);
    expect(isEmptyTotals(removed)).toBe(true);
    expect(removed).toEqual(emptyTotals('2026-05'));
    // Added now, it is summed; removed again, nothing is left.
    const added = applyTally(emptyTotals('2026-05'), 'a', t, 'p', 1);
    expect(added.edge).toEqual([]);
    expect(added.bySeverity[2]?.customers).toEqual({ due: 1, onTime: 0 });
    const back = applyTally(added, 'a', t, 'p', -1);
    expect(isEmptyTotals(back)).toBe(true);
    expect(back.pending).toEqual([]);
    expect(Object.values(back.bySeverity[2]!).every((c) => c.due === 0 && c.onTime === 0)).toBe(
      true,
    );
  });

  it('zones in use today are within it; a 19th-century local mean time beyond it is not', () => {
    for (const zone of [
      'UTC',
      'Pacific/Kiritimati',
      'Etc/GMT+12',
      'Pacific/Pago_Pago',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'America/St_Johns',
      'Europe/Berlin',
    ])
      expect(zoneOffsetsInRange(zone, '2025-03', '2026-07')).toBe(true);
    // Manila kept America's date until 1844 (-15:56), Sitka Russia's until 1867 (+14:58).
    expect(zoneOffsetsInRange('Asia/Manila', '1843-11', '1844-02')).toBe(false);
    expect(zoneOffsetsInRange('America/Sitka', '1859-11', '1860-02')).toBe(false);
  });
});
