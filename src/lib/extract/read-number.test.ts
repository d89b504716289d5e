import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../format';
import { parseViNumber, readQuantity, readViValue, scanQuantities } from './read-number';
import { foldForMatch } from './normalize-text';

describe('parseViNumber', () => {
  it.each([
    ['88,44', 88.44],
    ['1.770', 1770],
    ['2.487', 2487],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['03', 3],
    ['07', 7],
    ['12', 12],
    ['0,5', 0.5],
    ['3.7', 3.7], // English decimal point, accepted and flagged by the scanner
  ])('%s → %d', (raw, value) => expect(parseViNumber(raw)).toBe(value));

  it.each(['', 'abc', '1.2345', '12,', '.5', '1..2'])('rejects %j', (raw) => expect(parseViNumber(raw)).toBeNull());
});

describe('readQuantity', () => {
  it.each([
    ['6,1 tỉ', 'money', 6.1e9, 'exact'],
    ['6,1 tỷ đồng', 'money', 6.1e9, 'exact'],
    ['trên 12 tỉ đồng', 'money', 12e9, 'over'],
    ['tren 3,7 tỉ đồng', 'money', 3.7e9, 'over'],
    ['hơn 500 triệu đồng', 'money', 5e8, 'over'],
    ['gần 2,6 tỉ đồng', 'money', 2.6e9, 'nearly'],
    ['khoảng 150 nghìn đồng', 'money', 1.5e5, 'about'],
    ['7 tỷ 265 triệu', 'money', 7.265e9, 'exact'],
    ['7 tỷ 265 triệu 500 nghìn đồng', 'money', 7265500000, 'exact'],
    ['528 triệu đồng', 'money', 528e6, 'exact'],
    ['1.200.000 đồng', 'money', 1.2e6, 'exact'],
    ['5 ngàn đồng', 'money', 5000, 'exact'],
    ['88,44%', 'percent', 88.44, 'exact'],
    ['trên 50,17 %', 'percent', 50.17, 'over'],
    ['03 hộ', 'count', 3, 'exact'],
    ['07 căn', 'count', 7, 'exact'],
    ['1.770 phần quà', 'count', 1770, 'exact'],
  ] as const)('%s', (text, kind, value, qualifier) => {
    const q = readQuantity(text);
    expect(q).toMatchObject({ kind, qualifier });
    expect(q!.value).toBeCloseTo(value, 6);
  });

  it('"đồng chí" is not money', () => {
    expect(readQuantity('3.890 đồng chí')).toMatchObject({ kind: 'count', value: 3890 });
  });

  it('reads x/y as a fraction', () => {
    expect(readQuantity('đạt 10/11 chỉ tiêu')).toMatchObject({ kind: 'fraction', value: 10, outOf: 11 });
  });

  it('marks "ước" as estimated', () => {
    expect(readQuantity('ước đạt trên 15 tỷ đồng')).toMatchObject({ value: 15e9, qualifier: 'over', estimated: true });
    expect(readQuantity('đạt 15 tỷ đồng')).toMatchObject({ estimated: false });
  });

  it('does not read "tỷ lệ" as a scale', () => {
    expect(readQuantity('trên 8 tỷ lệ 74%')).toMatchObject({ kind: 'count', value: 8 });
  });

  it('reads decomposed (NFD) text', () => {
    expect(readViValue('trên 12 tỉ đồng'.normalize('NFD'))).toBe(12e9);
    expect(readQuantity('khoảng 2 triệu'.normalize('NFD'))).toMatchObject({ qualifier: 'about' });
  });

  it('flags the English decimal point and ranges it cannot keep', () => {
    expect(readQuantity('3.7 tỉ')!.note).toMatch(/thập phân/);
    expect(readQuantity('dưới 5%')!.unrepresentable).toBe(true);
    expect(readQuantity('từ 3 đến 5 hộ')!.unrepresentable).toBe(true);
  });

  it('reads a compound amount as one quantity', () => {
    expect(scanQuantities(foldForMatch('là 5 tỷ 480 triệu đồng, đạt 52,3%')).map((q) => q.value)).toEqual([5.48e9, 52.3]);
  });

  it('skips dates and term spans', () => {
    const found = scanQuantities(foldForMatch('ngày 17/7/2024, nhiệm kỳ 2020-2025, sáng ngày 08-7'));
    expect(found).toEqual([]);
  });
});

describe('round trip with the vi-VN formatters', () => {
  it('formatNumber → parseViNumber gives the number back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const n = whole + cents / 100;
        expect(parseViNumber(formatNumber(n))).toBeCloseTo(n, 2);
      }),
    );
  });

  it('integers format with a thousands dot and read back exactly', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(readViValue(formatNumber(n))).toBe(n);
      }),
    );
  });

  it('percents read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (hundredths) => {
        const p = hundredths / 100;
        const q = readQuantity(`${formatNumber(p)}%`);
        expect(q?.kind).toBe('percent');
        expect(q!.value).toBeCloseTo(p, 6);
      }),
    );
  });

  it('formatMoney → readQuantity gives the amount back', () => {
    const amounts = fc.oneof(
      fc.integer({ min: 1, max: 999_999 }), // đồng
      fc.integer({ min: 100, max: 99_999 }).map((n) => n * 10_000), // triệu, two decimals
      fc.integer({ min: 100, max: 10_000_000 }).map((n) => n * 10_000_000), // tỷ, two decimals
    );
    fc.assert(
      fc.property(amounts, fc.constantFrom('', 'trên ', 'gần ', 'khoảng '), (vnd, word) => {
        const q = readQuantity(`${word}${formatMoney(vnd)}`);
        expect(q?.kind).toBe('money');
        expect(Math.abs(q!.value - vnd)).toBeLessThanOrEqual(Math.max(1, vnd * 1e-12));
        expect(q!.qualifier).toBe({ '': 'exact', 'trên ': 'over', 'gần ': 'nearly', 'khoảng ': 'about' }[word]);
      }),
    );
  });
});
