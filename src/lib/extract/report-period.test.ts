// Failure class 1 of issue 16: the report's own period. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import { registerUnits } from '../../../data';
import { z } from 'zod/mini';
import { Indicator } from '../../api/contract';
import { extractCandidates } from './extract-candidates';
import { foldForMatch } from './normalize-text';
import { findHeldDate, findMonthPhrases } from './read-period';
import { readReport } from './read-report';

const units = registerUnits();
const options = { units, indicators: z.array(Indicator).parse(indicators) };

describe('the year a report reviews', () => {
  it.each([
    ['a bare year opening the body', 'Hội nghị Ban Chấp hành Đảng bộ xã Bình Mỹ lần thứ 9\nSáng ngày 22/12/2023, Ban Chấp hành họp.\nNăm 2023, tuy gặp khó khăn về giá cả, xã vẫn giữ được tăng trưởng.', '2023-Q4'],
    ['"Trong năm 2022," after a meeting that names no period', 'Đảng ủy phường Mỹ Long họp lần thứ 12.\nNgày 19/12/2022, hội nghị kiểm điểm công tác.\nTrong năm 2022, phường giữ vững an ninh.', '2022-Q4'],
    ['"tổng kết" far from its year', 'Chiều 28/12/2025, Đảng ủy xã Vĩnh Hanh tổ chức hội nghị tổng kết công tác xây dựng Đảng, chính quyền, Mặt trận và các đoàn thể chính trị - xã hội năm 2025, triển khai nhiệm vụ năm 2026.', '2025-Q4'],
    ['"đánh giá tình hình thực hiện nhiệm vụ năm …"', 'Ngày 26/12/2024, Ban Chấp hành Đảng bộ xã Định Thành họp để đánh giá tình hình thực hiện nhiệm vụ năm 2024 và bàn phương hướng cho năm 2025.', '2024-Q4'],
    ['a title opening with its year', 'Năm 2025, Đảng bộ xã Óc Eo hoàn thành 20/21 chỉ tiêu\nNgày 30/12/2025, Đảng bộ xã Óc Eo tổng kết công tác.', '2025-Q4'],
  ])('%s', (_, text, period) => {
    expect(readReport(text, units)).toMatchObject({ kind: 'period', period });
  });

  it('the plan for the next year is not the period, nor a sentence that plans', () => {
    const r = readReport('Xã Vĩnh Trạch họp ngày 27/12/2023.\nNăm 2024, Đảng bộ xã phấn đấu thu ngân sách đạt 10 tỷ đồng.\nTrong năm 2023, xã hoàn thành các chỉ tiêu.', units);
    expect(r.period).toBe('2023-Q4');
    expect(readReport('Xã Vĩnh Trạch triển khai phương hướng, nhiệm vụ năm 2026.', units).period).toBeUndefined();
  });

  it('"trong năm qua" at a meeting at the turn of the year, when no span is named', () => {
    expect(readReport('Đảng ủy xã Óc Eo họp ngày 22/12/2023.\nTrong năm qua, xã giữ vững an ninh.', units).period).toBe('2023-Q4');
    expect(readReport('Đảng ủy xã Óc Eo họp ngày 10/01/2024.\nNăm qua, xã giữ vững an ninh.', units).period).toBe('2023-Q4');
    expect(readReport('Đảng ủy xã Óc Eo họp ngày 10/06/2024.\nNăm qua, xã giữ vững an ninh.', units).period).toBeUndefined();
  });

  it('a year compared with, or long past, is not the period', () => {
    expect(readReport('Ngày 20/12/2024, xã Bình Mỹ họp. Sản lượng tăng 5% so với năm 2023.', units).period).toBeUndefined();
    expect(readReport('Ngày 20/12/2024, xã Bình Mỹ họp.\nNăm 2020, xã được công nhận nông thôn mới.', units).period).toBeUndefined();
  });

  it('a year review that names the congress held during the year is still a year review', () => {
    const r = readReport(
      'Đảng ủy xã Óc Eo tổng kết năm 2025\nChiều 29/12/2025, Đảng ủy xã Óc Eo tổ chức hội nghị tổng kết năm 2025. Sau Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030, xã ổn định bộ máy.',
      units,
    );
    expect(r).toMatchObject({ kind: 'period', period: '2025-Q4' });
    expect(readReport('Đại hội đại biểu Đảng bộ xã Óc Eo lần thứ I, nhiệm kỳ 2025-2030\nNgày 20/6/2025, đại hội khai mạc.', units)).toMatchObject({ kind: 'term' });
  });

  it('a named span still wins over a bare year in the same head', () => {
    expect(readReport('Năm 2024: phường Mỹ Quý sơ kết 6 tháng đầu năm\nSáng ngày 12/7/2024, hội nghị.', units).period).toBe('2024-Q2');
  });
});

