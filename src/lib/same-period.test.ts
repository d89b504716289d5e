import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Unit } from '../api/contract';
import { previousYearPeriod, samePeriodOf } from './same-period';
import { TEST_INDICATORS, TEST_UNITS } from './test-data';

const indicator = (id: string) => TEST_INDICATORS.find((i) => i.id === id)!;
const unit = (id: string) => TEST_UNITS.find((u) => u.id === id)!;
const households: Indicator = { id: 'poor_households_reduced', family: 'poverty', name: 'Hộ nghèo giảm', unit: 'household', aggregation: 'ytd', higherIsBetter: true };
const longXuyen: Unit = {
  id: 'long-xuyen', code: '30307', name: 'Phường Long Xuyên', kind: 'phuong', province: 'An Giang', validFrom: '2025-07-01', validTo: null,
  formedFrom: [{ unitId: 'my-binh', whole: true }, { unitId: 'my-quy', whole: true }],
};

let n = 0;
const fig = (unitId: string, indicatorId: string, period: string, value: number, more: Partial<Observation> = {}): Observation => ({
  id: `f${n++}`, unitId, indicatorId, period, value, qualifier: 'exact', sourceId: 's', version: 1, ...more,
});

describe('previousYearPeriod', () => {
  it('is the same cumulative span a year earlier', () => {
    expect(previousYearPeriod('2024-Q3')).toBe('2023-Q3');
    expect(previousYearPeriod('2026-Q1')).toBe('2025-Q1');
    expect(previousYearPeriod('2000-Q4')).toBeNull();
    expect(previousYearPeriod('9 tháng')).toBeNull();
  });
});

describe('pairing with the same period a year earlier', () => {
  it('compares amounts in percent and names the earlier span', () => {
    const now = fig('my-thanh', 'budget_revenue', '2024-Q3', 8.96e9);
    const all = [fig('my-thanh', 'budget_revenue', '2023-Q3', 8e9), fig('my-thanh', 'budget_revenue', '2023-Q4', 11e9), now];
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thanh'), all)).toMatchObject({
      kind: 'compared',
      period: '2023-Q3',
      previous: { value: 8e9 },
      change: 12,
      changeUnit: '%',
      text: 'so với 9 tháng 2023: +12%',
    });
  });

  it('compares percentages in points, a fall with its sign, and an unqualified figure as about', () => {
    const now = fig('my-thanh', 'health_insurance_coverage', '2024-Q2', 91.5);
    const before = fig('my-thanh', 'health_insurance_coverage', '2023-Q2', 90);
    expect(samePeriodOf(now, indicator('health_insurance_coverage'), unit('my-thanh'), [before, now])).toMatchObject({
      change: 1.5,
      changeUnit: 'điểm %',
      text: 'so với 6 tháng 2023: +1,5 điểm %',
    });
    const fell = fig('my-thanh', 'budget_revenue', '2024-Q4', 9e9, { qualifier: 'over' });
    expect(samePeriodOf(fell, indicator('budget_revenue'), unit('my-thanh'), [fig('my-thanh', 'budget_revenue', '2023-Q4', 12e9), fell])?.text).toBe(
      'so với Cả năm 2023: khoảng -25%',
    );
  });

  it('says a count from zero in its unit, and an unchanged figure as such', () => {
    const now = fig('my-thanh', 'poor_households_reduced', '2024-Q4', 3);
    expect(samePeriodOf(now, households, unit('my-thanh'), [fig('my-thanh', 'poor_households_reduced', '2023-Q4', 0), now])).toMatchObject({
      change: 3,
      changeUnit: 'hộ',
      text: 'so với Cả năm 2023: +3 hộ',
    });
    const same = fig('my-thanh', 'poor_households_reduced', '2025-Q4', 3);
    expect(samePeriodOf(same, households, unit('my-thanh'), [now, same])?.text).toBe('so với Cả năm 2024: không đổi');
  });

  it('makes no comparison without the figure of the same span a year earlier (another quarter does not stand in)', () => {
    const now = fig('my-thanh', 'budget_revenue', '2024-Q4', 12e9);
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thanh'), [fig('my-thanh', 'budget_revenue', '2023-Q3', 8e9), now])).toBeNull();
    // nor another unit's figure
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thanh'), [fig('my-binh', 'budget_revenue', '2023-Q4', 8e9), now])).toBeNull();
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thanh'), [now])).toBeNull();
  });
});

