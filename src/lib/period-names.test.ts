import { describe, expect, it } from 'vitest';
import { periodLabel, periodSlug } from './period-names';

describe('period names', () => {
  it('names a period as the reports do', () => {
    expect(periodLabel('2024-Q4')).toBe('Cả năm 2024');
    expect(periodLabel('2024-Q3')).toBe('9 tháng 2024');
    expect(periodLabel('2024-Q2')).toBe('6 tháng 2024');
    expect(periodLabel('2026-Q1')).toBe('Quý I 2026');
    expect(periodSlug('2024-Q4')).toBe('2024-ca-nam');
  });
});
