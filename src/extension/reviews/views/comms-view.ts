/**
 * Pure view logic of the communication dashboard: the monthly compliance per channel as table
 * rows (the bars are drawn by bar-chart.tsx from the same rows).
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
