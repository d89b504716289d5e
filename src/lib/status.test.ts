import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../api/contract';
import { assess, benchmarkOf, statusTone, worstStatus } from './status';
import { TEST_INDICATORS } from './test-data';

const indicator = (id: string) => TEST_INDICATORS.find((i) => i.id === id)!;
const pct = indicator('budget_revenue_pct');
const coverage = indicator('health_insurance_coverage');
const figure = (period: string, value: number, more: Partial<Observation> = {}) => ({ period, value, qualifier: 'exact' as const, ...more });

describe('a budget percent against the even pace q/4', () => {
  it('says the quarter, the figure, what it is of and what the pace asks for', () => {
    expect(assess(pct, figure('2026-Q1', 13.75, { basis: 'estimate' }))).toMatchObject({
      status: 'at_risk',
      word: 'Có nguy cơ không đạt',
      reason: 'Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%, 3 quý còn lại cần bình quân 28,75% mỗi quý',
    });
  });

  it('is on track at or above the pace, in each quarter before the last', () => {
    expect(assess(pct, figure('2024-Q1', 25))?.status).toBe('on_track');
    expect(assess(pct, figure('2024-Q2', 50.17, { qualifier: 'over', basis: 'estimate' }))).toMatchObject({
      status: 'on_track',
      reason: '6 tháng đạt trên 50,17% dự toán năm; theo tiến độ cần 50%',
    });
    expect(assess(pct, figure('2024-Q3', 80, { basis: 'plan' }))?.reason).toBe('9 tháng đạt 80% kế hoạch năm; theo tiến độ cần 75%');
  });

  it('is met once the year’s amount is collected, even before the year ends', () => {
    expect(assess(pct, figure('2024-Q3', 104))).toMatchObject({ status: 'met', word: 'Đạt', reason: '9 tháng đạt 104% mức giao cả năm, đã đủ mức cả năm' });
    expect(assess(pct, figure('2024-Q4', 100))).toMatchObject({ status: 'met', reason: 'Cả năm đạt 100% mức giao cả năm' });
  });

  it('is at risk below the pace while the rest of the year needs at most 1.5 times the pace, else behind', () => {
    // after Quý I even nothing collected leaves 33,3% a quarter: still within reach
    expect(assess(pct, figure('2024-Q1', 0))?.status).toBe('at_risk');
    // after 6 tháng: 25% leaves 37,5% a quarter (the edge), 24% leaves 38%
    expect(assess(pct, figure('2024-Q2', 25))?.status).toBe('at_risk');
    expect(assess(pct, figure('2024-Q2', 24))).toMatchObject({
      status: 'behind',
      word: 'Chưa đạt',
      reason: '6 tháng đạt 24% mức giao cả năm; theo tiến độ cần 50%, 2 quý còn lại cần bình quân 38% mỗi quý',
    });
    // after 9 tháng: the last quarter alone; 74% leaves 26% (at risk), 62% leaves 38% (behind)
    expect(assess(pct, figure('2024-Q3', 74))).toMatchObject({
      status: 'at_risk',
      reason: '9 tháng đạt 74% mức giao cả năm; theo tiến độ cần 75%, quý IV cần 26%',
    });
    expect(assess(pct, figure('2024-Q3', 62))?.status).toBe('behind');
  });

  it('is behind at the year’s end below 100%: there is no rest of the year', () => {
    expect(assess(pct, figure('2024-Q4', 99.5))).toMatchObject({ status: 'behind', reason: 'Cả năm đạt 99,5% mức giao cả năm; cả năm cần 100%' });
  });
});

describe('a level against the year’s target (BHYT coverage)', () => {
  it('is met at or above the target, saying both', () => {
    expect(assess(coverage, figure('2024-Q2', 94))).toMatchObject({ status: 'met', reason: '6 tháng đạt 94%; mục tiêu năm 2024 là 94%' });
  });

  it('is at risk within 0,5 points per quarter left, behind further, and behind at the year’s end', () => {
    expect(assess(coverage, figure('2024-Q1', 92.5))?.status).toBe('at_risk'); // 1,5 points, three quarters left
    expect(assess(coverage, figure('2024-Q1', 92.4))?.status).toBe('behind');
    expect(assess(coverage, figure('2024-Q2', 93))?.status).toBe('at_risk'); // 1 point, two left
    expect(assess(coverage, figure('2024-Q3', 93.6))).toMatchObject({
      status: 'at_risk',
      reason: '9 tháng đạt 93,6%; mục tiêu năm 2024 là 94%, còn thiếu 0,4 điểm %',
    });
    expect(assess(coverage, figure('2024-Q3', 88.44))).toMatchObject({
      status: 'behind',
      reason: '9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%, còn thiếu 5,56 điểm %',
    });
    expect(assess(coverage, figure('2025-Q4', 94.9))?.status).toBe('behind');
  });

  it('judges a ceiling the other way', () => {
    const ceiling: Indicator = { ...coverage, id: 'poor_rate', higherIsBetter: false, targets: [{ year: 2024, value: 2, source: 'thử' }] };
    expect(assess(ceiling, figure('2024-Q4', 1.8))?.status).toBe('met');
    expect(assess(ceiling, figure('2024-Q4', 2.3))).toMatchObject({ status: 'behind', reason: 'Cả năm đạt 2,3%; mục tiêu năm 2024 là 2%, còn vượt 0,3 điểm %' });
  });
});

describe('missing targets and figures without a benchmark', () => {
  it('says a year without a target has none, naming the latest one known', () => {
    expect(assess(coverage, figure('2026-Q1', 90))).toMatchObject({
      status: 'no_target',
      word: 'Chưa có mục tiêu',
      reason: 'Không tìm thấy mục tiêu năm 2026; mục tiêu năm 2025 là 95%',
    });
    expect(assess(coverage, figure('2023-Q4', 90))?.reason).toBe('Không tìm thấy mục tiêu năm 2023');
  });

  it('gives no status to a figure that has no benchmark', () => {
    expect(assess(indicator('budget_revenue'), figure('2024-Q4', 12e9))).toBeNull();
    expect(benchmarkOf(indicator('resolution_targets_met'), '2024-Q4')).toBeNull();
  });

  it('prefers the year’s target to the even pace when an indicator has both, and the pace in a year without one', () => {
    const both: Indicator = { ...pct, targets: [{ year: 2024, value: 110, source: 'thử' }] };
    expect(benchmarkOf(both, '2024-Q4')).toMatchObject({ kind: 'year_target', value: 110 });
    expect(benchmarkOf(both, '2025-Q1')).toMatchObject({ kind: 'even_pace', required: 25 });
  });
});

describe('statuses together', () => {
  it('orders what is at risk first and colours met with on track, at risk with behind', () => {
    expect(worstStatus(['met', 'on_track'])).toBe('on_track');
    expect(worstStatus(['no_target', 'met', 'at_risk'])).toBe('at_risk');
    expect(worstStatus(['at_risk', 'behind'])).toBe('behind');
    expect(worstStatus([])).toBeNull();
    expect([statusTone('met'), statusTone('on_track'), statusTone('at_risk'), statusTone('behind'), statusTone('no_target')]).toEqual([
      'met',
      'met',
      'behind',
      'behind',
      undefined,
    ]);
  });
});
