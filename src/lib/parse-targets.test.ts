import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { parseTargetLine, parseTargetList, parseTargetSentence, readTargetTime } from './parse-targets';

const { indicators } = loadDataset();
const read = (line: string) => parseTargetLine(line, indicators);

// Lines written for the test in the press's manner (not copied from any resolution).
describe('one line as the press prints it', () => {
  it('a level to reach: a percent "đạt trên", by the end of the term', () => {
    expect(read('Tỷ lệ người dân có bảo hiểm y tế đạt trên 97%')).toMatchObject({ type: 'level_by_end', value: 97, unit: 'percent', indicatorId: 'health_insurance_coverage' });
    expect(read('Đến năm 2030, tỷ lệ hộ gia đình văn hóa đạt 92,5%')).toMatchObject({ type: 'level_by_end', value: 92.5, unit: 'percent', indicatorId: 'cultural_families_pct' });
  });

  it('a minimum every year, in its own unit', () => {
    expect(read('Mỗi năm kết nạp ít nhất 30 đảng viên mới')).toMatchObject({ type: 'yearly_min', value: 30, unit: 'party_member', indicatorId: 'new_party_members' });
    expect(read('Hằng năm giới thiệu việc làm cho 1.200 lao động')).toMatchObject({ type: 'yearly_min', value: 1200, unit: 'person', indicatorId: 'jobs_referred' });
  });

  it('an average yearly growth, with a range written with a dash', () => {
    // measured on the amount collected (its growth), never on a percent of the estimate
    expect(read('Thu ngân sách nhà nước trên địa bàn tăng bình quân 10–12%/năm')).toMatchObject({ type: 'yearly_growth', value: 10, valueMax: 12, unit: 'percent', indicatorId: 'budget_revenue' });
    expect(read('Giá trị sản xuất tăng bình quân 7,5 - 8%/năm')).toMatchObject({ type: 'yearly_growth', value: 7.5, valueMax: 8 });
  });

  it('a total over the term, money in tỷ đồng', () => {
    expect(read('Vận động xã hội hóa 45 tỷ đồng trong nhiệm kỳ')).toMatchObject({ type: 'term_total', value: 45e9, unit: 'vnd' });
    expect(read('Cả nhiệm kỳ kết nạp 250 đảng viên')).toMatchObject({ type: 'term_total', value: 250, unit: 'party_member', indicatorId: 'new_party_members' });
  });

  it('a ceiling, and a yearly reduction in points', () => {
    expect(read('Giữ tỷ lệ hộ nghèo dưới 1,5% vào cuối nhiệm kỳ')).toMatchObject({ type: 'ceiling', value: 1.5, unit: 'percent' });
    expect(read('Tỷ lệ hộ cận nghèo giảm bình quân 0,8%/năm')).toMatchObject({ type: 'yearly_reduction', value: 0.8, unit: 'percent' });
  });

  it('the year’s plan against the estimate', () => {
    expect(read('Thu ngân sách đạt từ 105% dự toán trở lên')).toMatchObject({ type: 'plan', value: 105, unit: 'percent', indicatorId: 'budget_revenue_pct' });
  });

  it('never takes a year for the value, and says when a line has no number', () => {
    expect(read('Đến năm 2030 có 100% chi bộ hoàn thành tốt nhiệm vụ')).toMatchObject({ value: 100, unit: 'percent', indicatorId: 'party_cells_completed_well_pct' });
    const none = read('Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội');
    expect(none.type).toBeUndefined();
    expect(none.problem).toMatch(/Không thấy con số/);
    expect(none.indicatorId).toBeUndefined();
  });

  it('guesses no indicator when no name shares its words', () => {
    expect(read('Tỷ lệ đường giao thông nông thôn được cứng hóa đạt 95%').indicatorId).toBeUndefined();
  });
});

describe('a pasted list', () => {
  it('one candidate a line, keeping each sentence and its number, blank lines left out', () => {
    const got = parseTargetList(['1. Mỗi năm kết nạp ít nhất 30 đảng viên mới;', '', '2) Tỷ lệ hộ nghèo dưới 2%.', '- Thu ngân sách tăng bình quân 8–9%/năm'].join('\n'), indicators);
    expect(got.map((c) => [c.number, c.sentence, c.type])).toEqual([
      [1, 'Mỗi năm kết nạp ít nhất 30 đảng viên mới', 'yearly_min'],
      [2, 'Tỷ lệ hộ nghèo dưới 2%', 'ceiling'],
      [3, 'Thu ngân sách tăng bình quân 8–9%/năm', 'yearly_growth'],
    ]);
  });
});

