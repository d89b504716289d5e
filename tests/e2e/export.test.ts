/**
 * Exports in a real browser against the production build served by the real server:
 * for each panel, click PNG, SVG and CSV, take the download and check what is in it.
 * The files are kept in test-results/export/ to be looked at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SVG, ensureBuilt, LEGEND_TEXT, launchChromium, ROOT, startServer, type RunningBrowser, type RunningServer } from './harness';
import { parseCsv } from '../csv-reader';

const OUT = join(ROOT, 'test-results/export');
const QUERY = '?unit=my-thoi&period=2024-Q4';
const PANELS = [
  { slug: 'thu-ngan-sach', title: 'Thu ngân sách' },
  { slug: 'giam-ngheo', title: 'Giảm nghèo' },
  { slug: 'bao-hiem-y-te', title: 'Bảo hiểm y tế' },
  { slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết' },
];

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer();
  browser = await launchChromium({ width: 1280, height: 900 });
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${server.url}/${QUERY}`);
  await page.waitForFunction(
    ({ sel, n }) => document.querySelectorAll(sel).length === n,
    { sel: CHART_SVG, n: PANELS.length },
    { timeout: 30_000 },
  );
  await page.evaluate(() => document.fonts.ready);
}

const panel = (page: Page, slug: string) => page.locator(`section[data-panel="${slug}"]`);

async function download(page: Page, slug: string, format: 'PNG' | 'SVG' | 'CSV'): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    panel(page, slug).getByRole('button', { name: new RegExp(format) }).click(),
  ]);
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  const { readFileSync } = await import('node:fs');
  return { d, bytes: readFileSync(path) };
}

/** Width, height, bit depth and colour type from a PNG's signature and IHDR chunk. */
function readPngHeader(bytes: Buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24], colorType: bytes[25] };
}

