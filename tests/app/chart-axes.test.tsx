/**
 * What the trend charts say, as a person reads them: every value axis says its unit and holds
 * one unit only (the poverty panel draws households and houses as two charts, and still shows
 * the money raised and the gifts); each legend swatch is the colour of its bars (targets met
 * dark, their totals lighter); the tooltip reads "Phường Mỹ Thới: 74%"; on a phone every
 * period keeps its label, and the note of a boundary change sits above the plot, clear of its
 * top tick and of the benchmark. Each chart is a picture until a person reaches for it, then
 * Recharts' chart with tooltips. (jsdom lays nothing out: the charts are told their width by a
 * ResizeObserver stub, so both are drawn; tests/e2e/regions.test.ts checks the same in
 * Chromium from the rendered text.)
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data';
import { MEASURE_NAMES } from '../../src/lib/vocabulary';
import { renderAt } from '../render';

let chartWidth = 800;
/** Reports `chartWidth` for every element observed. */
class SizedObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { width: chartWidth, height: 300, top: 0, left: 0, bottom: 300, right: chartWidth, x: 0, y: 0 } as DOMRectReadOnly;
    this.callback([{ target, contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
beforeAll(() => vi.stubGlobal('ResizeObserver', SizedObserver));
afterAll(() => vi.unstubAllGlobals());
afterEach(() => {
  chartWidth = 800;
});

const { indicators } = loadDataset();
const panel = (name: string) => screen.getByRole('region', { name });
const chartsOf = async (region: HTMLElement, count = 1) => {
  await waitFor(() => expect(region.querySelectorAll('svg[data-kpi-chart="trend"]').length).toBeGreaterThanOrEqual(count), { timeout: 8000 });
  return [...region.querySelectorAll<HTMLElement>('.trend-chart')];
};
const legendOf = (chart: Element) => [...chart.querySelectorAll('.chart-legend-text')].map((e) => e.textContent ?? '');
const axisUnitOf = (chart: Element) => chart.querySelector('svg[data-kpi-chart] .chart-axis-unit')?.textContent;
const periodTicksOf = (chart: Element) => [...chart.querySelectorAll('svg[data-kpi-chart] .chart-period')];
/** The value axis's tick labels: of the picture, or of the Recharts chart. */
const valueTicksOf = (svg: Element) => [...svg.querySelectorAll('text.chart-tick:not(.chart-period), .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')];
/** The bars' shapes: the picture's rects, or the paths of Recharts' bars. */
const barsOf = (chart: Element) => [...chart.querySelectorAll('svg[data-kpi-chart] rect[data-kpi-bar], svg[data-kpi-chart] .recharts-bar-rectangle path')];
/** A pointer over the picture: the Recharts chart, with its tooltips, takes its place. */
const reachFor = async (region: HTMLElement) => {
  fireEvent.pointerOver(region.querySelector('svg[data-kpi-chart]')!);
  await waitFor(() => expect(region.querySelector('.recharts-wrapper svg[data-kpi-chart="trend"]')).not.toBeNull(), { timeout: 8000 });
  return [...region.querySelectorAll<HTMLElement>('.trend-chart')];
};
/** The indicator a legend entry names ("Hộ nghèo giảm – Phường Mỹ Thới"). */
const indicatorOf = (label: string) => indicators.find((i) => label.startsWith(`${i.name} – `));

describe('the poverty panel’s charts', () => {
  it('draws households and houses on charts of their own, each axis saying its unit, and shows the money and the gifts', async () => {
    renderAt('/?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const poverty = panel('Giảm nghèo');
    const charts = await chartsOf(poverty, 2);
    expect(charts.map(axisUnitOf)).toEqual(['Đơn vị: hộ', 'Đơn vị: căn']);
    for (const chart of charts) {
      const units = new Set(legendOf(chart).map((l) => indicatorOf(l)?.unit));
      // one unit per axis, and the one it says
      expect(units.size).toBe(1);
      expect(axisUnitOf(chart)).toBe(`Đơn vị: ${MEASURE_NAMES[[...units][0]!]}`);
    }
    expect(legendOf(charts[0]!)).toContain('Hộ nghèo giảm – Phường Mỹ Thới');
    expect(legendOf(charts[1]!).sort()).toEqual([
      'Nhà bị hỏa hoạn được hỗ trợ – Phường Mỹ Bình',
      'Nhà cất mới và sửa chữa – Phường Mỹ Bình',
      'Nhà cất mới và sửa chữa – Phường Mỹ Thới',
    ]);
    // the money raised and the gifts are figures of the panel too
    const tiles = within(poverty).getByRole('list', { name: 'Số liệu chính: Phường Mỹ Thới' });
    expect(within(tiles).getByText('trên 528 triệu đồng')).toBeInTheDocument();
    expect(within(tiles).getByText('1.770 phần quà')).toBeInTheDocument();
  });

  it('says the unit on every other panel’s axis too: percent, targets', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    const [budget] = await chartsOf(panel('Thu ngân sách'));
    expect(axisUnitOf(budget!)).toBe('Đơn vị: %');
    const [targets] = await chartsOf(panel('Chỉ tiêu Nghị quyết'));
    expect(axisUnitOf(targets!)).toBe('Đơn vị: chỉ tiêu');
  });
});

describe('the legend', () => {
  it('gives each series the colour of its bars: targets met dark, their totals the same hue lighter', async () => {
    renderAt('/?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const [chart] = await chartsOf(panel('Chỉ tiêu Nghị quyết'));
    expect(legendOf(chart!)).toEqual(['Đạt – Phường Mỹ Bình', 'Tổng số chỉ tiêu – Phường Mỹ Bình', 'Đạt – Phường Mỹ Thới', 'Tổng số chỉ tiêu – Phường Mỹ Thới']);
    const swatches = [...chart!.querySelectorAll('.chart-legend .legend-swatch')].map((s) => s.getAttribute('fill'));
    // four series, four colours, and the bars are drawn in exactly those: in the picture first,
    // then in the chart that takes its place
    expect(new Set(swatches).size).toBe(4);
    const [woken] = await reachFor(panel('Chỉ tiêu Nghị quyết'));
    for (const drawn of [chart!, woken!]) {
      expect(barsOf(drawn).length).toBeGreaterThan(0);
      expect(new Set(barsOf(drawn).map((p) => p.getAttribute('fill')))).toEqual(new Set(swatches));
      // no bar is made lighter by transparency, where a swatch would not follow
      for (const p of barsOf(drawn)) expect(p.getAttribute('fill-opacity') ?? '1').toBe('1');
    }
  });
});

describe('the tooltip', () => {
  it('names the period, then each unit and its value: “Phường Mỹ Thới: 74%”', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    await chartsOf(panel('Thu ngân sách'));
    const [chart] = await reachFor(panel('Thu ngân sách'));
    const wrapper = chart!.querySelector<HTMLElement>('.recharts-wrapper')!;
    // the first of two periods (9 tháng 2024) lies in the left half of the plot
    fireEvent.mouseMove(wrapper, { clientX: 200, clientY: 150 });
    const tooltip = await waitFor(() => {
      const t = chart!.querySelector('.recharts-tooltip-wrapper');
      expect(t?.textContent).toContain('9 tháng 2024');
      return t!;
    });
    const items = [...tooltip.querySelectorAll('.recharts-tooltip-item')].map((li) => li.textContent);
    expect(items[0]).toBe('Phường Mỹ Thới: 74%');
    expect(items.join('\n')).not.toContain(' : ');
  });
});

describe('the picture first', () => {
  it('draws each trend as a picture with no chart library; the keyboard’s focus on it brings the chart with tooltips, focused in its place', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    const budget = panel('Thu ngân sách');
    const [chart] = await chartsOf(budget);
    const picture = chart!.querySelector<SVGElement>('svg[data-kpi-chart="trend"]')!;
    expect(chart!.querySelector('.recharts-wrapper')).toBeNull();
    expect(picture.getAttribute('role')).toBe('img');
    expect(picture.getAttribute('aria-label')).toContain('Phường Mỹ Thới');
    // its bars, without the values the exports write by them (the tooltips say them)
    expect(barsOf(chart!).length).toBeGreaterThan(0);
    expect(picture.querySelectorAll('.chart-value')).toHaveLength(0);
    picture.focus();
    expect(document.activeElement).toBe(picture);
    await waitFor(() => expect(budget.querySelector('.recharts-wrapper svg[data-kpi-chart="trend"]')).not.toBeNull(), { timeout: 8000 });
    await waitFor(() => expect(document.activeElement).toBe(budget.querySelector('.recharts-wrapper svg[data-kpi-chart="trend"]')));
    // the other panels keep their pictures
    expect(panel('Chỉ tiêu Nghị quyết').querySelector('.recharts-wrapper')).toBeNull();
  });
});

describe('on a phone', () => {
  it('keeps every period’s label under its bars, on two lines where one does not fit', async () => {
    chartWidth = 311;
    renderAt('/?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const [chart] = await chartsOf(panel('Thu ngân sách'));
    const ticks = periodTicksOf(chart!);
    expect(ticks.map((t) => t.textContent)).toEqual(['Cả năm 2022', '6 tháng 2023', '9 tháng 2024', 'Cả năm 2024']);
    // "6 tháng" over "2023"
    expect([...ticks[1]!.querySelectorAll('tspan')].map((t) => t.textContent?.trim())).toEqual(['6 tháng', '2023']);
  });

  it('writes the boundary change’s note above the plot, clear of the axis’s top tick and of the benchmark', async () => {
    chartWidth = 311;
    renderAt('/?unit=my-thoi&period=2026-Q1');
    const [chart] = await chartsOf(panel('Thu ngân sách'));
    const svg = chart!.querySelector('svg[data-kpi-chart]')!;
    const note = svg.querySelector('.chart-boundary text')!;
    expect(note.textContent).toBe('Thay đổi địa giới');
    const noteY = Number(note.getAttribute('y'));
    const ticks = valueTicksOf(svg);
    expect(ticks.map((t) => t.textContent)).toContain('100%');
    const topTickY = Math.min(...ticks.map((t) => Number(t.getAttribute('y'))));
    const dashes = [...svg.querySelectorAll('.chart-benchmark')];
    expect(dashes.length).toBeGreaterThan(0);
    const benchmarkY = Math.min(...dashes.map((l) => Number(l.getAttribute('y1'))));
    // the note's baseline, and the 11 px above it, are clear of the top tick's label (12 px, centred on its y) and of the dashes
    expect(noteY).toBeLessThan(topTickY - 6 - 2);
    expect(noteY).toBeLessThan(benchmarkY - 2);
    // and inside the chart
    const x = Number(note.getAttribute('x'));
    expect(x).toBeGreaterThan(40);
    expect(x).toBeLessThan(311 - 40);
  });
});
