import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Resolution, ResolutionTarget, Unit } from '../api/contract';
import { assess } from './status';
import { byRisk, countTargetStatuses, indexFigures, resolutionStatus, targetStatus, type TargetContext } from './target-status';

// Indicators as the data has them, and two the tests need (a rate that should fall, a yearly count with a ceiling).
const INDICATORS: Indicator[] = [
  { id: 'budget_revenue', family: 'budget', name: 'Thu ngân sách nhà nước', unit: 'vnd', aggregation: 'ytd', higherIsBetter: true, min: 0 },
  { id: 'budget_revenue_pct', family: 'budget', name: 'Tỷ lệ thu ngân sách so với cả năm', unit: 'percent', aggregation: 'ytd', higherIsBetter: true, min: 0, evenPace: true },
  { id: 'health_insurance_coverage', family: 'health_insurance', name: 'Tỷ lệ dân số tham gia BHYT', unit: 'percent', aggregation: 'level', higherIsBetter: true, min: 0, max: 100 },
  { id: 'new_party_members', family: 'other', name: 'Đảng viên mới kết nạp', unit: 'party_member', aggregation: 'ytd', higherIsBetter: true, min: 0 },
  { id: 'party_cells_completed_well_pct', family: 'other', name: 'Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ', unit: 'percent', aggregation: 'level', higherIsBetter: true, min: 0, max: 100 },
  { id: 'poor_households_reduced', family: 'poverty', name: 'Hộ nghèo giảm', unit: 'household', aggregation: 'ytd', higherIsBetter: true, min: 0 },
  { id: 'poor_household_rate', family: 'poverty', name: 'Tỷ lệ hộ nghèo', unit: 'percent', aggregation: 'level', higherIsBetter: false, min: 0, max: 100 },
  { id: 'traffic_accidents', family: 'other', name: 'Tai nạn giao thông', unit: 'person', aggregation: 'ytd', higherIsBetter: false, min: 0 },
];
const indicators = new Map(INDICATORS.map((i) => [i.id, i]));

const UNIT = 'phuong-a';
let seq = 0;
function obs(indicatorId: string, period: string, value: number, extra: Partial<Observation> = {}): Observation {
  seq += 1;
  return { id: `o-${seq}`, unitId: UNIT, indicatorId, period, value, qualifier: 'exact', sourceId: 's', version: 1, ...extra };
}

function t(type: ResolutionTarget['type'], indicatorId: string | undefined, value: number, extra: Partial<ResolutionTarget> = {}): ResolutionTarget {
  const unit = indicatorId ? (type === 'yearly_growth' ? 'percent' : indicators.get(indicatorId)!.unit) : 'percent';
  return { id: `ct-${type}`, number: 1, name: 'Chỉ tiêu thử', type, indicatorId, value, unit, ...extra };
}

const term = (targets: ResolutionTarget[]): Resolution => ({
  id: 'nq-term',
  unitId: UNIT,
  title: 'Nghị quyết nhiệm kỳ (thử)',
  kind: 'term',
  term: '2025-2030',
  targets,
  version: 1,
});
const year2026 = (targets: ResolutionTarget[]): Resolution => ({ id: 'nq-2026', unitId: UNIT, title: 'Nghị quyết năm 2026 (thử)', kind: 'year', year: 2026, targets, version: 1 });

/** The status of a single target over these figures, in each period asked. */
function statuses(resolution: Resolution, figures: Observation[], periods: string[], unit?: TargetContext['unit']) {
  const ctx: TargetContext = { figures: indexFigures(figures), indicators, unit };
  return periods.map((p) => targetStatus(resolution, resolution.targets[0]!, p, ctx));
}
const only = (resolution: Resolution, figures: Observation[], period: string, unit?: TargetContext['unit']) => statuses(resolution, figures, [period], unit)[0]!;

