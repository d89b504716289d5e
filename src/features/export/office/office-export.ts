/**
 * The office files of a panel, or of the whole page, without React. Each builder, with its
 * library (pptxgenjs, exceljs, docx), is loaded by `import()` when its file is first asked for,
 * so none of them is in the page's first JavaScript. A file is handed over whole or not at all.
 */
import type { PanelExport } from '../../../lib/panel-export';
import { ExportError, exportPanel, type ExportedFile } from '../export-panel';
import { officeFileName, type OfficeFormat } from './office-text';

/** What each format is called to the user. */
export const OFFICE_NAMES: Record<OfficeFormat, string> = { pptx: 'PowerPoint', xlsx: 'Excel', docx: 'Word' };

/** The whole page's files: named for the page's units and period. */
export const PAGE_TITLE = 'Chỉ tiêu Nghị quyết các phường';
const PAGE_SLUGS = { pptx: 'bang-chi-tieu', docx: 'phu-luc-so-lieu' } as const;

/** A builder that could not be fetched (offline, or a new version deployed meanwhile). */
async function load<T>(format: OfficeFormat, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (err) {
    console.error('office builder failed to load', err);
    throw new ExportError(`Không tải được phần tạo tệp ${OFFICE_NAMES[format]}: hãy kiểm tra kết nối mạng và tải lại trang.`);
  }
}

/**
 * Each panel's chart as the PNG it exports, for the Word appendix: at 1.5× (about 280 dpi at the
 * text's width, sharp on paper, and a smaller file than 2×), made side by side (the browser
 * encodes them off the main thread).
 */
export const WORD_IMAGE_SCALE = 1.5;

async function chartImages(panels: readonly PanelExport[]): Promise<Uint8Array[]> {
  return Promise.all(
    panels.map(async (panel) => {
      const png = await exportPanel(panel, 'png', WORD_IMAGE_SCALE);
      return new Uint8Array(await png.blob.arrayBuffer());
    }),
  );
}

export async function panelOfficeFile(panel: PanelExport, format: OfficeFormat, now = new Date()): Promise<ExportedFile> {
  const fileName = officeFileName(panel, format);
  if (format === 'pptx') {
    const { buildPptx } = await load(format, () => import('./pptx'));
    return { fileName, blob: await buildPptx([panel], { now }) };
  }
  if (format === 'xlsx') {
    const { buildXlsx } = await load(format, () => import('./xlsx'));
    return { fileName, blob: await buildXlsx(panel, { now }) };
  }
  const [{ buildDocx }, images] = await Promise.all([load(format, () => import('./docx')), chartImages([panel])]);
  return { fileName, blob: await buildDocx([panel], { now, images, imageScale: WORD_IMAGE_SCALE }) };
}

/** The whole page: a deck with a cover, or the appendix of every panel with figures. */
export async function pageOfficeFile(panels: readonly PanelExport[], format: 'pptx' | 'docx', now = new Date()): Promise<ExportedFile> {
  const first = panels[0];
  if (!first) throw new ExportError('Chưa có bảng nào có số liệu để xuất.');
  const fileName = officeFileName({ slug: PAGE_SLUGS[format], unitIds: first.unitIds, period: first.period }, format);
  if (format === 'pptx') {
    const { buildPptx } = await load(format, () => import('./pptx'));
    return { fileName, blob: await buildPptx(panels, { now, cover: { title: PAGE_TITLE } }) };
  }
  const [{ buildDocx }, images] = await Promise.all([load(format, () => import('./docx')), chartImages(panels)]);
  return { fileName, blob: await buildDocx(panels, { now, images, imageScale: WORD_IMAGE_SCALE, title: PAGE_TITLE }) };
}
