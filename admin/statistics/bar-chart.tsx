/**
 * Bars per period, two series side by side, as plain SVG. The SVG is one image with a name for
 * screen readers; its numbers are in the data table that goes with every chart (ChartTable).
 */
import type { Language } from '../../shared/api/schemas';
import { formatCount, formatPeriod, formatTick } from './format-period';

export interface ChartSeries {
  label: string;
  /** One value per period. */
  values: number[];
  className: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 12;

export function BarChart({ title, periods, series, language }: { title: string; periods: string[]; series: ChartSeries[]; language: Language }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (WIDTH - LEFT) / Math.max(1, periods.length);
  const bar = Math.max(1, (slot * 0.8) / series.length);
  const y = (value: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
  // At most about 12 period labels, evenly spread.
  const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
  const titleId = `chart-${title.replace(/\W+/g, '-')}`;
  return (
    <figure class="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} preserveAspectRatio="none">
        <title id={titleId}>{title}</title>
        <line class="axis" x1={LEFT} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        <text class="tick" x={LEFT - 6} y={y(max) + 4} text-anchor="end">
          {formatCount(max, language)}
        </text>
        <text class="tick" x={LEFT - 6} y={HEIGHT - BOTTOM + 4} text-anchor="end">
          0
        </text>
        {periods.map((period, index) => (
          <g key={period}>
            {series.map((s, seriesIndex) => (
              <rect
                key={s.label}
                class={s.className}
                x={LEFT + index * slot + slot * 0.1 + seriesIndex * bar}
                y={y(s.values[index] ?? 0)}
                width={bar}
                height={HEIGHT - BOTTOM - y(s.values[index] ?? 0)}
              />
            ))}
            {index % labelEvery === 0 && (
              <text class="tick" x={LEFT + index * slot + slot / 2} y={HEIGHT - 8} text-anchor="middle">
                {formatTick(period, language, index >= labelEvery ? periods[index - labelEvery]! : null)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.label}>
            <span class={`swatch ${s.className}`} /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** The chart's numbers as a real table: always there for screen readers, on screen when `shown`. */
export function ChartTable({ caption, periodHeading, periods, series, language, shown }: {
  caption: string;
  periodHeading: string;
  periods: string[];
  series: ChartSeries[];
  language: Language;
  shown: boolean;
}) {
  return (
    <table class={shown ? 'data-table' : 'data-table visually-hidden'} data-testid="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{periodHeading}</th>
          {series.map((s) => (
            <th key={s.label} scope="col">{s.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((period, index) => (
          <tr key={period}>
            <th scope="row">{formatPeriod(period, language)}</th>
            {series.map((s) => (
              <td key={s.label}>{formatCount(s.values[index] ?? 0, language)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
