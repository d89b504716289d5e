/**
 * The three exports of a panel, without React: each returns the file (blob and name).
 * PNG and SVG share the composed SVG; the font is prepared once per page.
 */
import type { PanelExport } from '../../lib/panel-export';
import { captureChart } from './capture-chart';
import { composePanelSvg, type ComposedSvg } from './compose-svg';
import { figuresCsv } from './csv';
import { exportFileName, type ExportFormat } from './file-name';
import { embeddedFontCss, pageFontsReady } from './font';
import { canvasMeasure } from './measure-text';
import { rasterizeSvg } from './rasterize';

export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

export class ExportError extends Error {}

/** The chart may still be loading (lazy) or laying out: wait for it a little. */
export async function waitForChart(panel: PanelExport, timeoutMs = 4000): Promise<SVGSVGElement> {
  const start = performance.now();
  for (;;) {
    const svg = panel.getChartSvg();
    if (svg && svg.getBoundingClientRect().width > 0) return svg;
    if (performance.now() - start > timeoutMs) throw new ExportError('Biểu đồ chưa vẽ xong.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function composeForExport(panel: PanelExport, now = new Date()): Promise<ComposedSvg> {
  const [fontCss, svg] = await Promise.all([embeddedFontCss(), waitForChart(panel), pageFontsReady()]);
  return composePanelSvg(panel, { chart: captureChart(svg), fontCss, now, measure: canvasMeasure() });
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
