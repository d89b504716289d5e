import { describe, expect, it } from 'vitest';
import { benchmarkFor, buildChart, buildComparison, pickHeadline, unitEra } from './kpi';
import { TEST_INDICATORS, TEST_OBSERVATIONS, TEST_UNITS } from './test-data';

const data = { units: TEST_UNITS, indicators: TEST_INDICATORS, observations: TEST_OBSERVATIONS };
const unit = (id: string) => data.units.find((u) => u.id === id)!;
const indicator = (id: string) => data.indicators.find((i) => i.id === id)!;

describe('pickHeadline', () => {
  it('takes the period’s own figure', () => {
    const h = pickHeadline(data.observations, unit('my-thoi'), 'budget_revenue', '2024-Q4');
    expect(h).toMatchObject({ isEarlier: false, observation: { value: 12e9, period: '2024-Q4' } });
  });

  it('falls back to an earlier period of the same year and says so', () => {
    const h = pickHeadline(data.observations, unit('my-thoi'), 'health_insurance_coverage', '2024-Q4');
    expect(h).toMatchObject({ isEarlier: true, observation: { value: 88.44, period: '2024-Q3' } });
  });

  it('never takes a figure from another year or from before a boundary change', () => {
    expect(pickHeadline(data.observations, unit('my-thoi'), 'budget_revenue', '2025-Q4')).toBeNull();
    expect(pickHeadline(data.observations, unit('my-thoi'), 'budget_revenue', '2024-Q2')).toBeNull();
  });
});

describe('eras and charts', () => {
  it('counts Mỹ Thới’s boundary change of 1 July 2025', () => {
    expect(unitEra(unit('my-thoi'), '2025-Q2')).toBe(0);
    expect(unitEra(unit('my-thoi'), '2025-Q3')).toBe(1);
  });

  it('cuts Mỹ Thới’s budget series at the merger and marks the boundary', () => {
    const chart = buildChart({
      observations: data.observations,
      units: [unit('my-thoi')],
      indicators: data.indicators,
      indicatorIds: ['budget_revenue_pct'],
    });
    expect(chart.rows.map((r) => r.period)).toEqual(['2024-Q3', '2024-Q4', '2026-Q1']);
    expect(chart.series.map((s) => s.era)).toEqual([0, 1]);
    expect(chart.rows.find((r) => r.period === '2026-Q1')).toMatchObject({
      'my-thoi~0~budget_revenue_pct~value': null,
      'my-thoi~1~budget_revenue_pct~value': 13.75,
    });
    expect(chart.boundaries).toEqual([{ period: '2026-Q1', label: '01/07/2025: Phường Mỹ Thới nhận Mỹ Thạnh' }]);
    expect(chart.rows.map((r) => r.benchmark)).toEqual([75, 100, 25]);
  });

  it('draws targets met beside their totals', () => {
    const chart = buildChart({
      observations: data.observations,
      units: [unit('my-thoi'), unit('my-binh')],
      indicators: data.indicators,
      indicatorIds: ['resolution_targets_met'],
      withOutOf: true,
    });
    const row = chart.rows.find((r) => r.period === '2024-Q4')!;
    expect(row['my-thoi~0~resolution_targets_met~value']).toBe(10);
    expect(row['my-thoi~0~resolution_targets_met~outOf']).toBe(11);
  });
});

describe('benchmarks', () => {
  it('uses the province’s BHYT target of the year, and none where none is known', () => {
    expect(benchmarkFor(indicator('health_insurance_coverage'), '2024-Q3')).toEqual({ value: 94, label: 'Mục tiêu năm 2024: 94%' });
    expect(benchmarkFor(indicator('health_insurance_coverage'), '2026-Q1')).toBeNull();
  });

  it('compares a budget percent with the even pace, said as what it asks for', () => {
    expect(benchmarkFor(indicator('budget_revenue_pct'), '2024-Q3')).toEqual({ value: 75, label: 'Mức cần đạt theo tiến độ: 75% sau 9 tháng' });
    expect(benchmarkFor(indicator('budget_revenue_pct'), '2026-Q1')?.label).toBe('Mức cần đạt theo tiến độ: 25% sau quý I');
    expect(benchmarkFor(indicator('budget_revenue_pct'), '2024-Q4')?.label).toBe('Mức cần đạt theo tiến độ: 100% cả năm');
    expect(benchmarkFor(indicator('budget_revenue'), '2024-Q4')).toBeNull();
  });

  it('names the benchmark of a trend without jargon', () => {
    const chart = buildChart({ observations: data.observations, units: [unit('my-thoi')], indicators: data.indicators, indicatorIds: ['budget_revenue_pct'] });
    expect(chart.benchmark?.label).toBe('Mức cần đạt theo tiến độ (25% mỗi quý)');
  });
});

describe('comparing many wards', () => {
  it('measures each ward’s figure against the pace of the period it is from, and names that period', () => {
    const wards = ['my-thoi', 'my-quy', 'my-thanh'].map(unit);
    const chart = buildComparison(data.observations, wards, indicator('budget_revenue_pct'), '2024-Q4');
    const key = chart.series[0]!.key;
    const row = (id: string) => chart.rows.find((r) => r.unitId === id)!;
    expect(chart.layout).toBe('byUnit');
    // Mỹ Thới reported the whole year: 100% against the year's pace
    expect(row('my-thoi')).toMatchObject({ [key]: 100, benchmark: 100, asOf: null });
    // Mỹ Quý's last 2024 report is the 6-month one: against the 6-month pace, and saying so
    expect(row('my-quy')).toMatchObject({ benchmark: 50, asOf: '6 tháng 2024' });
    expect(row('my-quy')[key]).toBeCloseTo(50.17);
    // no 2024 figure: a gap, not a zero
    expect(row('my-thanh')[key]).toBeNull();
  });
});
