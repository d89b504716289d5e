// Failure class 2 of issue 16: ways of saying a figure the importer did not know. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import { registerUnits } from '../../../data';
import { z } from 'zod/mini';
import { Indicator } from '../../api/contract';
import { extractCandidates, type Candidate } from './extract-candidates';

const options = { units: registerUnits(), indicators: z.array(Indicator).parse(indicators) };
const HEAD = 'Đảng ủy xã Óc Eo tổng kết năm 2024\nSáng ngày 27/12/2024, Đảng ủy xã Óc Eo tổ chức hội nghị.\n';
const read = (body: string): Candidate[] => extractCandidates(HEAD + body, options).candidates;
const figures = (body: string) => read(body).map((c) => [c.indicatorId, c.value, ...(c.outOf !== undefined ? [c.outOf] : [])]);

describe('coverage said as a share of the population', () => {
  it.each([
    'Tỷ lệ bao phủ bảo hiểm y tế đạt 93,7% dân số.',
    'Tỷ lệ bao phủ BHYT toàn xã ước đạt 93,7% dân số.',
    'Đến cuối năm, bảo hiểm y tế bao phủ 93,7% dân số.',
  ])('%s', (body) => {
    expect(figures(body)).toEqual([['health_insurance_coverage', 93.7]]);
  });
});

describe('targets met, with other verbs', () => {
  it.each([
    ['Đảng bộ thực hiện thắng lợi 13/13 chỉ tiêu Nghị quyết.', 13, 13],
    ['Xã hoàn thành và hoàn thành vượt mức 19/21 chỉ tiêu đề ra.', 19, 21],
    ['Xã hoàn thành, vượt 16/18 chỉ tiêu.', 16, 18],
    ['Đảng bộ đạt và vượt mức 12/15 chỉ tiêu chủ yếu.', 12, 15],
  ])('%s', (body, value, outOf) => {
    expect(read(body)).toMatchObject([{ indicatorId: 'resolution_targets_met', value, outOf, scope: 'year' }]);
  });

  it.each([
    ['Trong 20 chỉ tiêu Nghị quyết năm 2024, có 18 chỉ tiêu đạt và vượt.', 18, 20],
    ['Nghị quyết đề ra 20 chỉ tiêu, đến nay đạt 17 chỉ tiêu.', 17, 20],
  ])('a total said before: %s', (body, value, outOf) => {
    expect(read(body)).toMatchObject([{ indicatorId: 'resolution_targets_met', value, outOf }]);
  });

  it('a count of targets with no total, or of those exceeded among them, is no figure', () => {
    expect(read('Có 18 chỉ tiêu đạt và vượt.')).toEqual([]);
    expect(figures('Xã hoàn thành 15/24 chỉ tiêu, trong đó 5 chỉ tiêu vượt kế hoạch.')).toEqual([['resolution_targets_met', 15, 24]]);
    expect(figures('Trong 20 chỉ tiêu, có 18 chỉ tiêu đạt, 2 chỉ tiêu chưa đạt.')).toEqual([['resolution_targets_met', 18, 20]]);
  });

  it('a sentence that sets targets and says how many were met lets the next sentence be read', () => {
    expect(figures('Nghị quyết đề ra 20 chỉ tiêu, đạt 17 chỉ tiêu. Thu ngân sách đạt 12 tỷ đồng.')).toEqual([
      ['resolution_targets_met', 17, 20],
      ['budget_revenue', 12e9],
    ]);
  });

  it('but not targets set, nor met ones of another kind', () => {
    expect(read('Hội nghị thông qua 13 chỉ tiêu cho năm tới.')).toEqual([]);
    expect(read('Xã thực hiện 13/13 tiêu chí nông thôn mới.')).toEqual([]);
  });
});

describe('more done than planned', () => {
  it('"hộ cận nghèo giảm 200/119 hộ": 200 done, 119 planned, no total', () => {
    const [c] = read('Hộ cận nghèo giảm 200/119 hộ.');
    expect(c).toMatchObject({ indicatorId: 'near_poor_households_reduced', value: 200, plan: 119 });
    expect(c!.outOf).toBeUndefined();
    expect(c!.note).toMatch(/Thực hiện 200 so với kế hoạch 119 \(đạt 168,07%\)/);
  });

  it('"giảm 34/34 hộ nghèo" keeps the plan apart too', () => {
    expect(read('Giảm 34/34 hộ nghèo.').map((c) => [c.indicatorId, c.value, c.outOf, c.plan])).toEqual([['poor_households_reduced', 34, undefined, 34]]);
  });

  it('a total is still a total: cells and targets', () => {
    expect(figures('Có 11/14 chi bộ hoàn thành tốt nhiệm vụ.')).toEqual([['party_cells_completed_well', 11, 14]]);
    expect(figures('Có 15/14 chi bộ hoàn thành tốt nhiệm vụ.')).toEqual([]);
  });
});

describe('an amount done against one planned', () => {
  it('"5.460/5.000 triệu đồng" is 5,46 tỷ with a plan of 5 tỷ', () => {
    const [money, pct] = read('Thu ngân sách được 5.460/5.000 triệu đồng, đạt 109,2% dự toán.');
    expect(money).toMatchObject({ indicatorId: 'budget_revenue', value: 5.46e9, plan: 5e9 });
    expect(money!.outOf).toBeUndefined();
    expect(money!.note).toMatch(/5\.460\/5\.000 triệu đồng/);
    expect(pct).toMatchObject({ indicatorId: 'budget_revenue_pct', value: 109.2 });
  });
});

describe('"vượt …% dự toán"', () => {
  it('is the share of the basis above 100%', () => {
    const [money, pct] = read('Tổng thu ngân sách nhà nước đạt 9,85 tỷ đồng, vượt 12,4% dự toán huyện giao.');
    expect(money).toMatchObject({ indicatorId: 'budget_revenue', value: 9.85e9 });
    expect(pct).toMatchObject({ indicatorId: 'budget_revenue_pct', value: 112.4, basis: 'estimate' });
    expect(pct!.note).toMatch(/vượt 12,4%.*112,4%/);
  });

  it('without a basis it says nothing of the share', () => {
    expect(figures('Thu ngân sách đạt 9,85 tỷ đồng, vượt 12,4%.')).toEqual([['budget_revenue', 9.85e9]]);
    expect(figures('Thu ngân sách đạt 9,85 tỷ đồng, vượt 12,4% so với cùng kỳ.')).toEqual([['budget_revenue', 9.85e9]]);
  });

  it('"bằng …% dự toán" reads as it did', () => {
    expect(figures('Thu ngân sách ước đạt 226 tỷ đồng, bằng 133% dự toán.')).toEqual([
      ['budget_revenue', 226e9],
      ['budget_revenue_pct', 133],
    ]);
  });
});
