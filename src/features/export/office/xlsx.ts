/**
 * "Tải Excel": the panel's table as a workbook (exceljs). Above the table, the filters (units,
 * period) and the export time; then one row per figure: numbers stored as numbers with their
 * format (money in đồng with thousands separators, percents as percents, counts whole), the
 * report's date as a date, the qualifier and the source in columns of their own. A second sheet
 * lists the sources. Figures from a saved copy (offline) say so on both sheets. A spreadsheet in any locale reads every value as a number (no text to parse).
 */
import ExcelJS from 'exceljs';
import type { FigureRow, PanelExport, SourceLine } from '../../../lib/panel-export';
import { MEASURE_NAMES } from '../../../lib/vocabulary';
import { APP_NAME, dataAsOf, nfc, OFFICE_MIME, sourceDate, sourceText } from './office-text';

type Value = string | number | Date | null;

interface Column {
  header: string;
  width: number;
  value: (f: FigureRow, date: Date | null) => Value;
  /** The number format of the column's cells, by row where it varies. */
  format?: (f: FigureRow) => string | undefined;
}

export const NUMBER_FORMATS = {
  count: '#,##0',
  money: '#,##0',
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  percent: (decimals: number) => (decimals ? `0.${'0'.repeat(decimals)}%` : '0%'),
} as const;

const isPercent = (f: FigureRow) => f.unitOfMeasure === MEASURE_NAMES.percent;
const isMoney = (f: FigureRow) => f.unitOfMeasure === MEASURE_NAMES.vnd;

/** Decimals a percent was given with (at most 2): 88.44 → 2, 74 → 0. */
function percentDecimals(value: number): number {
  for (let d = 0; d < 2; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  return 2;
}

/** A percent is stored as the fraction it is (88.44 % is 0.8844), so that formulas on it work. */
const stored = (f: FigureRow) => (isPercent(f) ? Math.round(f.value * 1e6) / 1e8 : f.value);

/** A value's format: a percent with the decimals it was given, money and counts with thousands separators. */
function valueFormat(f: FigureRow): string {
  if (isPercent(f)) return NUMBER_FORMATS.percent(percentDecimals(f.value));
  return isMoney(f) ? NUMBER_FORMATS.money : NUMBER_FORMATS.count;
}

/** A change, with its sign: "+12", "-3,5". */
const signed = (decimals: number) => {
  const n = decimals ? `0.${'0'.repeat(decimals)}` : '0';
  return `+#,##${n};-#,##${n};0`;
};

const COLUMNS: Column[] = [
  { header: 'Phường, xã', width: 28, value: (f) => f.unit },
  { header: 'Kỳ báo cáo', width: 18, value: (f) => f.period },
  { header: 'Chỉ tiêu', width: 40, value: (f) => f.indicator },
  { header: 'Giá trị', width: 18, value: stored, format: (f) => valueFormat(f) },
  { header: 'Trên tổng số', width: 12, value: (f) => f.outOf ?? null, format: () => NUMBER_FORMATS.count },
  { header: 'Đơn vị tính', width: 12, value: (f) => f.unitOfMeasure },
  { header: 'Mức độ', width: 11, value: (f) => f.qualifier },
  { header: 'Số liệu như báo cáo', width: 24, value: (f) => f.formatted },
  { header: 'Nguồn', width: 46, value: (f) => f.source },
  { header: 'Ngày báo cáo', width: 13, value: (_f, date) => date, format: () => NUMBER_FORMATS.date },
  // against the benchmark, and the same period a year earlier: the CSV's columns, numbers as numbers
  { header: 'Tình trạng', width: 20, value: (f) => f.status ?? null },
  { header: 'Lý do', width: 40, value: (f) => f.statusReason ?? null },
  { header: 'Cùng kỳ năm trước', width: 16, value: (f) => f.previousPeriod ?? null },
  {
    header: 'Giá trị cùng kỳ năm trước',
    width: 18,
    value: (f) => (f.previousValue === undefined ? null : stored({ ...f, value: f.previousValue })),
    format: (f) => (f.previousValue === undefined ? undefined : valueFormat({ ...f, value: f.previousValue })),
  },
  {
    header: 'Thay đổi so với cùng kỳ',
    width: 14,
    value: (f) => f.change ?? null,
    format: (f) => (f.change === undefined ? undefined : signed(percentDecimals(f.change))),
  },
  { header: 'Đơn vị của thay đổi', width: 12, value: (f) => f.changeUnit ?? null },
  { header: 'So sánh cùng kỳ', width: 40, value: (f) => f.changeText ?? null },
];
const RANK: Column = { header: 'Hạng', width: 7, value: (f) => f.rank ?? null, format: () => NUMBER_FORMATS.count };

/** The local wall-clock time as a spreadsheet keeps it (exceljs writes a Date's UTC fields). */
function wallClock(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()));
}

