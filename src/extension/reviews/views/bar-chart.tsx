/**
 * The dashboard's one bar chart: months along the axis, one bar per series in each month, the
 * height a rate from 0 to 100 %. Used for the completion rate (one series) and for communication
 * compliance (one series per channel, with a legend). Each use puts the same numbers in a table
 * beside it: the chart is a picture for sighted readers, the table the accessible, exact version.
 */

const W = 480;
const H = 160;
const PAD = { left: 40, bottom: 24, top: 8 };

export interface Bar {
  /** The series' key (`data-metric`), or undefined for a chart of one unnamed series. */
  key?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** False when nothing fell due: drawn as a baseline tick, not a zero-height bar. */
  hasData: boolean;
}

export interface BarGroup {
  month: string;
  /** Centre of the month's slot, for its label. */
  cx: number;
  bars: Bar[];
}

export interface BarLayout {
  /** Share of a month's slot the bars fill (the rest is the gap between months). */
  fill: number;
  /** Smallest height of a bar with data, so that 0 % ("none on time") is not "none due". */
  minHeight: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Chart geometry: one group per month, its bars side by side in the middle of its slot, heights
 * proportional to the rates (null: nothing due, no bar).
 */
export function barGroups(
  months: readonly { month: string; rates: readonly (number | null)[] }[],
  width: number,
  height: number,
  keys: readonly (string | undefined)[] = [undefined],
  layout: BarLayout = { fill: 0.6, minHeight: 0 },
): BarGroup[] {
  const slot = months.length > 0 ? width / months.length : width;
  const inner = slot * layout.fill;
  const bar = Math.max(1, inner / keys.length);
  return months.map((m, i) => {
    const left = i * slot + (slot - inner) / 2;
    return {
      month: m.month,
      cx: r1(i * slot + slot / 2),
      bars: keys.map((key, j) => {
        const rate = m.rates[j] ?? null;
        const h = rate === null ? 0 : Math.max(layout.minHeight, r1(rate * height));
        return {
          ...(key === undefined ? {} : { key }),
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

export interface BarChartProps {
  /** The chart's `data-testid`, and the stem of its title's id. */
  id: string;
  title: string;
  /** Per month: its key (`YYYY-MM`), its label ("May 2025") and one rate per series. */
  months: readonly { month: string; label: string; rates: readonly (number | null)[] }[];
  /** Named series (coloured by `s-<key>`, named in a legend); omitted: one plain series. */
  series?: readonly { key: string; label: string }[];
  layout?: BarLayout;
}

export function BarChart({ id, title, months, series, layout }: BarChartProps) {
  const groups = barGroups(
    months,
    W - PAD.left,
    H,
    series?.map((s) => s.key),
    layout,
  );
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H + PAD.top + PAD.bottom}`}
        role="img"
        aria-labelledby={`${id}-title`}
        data-testid={id}
      >
        <title id={`${id}-title`}>{title}</title>
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
              {grp.bars.map((b, j) =>
                b.hasData ? (
                  <rect
                    key={j}
                    class={b.key ? `bar s-${b.key}` : 'bar'}
                    data-metric={b.key}
                    x={b.x}
                    y={b.y}
                    width={b.width}
                    height={b.height}
                  />
                ) : (
                  <rect key={j} class="axis" x={b.x} y={H - 1} width={b.width} height={1} />
                ),
              )}
              <text x={grp.cx} y={H + 16} text-anchor="middle" font-size="10" fill="currentColor">
                {months[i]?.label.split(' ')[0] ?? ''}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {series && (
        <figcaption>
          <ul class="legend">
            {series.map((s) => (
              <li key={s.key}>
                <span class={`swatch s-${s.key}`} aria-hidden="true" /> {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
