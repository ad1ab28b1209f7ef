import { t } from '../../i18n/translate';
import { chartBars, type CompletionRow } from './view-model';

const W = 480;
const H = 160;
const PAD = { left: 40, bottom: 24, top: 8 };

/**
 * The monthly completion rate as an SVG bar chart with the same numbers in a table beside it:
 * the chart is a picture for sighted readers; the table is the accessible (and exact) version.
 */
export function CompletionChart({ rows }: { rows: readonly CompletionRow[] }) {
  const bars = chartBars(rows, W - PAD.left, H);
  const grid = [0, 0.5, 1];
  return (
    <div class="chart-wrap">
      <svg
        viewBox={`0 0 ${W} ${H + PAD.top + PAD.bottom}`}
        role="img"
        aria-labelledby="rv-chart-title"
        data-testid="rv-chart"
      >
        <title id="rv-chart-title">{t('dash_chartTitle')}</title>
        <g transform={`translate(${PAD.left} ${PAD.top})`}>
          {grid.map((g) => (
            <g key={g}>
              <line class="axis" x1={0} x2={W - PAD.left} y1={H - g * H} y2={H - g * H} />
              <text x={-6} y={H - g * H + 4} text-anchor="end" font-size="11" fill="currentColor">
                {`${g * 100}%`}
              </text>
            </g>
          ))}
          {bars.map((b, i) => (
            <g key={b.month} data-month={b.month}>
              {b.hasData ? (
                <rect class="bar" x={b.x} y={b.y} width={b.width} height={b.height} />
              ) : (
                <rect class="axis" x={b.x} y={H - 1} width={b.width} height={1} />
              )}
              <text
                x={b.x + b.width / 2}
                y={H + 16}
                text-anchor="middle"
                font-size="10"
                fill="currentColor"
              >
                {rows[i]?.label.split(' ')[0] ?? ''}
              </text>
            </g>
          ))}
        </g>
      </svg>
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
