import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Unit } from '../api/contract';
import { buildChart } from './kpi';
import { formerIds, formerLabel, lineageOf, lineageSums, withLineage } from './lineage';

const ward = (id: string, name: string, more: Partial<Unit> = {}): Unit => ({
  id, code: '30000', name, kind: 'phuong', province: 'An Giang', validFrom: null, validTo: '2025-06-30', ...more,
});
const UNITS: Unit[] = [
  ward('long-xuyen', 'Phường Long Xuyên', {
    validFrom: '2025-07-01', validTo: null,
    formedFrom: [{ unitId: 'my-binh', whole: true }, { unitId: 'my-quy', whole: true }],
  }),
  ward('my-binh', 'Phường Mỹ Bình', { becamePartOf: [{ unitId: 'long-xuyen', whole: true }], successorId: 'long-xuyen' }),
  ward('my-quy', 'Phường Mỹ Quý', { becamePartOf: [{ unitId: 'long-xuyen', whole: true }], successorId: 'long-xuyen' }),
  ward('my-thoi', 'Phường Mỹ Thới', {
    validTo: null,
    formedFrom: [{ unitId: 'my-thanh', whole: true }],
    changes: [{ date: '2025-07-01', absorbed: [{ unitId: 'my-thanh', name: 'Phường Mỹ Thạnh' }] }],
  }),
  ward('my-thanh', 'Phường Mỹ Thạnh', { becamePartOf: [{ unitId: 'my-thoi', whole: true }] }),
  ward('vinh-te', 'Phường Vĩnh Tế', {
    validFrom: '2025-07-01', validTo: null,
    formedFrom: [{ unitId: 'nui-sam', whole: true }, { unitId: 'vinh-chau', whole: false }],
  }),
  ward('nui-sam', 'Phường Núi Sam', { becamePartOf: [{ unitId: 'vinh-te', whole: true }] }),
  ward('vinh-chau', 'Xã Vĩnh Châu', { kind: 'xa', becamePartOf: [{ unitId: 'vinh-te', whole: false }, { unitId: 'chau-doc', whole: false }] }),
];
const byId = new Map(UNITS.map((u) => [u.id, u]));
const unit = (id: string) => byId.get(id)!;

const INDICATORS: Indicator[] = [
  { id: 'poor_households_reduced', family: 'poverty', name: 'Hộ nghèo giảm', unit: 'household', aggregation: 'ytd', higherIsBetter: true },
  { id: 'budget_revenue_pct', family: 'budget', name: 'Tỷ lệ thu', unit: 'percent', aggregation: 'ytd', higherIsBetter: true, evenPace: true },
];
let n = 0;
const fig = (unitId: string, period: string, value: number, indicatorId = 'poor_households_reduced'): Observation => ({
  id: `o${++n}`, unitId, indicatorId, period, value, qualifier: 'exact', sourceId: 's', version: 1,
});

describe('lineageOf: the former units of a unit', () => {
  it('pairs a new unit with what formed it, on the day it was formed', () => {
    const [group] = lineageOf(unit('long-xuyen'), byId);
    expect(group).toMatchObject({ date: '2025-07-01', continuing: false });
    expect(group!.formers.map((f) => [f.unit.id, f.whole])).toEqual([['my-binh', true], ['my-quy', true]]);
  });

  it('pairs a continuing unit with what it absorbed at its boundary change', () => {
    const [group] = lineageOf(unit('my-thoi'), byId);
    expect(group).toMatchObject({ date: '2025-07-01', continuing: true });
    expect(group!.formers.map((f) => f.unit.id)).toEqual(['my-thanh']);
  });

  it('says which went in only in part, and a former unit has no lineage of its own', () => {
    const [group] = lineageOf(unit('vinh-te'), byId);
    expect(group!.formers.map((f) => formerLabel(f))).toEqual(['Phường Núi Sam (cũ)', 'Xã Vĩnh Châu (cũ, một phần)']);
    expect(lineageOf(unit('my-binh'), byId)).toEqual([]);
    expect(formerIds([group!, ...lineageOf(unit('long-xuyen'), byId)])).toEqual(['nui-sam', 'vinh-chau', 'my-binh', 'my-quy']);
  });
});

