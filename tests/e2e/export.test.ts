/**
 * Exports in a real browser against the production build served by the real server: for each
 * panel, click PNG, SVG and CSV, take the download and check what is in it; the same files from
 * a phone; the slide image; a province of 102 communes (the synthetic figures, "giả lập"), whose
 * images and print stay bounded; and the page on paper (page.pdf(), read back with pdftotext and
 * pdfinfo). The files are kept in test-results/export/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SVG, ensureBuilt, LEGEND_TEXT, launchChromium, ROOT, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';
import { parseCsv } from '../csv-reader';

const run = promisify(execFile);
const OUT = join(ROOT, 'test-results/export');
const QUERY = '?unit=my-thoi&period=2024-Q4';
const PANELS = [
  { slug: 'thu-ngan-sach', title: 'Thu ngân sách' },
  { slug: 'giam-ngheo', title: 'Giảm nghèo' },
  { slug: 'bao-hiem-y-te', title: 'Bảo hiểm y tế' },
  { slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết' },
];
const MENU = 'PowerPoint, Excel, Word';
/** The PNG is drawn 960 px wide whatever the screen (its charts at a fixed width), so 1,920 at 2×. */
const PNG_WIDTH_2X = 1920;

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

async function openDashboard(page: Page, query = QUERY, url = server.url): Promise<void> {
  await page.goto(`${url}/${query}`);
  await waitForPanels(page, 60_000);
}

const panel = (page: Page, slug: string) => page.locator(`section[data-panel="${slug}"]`);

async function keep(d: Download, prefix = ''): Promise<Buffer> {
  const path = join(OUT, `${prefix}${d.suggestedFilename()}`);
  await d.saveAs(path);
  return readFileSync(path);
}

async function download(page: Page, slug: string, format: 'PNG' | 'SVG' | 'CSV', prefix = ''): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    panel(page, slug).getByRole('button', { name: new RegExp(format) }).click(),
  ]);
  return { d, bytes: await keep(d, prefix) };
}

/** The slide image from the panel's menu, as a user chooses it. */
async function slide(page: Page, slug: string, size: '1920×1080' | '3840×2160', prefix = ''): Promise<{ d: Download; bytes: Buffer }> {
  await panel(page, slug).getByRole('button', { name: MENU }).click();
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    panel(page, slug).getByRole('menuitem', { name: `Ảnh trình chiếu ${size}` }).click(),
  ]);
  return { d, bytes: await keep(d, prefix) };
}

/** Width, height, bit depth and colour type from a PNG's signature and IHDR chunk. */
function readPngHeader(bytes: Buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24], colorType: bytes[25] };
}

/** The texts of an SVG document, parsed in the page. */
function svgTexts(page: Page, svg: string, selector = 'text'): Promise<string[]> {
  return page.evaluate(
    ({ svg, selector }) => [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll(selector)].map((t) => t.textContent ?? ''),
    { svg, selector },
  );
}

/** A digest of a PNG's pixels in rows [0, rows), decoded in the page. */
function pixelDigest(page: Page, png: Buffer, rows: number): Promise<string> {
  return page.evaluate(
    async ({ b64, rows }) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, rows);
      const digest = await crypto.subtle.digest('SHA-256', data);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    },
    { b64: png.toString('base64'), rows },
  );
}

