/**
 * A panel's charts as data, for the exports that draw them themselves at a fixed size (never
 * from the chart on screen, whose size depends on the device): for each chart (one per unit of
 * measure) its rows, its series in the colours they are drawn in (totals the same hue, lighter:
 * palette's seriesFill, as on screen), its legend, the benchmark, the boundary changes, its value
 * axis, and the user's own units.
 */
import type { MeasureUnit } from '../../api/contract';
import { seriesFill } from '../../components/charts/palette';
import { formatAxisValue, formatNumber } from '../../lib/format';
import type { ChartModel } from '../../lib/kpi';
import type { ExportModel, LegendItem } from '../../lib/panel-export';

export type ChartRow = Record<string, string | number | null>;

export interface ExportSeries {
  key: string;
  label: string;
  /** Solid: a total beside its values is the same hue, lighter. */
  color: string;
}

export interface ExportChart {
  /** Periods across (a trend), or one bar per unit in one period (a ranking, best first). */
  layout: 'byPeriod' | 'byUnit';
  /** A trend's rows have `period` and `label`; a ranking's `unitId`, `label`, `rank`, `asOf`. */
  rows: ChartRow[];
  series: ExportSeries[];
  legend: LegendItem[];
  benchmark?: { key: string; label: string };
  /** Periods (ids) where a unit's boundaries changed. */
  boundaries: { period: string; label: string }[];
  measure: MeasureUnit;
  /** The value axis: what it counts in ("Đơn vị: tỷ đồng") and its ticks ("5", "75%"). */
  axisLabel?: string;
  formatTick: (value: number) => string;
  /** Ids of the units the user marked as theirs. */
  mine: readonly string[];
}

/** What the panel's model (features/kpi-panel's PanelModel) carries beyond ExportModel's type. */
interface ModelChart {
  chart: ChartModel;
  series: { key: string; label: string; muted?: boolean; colorIndex: number }[];
  legend: LegendItem[];
  axis: { measure: MeasureUnit; label: string; divisor: number };
}
interface DrawnModel {
  charts?: ModelChart[];
  chart: ChartModel;
  chartSeries: ModelChart['series'];
  measure: MeasureUnit;
  mine?: string[];
}

const isChart = (c: unknown): c is ChartModel => Array.isArray((c as Partial<ChartModel> | undefined)?.rows);

function drawnModel(model: ExportModel): DrawnModel | null {
  const m = model as unknown as Partial<DrawnModel>;
  if (Array.isArray(m.charts) && m.charts.every((c) => isChart(c.chart) && Array.isArray(c.series) && c.axis)) return m as DrawnModel;
  return isChart(m.chart) && Array.isArray(m.chartSeries) && typeof m.measure === 'string' ? (m as DrawnModel) : null;
}

/** A tick of an axis counted in `divisor` ("5" on an axis of tỷ đồng), as the chart on screen writes it. */
function tickFormat(measure: MeasureUnit, divisor: number): (v: number) => string {
  return measure === 'vnd' && divisor > 1 ? (v) => formatNumber(v / divisor, 1) : (v) => formatAxisValue(v, measure);
}

/** The panel's charts as data (none when its model has nothing to draw). */
export function exportChartsOf(model: ExportModel): ExportChart[] {
  const m = drawnModel(model);
  if (!m) return [];
  const mine = m.mine ?? [];
  const of = (c: ModelChart): ExportChart => ({
    layout: c.chart.layout,
    rows: c.chart.rows,
    series: c.series.map((s) => ({ key: s.key, label: s.label, color: seriesFill(s) })),
    legend: c.legend,
    benchmark: c.chart.benchmark,
    boundaries: c.chart.boundaries,
    measure: c.axis.measure,
    axisLabel: c.axis.label,
    formatTick: tickFormat(c.axis.measure, c.axis.divisor),
    mine,
  });
  if (m.charts) return m.charts.filter((c) => c.series.length > 0).map(of);
  if (m.chartSeries.length === 0) return [];
  return [of({ chart: m.chart, series: m.chartSeries, legend: model.legend, axis: { measure: m.measure, label: '', divisor: 1 } })];
}