describe('monthly reports', () => {
  it('a month that ends no quarter: a proposed quarter and the month’s last day, never a period', () => {
    const r = readReport(
      'Sáng ngày 04/11/2024, Đảng ủy xã Định Thành đánh giá kết quả thực hiện Nghị quyết tháng 10 và đề ra phương hướng, nhiệm vụ tháng 11 năm 2024.',
      units,
    );
    expect(r).toMatchObject({ kind: 'month', periodProposed: '2024-Q4', asOf: '2024-10-31', heldOn: '2024-11-04', unitId: 'dinh-thanh' });
    expect(r.period).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(/Báo cáo tháng: số liệu đến ngày 31\/10\/2024.*Cả năm 2024.*xác nhận/);
  });

  it.each([
    ['Đảng ủy phường Mỹ Thới giao ban tháng 04/2025\nChiều 06/5/2025, hội nghị.', '2025-Q2', '2025-04-30'],
    ['Phường Mỹ Thới họp ngày 03/11/2024.\nTrong tháng 10 năm 2024, phường chăm lo cho người nghèo.', '2024-Q4', '2024-10-31'],
    ['Hội nghị Đảng ủy xã Óc Eo tháng 1\nNgày 03/02/2025, hội nghị.', '2025-Q1', '2025-01-31'],
  ])('%s', (text, periodProposed, asOf) => {
    expect(readReport(text, units)).toMatchObject({ kind: 'month', periodProposed, asOf });
  });

  it('the month reviewed, not the next one the meeting is named for', () => {
    const r = readReport(
      'Đảng ủy xã Óc Eo giao ban bí thư chi bộ tháng 11/2025\nChiều 31/10/2025, Thường trực Đảng ủy xã Óc Eo chủ trì hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 10 và triển khai nhiệm vụ tháng 11 năm 2025.',
      units,
    );
    expect(r).toMatchObject({ kind: 'month', periodProposed: '2025-Q4', asOf: '2025-10-31' });
  });

  it('a month that ends a quarter is that quarter', () => {
    const r = readReport('Đảng ủy phường Mỹ Thới giao ban tháng 9/2024\nChiều 04/10/2024, hội nghị.', units);
    expect(r).toMatchObject({ kind: 'month', period: '2024-Q3', asOf: '2024-09-30' });
    expect(r.periodProposed).toBeUndefined();
  });

  it('a December meeting held in January belongs to the year before', () => {
    expect(readReport('Xã Óc Eo giao ban tháng 12\nNgày 05/01/2025, hội nghị.', units)).toMatchObject({ period: '2024-Q4' });
  });

  it('figures: percents of the year and levels are offered with the month’s date, the month’s own counts are not', () => {
    const r = extractCandidates(
      'Xã Định Thành giao ban tháng 10 năm 2024\nSáng ngày 04/11/2024, hội nghị.\nTrong tháng, tổng thu ngân sách đạt 88% dự toán; tỷ lệ người dân tham gia bảo hiểm y tế đạt 96,1%; giới thiệu việc làm cho 42 lao động; kết nạp 2 đảng viên mới.',
      options,
    );
    expect(r.period).toBeUndefined();
    expect(r.periodProposed).toBe('2024-Q4');
    expect(r.candidates.map((c) => [c.indicatorId, c.value, c.periodProposed, c.asOf, c.period])).toEqual([
      ['budget_revenue_pct', 88, '2024-Q4', '2024-10-31', undefined],
      ['health_insurance_coverage', 96.1, '2024-Q4', '2024-10-31', undefined],
    ]);
  });

  it('a sum said to run from January is offered', () => {
    const r = extractCandidates('Phường Mỹ Thới giao ban tháng 04/2025\nChiều 05/5/2025, hội nghị.\nLũy kế đến hết tháng 4, thu ngân sách được 6,3 tỷ đồng.', options);
    expect(r.candidates).toMatchObject([{ indicatorId: 'budget_revenue', value: 6.3e9, periodProposed: '2025-Q2', asOf: '2025-04-30' }]);
  });

  it('finds months, not spans of months or days', () => {
    const months = (t: string) => findMonthPhrases(foldForMatch(t)).map((m) => [m.month, m.year]);
    expect(months('trong tháng 10 năm 2024')).toEqual([[10, 2024]]);
    expect(months('giao ban tháng 04/2025')).toEqual([[4, 2025]]);
    expect(months('6 tháng đầu năm 2024')).toEqual([]);
    expect(months('ngày 5 tháng 10 năm 2024')).toEqual([]);
    expect(months('tháng 13')).toEqual([]);
  });
});

