/**
 * A panel's charts drawn for an export from their data at a fixed size, so that a file is the
 * same whatever screen it was made on: a trend (draw-trend.ts) or a ranking (draw-comparison.ts).
 * A panel of several charts (one per unit of measure) has them side by side, each with its legend.
 */
import type { LegendItem } from '../../lib/panel-export';
import type { ExportChart } from './chart-data';
import { drawComparison } from './draw-comparison';
import { drawTrend } from '../../components/charts/draw-trend';
import { formatBarValue } from '../../lib/format';
import type { MeasureText } from '../../components/charts/text-width';

export interface DrawnChart {
  /** A `<g class="chart">` in its own coordinates, from (0, 0). */
  markup: string;
  width: number;
  height: number;
  /** Every bar has its value written by it (a trend's bars may be too narrow for them). */
  valuesShown: boolean;
  /** A long ranking cut short: how many units it shows, of how many, and whether the user's own are among them (each run left out is said in a line). */
  cut?: { shown: number; total: number; mine: boolean };
}

/** A drawn chart and its legend (series, the user's units' band, the benchmark), drawn under it. */
export interface PanelChartDrawing extends DrawnChart {
  legend: LegendItem[];
}

export interface DrawOptions {
  width: number;
  /** A trend's height. */
  height: number;
  /** A ranking's most lines, and its tallest. */
  maxRows: number;
  maxHeight?: number;
  /** A ranking's values and axis unit (11 px by default, as on screen). */
  smallFont?: number;
  measure: MeasureText;
}

export function drawChart(chart: ExportChart, options: DrawOptions): DrawnChart {
  return chart.layout === 'byUnit' ? drawComparison(chart, options) : drawTrend(chart, { ...options, barValues: { write: (v) => formatBarValue(v, chart.measure), measure: options.measure } });
}

/** The gap between charts side by side, in the drawing's pixels. */
export const CHART_GAP = 24;

/** The panel's charts side by side in `width` (each the same share of it), with their legends. */
export function drawCharts(charts: readonly ExportChart[], options: DrawOptions): PanelChartDrawing[] {
  const n = Math.max(1, charts.length);
  const width = (options.width - CHART_GAP * (n - 1)) / n;
  return charts.map((chart) => ({ ...drawChart(chart, { ...options, width }), legend: chart.legend }));
}
