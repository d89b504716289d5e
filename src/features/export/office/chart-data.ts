/**
 * The charts a panel draws, as data for native office charts: their categories (the periods of a
 * trend, or the units ranked, a page of them at a time), one series per drawn series in the
 * colour its legend gives (totals lighter, as on screen), the benchmark, and how values are
 * written and what their axis says.
 *
 * The panel's model carries its charts (`charts`: one per unit of measure, each with its legend
 * and value axis; or at least `chart` and `measure`); a panel without charts gets none (its
 * figures go on the slide as a table).
 */
import type { ChartModel, ComparisonRow } from '../../../lib/kpi';
import type { ExportChart, ExportModel, PanelExport, ValueAxis } from '../../../lib/panel-export';

export interface OfficeSeries {
  name: string;
  /** "0072B2": hex without '#', as office files write colours. */
  color: string;
  /** One per category; null: no figure there (a gap, not a zero). */
  values: (number | null)[];
}

export interface OfficeChart {
  layout: 'byPeriod' | 'byUnit';
  categories: string[];
  series: OfficeSeries[];
  /** The target or even pace per category, drawn as a dashed mark (trends only). */
  benchmark?: OfficeSeries;
  /** Values as the chart holds them: money in tỷ or triệu đồng, percents as written (88.44). */
  divisor: number;
  /** What the value axis says it counts ("Đơn vị: tỷ đồng"), as on screen. */
  axisTitle?: string;
  /** Number format of the data labels and the value axis (Excel's codes, shown in the viewer's locale). */
  formatCode: string;
}

/** The most ranked units on a slide: each bar and its name stay readable on a projector. */
export const UNITS_PER_CHART = 15;

type Axis = ValueAxis;
type ModelChart = ExportChart;

const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** The model's charts (none: nothing to draw). */
function modelCharts(model: ExportModel): ModelChart[] {
  return model.charts ?? [];
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Decimals worth showing (at most `max`): 74 → 0, 88.4 → 1, 13.75 → 2. */
function decimalsOf(values: readonly (number | null)[], max: number): number {
  let d = 0;
  for (const v of values) {
    if (v === null) continue;
    while (d < max && Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) > 1e-6) d++;
  }
  return d;
}

const fixed = (decimals: number) => (decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

/** Money in the axis's tỷ or triệu đồng; percents with their own decimals; counts with thousands separators. */
function valueFormat(axis: Axis | undefined, values: readonly (number | null)[]) {
  const axisTitle = axis?.label;
  if (axis?.measure === 'percent') return { divisor: 1, formatCode: 'General"%"', axisTitle };
  if (axis?.measure === 'vnd') {
    const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
    const divisor = axis.divisor ?? (max >= 1e9 ? 1e9 : max >= 1e6 ? 1e6 : 1);
    const decimals = decimalsOf(values.map((v) => (v === null ? null : v / divisor)), 2);
    return { divisor, formatCode: fixed(decimals), axisTitle: axisTitle ?? (divisor === 1e9 ? 'Đơn vị: tỷ đồng' : divisor === 1e6 ? 'Đơn vị: triệu đồng' : 'Đơn vị: đồng') };
  }
  return { divisor: 1, formatCode: fixed(decimalsOf(values, 2)), axisTitle };
}

/** "1. Phường Mỹ Thới", "Xã Vĩnh Hanh (9 tháng 2024)" for an earlier figure, "(của tôi)" for the user's own. */
function unitCategory(row: ComparisonRow, mine: ReadonlySet<string>): string {
  const rank = typeof row.rank === 'number' ? `${row.rank}. ` : '';
  const asOf = typeof row.asOf === 'string' ? ` (${row.asOf})` : '';
  const own = mine.has(row.label) ? ' (của tôi)' : '';
  return `${rank}${row.label}${asOf}${own}`;
}

function trendChart({ chart, legend, axis }: ModelChart & { chart: Extract<ChartModel, { layout: 'byPeriod' }> }): OfficeChart {
  const colourOf = (i: number) => hex(legend[i]?.color ?? '#0072B2');
  const all = chart.series.flatMap((s) => chart.rows.map((r) => numberOrNull(r[s.key])));
  const { divisor, formatCode, axisTitle } = valueFormat(axis, all);
  const scaled = (v: number | null) => (v === null ? null : v / divisor);
  const series = chart.series.map((s, i) => ({ name: s.label, color: colourOf(i), values: chart.rows.map((r) => scaled(numberOrNull(r[s.key]))) }));
  const benchValues = chart.rows.map((r) => scaled(numberOrNull(r.benchmark)));
  const benchItem = legend.find((l) => l.dashed);
  const benchmark =
    chart.benchmark && benchValues.some((v) => v !== null)
      ? { name: chart.benchmark.label, color: hex(benchItem?.color ?? '#B00020'), values: benchValues }
      : undefined;
  return { layout: 'byPeriod', categories: chart.rows.map((r) => r.label), series, benchmark, divisor, formatCode, axisTitle };
}

function rankedPages({ chart, legend, axis }: ModelChart & { chart: Extract<ChartModel, { layout: 'byUnit' }> }, mine: ReadonlySet<string>): OfficeChart[] {
  const s = chart.series[0]!;
  const ranked = chart.rows.filter((r) => numberOrNull(r[s.key]) !== null);
  const { divisor, formatCode, axisTitle } = valueFormat(
    axis,
    ranked.map((r) => numberOrNull(r[s.key])),
  );
  // pages of even size: 20 units are two pages of 10, not 15 and 5
  const perPage = Math.ceil(ranked.length / Math.max(1, Math.ceil(ranked.length / UNITS_PER_CHART)));
  const pages: OfficeChart[] = [];
  for (let start = 0; start < ranked.length; start += perPage) {
    const rows = ranked.slice(start, start + perPage);
    pages.push({
      layout: 'byUnit',
      categories: rows.map((r) => unitCategory(r, mine)),
      series: [{ name: s.label, color: hex(legend[0]?.color ?? '#0072B2'), values: rows.map((r) => numberOrNull(r[s.key])! / divisor) }],
      divisor,
      formatCode,
      axisTitle,
    });
  }
  return pages;
}

/**
 * The panel's charts for an office file, slide by slide: a trend's charts (one per unit of
 * measure) together on one slide; units ranked as pages of at most UNITS_PER_CHART units with a
 * figure, in rank order (units without one are named in the summary instead). Empty when the
 * model carries no chart.
 */
export function officeSlides(panel: Pick<PanelExport, 'model'>): OfficeChart[][] {
  const charts = modelCharts(panel.model).filter((c) => c.chart.series.length > 0);
  const mine = new Set(panel.model.figures.filter((f) => f.mine).map((f) => f.unit));
  const slides: OfficeChart[][] = [];
  const trends: OfficeChart[] = [];
  for (const c of charts) {
    if (c.chart.layout === 'byPeriod') trends.push(trendChart({ ...c, chart: c.chart }));
    else slides.push(...rankedPages({ ...c, chart: c.chart }, mine).map((page) => [page]));
  }
  return trends.length ? [trends, ...slides] : slides;
}
