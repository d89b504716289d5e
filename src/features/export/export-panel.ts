/**
 * The three exports of a panel, without React: each returns the file (blob and name).
 * PNG and SVG share the composed SVG, whose charts are drawn from the panel's data at a fixed
 * size (the same file from a phone or a desktop); the font is prepared once per page.
 */
import type { PanelExport } from '../../lib/panel-export';
import { exportChartsOf } from './chart-data';
import { composePanelSvg, IMAGE_CHART_WIDTH, type ComposedSvg } from './compose-svg';
import { figuresCsv } from './csv';
import { drawCharts, type PanelChartDrawing } from './draw-chart';
import { exportFileName, type ExportFormat } from './file-name';
import { embeddedFontCss, pageFontsReady } from './font';
import { canvasMeasure, type MeasureText } from './measure-text';
import { rasterizeSvg } from './rasterize';

export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

export class ExportError extends Error {}

/** A trend's height in the image, as on screen. */
const TREND_HEIGHT = 300;
/**
 * A ranking's most lines and height in the image: with the header, tiles and footer the PNG
 * stays under about 2,000 px (4,000 at 2×) however many units are ranked.
 */
const RANKING_LINES = 40;
const RANKING_HEIGHT = 1300;

/** The panel's charts drawn for the PNG and SVG, side by side, with their legends. */
export function imageCharts(panel: Pick<PanelExport, 'model'>, measure: MeasureText): PanelChartDrawing[] {
  return drawCharts(exportChartsOf(panel.model), { width: IMAGE_CHART_WIDTH, height: TREND_HEIGHT, maxRows: RANKING_LINES, maxHeight: RANKING_HEIGHT, measure });
}

export async function composeForExport(panel: PanelExport, now = new Date()): Promise<ComposedSvg> {
  const [fontCss] = await Promise.all([embeddedFontCss(), pageFontsReady()]);
  const measure = canvasMeasure();
  return composePanelSvg(panel, { charts: imageCharts(panel, measure), fontCss, now, measure });
}

export async function exportPanel(panel: PanelExport, format: ExportFormat, scale = 2): Promise<ExportedFile> {
  // images of two resolutions must not overwrite each other
  const fileName = exportFileName(panel, format, format === 'png' ? `${scale}x` : undefined);
  if (format === 'csv') {
    return { fileName, blob: new Blob([figuresCsv(panel.model.figures, panel.model.ranked)], { type: 'text/csv;charset=utf-8' }) };
  }
  const composed = await composeForExport(panel);
  if (format === 'svg') {
    return { fileName, blob: new Blob([composed.svg], { type: 'image/svg+xml;charset=utf-8' }) };
  }
  return { fileName, blob: await rasterizeSvg(composed.svg, composed.width, composed.height, scale) };
}

/** Start preparing the font before the first click (on hover or focus of the buttons). */
export function warmUpExport(): void {
  void embeddedFontCss().catch(() => undefined);
}
