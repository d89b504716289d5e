import { describe, expect, it } from 'vitest';
import { comparisonGeometry, labelColumnWidth, MAX_BAR, niceTicks, ROW_HEIGHT, truncateLabel } from './comparison-geometry';

const pct = (v: number) => `${v}%`;
const row = (label: string, value: number | null, benchmark: number | null = 50) => ({ label, values: [value], benchmark });

describe('niceTicks', () => {
  it('runs from 0 to a round number above the highest value', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 93, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 12e9, 5)).toEqual([0, 5e9, 10e9, 15e9]);
    expect(niceTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 10, 5)).toEqual([0, 5, 10]);
    expect(niceTicks(0, 13, 5)).toEqual([0, 5, 10, 15]);
  });
  it('takes in negative values and never collapses', () => {
    expect(niceTicks(-20, 40, 4)).toEqual([-20, 0, 20, 40]);
    expect(niceTicks(0, 0, 5)).toEqual([0, 1]);
  });
});

describe('truncateLabel', () => {
  it('keeps short names and cuts long ones at a word, with an ellipsis', () => {
    expect(truncateLabel('Phường Mỹ Thới', 146)).toEqual({ text: 'Phường Mỹ Thới', truncated: false });
    const cut = truncateLabel('Phường thử nghiệm 12 (dữ liệu giả lập)', 146);
    expect(cut.truncated).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(Math.floor(146 / 6.4));
    expect('Phường thử nghiệm 12 (dữ liệu giả lập)'.endsWith(cut.text) || 'thử nghiệm 12 (dữ liệu giả lập)'.startsWith(cut.text.slice(0, -1))).toBe(true);
    // on a phone, what tells the wards apart stays: the kind goes first
    expect(truncateLabel('Phường thử nghiệm 12 (dữ liệu giả lập)', 111).text).toBe('thử nghiệm 12…');
    expect(truncateLabel('Phường Mỹ Thạnh Trung', 100)).toEqual({ text: 'Mỹ Thạnh Trung', truncated: true });
  });
});

describe('comparisonGeometry', () => {
  const rows = [row('A', 100), row('B', null), row('C', 25)];
  const g = comparisonGeometry({ width: 600, rows, seriesCount: 1, formatAxis: pct });

  it('grows with the number of wards, one band each', () => {
    const more = comparisonGeometry({ width: 600, rows: [...rows, ...rows, ...rows], seriesCount: 1, formatAxis: pct });
    expect(more.height - g.height).toBe(6 * ROW_HEIGHT);
    expect(g.plot.height).toBe(3 * ROW_HEIGHT);
    expect(g.rows.map((r) => r.cy)).toEqual([0, 1, 2].map((i) => g.plot.top + (i + 0.5) * ROW_HEIGHT));
  });

  it('draws a bar from 0 in proportion to the value, and a gap (no bar) where a ward has no figure', () => {
    const [a, b, c] = g.rows;
    expect(a!.bars).toHaveLength(1);
    expect(a!.bars[0]!.x).toBeCloseTo(g.plot.left);
    expect(a!.bars[0]!.width).toBeCloseTo(g.plot.width); // 100 is the top tick
    expect(c!.bars[0]!.width).toBeCloseTo(g.plot.width / 4);
    expect(a!.bars[0]!.height).toBe(MAX_BAR);
    expect(b!.bars).toEqual([]);
  });

  it('labels the axis with formatted ticks inside the plot', () => {
    expect(g.ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(g.ticks[0]!.x).toBeCloseTo(g.plot.left);
    expect(g.ticks.at(-1)!.x).toBeCloseTo(g.plot.left + g.plot.width);
    expect(g.plot.left + g.plot.width).toBeLessThanOrEqual(600);
  });

  it('joins the same benchmark of consecutive wards into one dashed line', () => {
    expect(g.benchmarks).toHaveLength(1);
    expect(g.benchmarks[0]!.x).toBeCloseTo(g.plot.left + g.plot.width / 2);
    expect(g.benchmarks[0]!.y1).toBeGreaterThanOrEqual(g.plot.top);
    expect(g.benchmarks[0]!.y2).toBeLessThanOrEqual(g.plot.top + g.plot.height);
    const mixed = comparisonGeometry({ width: 600, rows: [row('A', 1, 50), row('B', 2, null), row('C', 3, 50)], seriesCount: 1, formatAxis: pct });
    expect(mixed.benchmarks).toHaveLength(2);
  });

  it('keeps a phone-wide chart readable: a narrower name column, fewer ticks', () => {
    const phone = comparisonGeometry({ width: 320, rows: [row('Phường thử nghiệm 12 (dữ liệu giả lập)', 60)], seriesCount: 1, formatAxis: pct });
    expect(labelColumnWidth(320)).toBeLessThan(150);
    expect(phone.plot.width).toBeGreaterThan(150);
    expect(phone.ticks.length).toBeLessThanOrEqual(5);
    expect(truncateLabel('Phường Mỹ Thạnh', labelColumnWidth(320) - 4).truncated).toBe(false);
    const tiny = comparisonGeometry({ width: 260, rows: [row('A', 60)], seriesCount: 1, formatAxis: pct });
    expect(tiny.ticks.length).toBeLessThanOrEqual(3);
    expect(phone.rows[0]!.truncated).toBe(true);
    expect(phone.rows[0]!.fullLabel).toBe('Phường thử nghiệm 12 (dữ liệu giả lập)');
  });

  it('splits the band between several series', () => {
    const two = comparisonGeometry({ width: 600, rows: [{ label: 'A', values: [10, 20], benchmark: null }], seriesCount: 2, formatAxis: pct });
    const [first, second] = two.rows[0]!.bars;
    expect(second!.y).toBeCloseTo(first!.y + first!.height);
    expect(first!.height * 2).toBeLessThanOrEqual(ROW_HEIGHT);
  });
});
