import { describe, expect, it } from 'vitest';
import { COMMS_METRICS, type MonthlyComms } from '../../../core/review';
import { barGroups } from './bar-chart';
import { COMMS_LAYOUT } from './comms-chart';
import { commsRows } from './comms-view';

/** The grouped bars the dashboard draws: one group per month, one bar per channel. */
const commsBars = (rows: readonly MonthlyComms[], width: number, height: number) =>
  barGroups(
    rows.map((r) => ({ month: r.month, rates: COMMS_METRICS.map((m) => r.channels[m].rate) })),
    width,
    height,
    COMMS_METRICS,
    COMMS_LAYOUT,
  );

const tally = (due: number, onTime: number) => ({
  due,
  onTime,
  rate: due === 0 ? null : onTime / due,
});
const months: MonthlyComms[] = [
  {
    month: '2026-11',
    channels: {
      status_page: tally(2, 1),
      customers: tally(1, 1),
      executives: tally(0, 0),
      cadence: tally(4, 3),
    },
  },
  {
    month: '2026-12',
    channels: {
      status_page: tally(0, 0),
      customers: tally(0, 0),
      executives: tally(0, 0),
      cadence: tally(0, 0),
    },
  },
];

describe('communication dashboard view', () => {
  it('table cells read on time / due with the rate, and a dash when nothing was due', () => {
    const rows = commsRows(months, 'en');
    expect(rows[0]?.label).toBe('Nov 2026');
    expect(rows[0]?.cells.status_page.text).toBe('1/2 (50%)');
    expect(rows[0]?.cells.cadence.text).toBe('3/4 (75%)');
    expect(rows[0]?.cells.executives.text).toBe('—');
  });

  it('one group per month, one bar per channel, height by rate, no bar without data', () => {
    const groups = commsBars(months, 400, 100);
    expect(groups.map((g) => g.cx)).toEqual([100, 300]);
    const first = groups[0]!.bars;
    expect(first.map((b) => [b.key, b.height, b.hasData])).toEqual([
      ['status_page', 50, true],
      ['customers', 100, true],
      ['executives', 0, false],
      ['cadence', 75, true],
    ]);
    // Bars sit side by side inside the month's slot.
    expect(first[1]!.x - first[0]!.x).toBe(first[0]!.width);
    expect(groups[1]!.bars.every((b) => !b.hasData)).toBe(true);
    // 0% on time is drawn (a sliver), unlike a month with nothing due.
    const zero = commsBars(
      [{ ...months[0]!, channels: { ...months[0]!.channels, customers: tally(1, 0) } }],
      400,
      100,
    );
    expect(zero[0]!.bars[1]).toMatchObject({ hasData: true, height: 2, y: 98 });
  });
});
