import { COMMS_METRICS, type MonthlyComms } from '../../../core/review';
import { t, uiLocale } from '../../i18n/translate';
import { commsBars, commsRows, METRIC_KEYS } from './comms-view';

const W = 480;
const H = 160;
const PAD = { left: 40, bottom: 24, top: 8 };

/**
 * Monthly communication-SLA compliance per channel as grouped bars, with the same numbers in a
 * table (the accessible and exact version). A legend names the bars in their order.
 */
export function CommsChart({ rows }: { rows: readonly MonthlyComms[] }) {
  const groups = commsBars(rows, W - PAD.left, H);
  const table = commsRows(rows, uiLocale());
  return (
    <div class="chart-wrap">
      <figure class="chart">
        <svg
          viewBox={`0 0 ${W} ${H + PAD.top + PAD.bottom}`}
          role="img"
          aria-labelledby="rv-comms-chart-title"
          data-testid="rv-comms-chart"
        >
          <title id="rv-comms-chart-title">{t('rvd_chartTitle')}</title>
          <g transform={`translate(${PAD.left} ${PAD.top})`}>
            {[0, 0.5, 1].map((g) => (
              <g key={g}>
                <line class="axis" x1={0} x2={W - PAD.left} y1={H - g * H} y2={H - g * H} />
                <text x={-6} y={H - g * H + 4} text-anchor="end" font-size="11" fill="currentColor">
                  {`${g * 100}%`}
                </text>
              </g>
            ))}
            {groups.map((grp, i) => (
              <g key={grp.month} data-month={grp.month}>
                {grp.bars.map((b) =>
                  b.hasData ? (
                    <rect
                      key={b.metric}
                      class={`bar s-${b.metric}`}
                      data-metric={b.metric}
                      x={b.x}
                      y={b.y}
                      width={b.width}
                      height={b.height}
                    />
                  ) : (
                    <rect
                      key={b.metric}
                      class="axis"
                      x={b.x}
                      y={H - 1}
                      width={b.width}
                      height={1}
                    />
                  ),
                )}
                <text x={grp.cx} y={H + 16} text-anchor="middle" font-size="10" fill="currentColor">
                  {table[i]?.label.split(' ')[0] ?? ''}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <figcaption>
          <ul class="legend">
            {COMMS_METRICS.map((m) => (
              <li key={m}>
                <span class={`swatch s-${m}`} aria-hidden="true" /> {t(METRIC_KEYS[m])}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
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
