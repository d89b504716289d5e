/**
 * A ranking drawn for an export from the chart's data at the width asked (the layout of the
 * chart on screen, comparisonGeometry, at a fixed size): rank, full name, bar, value after
 * it, the benchmark dashed, the user's own units on a band; a long list cut to its top, its
 * bottom and the user's units (rankingWindow), each run left out said in one line.
 */
import { comparisonGeometry, LINE_HEIGHT, type ComparisonRowInput } from '../../components/charts/comparison-geometry';
import { AXIS_COLOR, BENCHMARK_COLOR, GRID_COLOR, INK, MINE_BAND } from '../../components/charts/palette';
import { formatBarValue } from '../../lib/format';
import { rankingWindow, unitsNoun, type GapWords, type RankingLine } from '../../lib/ranking-window';
import type { ChartRow, ExportChart } from './chart-data';
import type { DrawnChart } from './draw-chart';
import { escapeXml, num } from '../../components/charts/svg-markup';

export interface ComparisonOptions {
  width: number;
  /** The most lines (units and runs left out) drawn. */
  maxRows: number;
  /** The tallest the drawing may be: fewer lines until it fits. */
  maxHeight?: number;
  /** The size of the values after the bars and of the axis's unit (11 px, as on screen). */
  smallFont?: number;
}

const NO_FIGURE = 'chưa có số liệu';
const GAP_KEY = '\u0000gap';
/** A run of the ranking left out, named by its units' names. */
const GAP_WORDS: GapWords<ChartRow> = { noun: (run) => unitsNoun(run.map((r) => String(r.label ?? ''))), unranked: NO_FIGURE };
const valueOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function rowInput(chart: ExportChart, item: RankingLine<ChartRow>, i: number, marked: ReadonlySet<string>): ComparisonRowInput {
  if ('gap' in item) return { key: `${GAP_KEY}${i}`, label: item.gap, values: chart.series.map(() => null), benchmark: null };
  const r = item.unit;
  const first = chart.series[0] ? valueOf(r[chart.series[0].key]) : null;
  const asOf = typeof r.asOf === 'string' ? ` (${r.asOf.replace(/ \d{4}$/, '')})` : '';
  return {
    key: String(r.unitId ?? r.label ?? i),
    label: String(r.label ?? ''),
    values: chart.series.map((s) => valueOf(r[s.key])),
    benchmark: chart.benchmark ? valueOf(r[chart.benchmark.key]) : null,
    rank: valueOf(r.rank),
    mine: marked.has(String(r.unitId ?? '')),
    valueLabel: first !== null ? `${formatBarValue(first, chart.measure)}${asOf}` : null,
  };
}