// Plan sentences written for the test in the manner of a ward's report (not copied from any).
describe('a plan sentence inside a report’s prose', () => {
  const sentence = (s: string) => parseTargetSentence(s, indicators);
  const brief = (s: string) => sentence(s).map((t) => ({ name: t.name, type: t.type, value: t.value, unit: t.unit, indicatorId: t.indicatorId, year: t.year, term: t.term }));

  it('two targets in one sentence, each named by its own words, the year the sentence opens with for both', () => {
    const s = 'Năm 2026, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ BHYT đạt trên 95%.';
    expect(brief(s)).toEqual([
      { name: 'Thu ngân sách đạt 100% dự toán', type: 'plan', value: 100, unit: 'percent', indicatorId: 'budget_revenue_pct', year: 2026, term: undefined },
      { name: 'Tỷ lệ bao phủ BHYT đạt trên 95%', type: 'level_by_end', value: 95, unit: 'percent', indicatorId: 'health_insurance_coverage', year: 2026, term: undefined },
    ]);
    // where each target's words are in the sentence, for the page to mark them
    const [first, second] = sentence(s);
    expect(s.slice(first!.start, first!.end)).toBe('thu ngân sách đạt 100% dự toán');
    expect(s.slice(second!.start, second!.end)).toBe('tỷ lệ bao phủ BHYT đạt trên 95%');
  });

  it('the openings a plan is said with: “chỉ tiêu năm … là”, “kế hoạch năm …:”, “mục tiêu đến năm 2030”', () => {
    expect(brief('Chỉ tiêu năm 2026 là kết nạp ít nhất 12 đảng viên mới')).toMatchObject([{ name: 'Kết nạp ít nhất 12 đảng viên mới', type: 'yearly_min', value: 12, unit: 'party_member', indicatorId: 'new_party_members', year: 2026 }]);
    expect(brief('Kế hoạch năm 2026: giới thiệu việc làm cho 250 lao động')).toMatchObject([{ name: 'Giới thiệu việc làm cho 250 lao động', value: 250, unit: 'person', indicatorId: 'jobs_referred', year: 2026 }]);
    // "đến năm 2030" is the last year of the term 2025–2030, not a year's plan
    expect(brief('Mục tiêu đến năm 2030, tỷ lệ hộ gia đình văn hóa đạt từ 93% trở lên')).toEqual([
      { name: 'Tỷ lệ hộ gia đình văn hóa đạt từ 93% trở lên', type: 'level_by_end', value: 93, unit: 'percent', indicatorId: 'cultural_families_pct', year: undefined, term: '2025-2030' },
    ]);
    expect(brief('Trong nhiệm kỳ 2025–2030, vận động xã hội hóa 30 tỷ đồng')).toMatchObject([{ type: 'term_total', value: 30e9, unit: 'vnd', term: '2025-2030' }]);
  });

  it('the plan’s verb in the middle of the words is left out of the name; “vượt 5% dự toán” is 105% of it', () => {
    expect(brief('Thu ngân sách phấn đấu vượt 5% dự toán được giao')).toMatchObject([{ name: 'Thu ngân sách vượt 5% dự toán được giao', type: 'plan', value: 105 }]);
  });

  it('an amount and its share of the estimate are one target; a result said after the plan is none', () => {
    expect(brief('Phấn đấu thu ngân sách đạt 9 tỷ đồng, bằng 100% dự toán')).toMatchObject([{ type: 'plan', value: 100, unit: 'percent', indicatorId: 'budget_revenue_pct' }]);
    expect(brief('Kế hoạch năm 2026 giảm 20 hộ nghèo, đã giảm được 6 hộ')).toMatchObject([{ name: 'Giảm 20 hộ nghèo', value: 20, unit: 'household', indicatorId: 'poor_households_reduced' }]);
  });

  it('no target from words without a number and its unit, a count of targets, a document’s number or part of a year', () => {
    expect(sentence('Phấn đấu hoàn thành thắng lợi nhiệm vụ chính trị năm 2026')).toEqual([]);
    expect(sentence('Đại hội đề ra 18 chỉ tiêu chủ yếu')).toEqual([]);
    expect(sentence('Thực hiện Kế hoạch số 35/KH-UBND của Ủy ban nhân dân xã')).toEqual([]);
    expect(sentence('Phấn đấu đến ngày 30/6 thu ngân sách đạt 50% dự toán')).toEqual([]);
  });
});

describe('the year or term the words name', () => {
  it('a year, a term, the last year of a term; never a year compared with', () => {
    expect(readTargetTime('nam 2026, phan dau')).toEqual({ year: 2026 });
    expect(readTargetTime('nhiem ky 2025 - 2030')).toEqual({ term: '2025-2030' });
    expect(readTargetTime('giai doan 2026–2030')).toEqual({});
    expect(readTargetTime('den nam 2030 dat 95%')).toEqual({ term: '2025-2030' });
    expect(readTargetTime('tang 8% so voi nam 2025')).toEqual({});
  });
});
