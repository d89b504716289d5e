/**
 * The conference files in a real browser against the production build on the real server: each
 * file downloaded as a user clicks it, unzipped and its parts checked (the deck's chart part
 * holds the panel's values, the workbook numeric cells, the appendix its table), then opened in
 * LibreOffice headless (Impress, Calc in a Vietnamese locale, Writer) and its text, diacritics
 * and all, read back from the PDF it prints. The files are kept in test-results/office/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-reader';
import { axeSerious } from './axe';
import { ensureBuilt, launchChromium, ROOT, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

const run = promisify(execFile);
const OUT = join(ROOT, 'test-results/office');
const QUERY = '?unit=my-thoi&period=2024-Q4';
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';

let server: RunningServer;
let browser: RunningBrowser;
let profile: string;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer();
  browser = await launchChromium({ width: 1280, height: 900 });
  mkdirSync(OUT, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'kpi-e2e-lo-'));
  await browser.page.goto(`${server.url}/${QUERY}`);
  await waitForPanels(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const panel = (page: Page, slug: string) => page.locator(`section[data-panel="${slug}"]`);
const MENU = 'PowerPoint, Excel, Word';

/** The titles of the panels that have figures to export (their export menu), in page order. */
function exportableTitles(page: Page): Promise<string[]> {
  return page
    .locator('section[data-panel]')
    .filter({ has: page.getByRole('button', { name: MENU }) })
    .locator('h2')
    .allTextContents();
}

/** Chooses a format from a panel's menu, as a user does, and keeps the file it downloads. */
async function fromMenu(page: Page, slug: string, item: string): Promise<{ name: string; path: string; bytes: Buffer }> {
  await panel(page, slug).getByRole('button', { name: MENU }).click();
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), panel(page, slug).getByRole('menuitem', { name: item }).click()]);
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
}

async function fromHeader(page: Page, name: string): Promise<{ name: string; path: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name }).click()]);
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
}

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [p, entry] of Object.entries(zip.files)) if (!entry.dir && /\.(xml|rels)$/.test(p)) out.set(p, await entry.async('string'));
  return out;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const matching = (ps: Map<string, string>, re: RegExp) => [...ps.keys()].filter((p) => re.test(p)).sort(byName).map((p) => ps.get(p)!);

/** LibreOffice converts the file (`pdf`, `fods`, …) into a folder of its own; the path of the result. */
async function convert(path: string, to: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-conv-'));
  await run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', dir, path], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return join(dir, basename(path).replace(/\.[^.]+$/, `.${to}`));
}

async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 32 << 20 });
  return stdout.normalize('NFC').replace(/[ \t]+/g, ' ');
}

/** The series of a chart part: name and values. */
function chartSeries(xml: string): { name: string; values: number[] }[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => ({
    name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)![1]!,
    values: [...(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser!)?.[1] ?? '').matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[1])),
  }));
}

