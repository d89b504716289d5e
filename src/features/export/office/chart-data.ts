/**
 * The chart a panel draws, as data for a native office chart: its categories (the periods of a
 * trend, or the units ranked, a page of them at a time), one series per drawn series in the
 * colour of the legend (totals lighter, as on screen), the benchmark, and how values are written.
 *
 * The panel's model carries its chart (lib/kpi's ChartModel) and what the chart measures at run
 * time, while ExportModel's type names only the chart's boundaries: both are checked here, in one
 * place, and a panel without them gets no chart (its figures go on the slide as a table).
 */
import { MeasureUnit } from '../../../api/contract';
import type { ChartModel, ComparisonRow } from '../../../lib/kpi';
import type { ExportModel, PanelExport } from '../../../lib/panel-export';

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
  /** What money is counted in on the value axis ("tỷ đồng"); percents carry "%" in their format. */
  axisTitle?: string;
  /** Number format of the data labels and the value axis (Excel's codes, shown in the viewer's locale). */
  formatCode: string;
}

/** The most ranked units on a slide: each bar and its name stay readable on a projector. */
export const UNITS_PER_CHART = 15;

const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** What a total drawn at 35 % opacity on white looks like: the same, lighter colour. */
export function lighten(color: string, opacity = 0.35): string {
  const c = hex(color);
  const channel = (i: number) => Math.round(parseInt(c.slice(i, i + 2), 16) * opacity + 255 * (1 - opacity));
  return [0, 2, 4].map((i) => channel(i).toString(16).padStart(2, '0')).join('').toUpperCase();
}

function chartModelOf(model: ExportModel): ChartModel | null {
  const chart = model.chart as Partial<ChartModel>;
  if (chart.layout !== 'byPeriod' && chart.layout !== 'byUnit') return null;
  if (!Array.isArray(chart.rows) || !Array.isArray(chart.series)) return null;
  return chart as ChartModel;
}

function measureOf(model: ExportModel): MeasureUnit | null {
  const parsed = MeasureUnit.safeParse((model as { measure?: unknown }).measure);
  return parsed.success ? parsed.data : null;
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

/** Money in tỷ đồng (or triệu below a billion); percents with their own decimals; counts whole. */
function valueFormat(measure: MeasureUnit | null, values: readonly (number | null)[]) {
  if (measure === 'percent') return { divisor: 1, formatCode: 'General"%"' };
  if (measure === 'vnd') {
    const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
    const divisor = max >= 1e9 ? 1e9 : 1e6;
    const decimals = decimalsOf(values.map((v) => (v === null ? null : v / divisor)), 2);
    return { divisor, axisTitle: divisor === 1e9 ? 'tỷ đồng' : 'triệu đồng', formatCode: fixed(decimals) };
  }
  // counts: a chart may mix them (hộ and căn); the slide says each unit of measure
  return { divisor: 1, formatCode: fixed(decimalsOf(values, 2)) };
}

/** "1. Phường Mỹ Thới", "Xã Vĩnh Hanh (9 tháng 2024)" for an earlier figure, "(của tôi)" for the user's own. */
function unitCategory(row: ComparisonRow, mine: ReadonlySet<string>): string {
  const rank = typeof row.rank === 'number' ? `${row.rank}. ` : '';
  const asOf = typeof row.asOf === 'string' ? ` (${row.asOf})` : '';
  const own = mine.has(row.label) ? ' (của tôi)' : '';
  return `${rank}${row.label}${asOf}${own}`;
}

/**
 * The panel's chart for an office file: a trend as one chart; units ranked as pages of at most
 * UNITS_PER_CHART units with a figure, in rank order (units without one are named in the
 * summary instead). Empty when the model carries no chart.
 */
export function officeCharts(panel: Pick<PanelExport, 'model'>): OfficeChart[] {
  const { model } = panel;
  const chart = chartModelOf(model);
  if (!chart || chart.series.length === 0) return [];
  const measure = measureOf(model);
  const colours = model.legend;
  const benchItem = colours.find((l) => l.dashed);
  const colourOf = (i: number) => hex(colours[i]?.color ?? '#0072B2');

  if (chart.layout === 'byPeriod') {
    const all = chart.series.flatMap((s) => chart.rows.map((r) => numberOrNull(r[s.key])));
    const { divisor, formatCode, axisTitle } = valueFormat(measure, all);
    const scaled = (v: number | null) => (v === null ? null : v / divisor);
    const series = chart.series.map((s, i) => ({
      name: s.label,
      color: s.metric === 'outOf' ? lighten(colourOf(i)) : colourOf(i),
      values: chart.rows.map((r) => scaled(numberOrNull(r[s.key]))),
    }));
    const benchValues = chart.rows.map((r) => scaled(numberOrNull(r.benchmark)));
    const benchmark =
      chart.benchmark && benchValues.some((v) => v !== null)
        ? { name: chart.benchmark.label, color: hex(benchItem?.color ?? '#B00020'), values: benchValues }
        : undefined;
    return [{ layout: 'byPeriod', categories: chart.rows.map((r) => r.label), series, benchmark, divisor, formatCode, axisTitle }];
  }

  const s = chart.series[0]!;
  const ranked = chart.rows.filter((r) => numberOrNull(r[s.key]) !== null);
  const { divisor, formatCode, axisTitle } = valueFormat(
    measure,
    ranked.map((r) => numberOrNull(r[s.key])),
  );
  const mine = new Set(model.figures.filter((f) => f.mine).map((f) => f.unit));
  // pages of even size: 20 units are two pages of 10, not 15 and 5
  const perPage = Math.ceil(ranked.length / Math.max(1, Math.ceil(ranked.length / UNITS_PER_CHART)));
  const pages: OfficeChart[] = [];
  for (let start = 0; start < ranked.length; start += perPage) {
    const rows = ranked.slice(start, start + perPage);
    pages.push({
      layout: 'byUnit',
      categories: rows.map((r) => unitCategory(r, mine)),
      series: [{ name: s.label, color: colourOf(0), values: rows.map((r) => numberOrNull(r[s.key])! / divisor) }],
      divisor,
      formatCode,
      axisTitle,
    });
  }
  return pages;
}
