/**
 * The three exports of a panel, without React: each returns the file (blob and name). The CSV
 * is written here; the PNG and SVG by image-file.ts, loaded when an image is first asked for
 * (or when the pointer reaches the buttons), so its drawing code stays out of the first load.
 */
import type { PanelExport } from '../../lib/panel-export';
import { figuresCsv } from './csv';
import { exportFileName, type ExportFormat } from './file-name';

export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

export class ExportError extends Error {}

const imageCode = () => import('./image-file');

export async function exportPanel(panel: PanelExport, format: ExportFormat, scale = 2): Promise<ExportedFile> {
  // images of two resolutions must not overwrite each other
  const fileName = exportFileName(panel, format, format === 'png' ? `${scale}x` : undefined);
  if (format === 'csv') {
    return { fileName, blob: new Blob([figuresCsv(panel.model.figures, panel.model.ranked, panel.savedCopy)], { type: 'text/csv;charset=utf-8' }) };
  }
  const { imageBlob } = await imageCode();
  return { fileName, blob: await imageBlob(panel, format, scale) };
}

/** Start loading the image code and preparing the font before the first click (on hover or focus of the buttons). */
export function warmUpExport(): void {
  imageCode()
    .then((m) => m.warmUp())
    .catch(() => undefined);
}
