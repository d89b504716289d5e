import { describe, expect, it } from 'vitest';
import { comparePeriods, evenPacePercent, parsePeriod, periodEnd } from './periods';

describe('periods', () => {
  it('reads YYYY-Qn and refuses anything else', () => {
    expect(parsePeriod('2024-Q4')).toEqual({ year: 2024, quarter: 4 });
    for (const bad of ['2024-Q5', '2024-Q0', '2024Q4', '24-Q1', '', '2024-q4', '2024-Q4 ', '0000-Q1', '9999-Q4', '1999-Q4', '2101-Q1']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('knows where a period ends and the even pace of the year', () => {
    expect(periodEnd('2024-Q2')).toBe('2024-06-30');
    expect(periodEnd('2025-Q3')).toBe('2025-09-30');
    expect([1, 2, 3, 4].map((q) => evenPacePercent(`2024-Q${q}`))).toEqual([25, 50, 75, 100]);
  });

  it('orders periods by year, then quarter', () => {
    expect(['2025-Q1', '2024-Q4', '2024-Q2'].sort(comparePeriods)).toEqual(['2024-Q2', '2024-Q4', '2025-Q1']);
  });
});
