// Failure class 3 of issue 16 and its item 5: what was read as something it is not. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import { registerUnits } from '../../../data';
import { z } from 'zod/mini';
import { Indicator } from '../../api/contract';
import { extractCandidates, type Candidate } from './extract-candidates';

const options = { units: registerUnits(), indicators: z.array(Indicator).parse(indicators) };
const HEAD = 'Đảng ủy phường Mỹ Long tổng kết năm 2023\nSáng ngày 28/12/2023, Đảng ủy phường Mỹ Long tổ chức hội nghị.\n';
const read = (body: string): Candidate[] => extractCandidates(HEAD + body, options).candidates;
const figures = (body: string) => read(body).map((c) => [c.indicatorId, c.value]);

describe('plans and targets are not results', () => {
  it.each([
    'Năm 2024, Đảng bộ phường phấn đấu thu ngân sách đạt 15 tỷ đồng; giảm 10 hộ nghèo; tỷ lệ bao phủ bảo hiểm y tế đạt 94%.',
    'Chỉ tiêu năm 2024 là thu ngân sách nhà nước đạt 15 tỷ đồng, tỷ lệ tham gia bảo hiểm y tế đạt 94% dân số.',
    'Kế hoạch năm 2024: thu ngân sách 15 tỷ đồng, giảm 10 hộ nghèo.',
    'Theo kế hoạch, phường giảm 10 hộ nghèo trong năm 2024.',
    'Mục tiêu là tỷ lệ tham gia bảo hiểm y tế đạt 94%.',
    'Chỉ tiêu phát triển người tham gia BHYT tự nguyện năm 2024 là 100%.',
    'Phát triển bảo hiểm y tế năm 2024 là 94% dân số.',
  ])('%s', (body) => {
    expect(read(body)).toEqual([]);
  });

  it('a result beside a plan keeps only the result', () => {
    expect(figures('Thu ngân sách đạt 13,2 tỷ đồng, đạt 104% dự toán. Năm 2024 phấn đấu thu ngân sách đạt 15 tỷ đồng.')).toEqual([
      ['budget_revenue', 13.2e9],
      ['budget_revenue_pct', 104],
    ]);
  });
});

describe('voluntary or household health insurance is not coverage', () => {
  it.each([
    'BHYT tự nguyện đạt 85,2% kế hoạch.',
    'Bảo hiểm y tế hộ gia đình đạt 71%.',
    'Phát triển bảo hiểm y tế học sinh đạt 98%.',
  ])('%s', (body) => {
    expect(read(body)).toEqual([]);
  });

  it('nor cards issued, nor a share of a target', () => {
    expect(read('Phát triển thẻ BHYT mới là 2.130 thẻ, đạt 70% so với chỉ tiêu huyện giao.')).toEqual([]);
    expect(read('Người tham gia bảo hiểm y tế đạt 96% kế hoạch.')).toEqual([]);
    expect(figures('Tỷ lệ người dân có thẻ BHYT đạt 93,1%.')).toEqual([['health_insurance_coverage', 93.1]]);
  });

  it('but coverage in the same sentence is read', () => {
    expect(figures('Tỷ lệ tham gia BHYT đạt 91,07%; riêng BHYT tự nguyện đạt 85% kế hoạch.')).toEqual([['health_insurance_coverage', 91.07]]);
  });
});

describe('local-budget revenue is another figure than state-budget revenue on the territory', () => {
  it('each its own indicator; the local budget’s percent is nobody’s', () => {
    expect(figures('Tổng thu ngân sách nhà nước trên địa bàn đạt 9,85 tỷ đồng, đạt 104% dự toán; thu ngân sách địa phương đạt 21,3 tỷ đồng, đạt 97% dự toán.')).toEqual([
      ['budget_revenue', 9.85e9],
      ['budget_revenue_pct', 104],
      ['local_budget_revenue', 21.3e9],
    ]);
  });

  it('"thu ngân sách xã" may be either: neither', () => {
    expect(figures('Thu ngân sách nhà nước trên địa bàn đạt 1,92 tỷ đồng; thu ngân sách xã đạt 3,4 tỷ đồng.')).toEqual([['budget_revenue', 1.92e9]]);
  });

  it('"thu NSĐP" and a plan of it', () => {
    expect(figures('Thu NSĐP được 12 tỷ đồng.')).toEqual([['local_budget_revenue', 12e9]]);
    expect(read('Dự toán thu ngân sách địa phương năm 2023 là 20 tỷ đồng.')).toEqual([]);
  });
});

describe('a paragraph that opens on the plan', () => {
  it('keeps its later sentences out too, until the next paragraph', () => {
    const body = 'Năm 2024, phường tập trung phấn đấu kết nạp 15 đảng viên. Thu ngân sách nhà nước đạt trên 16 tỷ đồng.\nHộ nghèo giảm 12 hộ.';
    expect(figures(body)).toEqual([['poor_households_reduced', 12]]);
  });
});

describe('targets being set', () => {
  it('are not met: neither in their sentence nor in the ones that list them', () => {
    expect(read('Đại hội thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025. Cụ thể, tỷ lệ tham gia bảo hiểm y tế toàn dân đạt 100%.')).toEqual([]);
    expect(read('Nhiệm kỳ này, Đảng bộ đề ra các chỉ tiêu, như: giảm 20 hộ nghèo mỗi năm; thu ngân sách tăng 10%.')).toEqual([]);
  });

  it('but targets met "đã đề ra" are met', () => {
    expect(figures('Phường đạt và vượt các chỉ tiêu đã đề ra: thu ngân sách đạt 13,2 tỷ đồng.')).toEqual([['budget_revenue', 13.2e9]]);
  });
});

describe('a section of plans', () => {
  it('its lines are never offered; the next heading ends it', () => {
    const body = [
      'Thu ngân sách đạt 13,2 tỷ đồng.',
      'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024',
      'Thu ngân sách nhà nước đạt 15 tỷ đồng.',
      'Giảm 10 hộ nghèo, 12 hộ cận nghèo.',
      'III. TỔ CHỨC THỰC HIỆN',
      'Khen thưởng 04 tập thể.',
    ].join('\n');
    expect(figures(body)).toEqual([
      ['budget_revenue', 13.2e9],
      ['commended_collectives', 4],
    ]);
  });
});
