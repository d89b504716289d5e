/**
 * The regions and the charts in Chromium, at a laptop's 1440 px and a phone's 375 px: the other
 * figures of the reports in their themed regions; every period's label drawn under its bars on
 * a phone (read from the rendered tick texts, none overlapping another); the boundary change's
 * note clear of the axis and of the 100 % benchmark; legend swatches in the bars' colours; the
 * tooltip's text; and panels without figures kept short on a phone. Screenshots:
 * test-results/e2e/regions-*.png.
 *
 * Run against the production build (dist/, built when stale); `DIST_DIR=…` serves another build
 * instead, as the server reads it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchChromium, saveScreenshot, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

let server: RunningServer;
let laptop: RunningBrowser;
let phone: RunningBrowser;

beforeAll(async () => {
  if (!process.env.DIST_DIR) await ensureBuilt();
  server = await startServer();
  laptop = await launchChromium({ width: 1440, height: 900 });
  phone = await launchChromium({ width: 375, height: 667 });
});
afterAll(async () => {
  await laptop?.close();
  await phone?.close();
  await server?.stop();
});

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await waitForPanels(page);
}

const THEMES = ['Xây dựng Đảng', 'Kinh tế – việc làm', 'Văn hóa – xã hội'];

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Each trend chart of a panel: its period labels and value-axis ticks as drawn, the note of a boundary change, the benchmark's dashes, its box. */
function trendCharts(page: Page, panel: string) {
  return page.getByRole('region', { name: panel }).evaluate((region) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return [...region.querySelectorAll('svg[data-kpi-chart="trend"]')].map((svg) => ({
      svg: box(svg),
      unit: svg.querySelector('.chart-axis-unit')?.textContent ?? null,
      periods: [...svg.querySelectorAll('.chart-period')].map(box),
      // the picture's value ticks, or Recharts' once it has taken the picture's place
      values: [...svg.querySelectorAll('text.chart-tick:not(.chart-period), .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map(box),
      notes: [...svg.querySelectorAll('.chart-boundary text')].map(box),
      benchmarks: [...svg.querySelectorAll('.chart-benchmark')].map(box),
    }));
  });
}

describe('the other figures’ regions', () => {
  it('are on the page at 1440 px, by theme, each with its figures and its chart', async () => {
    const { page } = laptop;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    for (const theme of THEMES) {
      const region = page.getByRole('region', { name: theme });
      expect(await region.getByRole('list', { name: 'Số liệu chính' }).getByRole('listitem').count(), theme).toBeGreaterThan(0);
      expect(await region.locator('svg[data-kpi-chart]').count(), theme).toBeGreaterThan(0);
      for (const format of ['PNG', 'SVG', 'CSV']) expect(await region.getByRole('button', { name: new RegExp(format) }).count()).toBe(1);
    }
    const party = await page.getByRole('region', { name: 'Xây dựng Đảng' }).getByRole('list', { name: 'Số liệu chính' }).innerText();
    expect(party).toContain('13/13 đảng viên');
    await saveScreenshot(page, 'regions-1440');
    expect(laptop.errors).toEqual([]);
  });

  it('and the poverty panel’s two charts, each axis with its unit', async () => {
    const { page } = laptop;
    await open(page, '?unit=my-thoi&unit=my-binh&period=2024-Q4');
    expect((await trendCharts(page, 'Giảm nghèo')).map((c) => c.unit)).toEqual(['Đơn vị: hộ', 'Đơn vị: căn']);
    await page.getByRole('region', { name: 'Giảm nghèo' }).screenshot({ path: 'test-results/e2e/regions-poverty-1440.png' });
  });
});

describe('the charts’ legends and tooltips', () => {
  it('draw each legend swatch in its bars’ colour (targets met dark, totals light)', async () => {
    const { page } = laptop;
    await open(page, '?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const colours = await page.getByRole('region', { name: 'Chỉ tiêu Nghị quyết' }).evaluate((region) => {
      const fill = (el: Element) => getComputedStyle(el).fill;
      return {
        swatches: [...region.querySelectorAll('.chart-legend rect.legend-swatch')].map(fill),
        bars: [...new Set([...region.querySelectorAll('svg[data-kpi-chart] rect[data-kpi-bar]')].map(fill))],
        opacities: [...new Set([...region.querySelectorAll('svg[data-kpi-chart] rect[data-kpi-bar]')].map((p) => getComputedStyle(p).fillOpacity))],
      };
    });
    expect(colours.swatches).toHaveLength(4);
    expect(new Set(colours.swatches).size).toBe(4);
    expect(colours.bars.sort()).toEqual([...colours.swatches].sort());
    expect(colours.opacities).toEqual(['1']);
  });

  it('write the tooltip as “Phường Mỹ Thới: 74%”', async () => {
    const { page } = laptop;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    const budget = page.getByRole('region', { name: 'Thu ngân sách' });
    // the pointer over the picture brings the chart with tooltips in its place
    await budget.locator('svg[data-kpi-chart] rect[data-kpi-bar]').first().hover();
    // then on the 9-month bar (74%), the first of two periods
    await budget.locator('svg[data-kpi-chart] .recharts-bar-rectangle path').first().hover();
    const tooltip = budget.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tooltip.innerText()).toContain('9 tháng 2024');
    const items = await tooltip.locator('.recharts-tooltip-item').allInnerTexts();
    expect(items[0]!.replace(/\s+/g, ' ').trim()).toBe('Phường Mỹ Thới: 74%');
  });

  it('show a touched bar’s figures on a phone at the first touch, without taking the keyboard’s focus', async () => {
    const touch = await launchChromium({ width: 375, height: 667, touch: true });
    try {
      const { page } = touch;
      await open(page, '?unit=my-thoi&period=2024-Q4');
      const budget = page.getByRole('region', { name: 'Thu ngân sách' });
      // one touch on the picture's bar of the whole year (100%), the second of two periods: the
      // chart with tooltips takes its place and says that bar's figures
      await budget.locator('svg[data-kpi-chart="trend"] rect[data-kpi-bar]').nth(1).tap();
      const tooltip = budget.locator('.recharts-tooltip-wrapper');
      await expect.poll(() => tooltip.innerText().catch(() => ''), { timeout: 10_000 }).toContain('Cả năm 2024');
      const items = await tooltip.locator('.recharts-tooltip-item').allInnerTexts();
      expect(items[0]!.replace(/\s+/g, ' ').trim()).toBe('Phường Mỹ Thới: 100%');
      expect(await page.evaluate(() => document.activeElement?.closest('svg[data-kpi-chart]') ?? null)).toBeNull();
      await saveScreenshot(page, 'regions-touch-375', false);
      expect(touch.errors).toEqual([]);
    } finally {
      await touch.close();
    }
  });
});

