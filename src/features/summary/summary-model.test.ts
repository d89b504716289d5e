import { describe, expect, it } from 'vitest';
import type { Family, Observation, Unit } from '../../api/contract';
import { TEST_INDICATORS, TEST_OBSERVATIONS, TEST_UNITS } from '../../lib/test-data';
import { buildSummary, familyParts, figureParts, type Summary, type SummaryFamily } from './summary-model';

const FAMILIES: SummaryFamily[] = [
  { family: 'budget', slug: 'thu-ngan-sach', title: 'Thu ngân sách', headline: ['budget_revenue', 'budget_revenue_pct'] },
  { family: 'health_insurance', slug: 'bao-hiem-y-te', title: 'Bảo hiểm y tế', headline: ['health_insurance_coverage'] },
  { family: 'resolution_targets', slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết', headline: ['resolution_targets_met'] },
];
const familyOf = (o: Observation): Family => TEST_INDICATORS.find((i) => i.id === o.indicatorId)!.family;
const byFamily = (observations: readonly Observation[]) =>
  new Map(FAMILIES.map((f) => [f.family, observations.filter((o) => familyOf(o) === f.family)]));
const unit = (id: string) => TEST_UNITS.find((u) => u.id === id)!;

const summarize = (units: Unit[], period: string, observations: readonly Observation[] = TEST_OBSERVATIONS, byUnit = false) =>
  buildSummary({ families: FAMILIES, units, period, observations: byFamily(observations), indicators: TEST_INDICATORS, byUnit });
const figures = (s: Summary) => {
  if (s.mode !== 'figures') throw new Error('expected figures');
  return s;
};

describe('the summary of a few units', () => {
  it('counts the figures that have a benchmark, at risk first, each with its tile', () => {
    // Mỹ Thới, Quý I 2026: 13,75% against the 25% pace (at risk); coverage 90% without a 2026 target
    const s = figures(summarize([unit('my-thoi')], '2026-Q1'));
    expect(s.counts).toEqual({ behind: 0, at_risk: 1, ok: 0, no_target: 1 });
    expect(s.items.map((i) => [i.status, i.anchor])).toEqual([
      ['at_risk', 'chi-tieu-my-thoi-budget_revenue_pct'],
      ['no_target', 'chi-tieu-my-thoi-health_insurance_coverage'],
    ]);
    expect(figureParts(s)).toEqual([
      { key: 'at_risk', text: '1 chỉ tiêu có nguy cơ không đạt', anchor: 'chi-tieu-my-thoi-budget_revenue_pct' },
      { key: 'no_target', text: '1 chưa có mục tiêu', anchor: 'chi-tieu-my-thoi-health_insurance_coverage' },
    ]);
  });

  it('reads an earlier figure of the year as the tiles do, and counts met with on track', () => {
    // Cả năm 2024: Mỹ Thới's budget 100% (met), its coverage last reported at 9 months, 88,44%
    // against 94% (behind); Mỹ Quý's last budget figure is 6 months', over 50,17% (on track)
    const s = figures(summarize([unit('my-thoi'), unit('my-quy')], '2024-Q4'));
    expect(s.items.map((i) => [i.unitName, i.status])).toEqual([
      ['Phường Mỹ Thới', 'behind'],
      ['Phường Mỹ Thới', 'met'],
      ['Phường Mỹ Quý', 'on_track'],
    ]);
    expect(s.items[0]!.reason).toBe('9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%, còn thiếu 5,56 điểm %');
    expect(figureParts(s).map((p) => p.text)).toEqual(['1 chỉ tiêu chưa đạt', '2 đạt hoặc đúng tiến độ']);
  });

  it('says nothing is counted where no figure has a benchmark', () => {
    const s = figures(summarize([unit('my-binh')], '2024-Q4'));
    expect(s.items).toEqual([]);
    expect(figureParts(s)).toEqual([]);
  });
});

describe('the summary of many units', () => {
  const wards: Unit[] = Array.from({ length: 6 }, (_, i) => ({
    id: `w${i}`, code: `9000${i}`, name: `Xã Thử ${i}`, kind: i < 4 ? 'xa' : 'phuong', province: 'An Giang', validFrom: null, validTo: null,
  }));
  let n = 0;
  const fig = (unitId: string, indicatorId: string, period: string, value: number): Observation => ({
    id: `s${n++}`, unitId, indicatorId, period, value, qualifier: 'exact', sourceId: 's', version: 1,
  });
  const data = [
    fig('w0', 'budget_revenue_pct', '2024-Q3', 80), // on track
    fig('w1', 'budget_revenue_pct', '2024-Q3', 70), // at risk (30 left in one quarter)
    fig('w2', 'budget_revenue_pct', '2024-Q3', 50), // behind
    fig('w3', 'budget_revenue_pct', '2024-Q2', 55), // an earlier figure: on track at 6 months
    fig('w0', 'health_insurance_coverage', '2024-Q3', 95),
    fig('w1', 'health_insurance_coverage', '2024-Q3', 90),
  ];

  it('counts the units of each family by their figures’ status, and those without a figure', () => {
    const s = summarize(wards, '2024-Q3', data, true);
    if (s.mode !== 'units') throw new Error('expected units');
    const [budget, health] = s.families;
    expect(budget).toMatchObject({ title: 'Thu ngân sách', anchor: 'chi-tieu-budget_revenue_pct', counts: { behind: 1, at_risk: 1, ok: 2, no_target: 0 }, none: 2, total: 6 });
    expect(familyParts(budget!).map((p) => p.text)).toEqual([
      '1/6 xã, phường chưa đạt',
      '1 có nguy cơ không đạt',
      '2 đạt hoặc đúng tiến độ',
      '2 chưa có số liệu',
    ]);
    expect(health).toMatchObject({ counts: { behind: 1, at_risk: 0, ok: 1, no_target: 0 }, none: 4 });
    // targets met have no benchmark: no line
    expect(s.families.map((f) => f.family)).toEqual(['budget', 'health_insurance']);
  });

  it('counts units without a target for the year as such', () => {
    const s = summarize(wards, '2026-Q3', [fig('w0', 'health_insurance_coverage', '2026-Q3', 92)], true);
    if (s.mode !== 'units') throw new Error('expected units');
    expect(s.families.find((f) => f.family === 'health_insurance')).toMatchObject({ counts: { no_target: 1 }, none: 5 });
  });
});
