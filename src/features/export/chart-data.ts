/**
 * A panel's charts as data, for the exports that draw them themselves at a fixed size (never
 * from the chart on screen, whose size depends on the device): for each chart (one per unit of
 * measure) its rows, its series in the colours they are drawn in (totals the same hue, lighter:
 * palette's seriesFill, as on screen), its legend, the benchmark, the boundary changes, its value
 * axis, and the user's own units.
 */
import type { MeasureUnit } from '../../api/contract';
import type { TrendChart } from '../../components/charts/draw-trend';
import { seriesFill } from '../../components/charts/palette';
import { formatAxisTick } from '../../lib/format';
import type { ExportChart as ModelChart, ExportModel, LegendItem } from '../../lib/panel-export';

export type ChartRow = TrendChart['rows'][number];

/** A series in its solid colour: a total beside its values is the same hue, lighter. */
export type ExportSeries = TrendChart['series'][number];

/** What a trend draws (draw-trend.ts), and what a ranking needs besides. */
export interface ExportChart extends TrendChart {
  /** Periods across (a trend), or one bar per unit in one period (a ranking, best first). */
  layout: 'byPeriod' | 'byUnit';
  /** A trend's rows have `period` and `label`; a ranking's `unitId`, `label`, `rank`, `asOf`. */
  rows: ChartRow[];
  legend: LegendItem[];
  measure: MeasureUnit;
  /** Ids of the units the user marked as theirs. */
  mine: readonly string[];
}

/** The panel's charts as data (none when its model has nothing to draw). */
export function exportChartsOf(model: ExportModel): ExportChart[] {
  const mine = model.mine ?? [];
  const of = (c: ModelChart): ExportChart => ({
    layout: c.chart.layout,
    rows: c.chart.rows,
    series: c.series.map((s) => ({ key: s.key, label: s.label, color: seriesFill(s) })),
    legend: c.legend,
    benchmark: c.chart.benchmark,
    boundaries: c.chart.boundaries,
    measure: c.axis.measure,
    axisLabel: c.axis.label,
    formatTick: (v) => formatAxisTick(v, c.axis),
    mine,
  });
  return (model.charts ?? []).filter((c) => c.series.length > 0).map(of);
}