/** pdftotext's text of each page, and pdfinfo's title, page count and page size. */
async function readPdf(pdf: Buffer, name: string): Promise<{ pages: string[]; title: string; size: string }> {
  const path = join(OUT, name);
  writeFileSync(path, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 32 << 20 });
  const { stdout: info } = await run('pdfinfo', [path]);
  const field = (f: string) => new RegExp(`^${f}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  const pages = text
    .normalize('NFC')
    .split('\f')
    .slice(0, Number(field('Pages')));
  return { pages, title: field('Title'), size: field('Page size') };
}

describe('export of each panel, production build on the real server', () => {
  beforeAll(async () => {
    await openDashboard(browser.page);
  });

  for (const { slug, title } of PANELS) {
    describe(title, () => {
      it('PNG: named for its content and resolution, 1,920 px wide at 2× whatever the screen, white, not blank', async () => {
        const page = browser.page;
        const { d, bytes } = await download(page, slug, 'PNG');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam_2x.png`);

        const header = readPngHeader(bytes);
        expect(header.width).toBe(PNG_WIDTH_2X);
        expect(header.height).toBeGreaterThan(600);
        expect(header.height).toBeLessThan(4000);

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
          const title = ctx.getImageData(0, 0, bitmap.width, 120).data;
          let titleInk = 0;
          for (let i = 0; i < title.length; i += 4) if (title[i]! > 120 && title[i + 1]! < 80 && title[i + 2]! < 80) titleInk++;
          return { width: bitmap.width, inkShare: ink / (data.length / 16), transparent, colours: colours.size, corner, titleInk };
        }, bytes.toString('base64'));
        expect(stats.width).toBe(header.width);
        expect(stats.corner).toEqual([255, 255, 255, 255]);
        expect(stats.transparent).toBe(0);
        expect(stats.inkShare).toBeGreaterThan(0.02);
        expect(stats.colours).toBeGreaterThan(8);
        expect(stats.titleInk).toBeGreaterThan(100);
      });

      it('SVG: parses, and carries the title with its diacritics, the legend, every period, the values on the bars, the font and the sources', async () => {
        const page = browser.page;
        const { d, bytes } = await download(page, slug, 'SVG');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam.svg`);
        const text = bytes.toString('utf8');
        const legend = await panel(page, slug).locator(LEGEND_TEXT).allTextContents();
        const periods = await panel(page, slug).locator(`${CHART_SVG.replace('section[data-panel] ', '')} .chart-period`).allTextContents();
        const result = await page.evaluate(async (svg) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const texts = (sel: string) => [...doc.querySelectorAll(sel)].map((t) => t.textContent ?? '');
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
            texts: texts('text'),
            periods: texts('g.chart .chart-period'),
            values: texts('g.chart .chart-value'),
            bars: doc.querySelectorAll('g.chart rect.kpi-bar').length,
            size: [img.naturalWidth, img.naturalHeight],
          };
        }, text);
        expect(result.error).toBeNull();
        expect(result.root).toBe('svg');
        expect(result.ns).toBe('http://www.w3.org/2000/svg');
        expect(result.texts).toContain(title);
        expect(result.texts).toContain('Phường Mỹ Thới · Cả năm 2024');
        for (const label of legend) expect(result.texts).toContain(label);
        // every period the chart on screen names, and a value for every bar
        expect(periods.length).toBeGreaterThan(0);
        expect(new Set(result.periods)).toEqual(new Set(periods));
        expect(result.values).toHaveLength(result.bars);
        expect(result.texts.some((t) => t.startsWith('Xuất lúc '))).toBe(true);
        expect(result.texts).toContain('Nguồn:');
        expect(result.style).toMatch(/@font-face\{font-family:'Be Vietnam Pro'.*src:url\(data:font\/woff2;base64,/);
        expect(result.fontFamily).toMatch(/^'Be Vietnam Pro', .*sans-serif$/);
        expect(result.size[0]).toBe(PNG_WIDTH_2X / 2);
      });

      it('CSV: UTF-8 with BOM, and parses back to the figures on screen', async () => {
        const page = browser.page;
        const { d, bytes } = await download(page, slug, 'CSV');
        expect(d.suggestedFilename()).toBe(`${slug}_my-thoi_2024-ca-nam.csv`);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(bytes.toString('utf8').slice(1));
        const width = rows[0]!.length;
        expect(rows[0]!.slice(0, 4)).toEqual(['Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị']);
        for (const r of rows) expect(r).toHaveLength(width);

        const p = panel(page, slug);
        const details = p.locator('details.data-table');
        if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
        await p.locator('details.data-table tbody tr').first().waitFor();
        const rowsOnScreen = await p.locator('details.data-table tbody tr').count();
        expect(rowsOnScreen).toBeGreaterThan(0);
        expect(rows.length - 1).toBe(rowsOnScreen);
        const value = rows[0]!.indexOf('Giá trị');
        for (const r of rows.slice(1)) expect(Number.isFinite(Number(r[value]))).toBe(true);
      });
    });
  }

  it('PNG at 3×: 2,880 px wide, named apart from the 2× file', async () => {
    const page = browser.page;
    await panel(page, 'bao-hiem-y-te').getByRole('combobox', { name: 'Độ nét ảnh' }).selectOption('3');
    try {
      const { d, bytes } = await download(page, 'bao-hiem-y-te', 'PNG');
      expect(d.suggestedFilename()).toBe('bao-hiem-y-te_my-thoi_2024-ca-nam_3x.png');
      expect(readPngHeader(bytes).width).toBe((PNG_WIDTH_2X / 2) * 3);
    } finally {
      await panel(page, 'bao-hiem-y-te').getByRole('combobox', { name: 'Độ nét ảnh' }).selectOption('2');
    }
  });

  it('slide image: 1920 × 1080 and 3840 × 2160, named for its size', async () => {
    const page = browser.page;
    const hd = await slide(page, 'chi-tieu-nghi-quyet', '1920×1080');
    expect(hd.d.suggestedFilename()).toBe('chi-tieu-nghi-quyet_my-thoi_2024-ca-nam_trinh-chieu-1920x1080.png');
    expect(readPngHeader(hd.bytes)).toMatchObject({ width: 1920, height: 1080 });
    const uhd = await slide(page, 'chi-tieu-nghi-quyet', '3840×2160');
    expect(uhd.d.suggestedFilename()).toBe('chi-tieu-nghi-quyet_my-thoi_2024-ca-nam_trinh-chieu-3840x2160.png');
    expect(readPngHeader(uhd.bytes)).toMatchObject({ width: 3840, height: 2160 });
  });
});

describe('the same files from a phone', () => {
  it('SVG and slide image made at 375 px are those made at 1280 px: every period named, nothing dropped', async () => {
    const phone = await browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 375, height: 800 });
      await openDashboard(phone);
      const desk = browser.page;
      for (const slug of ['thu-ngan-sach', 'chi-tieu-nghi-quyet']) {
        const onDesk = (await download(desk, slug, 'SVG', 'desktop-')).bytes.toString('utf8');
        const onPhone = (await download(phone, slug, 'SVG', 'phone-')).bytes.toString('utf8');
        // the same drawing, but for the minute of export
        const timeless = (svg: string) => svg.replace(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g, '');
        expect(timeless(onPhone)).toBe(timeless(onDesk));
        const periods = await svgTexts(phone, onPhone, 'g.chart .chart-period');
        expect(periods.length).toBeGreaterThan(0);
        for (const p of periods) expect(p).toMatch(/^(Quý I|6 tháng|9 tháng|Cả năm) \d{4}$/);

        const deskSlide = (await slide(desk, slug, '1920×1080', 'desktop-')).bytes;
        const phoneSlide = (await slide(phone, slug, '1920×1080', 'phone-')).bytes;
        expect(readPngHeader(phoneSlide)).toMatchObject({ width: 1920, height: 1080 });
        // every pixel above the footer (which says the minute of export) is the same
        expect(await pixelDigest(desk, phoneSlide, 1000)).toBe(await pixelDigest(desk, deskSlide, 1000));
      }
    } finally {
      await phone.close();
    }
  });
});

describe('export of a comparison (5 wards: one bar per ward, drawn by hand)', () => {
  const WARDS = ['my-thoi', 'my-binh', 'my-quy', 'my-thanh', 'long-xuyen'];
  const NAMES = ['Phường Mỹ Thới', 'Phường Mỹ Bình', 'Phường Mỹ Quý', 'Phường Mỹ Thạnh', 'Phường Long Xuyên'];
  const slug = 'thu-ngan-sach';
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await openDashboard(page, `?${WARDS.map((w) => `unit=${w}`).join('&')}&period=2024-Q4`);
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

  it('PNG: with the bars in their colour', async () => {
    const { bytes } = await download(page, slug, 'PNG');
    expect(readPngHeader(bytes).width).toBe(PNG_WIDTH_2X);
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
    // bars of about 36 px × 100+ px at 2×, and the legend's box
    expect(blue).toBeGreaterThan(2000);
  });
});

describe('the province: 102 communes ranked (synthetic figures, giả lập)', () => {
  let synthetic: RunningServer;
  let page: Page;
  const QUERY_PROVINCE = '?unit=an-giang&period=2026-Q1';

  beforeAll(async () => {
    synthetic = await startServer({ KPI_SEED: 'synthetic' });
    page = await browser.context.newPage();
    await openDashboard(page, QUERY_PROVINCE, synthetic.url);
  });
  afterAll(async () => {
    await page?.close();
    await synthetic?.stop();
  });

  it('PNG and SVG: under 4,000 px at 2×, the units counted, the top and bottom of the ranking, the sources summarized', async () => {
    const { d, bytes } = await download(page, 'thu-ngan-sach', 'PNG', 'province-');
    expect(d.suggestedFilename()).toBe('thu-ngan-sach_102-don-vi_2026-quy-1_2x.png');
    const header = readPngHeader(bytes);
    expect(header.width).toBe(PNG_WIDTH_2X);
    expect(header.height).toBeLessThanOrEqual(4000);

    const svg = (await download(page, 'thu-ngan-sach', 'SVG', 'province-')).bytes.toString('utf8');
    const texts = await svgTexts(page, svg);
    expect(texts).toContain('Tỉnh An Giang · 102 xã, phường · Quý I 2026');
    expect(texts.some((t) => /^Nguồn: \d+ báo cáo — danh sách trong tệp CSV\/Excel$/.test(t))).toBe(true);
    const rows = await svgTexts(page, svg, 'g.chart .comparison-label, g.chart .comparison-gap');
    expect(rows.length).toBeLessThanOrEqual(40);
    const gaps = rows.filter((r) => r.startsWith('⋯'));
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    const counted = gaps.reduce((n, g) => n + Number(/^⋯ (\d+) /.exec(g)![1]), 0);
    expect(rows.length - gaps.length + counted).toBe(102);
    // the first units of the ranking on screen lead the image's
    const onScreen = await panel(page, 'thu-ngan-sach').locator('svg[data-kpi-chart] .comparison-label').allTextContents();
    expect(onScreen).toHaveLength(102);
    const ranked = await panel(page, 'thu-ngan-sach').locator('svg[data-kpi-chart] .comparison-row').evaluateAll((gs) =>
      gs
        .map((g) => ({ y: Number(/translate\(0 ([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]), name: g.querySelector('.comparison-label')?.textContent ?? '' }))
        .sort((a, b) => a.y - b.y)
        .map((r) => r.name),
    );
    expect(rows.slice(0, 5)).toEqual(ranked.slice(0, 5));
  });

  it('slide image: 1920 × 1080', async () => {
    const { bytes } = await slide(page, 'thu-ngan-sach', '1920×1080', 'province-');
    expect(readPngHeader(bytes)).toMatchObject({ width: 1920, height: 1080 });
  });

  it('on paper: each page headed and numbered, the ranking cut for paper and whole on one page, the panels without figures left out', async () => {
    const empty = await page.locator('section[data-panel]').filter({ has: page.locator('.panel-state') }).locator('h2').allTextContents();
    // the synthetic figures cover the four main families only: the others have none for the period
    expect(empty.length).toBeGreaterThan(0);
    const ranking = await panel(page, 'thu-ngan-sach').locator('.chart-legend-text').allTextContents();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const { pages, title } = await readPdf(pdf, 'province.pdf');
    expect(title).toBe('Tỉnh An Giang · 102 xã, phường – Quý I 2026 – Chỉ tiêu Nghị quyết');
    // not the 23 pages of 102-row charts: each panel on paper still lists every report it cites,
    // and the resolutions' table counts every commune's targets (102 rows, about six pages)
    expect(pages.length).toBeLessThanOrEqual(18);
    pages.forEach((text, i) => {
      expect(text).toContain('Phường, xã: Tỉnh An Giang · 102 xã, phường · Kỳ báo cáo: Quý I 2026 · In lúc');
      expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    // the budget's ranking: its first unit, its legend and what it leaves out, all on one page
    const at = pages.findIndex((p) => /^\s*1 \S/m.test(p) && /Hình nêu \d+\/102 đơn vị/.test(p));
    expect(at).toBeGreaterThanOrEqual(0);
    for (const label of ranking) expect(pages[at]!.replace(/\s+/g, ' ')).toContain(label);
    for (const t of empty) expect(pages.join('\n')).not.toMatch(new RegExp(`(^|\\s{2,})${t}(\\s{2,}|$)`, 'm'));
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
      // the panel's elements (other panels may still be filling in, e.g. a resolution's list)
      const count = () => panel(page, 'giam-ngheo').evaluate((el) => el.querySelectorAll('*').length);
      const before = await count();
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
      expect(await count()).toBe(before + 1);
      expect(await page.locator('a[download], body > canvas, body > img').count()).toBe(0);
      await expect.poll(() => p.getByRole('button', { name: 'Tải PNG' }).isEnabled()).toBe(true);

      await page.evaluate(() => {
        HTMLCanvasElement.prototype.toBlob = (window as unknown as { realToBlob: typeof HTMLCanvasElement.prototype.toBlob }).realToBlob;
      });
      const [d] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'Tải PNG' }).click()]);
      expect(d.suggestedFilename()).toBe('giam-ngheo_my-thoi_2024-ca-nam_2x.png');
      await expect.poll(() => p.getByRole('alert').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('the whole page on paper', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await openDashboard(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('has a print button that calls window.print()', async () => {
    const other = await browser.context.newPage();
    try {
      await openDashboard(other);
      await other.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await other.getByRole('button', { name: 'In / Xuất PDF' }).click();
      expect(await other.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('prints A4 landscape: no controls, panels without figures left out, each chart drawn for paper', async () => {
    const charted = await page.locator('section.panel').evaluateAll((els) => els.map((el) => Boolean(el.querySelector('svg[data-kpi-chart]'))));
    await page.emulateMedia({ media: 'print' });
    try {
      const visibleControls = await page.locator('button, select, input').evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0).length,
      );
      expect(visibleControls).toBe(0);
      const panels = await page.locator('section.panel').evaluateAll((els) =>
        els.map((el) => ({
          shown: getComputedStyle(el).display !== 'none',
          empty: Boolean(el.querySelector('.panel-state')),
          breaks: getComputedStyle(el).breakInside,
          printChart: Boolean(el.querySelector('.print-chart svg')),
          screenChartShown: [...el.querySelectorAll('.chart-box')].some((box) => box.getClientRects().length > 0),
        })),
      );
      panels.forEach((p, i) => {
        expect(p.shown).toBe(!p.empty);
        if (!p.shown) return;
        expect(p.breaks).toBe('avoid');
        // the charts on paper are drawn from the data, the ones on screen hidden
        expect(p.printChart).toBe(charted[i]);
        expect(p.screenChartShown).toBe(false);
      });
    } finally {
      await page.emulateMedia({ media: null });
      // the page hears of the screen's return a moment later: its paper header and title are put back then
      await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--print-header') === '');
    }
  });

  it('heads and numbers every page, titles the file with the unit and period, and keeps each chart on its panel’s page', async () => {
    const titleOnScreen = await page.title();
    const shown = await page.locator('section[data-panel]').filter({ hasNot: page.locator('.panel-state') }).locator('h2').allTextContents();
    const legends = await page.locator('section[data-panel]').evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('h2')?.textContent ?? '',
        legend: [...el.querySelectorAll('.chart-legend-text')].map((t) => t.textContent ?? ''),
        axes: [...el.querySelectorAll('svg[data-kpi-chart] .chart-axis-unit')].map((t) => t.textContent ?? ''),
      })),
    );

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const { pages, title, size } = await readPdf(pdf, 'dashboard.pdf');
    expect(title).toBe('Phường Mỹ Thới – Cả năm 2024 – Chỉ tiêu Nghị quyết');
    expect(await page.title()).toBe(titleOnScreen);
    // A4 landscape: 842 × 595 points
    expect(size).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)$/);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(shown.length / 2) + 2);
    pages.forEach((text, i) => {
      expect(text).toMatch(/Phường, xã: Phường Mỹ Thới · Kỳ báo cáo: Cả năm 2024 · In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    // each chart's axis and legend are on the page of its panel's title (a heading of its own in its column): the panel, its charts with it, none split
    const heading = (t: string) => new RegExp(`(^|\\s{2,})${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s{2,}|$)`, 'm');
    for (const { title: t, legend, axes } of legends.filter((l) => shown.includes(l.title))) {
      const at = pages.findIndex((p) => heading(t).test(p));
      expect(at, t).toBeGreaterThanOrEqual(0);
      const words = new Set(pages[at]!.split(/\s+/));
      for (const axis of axes) expect(pages[at], `${t}: ${axis}`).toContain(axis);
      // a legend's label may wrap in its column: its words, then
      for (const label of legend) for (const word of label.split(' ')) expect(words.has(word), `${t}: ${label}`).toBe(true);
    }
  });

  it('raised no page errors', () => {
    expect(browser.errors).toEqual([]);
  });
});

describe('printed from a phone before the paper drawing arrived', () => {
  it('prints every panel’s chart from the screen: the pictures the phone drew, without the chart library', async () => {
    const phone = await browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 375, height: 812 });
      // the code that draws the charts for paper never arrives: the page prints the screen's
      await phone.route(/\/print-drawing-[^/]*\.js$/, (route) => route.abort());
      await phone.goto(`${server.url}/${QUERY}`);
      // at rest at the top: every trend drawn as a picture, down the page too, and no Recharts
      await phone.locator(CHART_SVG).first().waitFor({ timeout: 30_000 });
      await phone.waitForFunction(() => !document.querySelector('section[data-panel] .panel-loading'), undefined, { timeout: 30_000 });
      const boxes = await phone.locator('section[data-panel] .chart-box').count();
      expect(await phone.locator(CHART_SVG).count()).toBeGreaterThanOrEqual(boxes);
      expect(await phone.locator('.recharts-wrapper').count()).toBe(0);

      const { pages } = await readPdf(await phone.pdf({ preferCSSPageSize: true, printBackground: true }), 'phone-early.pdf');
      const text = pages.join('\n');
      expect(text).not.toContain('Đang vẽ biểu đồ');
      // each chart says its unit above its axis: one per chart of every panel
      const charts = await phone.locator('section[data-panel] .chart-box svg[data-kpi-chart]').count();
      expect(charts).toBeGreaterThanOrEqual(boxes);
      expect(text.match(/Đơn vị:/g)?.length ?? 0).toBeGreaterThanOrEqual(boxes);
      // and they stay drawn on screen
      expect(await phone.locator('section[data-panel] .chart-placeholder').count()).toBe(0);
    } finally {
      await phone.close();
    }
  });
});
