/**
 * A trend drawn as SVG markup from the chart's data, at the size asked, laid out as the Recharts
 * chart lays it out (trendLayout): bars per period for each series (totals lighter), the
 * benchmark as a dashed tick across each period's bars, a dashed line where a unit's boundaries
 * changed, every period's name under its bars (on two lines or upright where narrow, never
 * dropped), the axis's unit above it, and, where asked (`barValues`), each bar's value written
 * above it. The exports draw their files with it (at a fixed size, never the screen's), and the
 * screen its first picture of a trend (trend-picture.tsx). Sizes are CSS pixels at 12 px type;
 * a slide scales it up.
 */
import { AXIS_COLOR, BENCHMARK_COLOR, BOUNDARY_COLOR, GRID_COLOR, INK } from './palette';
import { escapeXml, num } from './svg-markup';
import type { MeasureText } from './text-width';
import { BOUNDARY_NOTE, NOTE_FONT, periodLines, trendLayout } from './trend-layout';

const VALUE_FONT = 11;
const BAR_GAP = 4;
const MAX_BAR = 48;

/** What a trend draws: rows with `period` and `label`, series in the colours they are drawn in. */
export interface TrendChart {
  rows: Array<Record<string, string | number | null>>;
  series: { key: string; label: string; color: string }[];
  benchmark?: { key: string; label: string };
  /** Periods (ids) where a unit's boundaries changed. */
  boundaries: { period: string; label: string }[];
  /** The value axis's unit ("Đơn vị: tỷ đồng") and its ticks ("5", "75%"). */
  axisLabel?: string;
  formatTick: (value: number) => string;
}

export interface TrendOptions {
  width: number;
  height: number;
  /** Each bar's value written by it (files, paper), in the text widths `measure` gives; without it none is. */
  barValues?: { write: (value: number) => string; measure: MeasureText };
}

/** A `<g class="chart">` in its own coordinates, from (0, 0). */
export interface TrendDrawing {
  markup: string;
  width: number;
  height: number;
  /** Every bar has its value written by it. */
  valuesShown: boolean;
}

const valueOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function drawTrend(chart: TrendChart, { width, height, barValues }: TrendOptions): TrendDrawing {
  const { rows, series, benchmark, axisLabel, formatTick } = chart;
  const keys = [...series.map((s) => s.key), ...(benchmark ? [benchmark.key] : [])];
  const values = rows.flatMap((r) => keys.map((k) => valueOf(r[k])).filter((v): v is number => v !== null));
  const labels = rows.map((r) => String(r.label ?? r.period ?? ''));
  const cuts = chart.boundaries.map((b) => ({ index: rows.findIndex((r) => r.period === b.period), label: b.label })).filter((b) => b.index > 0);
  const layout = trendLayout({ width, labels, values, formatAxis: formatTick, boundaries: cuts });
  const { band, tick } = layout;
  const [lo, hi] = layout.yDomain;

  // bars: every series has its place in each period, as Recharts groups them (10% gap around each group)
  const n = Math.max(1, series.length);
  const group = band * 0.8;
  const barWidth = Math.max(1, Math.min(MAX_BAR, (group - BAR_GAP * (n - 1)) / n));
  const pitch = barWidth + BAR_GAP;
  const groupWidth = n * barWidth + (n - 1) * BAR_GAP;
  const texts = rows.map((r) => series.map((s) => {
    const v = barValues ? valueOf(r[s.key]) : null;
    return v === null ? null : barValues!.write(v);
  }));
  const widest = Math.max(0, ...texts.flat().map((t) => (t ? barValues!.measure(t, VALUE_FONT, 400) : 0)));
  // a value above its bar: level where it fits over it, upright where the bars are narrow
  const upright = widest > (n > 1 ? pitch : band) - 2;
  const withValues = Boolean(barValues) && (barWidth >= VALUE_FONT - 1 || !upright);

  // the values need room above the tallest bar
  const headroom = withValues ? (upright ? widest + 8 : VALUE_FONT + 6) : 0;
  const top = layout.plot.top + headroom;
  const bottom = height - layout.margin.bottom - layout.xAxisHeight;
  const plotHeight = Math.max(40, bottom - top);
  const yOf = (v: number) => top + ((hi - v) / (hi - lo || 1)) * plotHeight;
  const zero = yOf(Math.max(lo, Math.min(hi, 0)));
  const { left, right } = layout.plot;

  const parts: string[] = [`<g class="chart-grid" stroke="${GRID_COLOR}">`];
  for (const t of layout.yTicks) parts.push(`<line x1="${num(left)}" x2="${num(right)}" y1="${num(yOf(t))}" y2="${num(yOf(t))}"/>`);
  parts.push('</g>');

  const valueTexts: string[] = [];
  rows.forEach((r, i) => {
    const cx = left + band * (i + 0.5);
    const x0 = cx - groupWidth / 2;
    const bench = benchmark ? valueOf(r[benchmark.key]) : null;
    const benchY = bench === null ? null : yOf(bench);
    series.forEach((s, j) => {
      const v = valueOf(r[s.key]);
      if (v === null) return;
      const x = x0 + j * pitch;
      const y = yOf(v);
      parts.push(`<rect class="kpi-bar" data-kpi-bar="" x="${num(x)}" y="${num(Math.min(y, zero))}" width="${num(barWidth)}" height="${num(Math.abs(zero - y))}" fill="${s.color}"/>`);
      const text = texts[i]![j];
      if (!text || !withValues) return;
      const mid = x + barWidth / 2;
      const below = v < 0;
      // a value the benchmark's dashes would cross is written above them
      const span = upright ? widest : VALUE_FONT;
      const crossed = !below && benchY !== null && benchY < Math.min(y, zero) + 3 && benchY > Math.min(y, zero) - 4 - span - 3;
      const barTop = crossed ? Math.min(y, zero, benchY - 2) : Math.min(y, zero);
      if (upright) {
        const ty = below ? Math.max(y, zero) + 4 : barTop - 4;
        valueTexts.push(
          `<text class="chart-value" x="${num(mid)}" y="${num(ty)}" dy="0.35em" font-size="${VALUE_FONT}" fill="${INK}" text-anchor="${below ? 'end' : 'start'}"` +
            ` transform="rotate(-90 ${num(mid)} ${num(ty)})">${escapeXml(text)}</text>`,
        );
      } else {
        const ty = below ? Math.max(y, zero) + VALUE_FONT + 3 : barTop - 4;
        valueTexts.push(`<text class="chart-value" x="${num(mid)}" y="${num(ty)}" font-size="${VALUE_FONT}" fill="${INK}" text-anchor="middle">${escapeXml(text)}</text>`);
      }
    });
    if (benchY !== null) {
      const half = layout.benchmarkHalf;
      parts.push(
        `<line class="chart-benchmark" x1="${num(cx - half)}" x2="${num(cx + half)}" y1="${num(benchY)}" y2="${num(benchY)}" stroke="${BENCHMARK_COLOR}" stroke-width="2.5" stroke-dasharray="6 3"/>`,
      );
    }
  });

  // axes, the value ticks, the axis's unit
  parts.push(
    `<g class="chart-axis" stroke="${AXIS_COLOR}">`,
    `<line x1="${num(left)}" x2="${num(left)}" y1="${num(top)}" y2="${num(bottom)}"/>`,
    `<line x1="${num(left)}" x2="${num(right)}" y1="${num(zero)}" y2="${num(zero)}"/>`,
    '</g>',
  );
  for (const t of layout.yTicks) {
    parts.push(
      `<text class="chart-tick" x="${num(left - 6)}" y="${num(yOf(t))}" dy="0.35em" font-size="12" fill="${AXIS_COLOR}" text-anchor="end">${escapeXml(formatTick(t))}</text>`,
    );
  }
  if (axisLabel) {
    parts.push(`<text class="chart-axis-unit" x="${num(layout.unitLabel.x)}" y="${num(layout.unitLabel.y)}" font-size="11" fill="${AXIS_COLOR}">${escapeXml(axisLabel)}</text>`);
  }

  // every period's name: one line, two (the span over its year), or upright
  labels.forEach((label, i) => {
    const cx = left + band * (i + 0.5);
    const y = bottom + 6;
    if (tick.mode === 'upright') {
      parts.push(
        `<text class="chart-tick chart-period" x="${num(cx)}" y="${num(y)}" dy="0.35em" font-size="${tick.fontSize}" fill="${AXIS_COLOR}" text-anchor="end"` +
          ` transform="rotate(-90 ${num(cx)} ${num(y)})">${escapeXml(label)}</text>`,
      );
      return;
    }
    const lines = tick.mode === 'wrap' ? periodLines(label) : [label];
    // one text per period, a space ending each line but the last: it reads as the whole label
    const spans = lines.map((line, k) => `<tspan x="${num(cx)}" dy="${k === 0 ? '0.71em' : '1.2em'}">${escapeXml(k < lines.length - 1 ? `${line} ` : line)}</tspan>`);
    parts.push(`<text class="chart-tick chart-period" x="${num(cx)}" y="${num(y)}" font-size="${tick.fontSize}" fill="${AXIS_COLOR}" text-anchor="middle">${spans.join('')}</text>`);
  });

  // a unit's boundary change: a dashed line between the periods, its note on the row above the plot
  for (const b of layout.boundaries) {
    parts.push(
      `<g class="chart-boundary"><line x1="${num(b.x)}" x2="${num(b.x)}" y1="${num(top)}" y2="${num(bottom)}" stroke="${BOUNDARY_COLOR}" stroke-dasharray="4 4"/>` +
        `<text x="${num(b.labelX)}" y="${num(b.labelY)}" font-size="${NOTE_FONT}" fill="${BOUNDARY_COLOR}" text-anchor="middle">${escapeXml(BOUNDARY_NOTE)}</text></g>`,
    );
  }
  parts.push(...valueTexts);

  return { markup: `<g class="chart">${parts.join('')}</g>`, width, height, valuesShown: withValues };
}