describe('export of each panel, production build on the real server', () => {
  beforeAll(async () => {
    await openDashboard(browser.page);
  });

  for (const { slug, title } of PANELS) {
    describe(title, () => {
      it('PNG: named for its content, at least twice the on-screen size, white, not blank', async () => {
        const page = browser.page;
        const onScreen = (await panel(page, slug).boundingBox())!;
        const chartBox = (await panel(page, slug).locator('svg[data-kpi-chart]').boundingBox())!;
        const { d, bytes } = await download(page, slug, 'PNG');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam.png`);

        const header = readPngHeader(bytes);
        expect(header.width).toBeGreaterThanOrEqual(2 * onScreen.width);
        expect(header.height).toBeGreaterThanOrEqual(2 * chartBox.height);

        // decode in the page itself and sample its pixels
        const stats = await page.evaluate(async (b64) => {
          const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
          let ink = 0;
          let transparent = 0;
          const colours = new Set<number>();
          for (let i = 0; i < data.length; i += 16) {
            const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
            if (a < 255) transparent++;
            if (r < 200 || g < 200 || b < 200) ink++;
            colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
          }
          const corner = [...ctx.getImageData(2, 2, 1, 1).data];
          // the title's band (top 60 px at 1×) has dark red ink
          const title = ctx.getImageData(0, 0, bitmap.width, Math.round(bitmap.height * 0.08)).data;
          let titleInk = 0;
          for (let i = 0; i < title.length; i += 4) if (title[i]! > 120 && title[i + 1]! < 80 && title[i + 2]! < 80) titleInk++;
          return { width: bitmap.width, height: bitmap.height, inkShare: ink / (data.length / 16), transparent, colours: colours.size, corner, titleInk };
        }, bytes.toString('base64'));
        expect(stats.width).toBe(header.width);
        expect(stats.corner).toEqual([255, 255, 255, 255]);
        expect(stats.transparent).toBe(0);
        expect(stats.inkShare).toBeGreaterThan(0.02);
        expect(stats.colours).toBeGreaterThan(8);
        expect(stats.titleInk).toBeGreaterThan(100);
      });

      it('SVG: parses, and carries the title with its diacritics, the legend, the font and the sources', async () => {
        const page = browser.page;
        const { d, bytes } = await download(page, slug, 'SVG');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam.svg`);
        const text = bytes.toString('utf8');
        const legend = await panel(page, slug).locator(LEGEND_TEXT).allTextContents();
        const result = await page.evaluate(async (svg) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
          // and it opens as an image
          const img = new Image();
          img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
          await img.decode();
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            root: doc.documentElement.localName,
            ns: doc.documentElement.namespaceURI,
            fontFamily: doc.documentElement.getAttribute('font-family'),
            style: doc.querySelector('style')?.textContent ?? '',
            texts,
            size: [img.naturalWidth, img.naturalHeight],
          };
        }, text);
        expect(result.error).toBeNull();
        expect(result.root).toBe('svg');
        expect(result.ns).toBe('http://www.w3.org/2000/svg');
        expect(result.texts).toContain(title);
        expect(result.texts).toContain('Phường Mỹ Thới · Cả năm 2024');
        for (const label of legend) expect(result.texts).toContain(label);
        expect(result.texts.some((t) => t.startsWith('Xuất lúc '))).toBe(true);
        expect(result.texts).toContain('Nguồn:');
        expect(result.style).toMatch(/@font-face\{font-family:'Be Vietnam Pro'.*src:url\(data:font\/woff2;base64,/);
        expect(result.fontFamily).toMatch(/^'Be Vietnam Pro', .*sans-serif$/);
        expect(result.size[0]).toBeGreaterThan(500);
      });

      it('CSV: UTF-8 with BOM, and parses back to the figures on screen', async () => {
        const page = browser.page;
        const { d, bytes } = await download(page, slug, 'CSV');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam.csv`);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(bytes.toString('utf8').slice(1));
        expect(rows[0]).toEqual(['Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'Trên tổng số', 'Đơn vị tính', 'Mức độ', 'Số liệu như báo cáo', 'Nguồn']);
        for (const r of rows) expect(r).toHaveLength(9);

        const p = panel(page, slug);
        const details = p.locator('details.data-table');
        if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
        await p.locator('details.data-table tbody tr').first().waitFor();
        const onScreen = await p.locator('details.data-table tbody tr').evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
        expect(onScreen.length).toBeGreaterThan(0);
        // unit, period, indicator, the value as reported, the source: exactly the table's rows
        const fromCsv = rows.slice(1).map((r) => [r[0], r[1], r[2], r[7], r[8]]);
        expect(fromCsv).toEqual(onScreen);
        for (const r of rows.slice(1)) expect(Number.isFinite(Number(r[3]))).toBe(true);
      });
    });
  }
});

describe('export of a comparison (5 wards: one bar per ward, drawn by hand)', () => {
  const WARDS = ['my-thoi', 'my-binh', 'my-quy', 'my-thanh', 'long-xuyen'];
  const NAMES = ['Phường Mỹ Thới', 'Phường Mỹ Bình', 'Phường Mỹ Quý', 'Phường Mỹ Thạnh', 'Phường Long Xuyên'];
  const slug = 'thu-ngan-sach';
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${server.url}/?${WARDS.map((w) => `unit=${w}`).join('&')}&period=2024-Q4`);
    await page.waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length === n, { sel: CHART_SVG, n: PANELS.length }, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('is found by the same marker as the trend charts', async () => {
    expect(await panel(page, slug).locator('svg[data-kpi-chart]').getAttribute('data-kpi-chart')).toBe('comparison');
    expect(await panel(page, slug).locator('.recharts-wrapper').count()).toBe(0);
  });

  it('SVG: carries its bars, the ward names, the axis, the dashed benchmark and the legend', async () => {
    const onScreen = await panel(page, slug).locator('svg[data-kpi-chart] .kpi-bar').count();
    expect(onScreen).toBeGreaterThan(0);
    const legend = await panel(page, slug).locator(LEGEND_TEXT).allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(2);
    const { d, bytes } = await download(page, slug, 'SVG');
    expect(d.suggestedFilename()).toMatch(new RegExp(`^${slug}_.*\\.svg$`));
    const result = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const chart = doc.querySelector('g.chart');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        bars: chart?.querySelectorAll('rect.kpi-bar').length ?? 0,
        barFills: [...(chart?.querySelectorAll('rect.kpi-bar') ?? [])].map((r) => r.getAttribute('fill')),
        dashed: chart?.querySelectorAll('line[stroke-dasharray]').length ?? 0,
        chartTexts: [...(chart?.querySelectorAll('text') ?? [])].map((t) => t.textContent ?? ''),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, bytes.toString('utf8'));
    expect(result.error).toBeNull();
    expect(result.bars).toBe(onScreen);
    expect(new Set(result.barFills)).toEqual(new Set(['#0072B2']));
    expect(result.dashed).toBeGreaterThanOrEqual(1);
    for (const name of NAMES) expect(result.chartTexts).toContain(name);
    expect(result.chartTexts).toEqual(expect.arrayContaining(['0%', '50%', '100%']));
    for (const label of legend) expect(result.texts).toContain(label);
    expect(result.texts).toContain('Nguồn:');
  });

  it('PNG: at twice the size, with the bars in their colour', async () => {
    const chartBox = (await panel(page, slug).locator('svg[data-kpi-chart]').boundingBox())!;
    const { bytes } = await download(page, slug, 'PNG');
    const header = readPngHeader(bytes);
    expect(header.height).toBeGreaterThanOrEqual(2 * chartBox.height);
    const blue = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let n = 0; // the series colour #0072B2
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - 0x00) < 12 && Math.abs(data[i + 1]! - 0x72) < 12 && Math.abs(data[i + 2]! - 0xb2) < 12) n++;
      return n;
    }, bytes.toString('base64'));
    // two bars of about 18 px × 100+ px at 2×, and the legend's box
    expect(blue).toBeGreaterThan(2000);
  });
});