describe('lineageSums', () => {
  const groups = lineageOf(unit('long-xuyen'), byId);

  it('sums a period only where every former unit went in whole and reported it', () => {
    const obs = [fig('my-binh', '2024-Q4', 3), fig('my-quy', '2024-Q4', 4), fig('my-binh', '2024-Q2', 1)];
    const sums = lineageSums(obs, groups, INDICATORS, ['poor_households_reduced']);
    expect(sums.map((s) => [s.period, s.value])).toEqual([['2024-Q4', 7]]);
    expect(sums[0]!.parts.map((p) => p.unitId)).toEqual(['my-binh', 'my-quy']);
  });

  it('never sums a unit split between new units, nor percents', () => {
    const split = lineageOf(unit('vinh-te'), byId);
    expect(lineageSums([fig('nui-sam', '2024-Q4', 3), fig('vinh-chau', '2024-Q4', 4)], split, INDICATORS, ['poor_households_reduced'])).toEqual([]);
    const pct = [fig('my-binh', '2024-Q4', 90, 'budget_revenue_pct'), fig('my-quy', '2024-Q4', 95, 'budget_revenue_pct')];
    expect(lineageSums(pct, groups, INDICATORS, ['budget_revenue_pct'])).toEqual([]);
  });

  it('counts a continuing unit’s own figure before the change in its sum', () => {
    const mine = lineageOf(unit('my-thoi'), byId);
    expect(lineageSums([fig('my-thanh', '2024-Q4', 2)], mine, INDICATORS, ['poor_households_reduced'])).toEqual([]);
    const both = lineageSums([fig('my-thanh', '2024-Q4', 2), fig('my-thoi', '2024-Q4', 5)], mine, INDICATORS, ['poor_households_reduced']);
    expect(both.map((s) => s.value)).toEqual([7]);
  });
});

describe('withLineage: the former units on the trend', () => {
  it('adds each former unit as its own series, labelled as the former unit, beside the new unit’s, with the sum where whole and complete', () => {
    const obs = [fig('long-xuyen', '2026-Q1', 9), fig('my-binh', '2024-Q4', 3), fig('my-quy', '2024-Q4', 4), fig('my-binh', '2024-Q3', 2)];
    const own = buildChart({ observations: obs.filter((o) => o.unitId === 'long-xuyen'), units: [unit('long-xuyen')], indicators: INDICATORS, indicatorIds: ['poor_households_reduced'] });
    const chart = withLineage(own, { observations: obs, groups: lineageOf(unit('long-xuyen'), byId), indicators: INDICATORS, indicatorIds: ['poor_households_reduced'] });
    expect(chart.series.map((s) => s.label)).toEqual([
      'Phường Long Xuyên',
      'Phường Mỹ Bình (cũ)',
      'Phường Mỹ Quý (cũ)',
      'Phường Long Xuyên: cộng các đơn vị cũ',
    ]);
    const [self, binh, , sum] = chart.series.map((s) => s.key);
    expect(chart.rows.map((r) => r.period)).toEqual(['2024-Q3', '2024-Q4', '2026-Q1']);
    // never one line: the new unit's series has nothing before the day it was formed, the former ones nothing after
    expect(chart.rows.map((r) => r[self!])).toEqual([null, null, 9]);
    expect(chart.rows.map((r) => r[binh!])).toEqual([2, 3, null]);
    // the sum only for the period both reported
    expect(chart.rows.map((r) => r[sum!])).toEqual([null, 7, null]);
    expect(chart.boundaries).toEqual([{ period: '2026-Q1', label: '01/07/2025: thành lập Phường Long Xuyên' }]);
  });

  it('leaves the chart as it was without former figures', () => {
    const own = buildChart({ observations: [fig('long-xuyen', '2026-Q1', 9)], units: [unit('long-xuyen')], indicators: INDICATORS, indicatorIds: ['poor_households_reduced'] });
    expect(withLineage(own, { observations: [], groups: lineageOf(unit('long-xuyen'), byId), indicators: INDICATORS, indicatorIds: ['poor_households_reduced'] })).toBe(own);
  });
});
