/**
 * The PNG and SVG of a panel, loaded when an image is first asked for (export-panel.ts imports
 * it on demand, so the drawing code is not in the first-load JavaScript): one composed SVG whose
 * charts are drawn from the panel's data at a fixed size (the same file from a phone or a
 * desktop), rasterized for the PNG; the font is prepared once per page.
 */
import type { PanelExport } from '../../lib/panel-export';
import { exportChartsOf } from './chart-data';
import { composePanelSvg, IMAGE_CHART_WIDTH, type ComposedSvg } from './compose-svg';
import { drawCharts, type PanelChartDrawing } from './draw-chart';
import { embeddedFontCss, measuringFontsReady } from './font';
import type { MeasureText } from '../../components/charts/text-width';
import { canvasMeasure } from './measure-text';
import { rasterizeSvg } from './rasterize';

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
  const [fontCss] = await Promise.all([embeddedFontCss(), measuringFontsReady()]);
  const measure = canvasMeasure();
  return composePanelSvg(panel, { charts: imageCharts(panel, measure), fontCss, now, measure });
}

/** The image as a file's contents: the SVG document, or its PNG at `scale` times its size. */
export async function imageBlob(panel: PanelExport, format: 'png' | 'svg', scale: number): Promise<Blob> {
  const composed = await composeForExport(panel);
  if (format === 'svg') return new Blob([composed.svg], { type: 'image/svg+xml;charset=utf-8' });
  return rasterizeSvg(composed.svg, composed.width, composed.height, scale);
}

/** Prepares the font (fetched and primed once per page). */
export function warmUp(): Promise<unknown> {
  return embeddedFontCss();
}
