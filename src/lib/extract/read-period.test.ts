import { describe, expect, it } from 'vitest';
import { registerUnits } from '../../../data';
import { foldForMatch } from './normalize-text';
import { findHeldDate, lastFinishedQuarter, readPeriod } from './read-period';
import { readAsOf, readReport } from './read-report';

const units = registerUnits();

describe('readPeriod', () => {
  it.each([
    ['9 tháng đầu năm 2024', '2024-Q3'],
    ['sơ kết 9 tháng năm 2024', '2024-Q3'],
    ['6 tháng đầu năm 2024', '2024-Q2'],
    ['06 tháng đầu năm 2023', '2023-Q2'],
    ['sáu tháng đầu năm 2025', '2025-Q2'],
    ['quý I/2026', '2026-Q1'],
    ['quý 1 năm 2026', '2026-Q1'],
    ['3 tháng đầu năm 2025', '2025-Q1'],
    ['tổng kết năm 2024', '2024-Q4'],
    ['Hội nghị tổng kết tình hình thực hiện Nghị quyết Đảng bộ năm 2024', '2024-Q4'],
    ['kết quả cả năm 2023', '2023-Q4'],
    ['9 tháng đầu năm và nhiệm vụ 3 tháng cuối năm 2024', '2024-Q3'],
    ['TỔNG KẾT NĂM 2024', '2024-Q4'],
    ['6 tháng đầu năm 2024'.normalize('NFD'), '2024-Q2'],
  ])('%s → %s', (text, period) => expect(readPeriod(text)).toBe(period));

  it('takes the year from the caller when the text has none', () => {
    expect(readPeriod('cả năm', 2024)).toBe('2024-Q4');
    expect(readPeriod('cả năm')).toBeNull();
  });

  it('does not read spans that do not start in January as periods', () => {
    expect(readPeriod('quý III/2024')).toBeNull();
    expect(readPeriod('6 tháng cuối năm 2024')).toBeNull();
  });
});

describe('held dates', () => {
  it.each([
    ['Sáng ngày 30/12, Đảng ủy', { day: 30, month: 12 }],
    ['Sáng ngày 17/7/2024, Đảng ủy', { day: 17, month: 7, year: 2024 }],
    ['Sáng ngày 08-7, BTV Đảng ủy', { day: 8, month: 7 }],
    ['Chiều 02/4 Đảng ủy', { day: 2, month: 4 }],
    ['ngày 5 tháng 10 năm 2024', { day: 5, month: 10, year: 2024 }],
  ])('%s', (text, want) => expect(findHeldDate(foldForMatch(text))).toMatchObject(want));

  it('a mid-term review held in July reports as Q2', () => {
    expect(lastFinishedQuarter(2023, 7)).toBe('2023-Q2');
    expect(lastFinishedQuarter(2025, 2)).toBe('2024-Q4');
  });
});

describe('readReport', () => {
  it('a year review held on 30/12 without a year', () => {
    const r = readReport('Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024\nSáng ngày 30/12, Đảng ủy phường Mỹ Thới tổ chức hội nghị', units);
    expect(r).toMatchObject({ kind: 'period', unitId: 'my-thoi', period: '2024-Q4', heldOn: '2024-12-30' });
  });

  it('a year review held in January belongs to the year before', () => {
    const r = readReport('Phường Mỹ Quý tổng kết năm 2024. Sáng ngày 10/01, hội nghị…', units);
    expect(r).toMatchObject({ period: '2024-Q4', heldOn: '2025-01-10' });
  });

  it('skips the plan for the next span', () => {
    const r = readReport('Sáng ngày 02/4, Đảng ủy phường Mỹ Thới đánh giá nhiệm vụ quý I và đề ra phương hướng, nhiệm vụ quý II năm 2026.', units);
    expect(r).toMatchObject({ period: '2026-Q1', heldOn: '2026-04-02' });
  });

  it('a mid-term review takes its year from the periods it reports', () => {
    const r = readReport(
      'Hội nghị Sơ kết giữa nhiệm kỳ Đảng bộ phường Mỹ Bình, nhiệm kỳ 2020-2025\nSáng ngày 08-7, BTV Đảng ủy phường Mỹ Bình tổ chức… đạt 87,8% trong 6 tháng đầu năm 2023',
      units,
    );
    expect(r).toMatchObject({ kind: 'midterm', unitId: 'my-binh', period: '2023-Q2', heldOn: '2023-07-08' });
  });

  it('a mid-term review with no year anywhere falls back to the middle of the term', () => {
    const r = readReport('Hội nghị sơ kết giữa nhiệm kỳ 2020-2025, phường Mỹ Quý. Sáng ngày 10-7, hội nghị…', units);
    expect(r).toMatchObject({ period: '2023-Q2', heldOn: '2023-07-10' });
  });
});

describe('readAsOf', () => {
  it.each([
    ['tính đến cuối tháng 5, tỷ lệ', 2024, '2024-05-31'],
    ['tính đến ngày 30/6/2024, ', undefined, '2024-06-30'],
    ['tính đến 15/9, ', 2024, '2024-09-15'],
    ['đến hết tháng 2 năm 2024 ', undefined, '2024-02-29'],
  ])('%s', (text, year, iso) => expect(readAsOf(foldForMatch(text), year)).toBe(iso));

  it('"tính đến nay" has no date', () => expect(readAsOf('tính đến nay', 2024)).toBeUndefined());
});
