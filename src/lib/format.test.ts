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
    expect(formatMoney(40_890_000_000)).toBe('40,89 tỷ đồng');
    expect(formatMoney(950_000)).toBe('950.000 đồng');
  });

  it('never writes three decimals of tỷ: tỷ and triệu, as the reports say it, exactly', () => {
    expect(formatMoney(40_888_000_000)).toBe('40 tỷ 888 triệu đồng');
    expect(formatMoney(7_265_000_000)).toBe('7 tỷ 265 triệu đồng');
    expect(formatMoney(1_234_567_890_000)).toBe('1.234 tỷ 567,89 triệu đồng');
    expect(formatMoney(12_005_500_000)).toBe('12 tỷ 5,5 triệu đồng');
    expect(formatQualified(40_888_000_000, 'vnd', 'over')).toBe('trên 40 tỷ 888 triệu đồng');
    for (const vnd of [40_888_000_000, 7_265_000_000, 3_141_592_653, 12_000_000_000, 99_999_000_000]) {
      expect(formatMoney(vnd)).not.toMatch(/,\d{3}/);
    }
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
