import { COMMS_METRICS, type MonthlyComms } from '../../../core/review';
import { t, uiLocale } from '../../i18n/translate';
import { BarChart, type BarLayout } from './bar-chart';
import { commsRows, METRIC_KEYS } from './comms-view';

/** Four bars a month fill more of its slot; a 0 % month still shows a sliver in its colour. */
export const COMMS_LAYOUT: BarLayout = { fill: 0.8, minHeight: 2 };

/**
 * Monthly communication-SLA compliance per channel as grouped bars (the one BarChart), with the
 * same numbers in a table. A legend names the bars in their order.
 */
export function CommsChart({ rows }: { rows: readonly MonthlyComms[] }) {
  const table = commsRows(rows, uiLocale());
  return (
    <div class="chart-wrap">
      <BarChart
        id="rv-comms-chart"
        title={t('rvd_chartTitle')}
        months={table.map((r) => ({
          month: r.month,
          label: r.label,
          rates: COMMS_METRICS.map((m) => r.cells[m].rate),
        }))}
        series={COMMS_METRICS.map((m) => ({ key: m, label: t(METRIC_KEYS[m]) }))}
        layout={COMMS_LAYOUT}
      />
      <table data-testid="rv-comms-table">
        <caption>{t('rvd_tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash_month')}</th>
            {COMMS_METRICS.map((m) => (
              <th scope="col" class="num" key={m}>
                {t(METRIC_KEYS[m])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.map((r) => (
            <tr key={r.month} data-month={r.month}>
              <th scope="row">{r.label}</th>
              {COMMS_METRICS.map((m) => (
                <td class="num" key={m} data-metric={m}>
                  {r.cells[m].text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