export function drawComparison(chart: ExportChart, { width, maxRows, maxHeight = Infinity, smallFont = 11 }: ComparisonOptions): DrawnChart {
  const marked = new Set(chart.mine);
  const layout = (lines: number) => {
    const items = rankingWindow(chart.rows, chart.mine, lines, GAP_WORDS);
    const g = comparisonGeometry({
      width,
      seriesCount: chart.series.length,
      formatAxis: chart.formatTick,
      ...(chart.axisLabel ? { axisLabel: chart.axisLabel } : {}),
      rows: items.map((item, i) => rowInput(chart, item, i, marked)),
    });
    return { items, g };
  };
  let lines = Math.max(3, maxRows);
  let { items, g } = layout(lines);
  while (g.height > maxHeight && lines > 3) ({ items, g } = layout(--lines));

  const { plot } = g;
  const bottom = plot.top + plot.height;
  const parts: string[] = [];
  const mineRows = g.rows.filter((r) => r.mine);
  if (mineRows.length) {
    parts.push(`<g class="comparison-mine" fill="${MINE_BAND}">`);
    for (const r of mineRows) parts.push(`<rect x="0" y="${num(r.top)}" width="${num(g.width)}" height="${num(r.height)}"/>`);
    parts.push('</g>');
  }
  parts.push(`<g class="comparison-grid" stroke="${GRID_COLOR}">`);
  for (const t of g.ticks) parts.push(`<line x1="${num(t.x)}" x2="${num(t.x)}" y1="${num(plot.top)}" y2="${num(bottom)}"/>`);
  parts.push('</g>');

  g.rows.forEach((r, i) => {
    const mid = r.height / 2;
    const out: string[] = [];
    const gap = 'gap' in items[i]!;
    for (const b of r.bars) {
      const s = chart.series[b.series]!;
      out.push(`<rect class="kpi-bar" x="${num(b.x)}" y="${num(b.y - r.top)}" width="${num(b.width)}" height="${num(b.height)}" fill="${s.color}"/>`);
    }
    const bold = r.mine ? ' font-weight="700"' : '';
    if (r.rankLabel !== null) {
      out.push(`<text class="comparison-rank" x="${num(g.rankX)}" y="${num(mid)}" dy="0.35em" text-anchor="end" fill="${AXIS_COLOR}"${bold}>${escapeXml(r.rankLabel)}</text>`);
    }
    if (gap) {
      out.push(`<text class="comparison-gap" x="${num(g.labelX)}" y="${num(mid)}" dy="0.35em" fill="${AXIS_COLOR}" font-style="italic">${escapeXml(r.fullLabel)}</text>`);
    } else {
      const firstLine = mid - ((r.lines.length - 1) * LINE_HEIGHT) / 2;
      const spans =
        r.lines.length === 1
          ? escapeXml(r.fullLabel)
          : r.lines.map((line, j) => `<tspan x="${num(g.labelX)}" dy="${j === 0 ? '0.35em' : LINE_HEIGHT}">${escapeXml(j < r.lines.length - 1 ? `${line} ` : line)}</tspan>`).join('');
      out.push(
        `<text class="comparison-label" x="${num(g.labelX)}" y="${num(firstLine)}"${r.lines.length === 1 ? ' dy="0.35em"' : ''} fill="${INK}"${bold}>${spans}</text>`,
      );
      if (r.value) {
        out.push(`<text class="comparison-value" x="${num(r.value.x)}" y="${num(mid)}" dy="0.35em" font-size="${smallFont}" fill="${AXIS_COLOR}">${escapeXml(r.value.text)}</text>`);
      } else if (r.empty) {
        out.push(`<text class="comparison-value comparison-none" x="${num(plot.left + 6)}" y="${num(mid)}" dy="0.35em" font-size="${smallFont}" fill="${AXIS_COLOR}" font-style="italic">${NO_FIGURE}</text>`);
      }
    }
    parts.push(`<g class="comparison-row${gap ? ' comparison-left-out' : ''}" transform="translate(0 ${num(r.top)})">${out.join('')}</g>`);
  });

  for (const b of g.benchmarks) {
    parts.push(
      `<line class="comparison-benchmark" x1="${num(b.x)}" x2="${num(b.x)}" y1="${num(b.y1)}" y2="${num(b.y2)}" stroke="${BENCHMARK_COLOR}" stroke-width="2.5" stroke-dasharray="6 3"/>`,
    );
  }
  parts.push(
    `<g class="comparison-axis" stroke="${AXIS_COLOR}">`,
    `<line x1="${num(plot.left)}" x2="${num(plot.left)}" y1="${num(plot.top)}" y2="${num(bottom)}"/>`,
    `<line x1="${num(plot.left)}" x2="${num(plot.left + plot.width)}" y1="${num(bottom)}" y2="${num(bottom)}"/>`,
    ...g.ticks.map((t) => `<line x1="${num(t.x)}" x2="${num(t.x)}" y1="${num(bottom)}" y2="${num(bottom + 6)}"/>`),
    '</g>',
    `<g class="comparison-ticks" fill="${AXIS_COLOR}" text-anchor="middle">`,
    ...g.ticks.map((t, i) => {
      const end = i === g.ticks.length - 1 && t.x > g.width - 24 ? ' text-anchor="end"' : '';
      return `<text class="chart-tick" x="${num(t.x)}" y="${num(bottom + 20)}"${end}>${escapeXml(t.label)}</text>`;
    }),
    '</g>',
  );
  if (g.unitLabel) {
    parts.push(`<text class="chart-axis-unit" x="${num(g.unitLabel.x)}" y="${num(g.unitLabel.y)}" font-size="${smallFont}" fill="${AXIS_COLOR}" text-anchor="end">${escapeXml(g.unitLabel.text)}</text>`);
  }
  const shown = items.filter((it) => 'unit' in it).length;
  return {
    markup: `<g class="chart" font-size="12">${parts.join('')}</g>`,
    width: g.width,
    height: Math.ceil(g.height),
    valuesShown: true,
    ...(shown < chart.rows.length ? { cut: { shown, total: chart.rows.length, mine: mineRows.length > 0 } } : {}),
  };
}