/** The panel's figures as its CSV gives them (the same model the office files read). */
async function csvFigures(page: Page, slug: string): Promise<Record<string, string>[]> {
  const [d] = await Promise.all([page.waitForEvent('download'), panel(page, slug).getByRole('button', { name: 'Tải CSV' }).click()]);
  const text = readFileSync(await d.path()).toString('utf8').replace(/^\uFEFF/, '');
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

describe('PowerPoint', () => {
  it('of one panel: a 16:9 slide whose chart is a native chart of the panel’s values, and text Impress reads with its diacritics', async () => {
    const { page } = browser;
    const file = await fromMenu(page, 'thu-ngan-sach', 'Tải PowerPoint');
    expect(file.name).toBe('thu-ngan-sach_my-thoi_2024-ca-nam.pptx');
    const ps = await parts(file.bytes);
    expect(ps.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const [chart] = matching(ps, /^ppt\/charts\/chart\d+\.xml$/);
    expect(chart, 'a chart part').toBeDefined();
    // the chart's values are the panel's own: the budget percent of each period, as the CSV lists them
    const pct = (await csvFigures(page, 'thu-ngan-sach')).filter((f) => f['Chỉ tiêu'] === 'Tỷ lệ thu ngân sách so với cả năm');
    const [bars] = chartSeries(chart!);
    expect(bars!.name).toBe('Phường Mỹ Thới');
    expect(bars!.values).toEqual(pct.map((f) => Number(f['Giá trị'])));
    expect(bars!.values).toEqual(expect.arrayContaining([74, 100]));
    // with its workbook, so that PowerPoint's "Edit Data" opens the figures
    expect(matching(ps, /^ppt\/charts\/_rels\/chart\d+\.xml\.rels$/)[0]).toMatch(/embeddings\/[^"]+\.xlsx/);

    const text = await pdfText(await convert(file.path, 'pdf'));
    expect(text).toContain('Thu ngân sách');
    expect(text).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(text).toContain('trên 12 tỷ đồng');
    expect(text).toMatch(/Nguồn: [^\n]*Hội nghị[^\n]*\(\d{2}\/\d{2}\/\d{4}\)/);
    expect(text).toMatch(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // the chart itself, drawn by Impress from its data: its legend and the values on its bars
    expect(text).toContain('Mức cần đạt theo tiến độ');
    expect(text).toContain('74%');
  });

  it('of the whole page: a cover with units, period, the date the figures reach and the export time, then a slide per panel', async () => {
    const titles = await exportableTitles(browser.page);
    expect(titles).toEqual(expect.arrayContaining(['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết']));
    const file = await fromHeader(browser.page, 'Tải PowerPoint cả trang');
    expect(file.name).toBe('bang-chi-tieu_my-thoi_2024-ca-nam.pptx');
    const ps = await parts(file.bytes);
    const slides = matching(ps, /^ppt\/slides\/slide\d+\.xml$/);
    // one slide per panel with figures (one unit: no ranking over several slides), each with its charts
    expect(slides).toHaveLength(1 + titles.length);
    for (const slide of slides.slice(1)) expect(slide).toContain('<c:chart ');

    const text = await pdfText(await convert(file.path, 'pdf'));
    const cover = text.split('\f')[0]!;
    expect(cover).toContain('Chỉ tiêu Nghị quyết các phường');
    expect(cover).toContain('Phường Mỹ Thới');
    expect(cover).toContain('Kỳ báo cáo: Cả năm 2024');
    expect(cover).toMatch(/Số liệu đến ngày \d{2}\/\d{2}\/\d{4}/);
    expect(cover).toMatch(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const pages = text.split('\f');
    titles.forEach((title, i) => expect(pages[i + 1]).toContain(title));
    expect(text).toContain('1.770 phần quà');
    expect(text).toContain('10/11 chỉ tiêu');
  });
});

describe('Excel', () => {
  it('stores the figures as numbers with their formats, which Calc in a Vietnamese locale reads as numbers', async () => {
    const file = await fromMenu(browser.page, 'thu-ngan-sach', 'Tải Excel');
    expect(file.name).toBe('thu-ngan-sach_my-thoi_2024-ca-nam.xlsx');
    const ps = await parts(file.bytes);
    const sheet = ps.get('xl/worksheets/sheet1.xml')!;
    const shared = [...ps.get('xl/sharedStrings.xml')!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
    const strings = (xml: string) => [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*t="s"[^>]*><v>(\d+)<\/v>/g)].map((m) => ({ col: m[1]!, row: Number(m[2]), text: shared[Number(m[3])]! }));
    const head = strings(sheet).find((c) => c.text === 'Giá trị')!;
    // every cell of the "Giá trị" column under its header is a number, not text
    const values = [...sheet.matchAll(new RegExp(`<c r="${head.col}(\\d+)"([^>]*)>(?:<v>([^<]*)</v>)?`, 'g'))].filter((m) => Number(m[1]) > head.row);
    expect(values.length).toBeGreaterThanOrEqual(4);
    for (const v of values) {
      expect(v[2]).not.toMatch(/t="(s|str|inlineStr)"/);
      expect(Number.isFinite(Number(v[3]))).toBe(true);
    }
    expect(values.map((v) => Number(v[3]))).toEqual(expect.arrayContaining([12e9, 1]));

    // Calc, in Vietnamese: numbers, percentages and dates, none left as text
    const fods = readFileSync(await convert(file.path, 'fods', { LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' }), 'utf8');
    const types = [...fods.matchAll(/office:value-type="(\w+)"(?: office:(?:value|date-value)="([^"]+)")?/g)].map((m) => ({ type: m[1], value: m[2] }));
    expect(types).toEqual(expect.arrayContaining([{ type: 'float', value: '12000000000' }, { type: 'percentage', value: '1' }]));
    expect(types.some((t) => t.type === 'date' && /^2024-12-30/.test(t.value ?? ''))).toBe(true);
    const text = await pdfText(await convert(file.path, 'pdf', { LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' }));
    expect(text).toContain('12.000.000.000');
    expect(text).toContain('Tỷ lệ thu ngân sách so với cả năm');
    expect(text).toContain('Phường Mỹ Thới');
    expect(text).toMatch(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });
});

describe('Word', () => {
  it('of one panel: an A4 appendix with the figures as a Word table, the chart as an image, Writer reading its text', async () => {
    const file = await fromMenu(browser.page, 'giam-ngheo', 'Tải Word');
    expect(file.name).toBe('giam-ngheo_my-thoi_2024-ca-nam.docx');
    const zip = await JSZip.loadAsync(file.bytes);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const rows = [...doc.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' | '));
    expect(rows[0]).toBe('STT | Kỳ báo cáo | Chỉ tiêu | Số liệu | Nguồn');
    expect(rows.some((r) => r.includes('Cả năm 2024') && r.includes('1.770 phần quà'))).toBe(true);
    const media = Object.keys(zip.files).filter((p) => p.startsWith('word/media/') && p.endsWith('.png'));
    expect(media).toHaveLength(1);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(800);

    const text = await pdfText(await convert(file.path, 'pdf'));
    expect(text).toContain('PHỤ LỤC SỐ LIỆU');
    expect(text).toContain('1. Giảm nghèo');
    expect(text).toContain('1.770 phần quà');
    expect(text).toContain('Nguồn:');
    expect(text).toMatch(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const { stdout: fonts } = await run('pdffonts', [await convert(file.path, 'pdf')]);
    // Times New Roman, or its metric twin where Office's font is not installed
    expect(fonts).toMatch(/TimesNewRoman|LiberationSerif/);
  });

  it('of the whole page: every panel’s table', async () => {
    const titles = await exportableTitles(browser.page);
    const file = await fromHeader(browser.page, 'Tải Word cả trang');
    expect(file.name).toBe('phu-luc-so-lieu_my-thoi_2024-ca-nam.docx');
    const doc = (await parts(file.bytes)).get('word/document.xml')!;
    expect([...doc.matchAll(/<w:tbl>/g)]).toHaveLength(titles.length);
    const text = await pdfText(await convert(file.path, 'pdf'));
    titles.forEach((t, i) => expect(text).toContain(`${i + 1}. ${t}`));
    expect(text).toContain('88,44%');
  });
});

describe('slide image', () => {
  it('is 1920 × 1080, or 3840 × 2160', async () => {
    for (const [item, w, h] of [['Ảnh trình chiếu 1920×1080', 1920, 1080], ['Ảnh trình chiếu 3840×2160', 3840, 2160]] as const) {
      const file = await fromMenu(browser.page, 'bao-hiem-y-te', item);
      expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([file.bytes.readUInt32BE(16), file.bytes.readUInt32BE(20)]).toEqual([w, h]);
    }
  });
});

/** axe-core's serious and critical findings in one part of the page. */
const seriousIn = async (page: Page, selector: string) => (await axeSerious(page, selector)).serious;

describe('the menu on a phone, and a failure', () => {
  it('fits a 375 px screen, each item reachable, nothing serious for axe with the menu open', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${server.url}/${QUERY}`);
      await waitForPanels(page);
      const section = panel(page, 'bao-hiem-y-te');
      const trigger = section.getByRole('button', { name: MENU });
      await trigger.scrollIntoViewIfNeeded();
      await trigger.click();
      for (const name of ['Tải PowerPoint', 'Tải Excel', 'Tải Word', 'Ảnh trình chiếu 1920×1080', 'Ảnh trình chiếu 3840×2160']) {
        const item = section.getByRole('menuitem', { name });
        await item.scrollIntoViewIfNeeded();
        const b = (await item.boundingBox())!;
        expect(b.x, name).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, name).toBeLessThanOrEqual(375);
        expect(b.height, name).toBeGreaterThanOrEqual(32);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await seriousIn(page, 'section[data-panel="bao-hiem-y-te"]')).toEqual([]);
      expect(await seriousIn(page, 'header.page-header')).toEqual([]);
      for (const name of ['Tải PowerPoint cả trang', 'Tải Word cả trang']) {
        const b = (await page.getByRole('button', { name }).boundingBox())!;
        expect(b.x + b.width, name).toBeLessThanOrEqual(375);
      }
    } finally {
      await page.close();
    }
  });

  it('says so in Vietnamese when the PowerPoint code cannot be fetched, downloads nothing, and works on retry', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}/${QUERY}`);
      await waitForPanels(page);
      // the network fails for the PowerPoint builder's code
      await page.route(/\/assets\/pptx-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
      let downloads = 0;
      page.on('download', () => downloads++);
      const section = panel(page, 'thu-ngan-sach');
      await section.getByRole('button', { name: MENU }).click();
      await section.getByRole('menuitem', { name: 'Tải PowerPoint' }).click();
      await expect
        .poll(() => section.getByRole('alert').textContent(), { timeout: 20_000 })
        .toContain('Không xuất được tệp PowerPoint cho “Thu ngân sách”. Không tải được phần tạo tệp PowerPoint');
      expect(downloads).toBe(0);
      await page.unroute(/\/assets\/pptx-[^/]+\.js$/);
      // a failed dynamic import is not retried by the browser: a reload brings the page back
      await page.reload();
      await waitForPanels(page);
      const [d] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        (async () => {
          await panel(page, 'thu-ngan-sach').getByRole('button', { name: MENU }).click();
          await panel(page, 'thu-ngan-sach').getByRole('menuitem', { name: 'Tải PowerPoint' }).click();
        })(),
      ]);
      expect(d.suggestedFilename()).toBe('thu-ngan-sach_my-thoi_2024-ca-nam.pptx');
    } finally {
      await page.close();
    }
  });
});
