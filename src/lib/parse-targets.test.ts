import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { parseTargetLine, parseTargetList } from './parse-targets';

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