describe('a minimum every year, counted from 1 January: the even pace q/4 of the year’s value', () => {
  const r = term([t('yearly_min', 'new_party_members', 24)]);
  const figures = [obs('new_party_members', '2026-Q1', 6), obs('new_party_members', '2026-Q2', 10), obs('new_party_members', '2026-Q3', 12), obs('new_party_members', '2026-Q4', 24)];

  it('at each quarter: on the pace, within reach, out of reach, the year done', () => {
    const got = statuses(r, figures, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(got.map((a) => [a.status, a.required])).toEqual([
      ['on_track', 6],
      ['at_risk', 12],
      ['behind', 18],
      ['met', 24],
    ]);
    expect(got[0]!.reason).toBe('Quý I 2026 đạt 6 đảng viên; theo tiến độ cần 6 đảng viên (chỉ tiêu cả năm ít nhất 24 đảng viên)');
    expect(got[1]).toMatchObject({
      word: 'Có nguy cơ không đạt',
      by: 'figures',
      reason: '6 tháng 2026 đạt 10 đảng viên; theo tiến độ cần 12 đảng viên (chỉ tiêu cả năm ít nhất 24 đảng viên), 2 quý còn lại cần bình quân 7 đảng viên mỗi quý',
    });
    expect(got[2]!.reason).toContain('quý IV cần 12 đảng viên');
    expect(got[3]).toMatchObject({ word: 'Đạt', reason: 'Cả năm 2026 đạt 24 đảng viên; chỉ tiêu cả năm ít nhất 24 đảng viên' });
  });

  it('is met as soon as the year’s value is reached, and short of it at the year’s end is Chưa đạt', () => {
    expect(only(r, [obs('new_party_members', '2026-Q3', 25)], '2026-Q3')).toMatchObject({ status: 'met', reason: '9 tháng 2026 đạt 25 đảng viên, đã đủ mức chỉ tiêu cả năm ít nhất 24 đảng viên' });
    expect(only(r, [obs('new_party_members', '2026-Q4', 23)], '2026-Q4')).toMatchObject({ status: 'behind', reason: 'Cả năm 2026 đạt 23 đảng viên; chỉ tiêu cả năm ít nhất 24 đảng viên, còn thiếu 1 đảng viên' });
  });

  it('each year of the term on its own figures; a period without its own figure reads the latest of the same year', () => {
    const later = [...figures, obs('new_party_members', '2027-Q1', 2)];
    expect(only(r, later, '2027-Q1')).toMatchObject({ status: 'at_risk', figure: { period: '2027-Q1', value: 2 } });
    expect(only(r, later, '2027-Q2')).toMatchObject({ figure: { period: '2027-Q1' }, reason: expect.stringContaining('Quý I 2027 đạt 2 đảng viên') });
    expect(only(r, later, '2028-Q1')).toMatchObject({ status: 'no_data', by: 'none', reason: 'Chưa có số liệu Quý I 2028 của chỉ tiêu này' });
  });

  it('a level (a share of party cells) against the value itself, within reach by half a point a quarter left', () => {
    const level = year2026([t('yearly_min', 'party_cells_completed_well_pct', 90)]);
    const at = (period: string, value: number) => only(level, [obs('party_cells_completed_well_pct', period, value)], period).status;
    expect([at('2026-Q1', 88), at('2026-Q1', 89), at('2026-Q2', 91), at('2026-Q3', 89.6), at('2026-Q4', 89.9)]).toEqual(['behind', 'at_risk', 'met', 'at_risk', 'behind']);
  });
});

describe('the year’s plan: the same even pace as the budget’s tile', () => {
  const r = year2026([t('plan', 'budget_revenue_pct', 100)]);
  const pct = indicators.get('budget_revenue_pct')!;

  it('at each quarter, the status lib/status.ts gives the same figure against the even pace', () => {
    for (const q of [1, 2, 3, 4]) {
      for (let v = 0; v <= 120; v += 2.5) {
        const period = `2026-Q${q}`;
        const mine = only(r, [obs('budget_revenue_pct', period, v)], period).status;
        expect(mine, `${v}% at Q${q}`).toBe(assess(pct, { period, value: v, qualifier: 'exact' })!.status);
      }
    }
  });

  it('says the plan', () => {
    expect(only(r, [obs('budget_revenue_pct', '2026-Q2', 40, { qualifier: 'over' })], '2026-Q2').reason).toBe(
      '6 tháng 2026 đạt trên 40%; theo tiến độ cần 50% (kế hoạch cả năm 100%), 2 quý còn lại cần bình quân 30% mỗi quý',
    );
  });
});

describe('a level by the end of the term: against the target, and a straight path from the term’s first figure', () => {
  const r = term([t('level_by_end', 'health_insurance_coverage', 96)]);
  const base = obs('health_insurance_coverage', '2025-Q4', 91);

  it('at each quarter of the first year, from the base year’s figure (0,25 point a quarter)', () => {
    const figures = [base, obs('health_insurance_coverage', '2026-Q1', 91.2), obs('health_insurance_coverage', '2026-Q2', 91.6), obs('health_insurance_coverage', '2026-Q3', 91.5), obs('health_insurance_coverage', '2026-Q4', 92)];
    const got = statuses(r, figures, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(got.map((a) => a.status)).toEqual(['at_risk', 'on_track', 'at_risk', 'on_track']);
    [91.25, 91.5, 91.75, 92].forEach((required, i) => expect(got[i]!.required).toBeCloseTo(required, 10));
    expect(got[1]!.reason).toBe('6 tháng 2026 đạt 91,6%; mục tiêu 96% vào năm 2030; theo lộ trình đều từ 91% (Cả năm 2025) cần 91,5%');
    expect(got[2]!.reason).toBe('9 tháng 2026 đạt 91,5%; mục tiêu 96% vào năm 2030; theo lộ trình đều từ 91% (Cả năm 2025) cần 91,75%, còn thiếu 4,5 điểm %');
  });

  it('in later years: within reach while the rest needs at most 1,5 times the path; reached is Đạt; the end decides', () => {
    const at = (period: string, value: number) => only(r, [base, obs('health_insurance_coverage', period, value)], period).status;
    expect(at('2027-Q4', 92.5)).toBe('at_risk'); // the path asks 93; 3,5 points in 12 quarters
    expect(at('2028-Q4', 92)).toBe('behind'); // the path asks 94; 4 points in 8 quarters is past reach
    expect(at('2029-Q2', 96.1)).toBe('met');
    expect(at('2030-Q4', 96.2)).toBe('met');
    expect(only(r, [base, obs('health_insurance_coverage', '2030-Q4', 95.5)], '2030-Q4')).toMatchObject({
      status: 'behind',
      reason: 'Cả năm 2030 đạt 95,5%; mục tiêu 96% vào năm 2030, còn thiếu 0,5 điểm %',
    });
  });

  it('without a base-year figure the path starts at the first figure of the term', () => {
    const figures = [obs('health_insurance_coverage', '2026-Q1', 92), obs('health_insurance_coverage', '2026-Q3', 92.2)];
    expect(only(r, figures, '2026-Q1')).toMatchObject({ status: 'on_track', reason: 'Quý I 2026 đạt 92%; mục tiêu 96% vào năm 2030' });
    const third = only(r, figures, '2026-Q3');
    expect(third.status).toBe('at_risk');
    expect(third.required).toBeCloseTo(92 + (4 * 2) / 19, 10);
  });

  it('before the term’s years, after them, and with only the base year’s figure', () => {
    expect(only(r, [base], '2025-Q4')).toMatchObject({ status: 'no_data', reason: 'Chưa đến kỳ đánh giá: Nghị quyết được đánh giá từ năm 2026 (năm 2025 là năm gốc)' });
    expect(only(r, [base, obs('health_insurance_coverage', '2030-Q4', 97)], '2032-Q2')).toMatchObject({ status: 'met', figure: { period: '2030-Q4' } });
    expect(only(r, [base], '2026-Q2')).toMatchObject({ status: 'no_data', reason: 'Chưa có số liệu từ năm 2026 (gần nhất: Cả năm 2025, 91%)' });
  });
});

describe('a ceiling', () => {
  it('of a level: under it is Đạt; above it, a straight path down to it from the term’s first figure', () => {
    const r = term([t('ceiling', 'poor_household_rate', 1)]);
    const base = obs('poor_household_rate', '2025-Q4', 2);
    const at = (period: string, value: number) => only(r, [base, obs('poor_household_rate', period, value)], period);
    expect(at('2026-Q4', 1.8)).toMatchObject({ status: 'on_track', required: 1.8 });
    expect(at('2026-Q4', 1.9)).toMatchObject({
      status: 'at_risk',
      reason: 'Cả năm 2026 là 1,9%; mức trần 1%; theo lộ trình đều từ 2% (Cả năm 2025) cần 1,8%, còn cao hơn 0,9 điểm %',
    });
    expect(at('2029-Q4', 1.6).status).toBe('behind');
    expect(at('2028-Q2', 0.9)).toMatchObject({ status: 'met', reason: '6 tháng 2028 là 0,9%; mức trần 1%' });
    expect(at('2030-Q4', 1.1).status).toBe('behind');
  });

  it('of a level already under it at the start: back above it is at risk if close', () => {
    const r = term([t('ceiling', 'poor_household_rate', 1)]);
    const base = obs('poor_household_rate', '2025-Q4', 0.8);
    expect(only(r, [base, obs('poor_household_rate', '2027-Q2', 1.1)], '2027-Q2').status).toBe('at_risk');
    expect(only(r, [base, obs('poor_household_rate', '2027-Q2', 3.5)], '2027-Q2').status).toBe('behind');
  });

  it('of a yearly count: never passed, at risk ahead of the pace, met when the year ends under it', () => {
    const r = year2026([t('ceiling', 'traffic_accidents', 8)]);
    const at = (period: string, value: number) => only(r, [obs('traffic_accidents', period, value)], period).status;
    expect([at('2026-Q1', 1), at('2026-Q2', 5), at('2026-Q3', 9), at('2026-Q4', 8)]).toEqual(['on_track', 'at_risk', 'behind', 'met']);
  });
});

describe('a yearly reduction', () => {
  it('of a level: less by the value every year from the base year’s figure', () => {
    const r = term([t('yearly_reduction', 'poor_household_rate', 0.5)]);
    const base = obs('poor_household_rate', '2025-Q4', 3);
    const at = (period: string, value: number) => only(r, [base, obs('poor_household_rate', period, value)], period);
    expect(at('2026-Q4', 2.5)).toMatchObject({
      status: 'on_track',
      required: 2.5,
      reason: 'Cả năm 2026 là 2,5%; giảm bình quân 0,5 điểm % mỗi năm từ 3% (Cả năm 2025) thì nay cần 2,5%',
    });
    expect(at('2027-Q4', 2.4).status).toBe('at_risk');
    expect(at('2028-Q4', 2.6).status).toBe('behind');
    expect(at('2030-Q4', 0.5).status).toBe('met');
    expect(only(r, [obs('poor_household_rate', '2026-Q4', 2.5)], '2026-Q4')).toMatchObject({ status: 'no_data', reason: 'Chưa có số liệu năm gốc 2025 để tính mức giảm' });
  });

  it('of households lifted out of poverty, counted from 1 January: like a yearly minimum', () => {
    const r = year2026([t('yearly_reduction', 'poor_households_reduced', 20)]);
    const at = (period: string, value: number) => only(r, [obs('poor_households_reduced', period, value)], period).status;
    expect([at('2026-Q1', 5), at('2026-Q2', 8), at('2026-Q3', 10), at('2026-Q4', 20)]).toEqual(['on_track', 'at_risk', 'behind', 'met']);
  });
});

describe('a total over the term, across years', () => {
  const r = term([t('term_total', 'new_party_members', 130)]);
  const figures = [
    obs('new_party_members', '2026-Q2', 10),
    obs('new_party_members', '2026-Q4', 26),
    obs('new_party_members', '2027-Q1', 5),
    obs('new_party_members', '2027-Q3', 20),
    obs('new_party_members', '2027-Q4', 28),
    obs('new_party_members', '2028-Q2', 12),
  ];

  it('adds each year’s latest figure and compares with the term’s elapsed share', () => {
    const got = statuses(r, figures, ['2026-Q2', '2026-Q4', '2027-Q3', '2028-Q2', '2028-Q4']);
    expect(got.map((a) => [a.status, a.required])).toEqual([
      ['at_risk', 13],
      ['on_track', 26],
      ['on_track', 45.5],
      ['on_track', 65],
      ['on_track', 65],
    ]);
    expect(got[2]!.reason).toBe('Từ năm 2026 đến 9 tháng 2027 đạt 46 đảng viên; chỉ tiêu cả nhiệm kỳ 130 đảng viên, theo tiến độ cần 45,5 đảng viên');
    expect(got[4]!.figure?.period).toBe('2028-Q2');
  });

  it('says when a year is missing or only partly reported', () => {
    const gap = [obs('new_party_members', '2026-Q4', 26), obs('new_party_members', '2028-Q2', 12)];
    expect(only(r, gap, '2028-Q2')).toMatchObject({ status: 'no_data', reason: 'Thiếu số liệu năm 2027 để cộng dồn cả nhiệm kỳ' });
    const partial = [obs('new_party_members', '2026-Q3', 20), obs('new_party_members', '2027-Q2', 10)];
    expect(only(r, partial, '2027-Q2').reason).toContain('(năm 2026 mới có số liệu 9 tháng 2026)');
  });

  it('at the end of the term: the total reached or not', () => {
    const years = [2026, 2027, 2028, 2029, 2030];
    expect(only(r, years.map((y) => obs('new_party_members', `${y}-Q4`, 26)), '2030-Q4').status).toBe('met');
    expect(only(r, years.map((y) => obs('new_party_members', `${y}-Q4`, 25)), '2030-Q4')).toMatchObject({ status: 'behind', reason: expect.stringContaining('còn thiếu 5 đảng viên') });
  });
});

describe('an average yearly growth, against the same period of the base year', () => {
  const base = [10e9, 20e9, 30e9, 40e9].map((v, i) => obs('budget_revenue', `2025-Q${i + 1}`, v));
  const r = term([t('yearly_growth', 'budget_revenue', 8, { valueMax: 9 })]);

  it('at each quarter of the first year', () => {
    const figures = [...base, obs('budget_revenue', '2026-Q1', 10.9e9), obs('budget_revenue', '2026-Q2', 21e9), obs('budget_revenue', '2026-Q3', 24e9), obs('budget_revenue', '2026-Q4', 43.2e9)];
    const got = statuses(r, figures, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(got.map((a) => a.status)).toEqual(['on_track', 'at_risk', 'behind', 'on_track']);
    expect(got[0]!.reason).toBe('Quý I 2026 đạt 10,9 tỷ đồng, so với Quý I 2025 tăng 9%/năm; chỉ tiêu tăng bình quân 8–9%/năm');
    expect(got[1]!.reason).toBe('6 tháng 2026 đạt 21 tỷ đồng, so với 6 tháng 2025 tăng 5%/năm; chỉ tiêu tăng bình quân 8–9%/năm, cần 21,6 tỷ đồng');
  });

  it('over several years, as an average; the last year’s end decides', () => {
    const at = (period: string, value: number) => only(r, [...base, obs('budget_revenue', period, value)], period);
    expect(at('2027-Q4', 47e9)).toMatchObject({ status: 'on_track', reason: expect.stringContaining('so với Cả năm 2025, bình quân tăng 8,4%/năm') });
    expect(at('2030-Q4', 60e9).status).toBe('met');
    expect(at('2030-Q4', 55e9).status).toBe('behind');
  });

  it('in a year’s resolution: the year’s rest at 1,5 times the even pace', () => {
    const y = year2026([t('yearly_growth', 'budget_revenue', 8)]);
    const at = (period: string, value: number) => only(y, [...base, obs('budget_revenue', period, value)], period).status;
    expect([at('2026-Q2', 21e9), at('2026-Q3', 24e9), at('2026-Q4', 43.2e9), at('2026-Q4', 43e9)]).toEqual(['at_risk', 'behind', 'met', 'behind']);
  });

  it('cannot be computed without the base year’s same period: then the hand-set status, saying so', () => {
    const noBase = [obs('budget_revenue', '2026-Q2', 21e9)];
    expect(only(r, noBase, '2026-Q2')).toMatchObject({ status: 'no_data', by: 'none', reason: 'Không tính được tăng trưởng: chưa có số liệu 6 tháng 2025 (cùng kỳ năm gốc)' });
    const handSet = term([t('yearly_growth', 'budget_revenue', 8, { manualStatus: { status: 'on_track', note: 'Theo báo cáo của Chi cục Thuế khu vực' } })]);
    expect(only(handSet, noBase, '2026-Q2')).toMatchObject({ status: 'on_track', word: 'Đúng tiến độ', by: 'hand', reason: 'Đặt tay: Theo báo cáo của Chi cục Thuế khu vực' });
  });

  it('never joins figures across a boundary change of the unit', () => {
    const merged: Pick<Unit, 'validFrom' | 'changes'> = { validFrom: null, changes: [{ date: '2025-07-01', absorbed: [{ name: 'Phường B' }] }] };
    const figures = [...base, obs('budget_revenue', '2026-Q2', 30e9)];
    expect(only(r, figures, '2026-Q2', merged)).toMatchObject({
      status: 'no_data',
      reason: 'Không tính được tăng trưởng: chưa có số liệu 6 tháng 2025 (cùng kỳ năm gốc); số liệu trước 01/07/2025 (địa giới khác) không được tính',
    });
    // a unit formed on 1 July 2025: 9 tháng 2025 is its own (a base), 6 tháng 2025 is not
    const formed: Pick<Unit, 'validFrom' | 'changes'> = { validFrom: '2025-07-01' };
    expect(only(r, [...base, obs('budget_revenue', '2026-Q3', 32.4e9)], '2026-Q3', formed)).toMatchObject({ status: 'on_track', by: 'figures' });
    expect(only(r, figures, '2026-Q2', formed).status).toBe('no_data');
    // a level at a date after the change still counts
    const level = term([t('level_by_end', 'health_insurance_coverage', 96)]);
    expect(only(level, [obs('health_insurance_coverage', '2025-Q4', 91), obs('health_insurance_coverage', '2026-Q2', 91.6)], '2026-Q2', merged).status).toBe('on_track');
  });
});

describe('set by hand', () => {
  const note = { status: 'at_risk' as const, note: 'Theo rà soát của Ban Tuyên giáo' };

  it('a target without an indicator takes the editor’s status and says it was set by hand', () => {
    const r = term([t('ceiling', undefined, 1, { manualStatus: note })]);
    expect(only(r, [], '2026-Q4')).toMatchObject({ status: 'at_risk', word: 'Có nguy cơ không đạt', by: 'hand', reason: 'Đặt tay: Theo rà soát của Ban Tuyên giáo' });
  });

  it('never before the resolution’s years', () => {
    expect(only(term([t('ceiling', undefined, 1, { manualStatus: note })]), [], '2025-Q4')).toMatchObject({ status: 'no_data', reason: expect.stringContaining('Chưa đến kỳ đánh giá') });
  });

  it('from its period on only; without one, Chưa có số liệu', () => {
    const r = term([t('ceiling', undefined, 1, { manualStatus: { ...note, period: '2027-Q2' } })]);
    expect(only(r, [], '2027-Q1')).toMatchObject({ status: 'no_data', word: 'Chưa có số liệu', by: 'none' });
    expect(only(r, [], '2027-Q2').by).toBe('hand');
    expect(only(term([t('ceiling', undefined, 1)]), [], '2026-Q4')).toMatchObject({
      status: 'no_data',
      reason: 'Chỉ tiêu chưa gắn với số liệu nào để tính; chưa được đặt trạng thái',
    });
  });

  it('figures that judge the target win over a hand-set status', () => {
    const r = year2026([t('yearly_min', 'new_party_members', 24, { manualStatus: note })]);
    expect(only(r, [obs('new_party_members', '2026-Q4', 30)], '2026-Q4')).toMatchObject({ status: 'met', by: 'figures' });
  });
});

describe('a resolution’s list', () => {
  it('reads the reported figure of a period before an estimate, and lists at risk first, then by number', () => {
    const r = year2026([
      t('yearly_min', 'new_party_members', 24, { id: 'a', number: 1 }),
      t('plan', 'budget_revenue_pct', 100, { id: 'b', number: 2 }),
      t('ceiling', undefined, 1, { id: 'c', number: 3 }),
      t('yearly_min', 'party_cells_completed_well_pct', 90, { id: 'd', number: 4 }),
    ]);
    const figures = [
      obs('new_party_members', '2026-Q2', 30, { status: 'estimated' }),
      obs('new_party_members', '2026-Q2', 4, { status: 'reported' }),
      obs('budget_revenue_pct', '2026-Q2', 60),
      obs('party_cells_completed_well_pct', '2026-Q2', 80),
    ];
    const list = resolutionStatus(r, '2026-Q2', { figures: indexFigures(figures), indicators });
    expect(list.map((a) => [a.targetId, a.status])).toEqual([
      ['a', 'behind'],
      ['b', 'on_track'],
      ['c', 'no_data'],
      ['d', 'behind'],
    ]);
    const ranked = byRisk(list.map((a, i) => ({ ...a, number: r.targets[i]!.number })));
    expect(ranked.map((a) => a.targetId)).toEqual(['a', 'd', 'b', 'c']);
    expect(countTargetStatuses(list)).toEqual({ met: 0, on_track: 1, at_risk: 0, behind: 2, no_data: 1 });
  });
});
