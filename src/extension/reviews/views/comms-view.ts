/**
 * Pure view logic of the communication dashboard: the monthly compliance per channel as table
 * rows and as grouped-bar geometry (one group per month, one bar per channel).
 */
import { COMMS_METRICS, type CommsMetric, type MonthlyComms } from '../../../core/review';

/** i18n keys of the channel names. */
export const METRIC_KEYS: Record<CommsMetric, string> = {
  status_page: 'rvd_statusPage',
  customers: 'rvd_customers',
  executives: 'rvd_executives',
  cadence: 'rvd_cadence',
};

/** One month of the compliance table: "1/2 (50%)" per channel, "—" when nothing was due. */
export interface CommsRow {
  month: string;
  label: string;
  cells: Record<CommsMetric, { text: string; rate: number | null }>;
}

export function commsRows(rows: readonly MonthlyComms[], locale: string): CommsRow[] {
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return rows.map((r) => {
    const [y, m] = r.month.split('-').map(Number) as [number, number];
    const cells = {} as CommsRow['cells'];
    for (const k of COMMS_METRICS) {
      const c = r.channels[k];
      cells[k] = {
        rate: c.rate,
        text: c.rate === null ? '—' : `${c.onTime}/${c.due} (${pct.format(c.rate)})`,
      };
    }
    return { month: r.month, label: month.format(Date.UTC(y, m - 1, 15)), cells };
  });
}

export interface CommsBar {
  metric: CommsMetric;
  x: number;
  y: number;
  width: number;
  height: number;
  hasData: boolean;
}

export interface CommsGroup {
  month: string;
  /** Centre of the group, for the month label. */
  cx: number;
  bars: CommsBar[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Grouped bars: each month a slot, each channel a bar of height rate × `height`. */
export function commsBars(
  rows: readonly MonthlyComms[],
  width: number,
  height: number,
): CommsGroup[] {
  const slot = rows.length > 0 ? width / rows.length : width;
  const inner = slot * 0.8;
  const bar = Math.max(1, inner / COMMS_METRICS.length);
  return rows.map((row, i) => {
    const left = i * slot + (slot - inner) / 2;
    return {
      month: row.month,
      cx: r1(i * slot + slot / 2),
      bars: COMMS_METRICS.map((metric, j) => {
        const rate = row.channels[metric].rate;
        // A 0% month still shows a sliver in the channel's colour: "none on time" is not "none due".
        const h = rate === null ? 0 : Math.max(2, r1(rate * height));
        return {
          metric,
          x: r1(left + j * bar),
          y: height - h,
          width: r1(bar),
          height: h,
          hasData: rate !== null,
        };
      }),
    };
  });
}
