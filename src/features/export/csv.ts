/**
 * CSV of the figures behind a chart: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a BOM
 * so that Excel reads Vietnamese, and cells that a spreadsheet would run as formulas defused.
 */
import type { FigureRow } from '../../lib/panel-export';

export const BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

/** Cells a spreadsheet reads as a formula (OWASP "CSV injection"): = + - @ and tab / CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are; text defused when it starts like a formula, quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document: BOM, CRLF between records and at the end. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const FIGURE_COLUMNS = [
  'Phường, xã',
  'Kỳ báo cáo',
  'Chỉ tiêu',
  'Giá trị',
  'Trên tổng số',
  'Đơn vị tính',
  'Mức độ',
  'Số liệu như báo cáo',
  'Nguồn',
  // against the benchmark (the words of the tiles), and the same period a year earlier
  'Tình trạng',
  'Lý do',
  'Cùng kỳ năm trước',
  'Giá trị cùng kỳ năm trước',
  'Thay đổi so với cùng kỳ',
  'Đơn vị của thay đổi',
  'So sánh cùng kỳ',
] as const;

/** The column of a unit's rank, first, when many units are ranked. */
export const RANK_COLUMN = 'Hạng';

/**
 * One row per observation: unit, period, indicator, value, unit, qualifier, source, then its
 * status and why, and the same period a year earlier (its figure, the change as a number and in
 * what, and the words: "+12%", or why it is not compared); empty where there is none. With many
 * units ranked, their rank first ("Hạng", empty for a unit not ranked), in rank order (as given).
 * Figures from a saved copy (offline): one line above the header says so, and when it was saved.
 */
export function figuresCsv(figures: readonly FigureRow[], ranked = false, savedCopy?: string): string {
  const row = (f: FigureRow): CsvCell[] => [
    f.unit, f.period, f.indicator, f.value, f.outOf, f.unitOfMeasure, f.qualifier, f.formatted, f.source,
    f.status, f.statusReason, f.previousPeriod, f.previousValue, f.change, f.changeUnit, f.changeText,
  ];
  const table = ranked ? [[RANK_COLUMN, ...FIGURE_COLUMNS], ...figures.map((f) => [f.rank, ...row(f)])] : [FIGURE_COLUMNS, ...figures.map(row)];
  return toCsv(savedCopy ? [[savedCopy], ...table] : table);
}
