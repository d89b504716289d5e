/**
 * A panel's charts for paper, as an svg: drawn from its data at the width of a printed column
 * (A4 landscape, two panels a row; print.css), its values on the bars, a long ranking cut to its
 * top, its bottom and the user's own units so that it fits a page. Loaded after the page has
 * settled (print-chart.tsx), not with the first load.
 */
import type { PanelExport } from '../../lib/panel-export';
import { exportChartsOf } from './chart-data';
import { composeChartsSvg } from './compose-svg';
import { drawCharts } from './draw-chart';
import { canvasMeasure } from './measure-text';

/** A printed column's width in CSS px (A4 landscape, 10 mm margins, two columns) and the most a ranking takes of a page. */
const PRINT_WIDTH = 500;
const PRINT_TREND_HEIGHT = 210;
const PRINT_RANKING_LINES = 16;
const PRINT_RANKING_HEIGHT = 400;

/** The svg of a panel's charts for paper; empty when it has none. */
export function printChartsSvg(panel: Pick<PanelExport, 'model'>): string {
  const measure = canvasMeasure();
  const charts = drawCharts(exportChartsOf(panel.model), {
    width: PRINT_WIDTH,
    height: PRINT_TREND_HEIGHT,
    maxRows: PRINT_RANKING_LINES,
    maxHeight: PRINT_RANKING_HEIGHT,
    measure,
  });
  return charts.length ? composeChartsSvg(charts, measure).svg : '';
}