const BOLD = { bold: true };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
/** A cell's value as written: text in NFC; a number that is none (a target without a figure: NaN) an empty cell, which Excel reads. */
const text = (v: Value) => (typeof v === 'string' ? nfc(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v);

/** Each figure's report, found by the text the figure names it with. */
function dateOfSource(sources: readonly SourceLine[]): (f: FigureRow) => Date | null {
  const byText = new Map(sources.map((s) => [sourceText(s), sourceDate(s.date)]));
  return (f) => byText.get(f.source) ?? null;
}

function figuresSheet(wb: ExcelJS.Workbook, panel: PanelExport, now: Date): void {
  const ws = wb.addWorksheet('Số liệu');
  const columns = panel.model.ranked ? [RANK, ...COLUMNS] : COLUMNS;
  ws.columns = columns.map((c) => ({ width: c.width }));

  ws.addRow([text(panel.title)]).font = { bold: true, size: 14 };
  const meta = (label: string, value: Value, numFmt?: string) => {
    const row = ws.addRow([label, text(value)]);
    row.getCell(1).font = BOLD;
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { horizontal: 'left' };
  };
  meta('Phường, xã', panel.unitsLabel);
  meta('Kỳ báo cáo', panel.periodLabel);
  const asOf = dataAsOf([panel]);
  const asOfDate = asOf ? sourceDate(asOf) : null;
  if (asOfDate) meta('Số liệu đến ngày', asOfDate, NUMBER_FORMATS.date);
  meta('Xuất lúc', wallClock(now), NUMBER_FORMATS.dateTime);
  if (panel.savedCopy) meta('Nguồn số liệu', panel.savedCopy);
  for (const line of [...panel.model.summaryLines, ...panel.model.unitNotes]) meta('Ghi chú', line);
  ws.addRow([]);

  const head = ws.addRow(columns.map((c) => c.header));
  head.font = BOLD;
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell) => (cell.fill = HEAD_FILL));
  const headRow = head.number;
  const dateOf = dateOfSource(panel.model.sources);
  for (const f of panel.model.figures) {
    const date = dateOf(f);
    const values = columns.map((c) => text(c.value(f, date)));
    const row = ws.addRow(values);
    columns.forEach((c, i) => {
      // an empty cell has no number format
      const fmt = values[i] === null ? undefined : c.format?.(f);
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
  }
  ws.autoFilter = { from: { row: headRow, column: 1 }, to: { row: headRow + panel.model.figures.length, column: columns.length } };
  ws.views = [{ state: 'frozen', ySplit: headRow, xSplit: 0 }];
  // printed: A4 landscape, as wide as one page, the header row on every page
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headRow}:${headRow}` };
}

function sourcesSheet(wb: ExcelJS.Workbook, panel: PanelExport): void {
  const ws = wb.addWorksheet('Nguồn');
  ws.columns = [{ width: 6 }, { width: 50 }, { width: 13 }, { width: 70 }];
  // made from a saved copy: said above the list of reports
  if (panel.savedCopy) ws.addRow([null, text(panel.savedCopy)]).font = { bold: true, color: { argb: 'FF8A4B00' } };
  const head = ws.addRow(['STT', 'Báo cáo', 'Ngày', 'Tham chiếu']);
  head.font = BOLD;
  head.eachCell((cell) => (cell.fill = HEAD_FILL));
  panel.model.sources.forEach((s, i) => {
    const row = ws.addRow([i + 1, text(s.title), sourceDate(s.date) ?? text(s.date), text(s.reference)]);
    row.getCell(3).numFmt = NUMBER_FORMATS.date;
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: head.number, xSplit: 0 }];
}

/** The panel's figures and sources as an .xlsx file. */
export async function buildXlsx(panel: PanelExport, options: { now: Date }): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  wb.creator = APP_NAME;
  wb.title = nfc(`${panel.title} — ${panel.unitsLabel} — ${panel.periodLabel}`);
  wb.created = options.now;
  figuresSheet(wb, panel, options.now);
  sourcesSheet(wb, panel);
  const bytes = await wb.xlsx.writeBuffer();
  return new Blob([bytes], { type: OFFICE_MIME.xlsx });
}
