import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { partsLike, readZip } from '../../../../tests/zip-reader';
import { SAVED_COPY, targetListTestPanel } from '../test-panel';
import { budgetPanel, rankedPanel } from './test-panels';
import { buildXlsx } from './xlsx';

const now = new Date(2025, 1, 1, 10, 5);

async function open(blob: Blob): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  return wb;
}

/** The sheet's rows as plain arrays (1-based columns dropped to 0-based). */
function rows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow({ includeEmpty: true }, (r) => out.push(r));
  return out;
}

function headerRow(ws: ExcelJS.Worksheet): ExcelJS.Row {
  return rows(ws).find((r) => r.getCell(1).value === 'Phường, xã' && r.getCell(2).value === 'Kỳ báo cáo')!;
}

describe('buildXlsx', () => {
  it('puts the filters and the export time above the table, the export time as a date', async () => {
    const ws = (await open(await buildXlsx(budgetPanel(), { now }))).getWorksheet('Số liệu')!;
    expect(ws.getCell('A1').value).toBe('Thu ngân sách');
    const meta = new Map(rows(ws).slice(1, 6).map((r) => [r.getCell(1).value, r.getCell(2)]));
    expect(meta.get('Phường, xã')!.value).toBe('Phường Mỹ Thới');
    expect(meta.get('Kỳ báo cáo')!.value).toBe('Cả năm 2024');
    const exported = meta.get('Xuất lúc')!;
    expect(exported.value).toEqual(new Date(Date.UTC(2025, 1, 1, 10, 5)));
    expect(exported.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(meta.get('Số liệu đến ngày')!.value).toEqual(new Date(Date.UTC(2024, 11, 30)));
  });

  it('stores every value as a number with its format: money with thousands separators, percents as percents', async () => {
    const ws = (await open(await buildXlsx(budgetPanel(), { now }))).getWorksheet('Số liệu')!;
    const head = headerRow(ws);
    expect(head.values).toEqual([
      undefined, 'Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'Trên tổng số', 'Đơn vị tính', 'Mức độ', 'Số liệu như báo cáo', 'Nguồn', 'Ngày báo cáo',
      'Tình trạng', 'Lý do', 'Cùng kỳ năm trước', 'Giá trị cùng kỳ năm trước', 'Thay đổi so với cùng kỳ', 'Đơn vị của thay đổi', 'So sánh cùng kỳ',
    ]);
    const body = rows(ws).filter((r) => r.number > head.number);
    expect(body).toHaveLength(4);
    const [money9, pct9, money, pct] = body;
    expect(money9!.getCell(4).value).toBe(8e9);
    expect(money9!.getCell(4).numFmt).toBe('#,##0');
    expect(money9!.getCell(7).value).toBe('trên');
    expect(pct9!.getCell(4).value).toBe(0.74);
    expect(pct9!.getCell(4).numFmt).toBe('0%');
    expect(money!.getCell(4).value).toBe(12e9);
    expect(pct!.getCell(4).value).toBe(1);
    // the qualifier, the figure as reported and its source, each in its own column; the report's date a date
    expect(money!.getCell(8).value).toBe('trên 12 tỷ đồng');
    expect(money!.getCell(9).value).toBe('Hội nghị tổng kết năm 2024 (30/12/2024)');
    expect(money!.getCell(10).value).toEqual(new Date(Date.UTC(2024, 11, 30)));
    expect(money!.getCell(10).numFmt).toBe('dd/mm/yyyy');
    expect(pct9!.getCell(10).value).toEqual(new Date(Date.UTC(2024, 9, 11)));
    for (const r of body) expect(r.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    // the table can be filtered and its header stays in view
    expect(ws.autoFilter).toBe(`A${head.number}:Q${head.number + 4}`);
    // the status and the same period a year earlier, as the CSV has them: the earlier value a number in the value's format
    expect(pct!.getCell(11).value).toBe('Đạt');
    expect(pct!.getCell(13).value).toBe('Cả năm 2023');
    expect(pct!.getCell(14).value).toBe(0.95);
    expect(pct!.getCell(14).numFmt).toBe('0%');
    expect(pct!.getCell(15).value).toBe(5);
    expect(pct!.getCell(15).numFmt).toBe('+#,##0;-#,##0;0');
    expect(pct!.getCell(16).value).toBe('điểm %');
    expect(money!.getCell(11).value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: head.number });
  });

  it('writes numbers as numeric cells in the file itself, never as text', async () => {
    const parts = await readZip(await buildXlsx(budgetPanel(), { now }));
    const sheet = partsLike(parts, /^xl\/worksheets\/sheet1\.xml$/)[0]!;
    const value = (ref: string) => new RegExp(`<c r="${ref}"([^>]*)>(?:<v>([^<]*)</v>)?`).exec(sheet);
    const head = [...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    const first = head.at(-4)!;
    const cell = value(`D${first}`)!;
    expect(cell[1]).not.toContain('t="s"');
    expect(cell[2]).toBe('8000000000');
    // its style: Excel's built-in "#,##0" (number format 3); the percents' "0%" (9)
    const styles = [...parts.get('xl/styles.xml')!.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    const style = Number(/s="(\d+)"/.exec(cell[1]!)![1]);
    expect(styles.slice(1)[style]).toBe('3');
    expect(styles).toContain('9');
  });

  it('leaves a target without a figure an empty cell, without a number format, which Excel opens', async () => {
    const blob = await buildXlsx(targetListTestPanel(20, 3), { now });
    const sheet = partsLike(await readZip(blob), /^xl\/worksheets\/sheet1\.xml$/)[0]!;
    expect(sheet).not.toContain('NaN');
    const ws = (await open(blob)).getWorksheet('Số liệu')!;
    const head = headerRow(ws);
    const body = rows(ws).filter((r) => r.number > head.number);
    expect(body).toHaveLength(20);
    const [withFigure, without] = [body[0]!, body[19]!];
    expect(withFigure.getCell(4).value).toBe(0.6);
    expect(withFigure.getCell(4).numFmt).toBe('0%');
    expect(without.getCell(3).value).toBe('Chỉ tiêu 20: Chỉ tiêu giả lập số 20 về tỷ lệ hộ dân được phục vụ');
    expect(without.getCell(4).value).toBeNull();
    expect(without.getCell(4).numFmt).toBeUndefined();
    expect(without.getCell(11).value).toBe('Chưa có số liệu');
  });

  it('keeps a percent’s decimals in its format, and ranks first with a Hạng column', async () => {
    const ws = (await open(await buildXlsx(rankedPanel(3), { now }))).getWorksheet('Số liệu')!;
    const head = rows(ws).find((r) => r.getCell(1).value === 'Hạng')!;
    expect(head.getCell(2).value).toBe('Phường, xã');
    const body = rows(ws).filter((r) => r.number > head.number);
    expect(body.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 1]);
    // every period's figures: the earlier one too
    expect(body[3]!.getCell(3).value).toBe('9 tháng 2024');
    expect(body[1]!.getCell(5).value).toBe(0.9563);
    expect(body[1]!.getCell(5).numFmt).toBe('0.00%');
    expect(rows(ws).some((r) => r.getCell(1).value === 'Ghi chú' && r.getCell(2).value === '1 xã chưa có số liệu Cả năm 2024')).toBe(true);
  });

  it('lists the sources on a sheet of their own, with their dates as dates', async () => {
    const ws = (await open(await buildXlsx(budgetPanel(), { now }))).getWorksheet('Nguồn')!;
    expect(rows(ws).map((r) => (r.values as ExcelJS.CellValue[]).slice(1))).toEqual([
      ['STT', 'Báo cáo', 'Ngày', 'Tham chiếu'],
      [1, 'Hội nghị tổng kết năm 2024', new Date(Date.UTC(2024, 11, 30)), 'Báo cáo tổng kết năm 2024 của Đảng ủy phường'],
      [2, 'Hội nghị sơ kết 9 tháng 2024', new Date(Date.UTC(2024, 9, 11)), 'Báo cáo sơ kết 9 tháng 2024'],
    ]);
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
  });

  it('says on both sheets, made from a saved copy, that it was and when the copy was saved; nothing of it otherwise', async () => {
    const saved = await open(await buildXlsx({ ...budgetPanel(), savedCopy: SAVED_COPY }, { now }));
    const figures = saved.getWorksheet('Số liệu')!;
    const meta = new Map(rows(figures).slice(1, headerRow(figures).number - 1).map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(meta.get('Nguồn số liệu')).toBe(SAVED_COPY);
    // the figures' own period, and the table as it is
    expect(meta.get('Kỳ báo cáo')).toBe('Cả năm 2024');
    expect(rows(figures).filter((r) => r.number > headerRow(figures).number)).toHaveLength(4);
    const sources = saved.getWorksheet('Nguồn')!;
    expect(sources.getCell('B1').value).toBe(SAVED_COPY);
    expect((sources.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual(['STT', 'Báo cáo', 'Ngày', 'Tham chiếu']);
    expect(sources.getCell('B3').value).toBe('Hội nghị tổng kết năm 2024');
    // the list's header stays in view under the note
    expect(sources.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const current = await open(await buildXlsx(budgetPanel(), { now }));
    for (const ws of current.worksheets) for (const r of rows(ws)) expect(JSON.stringify(r.values)).not.toContain('bản lưu');
    expect(current.getWorksheet('Nguồn')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
