import { describe, expect, it } from 'vitest';
import { viNumber } from './vi-number';

const formats = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }));
const intl = (value: number, digits: number) => formats[digits]!.format(value);

/** A small seeded generator (mulberry32): the same values every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a number written as vi-VN writes it', () => {
  it('groups thousands with a dot and writes decimals after a comma', () => {
    expect(viNumber(1770, 2)).toBe('1.770');
    expect(viNumber(88.44, 2)).toBe('88,44');
    expect(viNumber(12_000_000_000, 0)).toBe('12.000.000.000');
    expect(viNumber(-1234.5, 2)).toBe('-1.234,5');
    expect(viNumber(0.05, 2)).toBe('0,05');
  });

  it('rounds the shortest decimal form half away from zero, as Intl does', () => {
    expect(viNumber(1.005, 2)).toBe('1,01');
    expect(viNumber(2.675, 2)).toBe('2,68');
    expect(viNumber(9.995, 2)).toBe('10');
    expect(viNumber(0.5, 0)).toBe('1');
    expect(viNumber(-2.5, 0)).toBe('-3');
    expect(viNumber(0.006, 2)).toBe('0,01');
    expect(viNumber(0.004, 2)).toBe('0');
    expect(viNumber(-0.04, 1)).toBe('-0');
  });

  it('writes the same text as Intl for edge cases and 20,000 seeded numbers of every size', () => {
    const values = [0, -0, 1, -1, 0.1, 0.125, 0.135, 999.995, 999_999.5, 1e21, 1.5e300, 5e-7, 5e-324, 1.2345678901234567e19, 1.0000000000000002, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, NaN, Infinity, -Infinity];
    const random = seeded(20261203);
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 24 - 8);
      const value = (random() - 0.3) * magnitude;
      // halves and short decimals, where rounding decides
      values.push(value, Math.round(value * 1000) / 1000 + 0.0005, Math.round(value * 100) / 100);
    }
    const wrong: string[] = [];
    for (const v of values) {
      for (const digits of [0, 1, 2, 3]) if (viNumber(v, digits) !== intl(v, digits)) wrong.push(`${v} (${digits}): ${viNumber(v, digits)} ≠ ${intl(v, digits)}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