describe('export progress and failure', () => {
  it('shows progress while an export runs and cannot be pressed twice', async () => {
    const page = await browser.context.newPage();
    try {
      await openDashboard(page);
      // slow the encoding down so that the busy state can be seen
      await page.evaluate(() => {
        const toBlob = HTMLCanvasElement.prototype.toBlob;
        HTMLCanvasElement.prototype.toBlob = function (...args: Parameters<typeof toBlob>) {
          setTimeout(() => toBlob.apply(this, args), 1500);
        };
      });
      let downloads = 0;
      page.on('download', () => downloads++);
      const p = panel(page, 'thu-ngan-sach');
      await p.getByRole('button', { name: 'Tải PNG' }).click();
      const busy = p.getByRole('button', { name: /Đang tạo PNG/ });
      await expect.poll(() => busy.isDisabled()).toBe(true);
      expect(await busy.getAttribute('aria-busy')).toBe('true');
      await busy.dispatchEvent('click');
      await expect.poll(() => downloads, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => p.getByRole('button', { name: 'Tải PNG' }).isEnabled()).toBe(true);
      await page.waitForTimeout(300);
      expect(downloads).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('says so in Vietnamese when it fails, leaves the page as it was, and works on retry', async () => {
    const page = await browser.context.newPage();
    try {
      await openDashboard(page);
      const before = await page.evaluate(() => document.body.querySelectorAll('*').length);
      // the browser fails to encode the image (as with a canvas too large for it)
      await page.evaluate(() => {
        const w = window as unknown as { realToBlob: typeof HTMLCanvasElement.prototype.toBlob };
        w.realToBlob = HTMLCanvasElement.prototype.toBlob;
        HTMLCanvasElement.prototype.toBlob = (callback) => setTimeout(() => callback(null), 50);
      });
      const p = panel(page, 'giam-ngheo');
      let downloads = 0;
      page.on('download', () => downloads++);
      await p.getByRole('button', { name: 'Tải PNG' }).click();
      const alert = p.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('Không xuất được tệp PNG cho “Giảm nghèo”');
      expect(downloads).toBe(0);
      // nothing left behind: the alert is the only new element, the charts are still drawn
      expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(before + 1);
      expect(await page.locator('a[download], body > canvas, body > img').count()).toBe(0);
      expect(await page.locator(CHART_SVG).count()).toBe(PANELS.length);
      await expect.poll(() => p.getByRole('button', { name: 'Tải PNG' }).isEnabled()).toBe(true);

      await page.evaluate(() => {
        HTMLCanvasElement.prototype.toBlob = (window as unknown as { realToBlob: typeof HTMLCanvasElement.prototype.toBlob }).realToBlob;
      });
      const [d] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'Tải PNG' }).click()]);
      expect(d.suggestedFilename()).toBe('giam-ngheo_my-thoi_2024-ca-nam.png');
      await expect.poll(() => p.getByRole('alert').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('the whole page on paper', () => {
  it('has a print button that calls window.print()', async () => {
    const page = browser.page;
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'In / Xuất PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  it('prints A4 landscape with the filters and date on top, no controls, panels kept whole', async () => {
    const page = browser.page;
    await page.emulateMedia({ media: 'print' });
    try {
      const header = page.locator('.print-header');
      expect(await header.isVisible()).toBe(true);
      const headerText = (await header.textContent()) ?? '';
      expect(headerText).toContain('Phường Mỹ Thới');
      expect(headerText).toContain('Cả năm 2024');
      expect(headerText).toMatch(/In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      const visibleControls = await page.locator('button, select, input').evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0).length,
      );
      expect(visibleControls).toBe(0);
      const breaks = await page.locator('section.panel').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakInside));
      expect(breaks).toEqual(PANELS.map(() => 'avoid'));
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, 'dashboard.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    // A4 landscape: 842 × 595 points
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
  });

  it('raised no page errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
