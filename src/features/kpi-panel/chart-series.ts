/**
 * The chart's series as they are drawn, and the legend that names them: a unit keeps its colour
 * in every panel (its place among the chosen units), takes another after a boundary change, and
 * each indicator of a family shifts it; totals are drawn lighter. The exports draw the same
 * legend, so it is built here, with the model, not by the view.
 */
import type { ChartSeries } from '../../components/charts/kpi-chart';
import { BENCHMARK_COLOR, MINE_BAND, seriesColor } from '../../components/charts/palette';
import type { ChartModel } from '../../lib/kpi';
import type { LegendItem } from '../../lib/panel-export';
import type { FamilyConfig } from './families';

/** The legend's name of the band behind the user's own units. */
export const MINE_LABEL = 'Đơn vị của tôi';

export function drawnSeries(chart: ChartModel, unitIds: readonly string[], config: FamilyConfig): ChartSeries[] {
  return chart.series.map((s) => ({
    key: s.key,
    label: s.label,
    muted: s.metric === 'outOf',
    colorIndex: Math.max(0, unitIds.indexOf(s.unitId)) + s.era * 5 + config.chart.indexOf(s.indicatorId) * 2,
  }));
}

/** As the chart draws it: its series, the user's own units' band (among many), the benchmark. */
export function chartLegend(series: readonly ChartSeries[], chart: ChartModel, withMine = false): LegendItem[] {
  return [
    ...series.map((s) => ({ label: s.label, color: seriesColor(s.colorIndex) })),
    ...(withMine && chart.layout === 'byUnit' ? [{ label: MINE_LABEL, color: MINE_BAND }] : []),
    ...(chart.benchmark ? [{ label: chart.benchmark.label, color: BENCHMARK_COLOR, dashed: true }] : []),
  ];
}
