import { describe, expect, it } from 'vitest';
import { countOnTrack, rankEntries, type RankEntry } from './ranking';

const at = (name: string, value: number | null, period: string | null = value === null ? null : '2026-Q1'): RankEntry => ({
  unitId: name.toLowerCase().replace(/\s+/g, '-'),
  name,
  value,
  period,
});

describe('rankEntries', () => {
  const entries = [at('Xã E', null), at('Xã B', 30), at('Xã A', 40), at('Xã C', 30), at('Xã D', 10), at('Xã F', 55, '2025-Q4')];

  it('ranks the best first, ties sharing a rank (dense: 1, 2, 2, 3), ties in name order', () => {
    const ranked = rankEntries(entries, '2026-Q1', true);
    expect(ranked.map((r) => [r.entry.name, r.rank])).toEqual([
      ['Xã A', 1],
      ['Xã B', 2],
      ['Xã C', 2],
      ['Xã D', 3],
      // a figure of another period is shown, not ranked; no figure: last
      ['Xã F', null],
      ['Xã E', null],
    ]);
  });

  it('ranks the lowest first when lower is better', () => {
    const ranked = rankEntries(entries, '2026-Q1', false);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 3, null, null]);
    expect(ranked.map((r) => r.entry.name).slice(0, 4)).toEqual(['Xã D', 'Xã B', 'Xã C', 'Xã A']);
  });

  it('orders names the Vietnamese way', () => {
    const ranked = rankEntries([at('Xã Ô Lâm', 1), at('Xã Óc Eo', 1), at('Xã An Cư', 1)], '2026-Q1', true);
    expect(ranked.map((r) => r.entry.name)).toEqual(['Xã An Cư', 'Xã Óc Eo', 'Xã Ô Lâm']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1]);
  });
});

describe('countOnTrack', () => {
  it('counts the units whose figure of the period meets the benchmark, out of every unit compared', () => {
    const entries = [at('A', 25), at('B', 24.9), at('C', 30), at('D', null), at('E', 90, '2025-Q4')];
    expect(countOnTrack(entries, '2026-Q1', { value: 25, isTarget: false }, true)).toEqual({ met: 2, total: 5, word: 'tiến độ' });
    expect(countOnTrack(entries, '2026-Q1', { value: 95, isTarget: true }, true)).toEqual({ met: 0, total: 5, word: 'mục tiêu' });
    expect(countOnTrack(entries, '2026-Q1', { value: 25, isTarget: false }, false).met).toBe(2);
  });
});