describe('across a boundary change', () => {
  it('does not compare a unit that absorbed another in between, and says so', () => {
    const now = fig('my-thoi', 'budget_revenue', '2026-Q1', 32e9);
    const before = fig('my-thoi', 'budget_revenue', '2025-Q1', 9e9);
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thoi'), [before, now])).toEqual({
      kind: 'not_compared',
      period: '2025-Q1',
      previous: before,
      text: 'Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025',
    });
  });

  it('does not compare a span that itself straddles the change (9 tháng 2025 holds months before and after 1 July)', () => {
    const now = fig('my-thoi', 'budget_revenue', '2026-Q3', 40e9);
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thoi'), [fig('my-thoi', 'budget_revenue', '2025-Q3', 30e9), now])?.kind).toBe('not_compared');
  });

  it('compares again once both spans have the new boundaries', () => {
    const now = fig('my-thoi', 'budget_revenue', '2027-Q1', 33e9);
    expect(samePeriodOf(now, indicator('budget_revenue'), unit('my-thoi'), [fig('my-thoi', 'budget_revenue', '2026-Q1', 30e9), now])?.text).toBe(
      'so với Quý I 2026: +10%',
    );
    // and before the change, both spans had the old ones
    const old = fig('my-thoi', 'budget_revenue', '2024-Q3', 8e9);
    expect(samePeriodOf(old, indicator('budget_revenue'), unit('my-thoi'), [fig('my-thoi', 'budget_revenue', '2023-Q3', 8e9), old])?.kind).toBe('compared');
  });

  it('does not compare a unit formed in between with what it reported in its first months', () => {
    const now = fig('long-xuyen', 'budget_revenue', '2026-Q3', 50e9);
    expect(samePeriodOf(now, indicator('budget_revenue'), longXuyen, [fig('long-xuyen', 'budget_revenue', '2025-Q3', 20e9), now])?.text).toBe(
      'Không so với 9 tháng 2025: đơn vị thành lập từ 01/07/2025',
    );
    // its former units' figures are not its own: nothing to compare, nothing to say
    expect(samePeriodOf(fig('long-xuyen', 'budget_revenue', '2026-Q1', 9e9), indicator('budget_revenue'), longXuyen, [fig('my-binh', 'budget_revenue', '2025-Q1', 4e9)])).toBeNull();
  });
});

describe('figures that are not comparable a year apart', () => {
  it('does not compare poor households across the poverty standard of 2027', () => {
    const now = fig('my-thanh', 'poor_households_reduced', '2027-Q4', 5);
    expect(samePeriodOf(now, households, unit('my-thanh'), [fig('my-thanh', 'poor_households_reduced', '2026-Q4', 9), now])?.text).toBe(
      'Không so với Cả năm 2026: chuẩn nghèo mới áp dụng từ năm 2027',
    );
    const next = fig('my-thanh', 'poor_households_reduced', '2028-Q4', 4);
    expect(samePeriodOf(next, households, unit('my-thanh'), [now, next])?.kind).toBe('compared');
  });

  it('does not compare percents of different bases, and pairs a percent with the one of its own basis', () => {
    const now = fig('my-thanh', 'budget_revenue_pct', '2024-Q3', 80, { basis: 'estimate' });
    const plan = fig('my-thanh', 'budget_revenue_pct', '2023-Q3', 70, { basis: 'plan' });
    expect(samePeriodOf(now, indicator('budget_revenue_pct'), unit('my-thanh'), [plan, now])?.text).toBe(
      'Không so với 9 tháng 2023: năm trước tính so với kế hoạch, năm nay so với dự toán năm',
    );
    const estimate = fig('my-thanh', 'budget_revenue_pct', '2023-Q3', 78, { basis: 'estimate' });
    expect(samePeriodOf(now, indicator('budget_revenue_pct'), unit('my-thanh'), [plan, estimate, now])?.text).toBe('so với 9 tháng 2023: +2 điểm %');
  });

  it('never pairs targets met, which count different resolutions’ targets', () => {
    const now = fig('my-thanh', 'resolution_targets_met', '2024-Q4', 10, { outOf: 11 });
    expect(samePeriodOf(now, indicator('resolution_targets_met'), unit('my-thanh'), [fig('my-thanh', 'resolution_targets_met', '2023-Q4', 9, { outOf: 12 }), now])).toBeNull();
  });
});
