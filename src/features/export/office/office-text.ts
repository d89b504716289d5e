/**
 * The words every office file carries beside its figures, in one place: the export time, the
 * saved copy they were made from when offline, the date the figures reach ("Số liệu đến ngày …"), the sources (named, or counted when many), the
 * units of measure, and the file names. Text goes into the files in Unicode NFC, so that each
 * Vietnamese letter is one character (precomposed), as Office's fonts expect.
 */
import { formatDateTime } from '../../../lib/format';
import type { PanelExport, SourceLine } from '../../../lib/panel-export';
import { periodSlug } from '../../../lib/period-names';
import { asciiSlug, unitsPart } from '../file-name';

/** What the page is called, on a cover and in a file's properties. */
export const APP_NAME = 'Bảng chỉ tiêu Nghị quyết các phường';

/** Precomposed Vietnamese letters ("ệ" as one character, not e + two marks). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * What the files of these panels say when their figures are a saved copy shown offline
 * ("Lập từ bản lưu lúc 08:15 ngày 02/12/2026 — không có kết nối"), or null when current.
 */
export function savedCopyOf(panels: readonly Pick<PanelExport, 'savedCopy'>[]): string | null {
  return panels.find((p) => p.savedCopy)?.savedCopy ?? null;
}

/** "Xuất lúc 23/11/2026 14:05". */
export function exportedAt(now: Date): string {
  return `Xuất lúc ${formatDateTime(now)}`;
}

/** "30/12/2024" → a sortable "2024-12-30" (empty for anything else). */
function isoOf(date: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/** A source's date ("30/12/2024") as a calendar date at midnight UTC (what a spreadsheet stores), or null. */
export function sourceDate(date: string): Date | null {
  const iso = isoOf(date);
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/**
 * The date the figures reach: the latest date among the reports they come from (a report is
 * held at its period's cut-off), as "30/12/2024"; null when no source has a date.
 */
export function dataAsOf(panels: readonly Pick<PanelExport, 'model'>[]): string | null {
  let latest: { iso: string; date: string } | null = null;
  for (const p of panels) {
    for (const s of p.model.sources) {
      const iso = isoOf(s.date);
      if (iso && (!latest || iso > latest.iso)) latest = { iso, date: s.date.trim() };
    }
  }
  return latest?.date ?? null;
}

/** "Số liệu đến ngày 30/12/2024", or nothing when no report has a date. */
export function dataAsOfLine(panels: readonly Pick<PanelExport, 'model'>[]): string | null {
  const date = dataAsOf(panels);
  return date ? `Số liệu đến ngày ${date}` : null;
}

/** "Hội nghị tổng kết năm 2024 (30/12/2024)". */
export function sourceText(s: SourceLine): string {
  return s.date ? `${s.title} (${s.date})` : s.title;
}

/**
 * One line of sources: every report named while they fit in `maxChars`, else counted
 * ("Nguồn: 36 báo cáo — danh sách trong tệp Excel"); null without sources.
 */
export function sourcesLine(sources: readonly SourceLine[], maxChars: number, listedIn = 'tệp Excel'): string | null {
  if (sources.length === 0) return null;
  const named = `Nguồn: ${sources.map(sourceText).join('; ')}`;
  return named.length <= maxChars ? named : `Nguồn: ${sources.length} báo cáo — danh sách trong ${listedIn}`;
}

/** "Đơn vị tính: %; đồng" from the figures' units, or null. */
export function measuresLine(panel: Pick<PanelExport, 'model'>): string | null {
  const units = [...new Set(panel.model.figures.map((f) => f.unitOfMeasure).filter(Boolean))];
  return units.length ? `Đơn vị tính: ${units.join('; ')}` : null;
}

export type OfficeFormat = 'pptx' | 'xlsx' | 'docx';

/**
 * `thu-ngan-sach_my-thoi_2024-ca-nam.pptx`: named as the panel's other files are (slug _ units _
 * period); the whole page takes `slug` "bang-chi-tieu" or "phu-luc-so-lieu".
 */
export function officeFileName(what: { slug: string; unitIds: readonly string[]; period: string }, format: OfficeFormat): string {
  const parts = [asciiSlug(what.slug) || 'bang-chi-tieu', unitsPart(what.unitIds), asciiSlug(periodSlug(what.period)) || 'ky'];
  return `${parts.join('_')}.${format}`;
}

export const OFFICE_MIME: Record<OfficeFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
