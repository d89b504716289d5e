import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text';

describe('foldText', () => {
  it('drops every Vietnamese diacritic and the case', () => {
    expect(foldText('MỸ THỚI')).toBe('my thoi');
    expect(foldText('Phường Mỹ Thới')).toBe('phuong my thoi');
    expect(foldText('Ấp Hưng Lợi, Bảy Núi, Ở Ửng')).toBe('ap hung loi, bay nui, o ung');
  });

  it('folds the tone mark placed on either vowel alike ("Hoà" and "Hòa")', () => {
    expect(foldText('Hoà')).toBe('hoa');
    expect(foldText('Hòa')).toBe('hoa');
    expect(foldText('Mỹ Hoà Hưng')).toBe(foldText('Mỹ Hòa Hưng'));
  });

  it('folds đ and Đ to d', () => {
    expect(foldText('Đ')).toBe('d');
    expect(foldText('Bình Đức, đặc khu')).toBe('binh duc, dac khu');
  });

  it('folds text typed with combining marks (decomposed) like text typed precomposed', () => {
    const decomposed = 'Mỹ Thới'.normalize('NFD');
    expect(decomposed).not.toBe('Mỹ Thới');
    expect(foldText(decomposed)).toBe('my thoi');
  });

  it('keeps digits, spaces and punctuation for the caller', () => {
    expect(foldText('P. Mỹ Thới – 30301')).toBe('p. my thoi – 30301');
  });
});
