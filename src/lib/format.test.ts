import { describe, expect, it } from 'vitest';
import { formatBarValue, formatDate, formatMoney, formatNumber, formatQualified, formatValue } from './format';

describe('vi-VN formatting', () => {
  it('writes numbers with a decimal comma and a thousands dot', () => {
    expect(formatNumber(88.44)).toBe('88,44');
    expect(formatNumber(1770)).toBe('1.770');
    expect(formatNumber(12.5)).toBe('12,5');
  });

  it('writes money in tỷ and triệu đồng', () => {
    expect(formatMoney(12_000_000_000)).toBe('12 tỷ đồng');
    expect(formatMoney(12_500_000_000)).toBe('12,5 tỷ đồng');
    expect(formatMoney(528_000_000)).toBe('528 triệu đồng');
    expect(formatMoney(7_265_000_000)).toBe('7,265 tỷ đồng');
    expect(formatMoney(950_000)).toBe('950.000 đồng');
  });

  it('keeps the qualifier with the value', () => {
    expect(formatQualified(12e9, 'vnd', 'over')).toBe('trên 12 tỷ đồng');
    expect(formatQualified(2.6e9, 'vnd', 'nearly')).toBe('gần 2,6 tỷ đồng');
    expect(formatQualified(80.82, 'percent', 'over')).toBe('trên 80,82%');
    expect(formatQualified(1770, 'gift', 'exact')).toBe('1.770 phần quà');
    expect(formatValue(10, 'target', 11)).toBe('10/11 chỉ tiêu');
  });

  it('writes the value after a bar short, its unit left to the axis', () => {
    expect(formatBarValue(29.95, 'percent')).toBe('29,95%');
    expect(formatBarValue(12_500_000_000, 'vnd')).toBe('12,5 tỷ');
    expect(formatBarValue(1770, 'household')).toBe('1.770');
  });

  it('writes dates day first', () => {
    expect(formatDate('2024-12-30')).toBe('30/12/2024');
  });
});
