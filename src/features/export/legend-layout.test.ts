import { describe, expect, it } from 'vitest';
import { layoutLegend } from './legend-layout';

const measure = (text: string, size: number) => text.length * size * 0.5;
const style = { size: 10, box: 10, boxGap: 5, gap: 10, lineHeight: 15 };
const item = (label: string) => ({ label, color: '#0072B2' });

describe('layoutLegend', () => {
  it('puts entries side by side while they fit, centred, and starts a row where they do not', () => {
    const { entries, height } = layoutLegend([item('Một'), item('Hai'), item('Ba bốn năm sáu')], { x0: 0, width: 100, y0: 0 }, style, measure);
    expect(entries.map((e) => [e.item.label, e.mid])).toEqual([
      ['Một', 7.5],
      ['Hai', 7.5],
      ['Ba bốn năm sáu', 22.5],
    ]);
    // the first row (30 + 10 + 30 wide) centred in 100
    expect(entries[0]!.x).toBe(15);
    expect(height).toBe(30);
  });

  it('wraps a label wider than the chart onto lines of its own, never cutting it', () => {
    const label = 'Nhà cất mới và sửa chữa – Phường Mỹ Thới';
    const { entries, height } = layoutLegend([item('Hộ nghèo giảm'), item(label)], { x0: 20, width: 120, y0: 100 }, style, measure);
    const long = entries[1]!;
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.lines.join(' ')).toBe(label);
    for (const line of long.lines) expect(measure(line, 10)).toBeLessThanOrEqual(120 - 15);
    expect(long.x).toBeGreaterThanOrEqual(20);
    expect(height).toBe(15 * (1 + long.lines.length));
  });
});
