/**
 * A panel's charts as data, for the exports that draw them themselves at a fixed size (never
 * from the chart on screen, whose size depends on the device): for each chart (one per unit of
 * measure) its rows, its series in the colours they are drawn in (totals the same hue, lighter:
 * palette's seriesFill, as on screen), its legend, the benchmark, the boundary changes, its value
 * axis, and the user's own units.
 */
import type { MeasureUnit } from '../../api/contract';
import { seriesFill } from '../../components/charts/palette';
import { formatAxisTick } from '../../lib/format';
import type { ExportChart as ModelChart, ExportModel, LegendItem } from '../../lib/panel-export';

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
