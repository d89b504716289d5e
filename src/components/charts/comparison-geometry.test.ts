import { describe, expect, it } from 'vitest';
import { niceTicks } from './axis-ticks';
import { comparisonGeometry, labelColumnWidth, LINE_HEIGHT, MAX_BAR, ROW_HEIGHT, wrapLabel } from './comparison-geometry';
import { textWidth } from './text-width';

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

describe('wrapLabel', () => {
  it('keeps a name that fits on one line, and wraps a long one at spaces, never cutting it', () => {
    expect(wrapLabel('Phường Mỹ Thới', 146)).toEqual(['Phường Mỹ Thới']);
    const long = 'Phường thử nghiệm 12 (dữ liệu giả lập)';
    const lines = wrapLabel(long, 146);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(long);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(146);
    // on a phone: more lines, still every word
    const phone = wrapLabel(long, 100);
    expect(phone.length).toBeGreaterThan(2);
    expect(phone.join(' ')).toBe(long);
    expect(phone.join(' ')).not.toContain('…');
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

  it('keeps a phone-wide chart readable: a narrower name column, fewer ticks, long names wrapped in a taller band', () => {
    const name = 'Phường thử nghiệm 12 (dữ liệu giả lập)';
    const phone = comparisonGeometry({ width: 320, rows: [row(name, 60), row('A', 10)], seriesCount: 1, formatAxis: pct });
    expect(labelColumnWidth(320)).toBeLessThan(150);
    expect(phone.plot.width).toBeGreaterThan(150);
    expect(phone.ticks.length).toBeLessThanOrEqual(5);
    expect(wrapLabel('Phường Mỹ Thạnh', labelColumnWidth(320, ['Phường Mỹ Thạnh']) - 4)).toEqual(['Phường Mỹ Thạnh']);
    const tiny = comparisonGeometry({ width: 260, rows: [row('A', 60)], seriesCount: 1, formatAxis: pct });
    expect(tiny.ticks.length).toBeLessThanOrEqual(3);
    const [wrapped, short] = phone.rows;
    expect(wrapped!.lines.length).toBeGreaterThan(1);
    expect(wrapped!.lines.join(' ')).toBe(name);
    expect(wrapped!.fullLabel).toBe(name);
    // the wrapped name's band holds its lines; the next band starts below it
    expect(wrapped!.height).toBeGreaterThanOrEqual(wrapped!.lines.length * LINE_HEIGHT);
    expect(short!.top).toBe(wrapped!.top + wrapped!.height);
    expect(short!.height).toBe(ROW_HEIGHT);
  });

  it('gives the names on a wide chart the room they need, up to a third of it', () => {
    const names = ['Xã Vĩnh Thạnh Trung', 'Phường Long Xuyên'];
    const wide = comparisonGeometry({ width: 900, rows: names.map((n) => row(n, 50)), seriesCount: 1, formatAxis: pct });
    expect(wide.rows.map((r) => r.lines)).toEqual(names.map((n) => [n]));
    expect(wide.plot.left).toBeGreaterThanOrEqual(textWidth('Xã Vĩnh Thạnh Trung'));
    expect(wide.plot.left).toBeLessThanOrEqual(900 / 3 + 10);
  });

  it('writes the rank before each name ("–" for a unit not ranked), the value after each bar, and marks no figure', () => {
    const ranked = comparisonGeometry({
      width: 600,
      rows: [
        { label: 'A', values: [80], benchmark: null, rank: 1, valueLabel: '80%' },
        { label: 'B', values: [80], benchmark: null, rank: 1, valueLabel: '80%', mine: true },
        { label: 'C', values: [null], benchmark: null, rank: null },
      ],
      seriesCount: 1,
      formatAxis: pct,
    });
    expect(ranked.rows.map((r) => r.rankLabel)).toEqual(['1', '1', '–']);
    expect(ranked.rows.map((r) => r.mine)).toEqual([false, true, false]);
    expect(ranked.rankX).toBeLessThan(ranked.labelX);
    const a = ranked.rows[0]!;
    expect(a.value!.x).toBeGreaterThan(a.bars[0]!.x + a.bars[0]!.width);
    expect(a.value!.text).toBe('80%');
    // the value fits inside the chart
    expect(a.value!.x + 3 * 6).toBeLessThanOrEqual(600);
    expect(ranked.rows[2]).toMatchObject({ empty: true, value: null, bars: [] });
    // not a ranking: no rank column
    expect(g.rows[0]!.rankLabel).toBeNull();
  });

  it('splits the band between several series', () => {
    const two = comparisonGeometry({ width: 600, rows: [{ label: 'A', values: [10, 20], benchmark: null }], seriesCount: 2, formatAxis: pct });
    const [first, second] = two.rows[0]!.bars;
    expect(second!.y).toBeCloseTo(first!.y + first!.height);
    expect(first!.height * 2).toBeLessThanOrEqual(ROW_HEIGHT);
  });
});
