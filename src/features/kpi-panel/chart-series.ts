/**
 * The charts' series as they are drawn, their legend and their value axis: a unit keeps its
 * colour in every panel (its place among the chosen units), takes another after a boundary
 * change, and each indicator of a chart shifts it; totals are drawn lighter. The exports draw
 * the same legend and axis, so they are built here, with the model, not by the view.
 */
import type { MeasureUnit } from '../../api/contract';
import type { ChartSeries } from '../../components/charts/kpi-chart';
import { legendEntries, type LegendEntry } from '../../components/charts/legend';
import type { ChartModel } from '../../lib/kpi';
import type { ValueAxis } from '../../lib/panel-export';
import { MEASURE_NAMES } from '../../lib/vocabulary';

/** The legend's name of the band behind the user's own units. */
export const MINE_LABEL = 'Đơn vị của tôi';

/** `indicatorIds`: the indicators of this chart, in the config's order. */
export function drawnSeries(chart: ChartModel, unitIds: readonly string[], indicatorIds: readonly string[]): ChartSeries[] {
  return chart.series.map((s) => ({
    key: s.key,
    label: s.label,
    muted: s.metric === 'outOf',
    colorIndex: Math.max(0, unitIds.indexOf(s.unitId)) + s.era * 5 + Math.max(0, indicatorIds.indexOf(s.indicatorId)) * 2,
  }));
}

/** As the chart draws it: its series, the user's own units' band (among many), the benchmark. */
export function chartLegend(series: readonly ChartSeries[], chart: ChartModel, withMine = false): LegendEntry[] {
  return legendEntries(series, chart.benchmark, withMine && chart.layout === 'byUnit' ? MINE_LABEL : undefined);
}

/**
 * A chart's value axis: one unit of measure, said above it ("Đơn vị: hộ"). Money is counted in
 * the largest of tỷ, triệu or đồng that its highest value reaches, and its ticks are plain
 * numbers of that ("Đơn vị: tỷ đồng", 0 · 5 · 10).
 */

export function valueAxis(measure: MeasureUnit, highest: number): ValueAxis {
  if (measure === 'vnd') {
    const [name, divisor] = highest >= 1e9 ? ['tỷ đồng', 1e9] : highest >= 1e6 ? ['triệu đồng', 1e6] : ['đồng', 1];
    return { measure, label: `Đơn vị: ${name}`, divisor };
  }
  return { measure, label: `Đơn vị: ${MEASURE_NAMES[measure]}`, divisor: 1 };
}

