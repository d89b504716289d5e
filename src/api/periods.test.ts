import { describe, expect, it } from 'vitest';
import { evenPacePercent, parsePeriod, periodEnd, periodLabel, periodSlug } from './periods';

describe('periods', () => {
  it('reads YYYY-Qn and refuses anything else', () => {
    expect(parsePeriod('2024-Q4')).toEqual({ year: 2024, quarter: 4 });
    for (const bad of ['2024-Q5', '2024-Q0', '2024Q4', '24-Q1', '', '2024-q4', '2024-Q4 ']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('names a period as the reports do', () => {
    expect(periodLabel('2024-Q4')).toBe('Cả năm 2024');
    expect(periodLabel('2024-Q3')).toBe('9 tháng 2024');
    expect(periodLabel('2024-Q2')).toBe('6 tháng 2024');
    expect(periodLabel('2026-Q1')).toBe('Quý I 2026');
    expect(periodSlug('2024-Q4')).toBe('2024-ca-nam');
  });

  it('knows where a period ends and the even pace of the year', () => {
    expect(periodEnd('2024-Q2')).toBe('2024-06-30');
    expect(periodEnd('2025-Q3')).toBe('2025-09-30');
    expect([1, 2, 3, 4].map((q) => evenPacePercent(`2024-Q${q}`))).toEqual([25, 50, 75, 100]);
  });
});