describe('a quarter alone', () => {
  it('is the period, its counts and sums the quarter’s unless said from January', () => {
    const r = extractCandidates(
      'Đảng ủy xã Óc Eo sơ kết quý III năm 2024\nSáng ngày 03/10/2024, hội nghị.\nTrong quý, thu ngân sách đạt 2,1 tỷ đồng; tỷ lệ tham gia bảo hiểm y tế đạt 92%; giảm 4 hộ nghèo; lũy kế 9 tháng, thu ngân sách đạt 6,5 tỷ đồng.',
      options,
    );
    expect(r).toMatchObject({ period: '2024-Q3', kind: 'period' });
    expect(r.candidates.map((c) => [c.indicatorId, c.value, c.period])).toEqual([
      ['health_insurance_coverage', 92, '2024-Q3'],
      ['budget_revenue', 6.5e9, '2024-Q3'],
    ]);
  });

  it('gives way to a span from January named beside it', () => {
    expect(readReport('Xã Óc Eo đánh giá kết quả quý III và 9 tháng đầu năm 2024\nNgày 03/10/2024, hội nghị.', units)).toMatchObject({ period: '2024-Q3' });
    expect(readReport('Xã Óc Eo đánh giá kết quả quý III và 9 tháng đầu năm 2024\nNgày 03/10/2024, hội nghị.', units).quarterOnly).toBeUndefined();
  });
});

describe('the day it was held', () => {
  it('is not the date of a document cited by its number', () => {
    const d = (t: string) => findHeldDate(foldForMatch(t));
    expect(d('Căn cứ Quyết định số 1269/QĐ-UBND ngày 23/6/2022 của UBND tỉnh, sáng ngày 15/12/2023, xã họp.')).toMatchObject({ day: 15, month: 12, year: 2023 });
    expect(d('Thực hiện Kế hoạch 85-KH/ĐU ngày 02/12/2023 của Ban Thường vụ, chiều 27/12/2023 hội nghị.')).toMatchObject({ day: 27, month: 12 });
    expect(d('Theo Nghị quyết số 05-NQ/TU, ngày 10/01/2021 của Tỉnh ủy; ngày 20/12/2024 hội nghị.')).toMatchObject({ day: 20, month: 12 });
    expect(d('Văn bản ban hành ngày 01/3/2024. Sáng ngày 03/4/2024, hội nghị.')).toMatchObject({ day: 3, month: 4 });
  });

  it('is not the day a figure was measured', () => {
    expect(findHeldDate(foldForMatch('Tính đến ngày 30/11/2023, tỷ lệ đạt 91%. Sáng ngày 28/12, hội nghị.'))).toMatchObject({ day: 28, month: 12 });
  });
});