describe('at 375 px', () => {
  it('draws every period’s label under its bars, none overlapping another, inside the chart', async () => {
    const { page } = phone;
    await open(page, '?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const [budget] = await trendCharts(page, 'Thu ngân sách');
    expect(budget!.periods.map((p) => p.text)).toEqual(['Cả năm 2022', '6 tháng 2023', '9 tháng 2024', 'Cả năm 2024']);
    const [targets] = await trendCharts(page, 'Chỉ tiêu Nghị quyết');
    expect(targets!.periods.map((p) => p.text)).toEqual(['6 tháng 2023', 'Cả năm 2024']);
    for (const panel of ['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết', ...THEMES]) {
      for (const chart of await trendCharts(page, panel)) {
        chart.periods.forEach((p, i) => {
          expect(p.left, `${panel}: ${p.text}`).toBeGreaterThanOrEqual(chart.svg.left - 0.5);
          expect(p.right, `${panel}: ${p.text}`).toBeLessThanOrEqual(chart.svg.right + 0.5);
          const next = chart.periods[i + 1];
          if (next) expect(overlaps(p, next), `${panel}: ${p.text} / ${next.text}`).toBe(false);
        });
      }
    }
    await saveScreenshot(page, 'regions-375');
    await page.getByRole('region', { name: 'Thu ngân sách' }).screenshot({ path: 'test-results/e2e/regions-budget-375.png' });
    expect(phone.errors).toEqual([]);
  });

  it('writes the boundary change’s note clear of the value axis and of the 100 % benchmark', async () => {
    const { page } = phone;
    await open(page, '?unit=my-thoi&period=2026-Q1');
    const [budget] = await trendCharts(page, 'Thu ngân sách');
    expect(budget!.notes.map((n) => n.text)).toEqual(['Thay đổi địa giới']);
    const note = budget!.notes[0]!;
    expect(budget!.values.map((v) => v.text)).toContain('100%');
    for (const tick of budget!.values) expect(overlaps(note, tick), `${note.text} / ${tick.text}`).toBe(false);
    for (const dash of budget!.benchmarks) expect(overlaps(note, dash), 'note / benchmark').toBe(false);
    expect(note.left).toBeGreaterThanOrEqual(budget!.svg.left);
    expect(note.right).toBeLessThanOrEqual(budget!.svg.right);
    await page.getByRole('region', { name: 'Thu ngân sách' }).screenshot({ path: 'test-results/e2e/regions-boundary-375.png' });
  });

  it('keeps a panel without figures short', async () => {
    const { page } = phone;
    await open(page, '?unit=my-thoi&period=2021-Q1');
    const heights = await page.locator('section[data-panel]').evaluateAll((panels) => panels.map((p) => p.getBoundingClientRect().height));
    expect(heights).toHaveLength(7);
    // each well under half of a 667 px screen
    for (const h of heights) expect(h).toBeLessThan(200);
    expect(await page.getByRole('region', { name: 'Xây dựng Đảng' }).innerText()).toContain('Chưa có số liệu');
    await saveScreenshot(page, 'regions-empty-375');
  });
});
