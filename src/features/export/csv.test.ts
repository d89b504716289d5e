import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../../lib/panel-export';
import { QUALIFIER_CHOICES, QUALIFIER_NAMES } from '../../lib/vocabulary';
import { BOM, csvCell, figuresCsv, toCsv } from './csv';
import { parseCsv } from '../../../tests/csv-reader';
import { exportPanel } from './export-panel';
import { SAVED_COPY, testPanel } from './test-panel';

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Phường Mỹ Thới')).toBe('Phường Mỹ Thới');
    expect(csvCell(88.44)).toBe('88.44');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12000000000)).toBe('12000000000');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvCell('Mỹ Thới, Mỹ Bình')).toBe('"Mỹ Thới, Mỹ Bình"');
    expect(csvCell('Quỹ "Vì người nghèo"')).toBe('"Quỹ ""Vì người nghèo"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' lề ')).toBe('" lề "');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","bấm")')).toBe('"\'=HYPERLINK(""http://x"",""bấm"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = toCsv([['a', 'b'], [1, 'c']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\n1,c\r\n`);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('figuresCsv', () => {
  const figures: FigureRow[] = [
    {
      key: 'o1', unit: 'Phường Mỹ Thới', period: 'Cả năm 2024', indicator: 'Thu ngân sách nhà nước', value: 12000000000,
      unitOfMeasure: 'đồng', qualifier: 'trên', formatted: 'trên 12 tỷ đồng', source: 'Hội nghị tổng kết, năm 2024 (30/12/2024)',
    },
    {
      key: 'o2', unit: 'Phường Mỹ Thới', period: 'Cả năm 2024', indicator: 'Chỉ tiêu Nghị quyết đạt và vượt', value: 10, outOf: 11,
      unitOfMeasure: 'chỉ tiêu', qualifier: QUALIFIER_NAMES.exact, formatted: '10/11 chỉ tiêu', source: '=cmd|"/c calc"!A1',
    },
  ];
  const HEADER = [
    'Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'Trên tổng số', 'Đơn vị tính', 'Mức độ', 'Số liệu như báo cáo', 'Nguồn',
    'Tình trạng', 'Lý do', 'Cùng kỳ năm trước', 'Giá trị cùng kỳ năm trước', 'Thay đổi so với cùng kỳ', 'Đơn vị của thay đổi', 'So sánh cùng kỳ',
  ];

  it('writes one row per observation and parses back to the same figures', () => {
    const text = figuresCsv(figures);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual([
      'Phường Mỹ Thới', 'Cả năm 2024', 'Thu ngân sách nhà nước', '12000000000', '', 'đồng', 'trên', 'trên 12 tỷ đồng', 'Hội nghị tổng kết, năm 2024 (30/12/2024)',
      '', '', '', '', '', '', '',
    ]);
    expect(rows[2]![3]).toBe('10');
    expect(rows[2]![4]).toBe('11');
    expect(rows[2]![8]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('names an exact figure as the editor’s form does ("đúng bằng"), not in a word of its own', () => {
    const rows = parseCsv(figuresCsv(figures).slice(1));
    expect(rows[2]![6]).toBe('đúng bằng');
    expect(QUALIFIER_CHOICES.exact.toLowerCase()).toBe(rows[2]![6]);
    for (const q of ['over', 'nearly', 'about'] as const) expect(QUALIFIER_CHOICES[q].toLowerCase()).toMatch(new RegExp(`^${QUALIFIER_NAMES[q]}`));
  });

  it('carries the status with its reason and the same period a year earlier, numbers as numbers', () => {
    const assessed: FigureRow = {
      key: 'o3', unit: 'Phường Mỹ Thới', period: 'Quý I 2026', indicator: 'Tỷ lệ thu ngân sách so với cả năm', value: 13.75,
      unitOfMeasure: '%', qualifier: 'đúng bằng', formatted: '13,75%', source: 'Báo cáo quý I',
      status: 'Có nguy cơ không đạt', statusReason: 'Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%, 3 quý còn lại cần bình quân 28,75% mỗi quý',
      previousPeriod: 'Quý I 2025', previousValue: 12.25, previousFormatted: '12,25%', change: 1.5, changeUnit: 'điểm %', changeText: 'so với Quý I 2025: +1,5 điểm %',
    };
    const notCompared: FigureRow = {
      ...assessed, key: 'o4', status: undefined, statusReason: undefined, change: undefined, changeUnit: undefined,
      changeText: 'Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025',
    };
    const rows = parseCsv(figuresCsv([assessed, notCompared]).slice(1));
    const at = (r: string[], column: string) => r[HEADER.indexOf(column)];
    expect(at(rows[1]!, 'Tình trạng')).toBe('Có nguy cơ không đạt');
    expect(at(rows[1]!, 'Lý do')).toBe('Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%, 3 quý còn lại cần bình quân 28,75% mỗi quý');
    expect(at(rows[1]!, 'Cùng kỳ năm trước')).toBe('Quý I 2025');
    expect(at(rows[1]!, 'Giá trị cùng kỳ năm trước')).toBe('12.25');
    expect(at(rows[1]!, 'Thay đổi so với cùng kỳ')).toBe('1.5');
    expect(at(rows[1]!, 'Đơn vị của thay đổi')).toBe('điểm %');
    expect(at(rows[1]!, 'So sánh cùng kỳ')).toBe('so với Quý I 2025: +1,5 điểm %');
    expect(at(rows[2]!, 'Tình trạng')).toBe('');
    expect(at(rows[2]!, 'Thay đổi so với cùng kỳ')).toBe('');
    expect(at(rows[2]!, 'So sánh cùng kỳ')).toBe('Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025');
  });
});

describe('the CSV of figures from a saved copy', () => {
  it('says so, and when it was saved, in one line above the header; the table under it is the same', () => {
    const rows = parseCsv(figuresCsv(testPanel().model.figures, false, SAVED_COPY).slice(1));
    expect(rows[0]).toEqual([SAVED_COPY]);
    expect(rows.slice(1)).toEqual(parseCsv(figuresCsv(testPanel().model.figures).slice(1)));
    expect(rows[1]![0]).toBe('Phường, xã');
    expect(rows[2]![1]).toBe('Cả năm 2024');
  });

  it('is what the panel’s CSV button gives for a panel shown from a saved copy, and only then', async () => {
    const read = async (savedCopy?: string) => {
      const file = await exportPanel(testPanel({ savedCopy }), 'csv');
      return parseCsv(new TextDecoder().decode(await file.blob.arrayBuffer()));
    };
    expect((await read(SAVED_COPY))[0]).toEqual([SAVED_COPY]);
    expect((await read())[0]![0]).toBe('Phường, xã');
    expect((await read()).flat().join(' ')).not.toContain('bản lưu');
  });
});

describe('figuresCsv of many units ranked', () => {
  const at = (unit: string, value: number, rank?: number): FigureRow => ({
    key: unit, unit, period: 'Quý I 2026', indicator: 'Tỷ lệ thu ngân sách so với cả năm', value,
    unitOfMeasure: '%', qualifier: 'đúng bằng', formatted: `${value}%`, source: 'Báo cáo', ...(rank ? { rank } : {}),
  });

  it('puts a "Hạng" column first, keeps the rows in the order given (rank order), and leaves it empty for a unit not ranked', () => {
    const rows = parseCsv(figuresCsv([at('Xã A', 40, 1), at('Xã B', 30, 2), at('Xã C', 30, 2), at('Xã D', 20, 3), at('Xã E', 9)], true).slice(1));
    expect(rows[0]!.slice(0, 10)).toEqual(['Hạng', 'Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'Trên tổng số', 'Đơn vị tính', 'Mức độ', 'Số liệu như báo cáo', 'Nguồn']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['1', 'Xã A'], ['2', 'Xã B'], ['2', 'Xã C'], ['3', 'Xã D'], ['', 'Xã E']]);
    for (const r of rows) expect(r).toHaveLength(17);
  });

  it('has no "Hạng" column when the units are not ranked', () => {
    expect(parseCsv(figuresCsv([at('Xã A', 40, 1)]).slice(1))[0]![0]).toBe('Phường, xã');
  });
});
