import { describe, expect, it } from 'vitest';
import { rankingWindow, unitsNoun, type GapWords, type RankingLine } from './ranking-window';

interface TestUnit {
  unitId: string;
  label: string;
  rank: number | null;
}

/** `n` made-up communes (giả lập) in rank order, the last `missing` without a figure. */
const ranking = (n: number, missing = 0): TestUnit[] =>
  Array.from({ length: n }, (_, i) => ({ unitId: `u${i + 1}`, label: i % 4 === 0 ? `Phường Giả Lập ${i + 1}` : `Xã Giả Lập ${i + 1}`, rank: i < n - missing ? i + 1 : null }));
const WORDS: GapWords<TestUnit> = { noun: (run) => unitsNoun(run.map((u) => u.label)), unranked: 'chưa có số liệu' };
const describeLines = (lines: RankingLine<TestUnit>[]) => lines.map((l) => ('gap' in l ? l.gap : l.unit.unitId));

describe('rankingWindow', () => {
  it('keeps every unit of a ranking that fits', () => {
    expect(describeLines(rankingWindow(ranking(8), [], 8, WORDS))).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
  });

  it('shows the top and the bottom of a long ranking, the run between counted', () => {
    const lines = rankingWindow(ranking(102), [], 10, WORDS);
    expect(describeLines(lines)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', '⋯ 93 xã, phường khác', 'u99', 'u100', 'u101', 'u102']);
  });

  it('keeps the user’s own units wherever they stand, and counts the units with no figure apart', () => {
    const lines = rankingWindow(ranking(102, 6), ['u50', 'u101'], 12, WORDS);
    expect(lines.length).toBeLessThanOrEqual(12);
    const said = describeLines(lines);
    expect(said).toContain('u50');
    expect(said).toContain('u101');
    expect(said[0]).toBe('u1');
    expect(said).toContain('u96');
    // the runs left out and the units kept add up to all of them
    const counted = lines.reduce((n, l) => n + ('gap' in l ? l.count : 1), 0);
    expect(counted).toBe(102);
    expect(said.filter((s) => s.includes('chưa có số liệu'))).toEqual(['⋯ 4 xã, phường chưa có số liệu', '⋯ 1 xã chưa có số liệu']);
  });

  it('says a run without a rank in the caller’s words (a ranking of resolutions: "chưa có nghị quyết")', () => {
    const units = ranking(30, 10).map(({ unitId, rank }) => ({ unitId, rank: rank ?? undefined, kind: 'xa' as const }));
    const lines = rankingWindow(units, [], 8, { noun: () => 'xã', unranked: 'chưa có nghị quyết' });
    expect(lines.map((l) => ('gap' in l ? l.gap : l.unit.unitId))).toEqual(['u1', 'u2', 'u3', 'u4', '⋯ 14 xã khác', 'u19', 'u20', '⋯ 10 xã chưa có nghị quyết']);
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
