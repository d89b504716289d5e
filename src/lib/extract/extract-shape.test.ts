// Failure class 4 of issue 16: the shape of a report. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import { registerUnits } from '../../../data';
import { z } from 'zod/mini';
import { Indicator } from '../../api/contract';
import { extractCandidates } from './extract-candidates';

const options = { units: registerUnits(), indicators: z.array(Indicator).parse(indicators) };
const row = (c: { indicatorId: string; value: number; unitId?: string; outOf?: number }) => [c.indicatorId, c.value, c.unitId, c.outOf];

describe('a figure in the title and again in the body', () => {
  it('is one candidate, the body’s', () => {
    const r = extractCandidates(
      'Long Xuyên: thu ngân sách 9 tháng đầu năm hơn 412 tỷ đồng\nNgày 07/10/2024, UBND thành phố Long Xuyên sơ kết 9 tháng đầu năm 2024. Tổng thu ngân sách nhà nước trên địa bàn đạt 412,8 tỷ đồng, đạt 71% dự toán.',
      options,
    );
    expect(r.candidates.map(row)).toEqual([
      ['budget_revenue', 412.8e9, undefined, undefined],
      ['budget_revenue_pct', 71, undefined, undefined],
    ]);
    expect(r.candidates[0]!.qualifier).toBe('exact');
  });

  it('targets met named in the title and the body', () => {
    const r = extractCandidates(
      'Năm 2025, Đảng bộ xã Óc Eo hoàn thành và hoàn thành vượt mức 21/21 chỉ tiêu\nChiều ngày 29/12/2025, Đảng ủy xã Óc Eo tổng kết năm 2025. Đảng bộ xã hoàn thành và hoàn thành vượt mức 21/21 chỉ tiêu.',
      options,
    );
    expect(r.candidates.map(row)).toEqual([['resolution_targets_met', 21, undefined, 21]]);
    expect(r.candidates[0]!.range.start).toBeGreaterThan(80);
  });

  it('two different figures stay two', () => {
    const r = extractCandidates('Thu ngân sách đạt 120 tỷ đồng\nNgày 07/10/2024, UBND thành phố Long Xuyên sơ kết 9 tháng đầu năm 2024. Thu ngân sách đạt 98 tỷ đồng.', options);
    expect(r.candidates.map((c) => c.value)).toEqual([120e9, 98e9]);
  });
});

describe("a city's list of its wards' figures", () => {
  const HEAD = 'UBND thành phố Châu Đốc sơ kết 6 tháng đầu năm 2024\nNgày 09/7/2024, UBND thành phố Châu Đốc tổ chức hội nghị.\n';

  it('one candidate per ward, with its unit; the city’s own figure stays the city’s', () => {
    const r = extractCandidates(
      HEAD + 'Tổng thu ngân sách nhà nước trên địa bàn thành phố đạt 182,6 tỷ đồng; thu ngân sách các phường đạt khá (phường Châu Phú A 5,2 tỷ đồng, phường Núi Sam 3,1 tỷ đồng, xã Vĩnh Tế 1,45 tỷ đồng).',
      options,
    );
    expect(r.unitId).toBe('thanh-pho-chau-doc');
    expect(r.candidates.map(row)).toEqual([
      ['budget_revenue', 182.6e9, undefined, undefined],
      ['budget_revenue', 5.2e9, 'chau-phu-a', undefined],
      ['budget_revenue', 3.1e9, 'nui-sam', undefined],
      ['budget_revenue', 1.45e9, 'vinh-te-30331', undefined],
    ]);
    expect(r.candidates[1]!.phrase.normalize('NFC')).toBe('phường Châu Phú A 5,2 tỷ đồng');
  });

  it('bare names after a percent, the topic from the same sentence', () => {
    const r = extractCandidates(HEAD + 'Tỷ lệ tham gia bảo hiểm y tế toàn thành phố đạt 92,6%, trong đó một số phường đạt cao (Vĩnh Mỹ 94,3%; Châu Phú B 93,1%).', options);
    expect(r.candidates.map(row)).toEqual([
      ['health_insurance_coverage', 92.6, undefined, undefined],
      ['health_insurance_coverage', 94.3, 'vinh-my', undefined],
      ['health_insurance_coverage', 93.1, 'chau-phu-b', undefined],
    ]);
  });

  it('"các phường, xã" takes the topic of the sentence before', () => {
    const r = extractCandidates(HEAD + 'Tổng thu ngân sách nhà nước đạt 182,6 tỷ đồng. Các phường, xã đều thu đạt khá (phường Châu Phú A 5,2 tỷ đồng, phường Núi Sam 3,1 tỷ đồng).', options);
    expect(r.candidates.map(row).slice(1)).toEqual([
      ['budget_revenue', 5.2e9, 'chau-phu-a', undefined],
      ['budget_revenue', 3.1e9, 'nui-sam', undefined],
    ]);
  });

  it('a list after a colon', () => {
    const r = extractCandidates(HEAD + 'Thu ngân sách các phường: phường Châu Phú A 5,2 tỷ đồng; phường Núi Sam 3,1 tỷ đồng.', options);
    expect(r.candidates.map(row)).toEqual([
      ['budget_revenue', 5.2e9, 'chau-phu-a', undefined],
      ['budget_revenue', 3.1e9, 'nui-sam', undefined],
    ]);
    // a colon that lists the city's own figures is read as before
    expect(extractCandidates(HEAD + 'Cụ thể: thu ngân sách đạt 182,6 tỷ đồng, đạt 54,3% dự toán.', options).candidates.map(row)).toEqual([
      ['budget_revenue', 182.6e9, undefined, undefined],
      ['budget_revenue_pct', 54.3, undefined, undefined],
    ]);
  });

  it('not units of this city, a topic of no indicator, or a bracket that is no list: nothing', () => {
    expect(extractCandidates(HEAD + 'Thu ngân sách các phường đạt khá (phường Mỹ Bình 5,2 tỷ đồng, phường Mỹ Long 3,1 tỷ đồng).', options).candidates).toEqual([]);
    expect(extractCandidates(HEAD + 'Chi ngân sách các phường (phường Châu Phú A 5,2 tỷ đồng, phường Núi Sam 3,1 tỷ đồng).', options).candidates).toEqual([]);
    expect(extractCandidates(HEAD + 'Thu ngân sách đạt 182,6 tỷ đồng (phường Châu Phú A dẫn đầu).', options).candidates.map(row)).toEqual([['budget_revenue', 182.6e9, undefined, undefined]]);
  });
});
