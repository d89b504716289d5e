/**
 * Plans in a report are never figures: the targets they set come back as candidate targets, each
 * with its sentence and the words it was read from. Reports written for the test in our own words.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, registerUnits } from '../../../data';
import { extractCandidates } from './extract-candidates';

const options = { units: registerUnits(), indicators: loadDataset().indicators };
const YEAR_HEAD = 'Đảng ủy phường Mỹ Thới tổng kết công tác năm 2025\nNgày 18/12/2025, Đảng ủy phường Mỹ Thới tổ chức hội nghị tổng kết.\n';
const NINE_MONTHS_HEAD = 'Đảng ủy phường Mỹ Thới sơ kết 9 tháng đầu năm 2024\nSáng ngày 11/10/2024, Đảng ủy phường Mỹ Thới tổ chức hội nghị.\n';

const read = (text: string) => extractCandidates(text, options);
const brief = (text: string) =>
  read(text).targetCandidates.map((t) => ({ name: t.name, type: t.type, value: t.value, unit: t.unit, indicatorId: t.indicatorId, year: t.year, term: t.term }));

describe('targets of a report’s plans', () => {
  it('“phấn đấu”: a sentence that sets two targets gives both, for the year it names, and no figure', () => {
    const text = YEAR_HEAD + 'Cả năm, thu ngân sách đạt 21 tỷ đồng.\nNăm 2026, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.';
    const r = read(text);
    expect(r.candidates.map((c) => [c.indicatorId, c.value])).toEqual([['budget_revenue', 21e9]]);
    expect(brief(text)).toEqual([
      { name: 'Thu ngân sách đạt 100% dự toán', type: 'plan', value: 100, unit: 'percent', indicatorId: 'budget_revenue_pct', year: 2026, term: undefined },
      { name: 'Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%', type: 'level_by_end', value: 95, unit: 'percent', indicatorId: 'health_insurance_coverage', year: 2026, term: undefined },
    ]);
    // each with its whole sentence and, inside it, its own words, as offsets in the text given
    const [first] = r.targetCandidates;
    expect(first!.sentence).toBe('Năm 2026, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.');
    expect(text.slice(first!.sentenceRange.start, first!.sentenceRange.end)).toBe(first!.sentence);
    expect(text.slice(first!.range.start, first!.range.end)).toBe('thu ngân sách đạt 100% dự toán');
    expect(first!.phrase).toBe('thu ngân sách đạt 100% dự toán');
  });

  it('“chỉ tiêu năm 2026 là”, after a result in the same sentence: the result is a figure, the plan a target', () => {
    const text = YEAR_HEAD + 'Trong năm, phường kết nạp 14 đảng viên mới; chỉ tiêu năm 2026 là kết nạp ít nhất 15 đảng viên mới.';
    expect(read(text).candidates.map((c) => [c.indicatorId, c.value])).toEqual([['new_party_members', 14]]);
    expect(brief(text)).toEqual([{ name: 'Kết nạp ít nhất 15 đảng viên mới', type: 'yearly_min', value: 15, unit: 'party_member', indicatorId: 'new_party_members', year: 2026, term: undefined }]);
  });

  it('“kế hoạch năm 2026” heading a section: its lines are targets of that year; amounts of a year are that year’s minimum', () => {
    const text =
      YEAR_HEAD +
      'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,1%.\nII. KẾ HOẠCH NĂM 2026\n- Thu ngân sách nhà nước trên địa bàn đạt 24 tỷ đồng trở lên;\n- Giảm 10 hộ nghèo;\n- Tập trung lãnh đạo công tác chuyển đổi số.';
    expect(read(text).candidates.map((c) => [c.indicatorId, c.value])).toEqual([['health_insurance_coverage', 93.1]]);
    expect(brief(text)).toEqual([
      { name: 'Thu ngân sách nhà nước trên địa bàn đạt 24 tỷ đồng trở lên', type: 'yearly_min', value: 24e9, unit: 'vnd', indicatorId: 'budget_revenue', year: 2026, term: undefined },
      { name: 'Giảm 10 hộ nghèo', type: 'yearly_min', value: 10, unit: 'household', indicatorId: 'poor_households_reduced', year: 2026, term: undefined },
    ]);
  });

  it('“mục tiêu” of the term: the term the words name, no year', () => {
    const text = YEAR_HEAD + 'Mục tiêu đến năm 2030, tỷ lệ hộ gia đình văn hóa đạt 95%; phấn đấu trong nhiệm kỳ kết nạp 80 đảng viên.';
    expect(read(text).candidates).toEqual([]);
    expect(brief(text)).toEqual([
      { name: 'Tỷ lệ hộ gia đình văn hóa đạt 95%', type: 'level_by_end', value: 95, unit: 'percent', indicatorId: 'cultural_families_pct', year: undefined, term: '2025-2030' },
      { name: 'Trong nhiệm kỳ kết nạp 80 đảng viên', type: 'term_total', value: 80, unit: 'party_member', indicatorId: 'new_party_members', year: undefined, term: '2025-2030' },
    ]);
  });

  it('a year the sentence does not say: the next year after a year’s review, the same year after part of one, and a note says it was inferred', () => {
    const year = read(YEAR_HEAD + 'Phấn đấu giới thiệu việc làm cho 300 lao động.').targetCandidates;
    expect(year).toMatchObject([{ value: 300, unit: 'person', year: 2026 }]);
    expect(year[0]!.note).toMatch(/đề xuất năm 2026/);
    // nine months: "phấn đấu cả năm" is this year's; the nine months' own figure stays a figure
    const nine = read(NINE_MONTHS_HEAD + 'Thu ngân sách đạt 78% dự toán, phấn đấu cả năm đạt 100% dự toán.');
    expect(nine.candidates.map((c) => [c.indicatorId, c.value])).toEqual([['budget_revenue_pct', 78]]);
    expect(nine.targetCandidates).toMatchObject([{ type: 'plan', value: 100, year: 2024 }]);
    // "năm tới" in a half-year's report: the next year
    expect(read(NINE_MONTHS_HEAD + 'Năm tới, phấn đấu tỷ lệ hộ gia đình văn hóa đạt 92%.').targetCandidates).toMatchObject([{ value: 92, year: 2025 }]);
  });

  it('a result is never a target, even of a year named at the sentence’s start', () => {
    const text = YEAR_HEAD + 'Năm 2025, thu ngân sách đạt 112% dự toán; giảm 9 hộ nghèo; tỷ lệ tham gia bảo hiểm y tế đạt 94,2%.';
    expect(read(text).candidates.map((c) => c.indicatorId)).toEqual(['budget_revenue_pct', 'poor_households_reduced', 'health_insurance_coverage']);
    expect(read(text).targetCandidates).toEqual([]);
  });

  it('a target said twice is offered once', () => {
    const text = YEAR_HEAD + 'Năm 2026, phấn đấu giảm 8 hộ nghèo.\nPHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026\nGiảm 8 hộ nghèo.';
    expect(brief(text)).toHaveLength(1);
  });
});
