import { t } from '../../i18n/translate';
import { BarChart } from './bar-chart';
import type { CompletionRow } from './view-model';

/** The monthly completion rate as a bar chart (the one BarChart), the same numbers in a table. */
export function CompletionChart({ rows }: { rows: readonly CompletionRow[] }) {
  return (
    <div class="chart-wrap">
      <BarChart
        id="rv-chart"
        title={t('dash_chartTitle')}
        months={rows.map((r) => ({ month: r.month, label: r.label, rates: [r.rate] }))}
      />
      <table data-testid="rv-rates">
        <caption>{t('dash_tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash_month')}</th>
            <th scope="col" class="num">
              {t('dash_due')}
            </th>
            <th scope="col" class="num">
              {t('dash_doneOnTime')}
            </th>
            <th scope="col" class="num">
              {t('dash_rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.month} data-month={r.month}>
              <th scope="row">{r.label}</th>
              <td class="num">{r.due}</td>
              <td class="num">{r.doneOnTime}</td>
              <td class="num" data-rate={r.month}>
                {r.rateText}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
