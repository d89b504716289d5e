import { describe, expect, it } from 'vitest';
import { rankingWindow, unitsNoun, type WindowItem } from './ranking-window';

/** `n` made-up communes (giả lập) in rank order, the last `missing` without a figure. */
const ranking = (n: number, missing = 0) =>
  Array.from({ length: n }, (_, i) => ({ unitId: `u${i + 1}`, label: i % 4 === 0 ? `Phường Giả Lập ${i + 1}` : `Xã Giả Lập ${i + 1}`, rank: i < n - missing ? i + 1 : null }));
const describeItems = (items: WindowItem[]) => items.map((it) => ('gap' in it ? it.gap : String(it.row.unitId)));

describe('rankingWindow', () => {
  it('keeps every unit of a ranking that fits', () => {
    expect(describeItems(rankingWindow(ranking(8), [], 8))).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
  });

  it('shows the top and the bottom of a long ranking, the run between counted', () => {
    const items = rankingWindow(ranking(102), [], 10);
    expect(describeItems(items)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', '⋯ 93 xã, phường khác', 'u99', 'u100', 'u101', 'u102']);
  });

  it('keeps the user’s own units wherever they stand, and counts the units with no figure apart', () => {
    const items = rankingWindow(ranking(102, 6), ['u50', 'u101'], 12);
    expect(items.length).toBeLessThanOrEqual(12);
    const said = describeItems(items);
    expect(said).toContain('u50');
    expect(said).toContain('u101');
    expect(said[0]).toBe('u1');
    expect(said).toContain('u96');
    // the runs left out and the units drawn add up to all of them
    const counted = items.reduce((n, it) => n + ('gap' in it ? it.count : 1), 0);
    expect(counted).toBe(102);
    expect(said.filter((s) => s.includes('chưa có số liệu'))).toEqual(['⋯ 4 xã, phường chưa có số liệu', '⋯ 1 xã chưa có số liệu']);
  });
});

describe('unitsNoun', () => {
  it('names the kind the units are, the more numerous first', () => {
    expect(unitsNoun(['Phường Mỹ Thới', 'Phường Mỹ Bình'])).toBe('phường');
    expect(unitsNoun(['Xã Mỹ Hòa Hưng', 'Đặc khu Phú Quốc'])).toBe('xã');
    expect(unitsNoun(['Xã A', 'Xã B', 'Phường C'])).toBe('xã, phường');
    expect(unitsNoun(['Phường A', 'Phường B', 'Xã C'])).toBe('phường, xã');
  });
});
