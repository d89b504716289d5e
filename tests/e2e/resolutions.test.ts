/**
 * A resolution's targets in a real browser, against the production build served by the real
 * server seeded with the synthetic province (KPI_SEED=synthetic: every commune has a term
 * resolution 2025–2030 of twenty targets, titled "giả lập"): the list of a ward's targets, at
 * risk first, with status words and reasons, the report's count beside the computed one; the
 * panel's CSV, Excel and Word files carrying the list; the province on paper, its ranking of
 * units cut as the charts are; then an editor following the panel's link to the "Nghị quyết"
 * tab, entering a resolution from two pasted lines and finding it on the dashboard.
 * Screenshots and files go to test-results/e2e/ and test-results/resolutions/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-reader';
import { partsLike, readZip, xmlText } from '../zip-reader';
import { E2E_ARTIFACTS, ensureBuilt, launchChromium, ROOT, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

const run = promisify(execFile);
const OUT = join(ROOT, 'test-results/resolutions');
const TOKEN = randomBytes(24).toString('hex');
const WARD = '?unit=my-thoi&period=2026-Q2';
const SLUG = 'chi-tieu-nghi-quyet';
const MENU = 'PowerPoint, Excel, Word';
/** The status words, in the order the list shows them: behind and at risk first. */
const WORDS = ['Chưa đạt', 'Có nguy cơ không đạt', 'Đúng tiến độ', 'Đạt', 'Chưa có số liệu'];

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer({ KPI_SEED: 'synthetic', KPI_TOKENS: `editor:${TOKEN}` });
  browser = await launchChromium({ width: 1440, height: 900 });
  mkdirSync(OUT, { recursive: true });
  mkdirSync(E2E_ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const panel = (page: Page) => page.locator(`section[data-panel="${SLUG}"]`);
const targetTable = (page: Page) => panel(page).getByRole('table', { name: /^Các chỉ tiêu của nghị quyết/ });

async function openWard(page: Page, query = WARD): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await waitForPanels(page, 60_000);
  await targetTable(page).waitFor({ timeout: 30_000 });
}

interface ListedTarget {
  number: string;
  name: string;
  figure: string;
  word: string;
  reason: string;
}

/** The list's rows as a person reads them: number, name (its group under it left out), figure, status word, reason. */
function listedTargets(table: Locator): Promise<ListedTarget[]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children] as HTMLElement[];
      const name = cells[1]!.cloneNode(true) as HTMLElement;
      name.querySelector('.target-group')?.remove();
      return {
        number: cells[0]!.textContent ?? '',
        name: name.textContent ?? '',
        figure: cells[2]!.textContent ?? '',
        word: cells[3]!.querySelector('.status-word')?.textContent ?? '',
        reason: cells[4]!.textContent ?? '',
      };
    }),
  );
}

async function keep(d: Download): Promise<Buffer> {
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return readFileSync(path);
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), panel(page).getByRole('button', { name: `Tải ${button}` }).click()]);
  return keep(d);
}

async function fromMenu(page: Page, item: string): Promise<Buffer> {
  await panel(page).getByRole('button', { name: MENU }).click();
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), panel(page).getByRole('menuitem', { name: item }).click()]);
  return keep(d);
}

describe('a ward’s resolution, target by target', () => {
  let listed: ListedTarget[];

  it('lists its twenty targets, behind and at risk first, each with its status word and reason, beside the report’s own count', async () => {
    const { page } = browser;
    await openWard(page);
    const list = panel(page).getByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    expect(await list.locator('.resolution-title').textContent()).toBe('Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030 (giả lập), Phường Mỹ Thới');
    listed = await listedTargets(targetTable(page));
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((t) => t.number)).size).toBe(20);
    for (const t of listed) {
      expect(WORDS).toContain(t.word);
      expect(t.reason.length).toBeGreaterThan(10);
    }
    // at risk first: the words never go back up the order, and numbers rise within a word
    const ranks = listed.map((t) => WORDS.indexOf(t.word));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(listed.filter((t) => t.word === 'Có nguy cơ không đạt' || t.word === 'Chưa đạt').length).toBeGreaterThan(0);
    // a target judged on figures shows the one it was judged on
    expect(listed.filter((t) => t.word !== 'Chưa có số liệu' && !t.reason.startsWith('Đặt tay')).every((t) => t.figure !== '—')).toBe(true);

    // the report's count, as reported, beside the count the figures give; a difference is said
    const counts = list.locator('.target-counts');
    const text = (await counts.textContent()) ?? '';
    expect(text).toMatch(/Theo báo cáo: \d+\/\d+ chỉ tiêu đạt \(theo báo cáo\)/);
    const computed = Number(/Theo số liệu: (\d+)\/20 đạt hoặc đúng tiến độ/.exec(text)?.[1]);
    expect(computed).toBe(listed.filter((t) => t.word === 'Đạt' || t.word === 'Đúng tiến độ').length);
    const [, reported, outOf] = /Theo báo cáo: (\d+)\/(\d+)/.exec(text)!.map(Number);
    if (reported !== computed || outOf !== 20) expect(await counts.getByRole('note').textContent()).toContain('khác số tính theo số liệu');

    await panel(page).screenshot({ path: join(E2E_ARTIFACTS, 'resolution-panel-1440.png') });
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      // on a phone each target is a card: its number and name, then its figure, status and reason, labelled
      const first = targetTable(page).locator('tbody tr').first();
      expect(await first.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      expect(await panel(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await panel(page).screenshot({ path: join(E2E_ARTIFACTS, 'resolution-panel-375.png') });
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('carries the list in the panel’s CSV: one row per target, with its status and reason', async () => {
    const csv = await download(browser.page, 'CSV');
    const [head, ...rows] = parseCsv(csv.toString('utf8').replace(/^\uFEFF/, ''));
    const col = (name: string) => head!.indexOf(name);
    const targets = rows.filter((r) => /^Chỉ tiêu \d+: /.test(r[col('Chỉ tiêu')] ?? ''));
    expect(targets).toHaveLength(20);
    expect(targets.map((r) => [r[col('Chỉ tiêu')], r[col('Tình trạng')], r[col('Lý do')]])).toEqual(
      listed.map((t) => [`Chỉ tiêu ${t.number}: ${t.name}`, t.word, t.reason]),
    );
    for (const r of targets) expect(r[col('Nguồn')]).toContain('(giả lập)');
  });

  it('carries the list in the Excel and Word files, and its first lines on the PowerPoint slide', async () => {
    const xlsx = await readZip(new Blob([new Uint8Array(await fromMenu(browser.page, 'Tải Excel'))]));
    const strings = xmlText(xlsx.get('xl/sharedStrings.xml') ?? '');
    for (const t of listed) expect(strings).toContain(`Chỉ tiêu ${t.number}: ${t.name}`);
    // a target with no figure has no value: an empty cell, never a number Excel cannot read
    for (const sheet of partsLike(xlsx, /^xl\/worksheets\/sheet\d+\.xml$/)) expect.soft(sheet).not.toContain('<v>NaN</v>');

    const docx = await readZip(new Blob([new Uint8Array(await fromMenu(browser.page, 'Tải Word'))]));
    const words = xmlText(docx.get('word/document.xml')!);
    for (const t of listed) expect(words).toContain(`Chỉ tiêu ${t.number}: ${t.name}`);

    // the slide's column of text: the counts, then the targets at risk first, as many as fit
    const pptx = await readZip(new Blob([new Uint8Array(await fromMenu(browser.page, 'Tải PowerPoint'))]));
    const slide = partsLike(pptx, /^ppt\/slides\/slide\d+\.xml$/).map(xmlText).join(' ');
    expect(slide).toMatch(/Phường Mỹ Thới: Theo số liệu: \d+\/20 đạt hoặc đúng tiến độ/);
    expect(slide).toContain(`${listed[0]!.number}. ${listed[0]!.name}: ${listed[0]!.word}.`);
  });
});

describe('the province on paper', () => {
  it('prints the ranking of the communes’ targets cut to its top and bottom, the rest counted, the whole list said to be in the CSV/Excel', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}/?unit=an-giang&period=2026-Q2`);
      await waitForPanels(page, 90_000);
      const ranking = panel(page).getByRole('table', { name: /Số chỉ tiêu nghị quyết theo tình trạng của từng đơn vị/ });
      await ranking.waitFor({ timeout: 60_000 });
      const names = await ranking.locator('tbody tr th').allTextContents();
      // the screen lists them all
      expect(names).toHaveLength(102);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const path = join(OUT, 'province.pdf');
      writeFileSync(path, pdf);
      const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 32 << 20 });
      const text = stdout.normalize('NFC').replace(/[ \t]+/g, ' ');
      const note = /Bảng in nêu (\d+)\/102 đơn vị \(đầu và cuối bảng xếp hạng\); đủ 102 đơn vị trong tệp CSV\/Excel\./.exec(text.replace(/\s*\n\s*/g, ' '));
      expect(note).not.toBeNull();
      const gaps = [...text.matchAll(/⋯ (\d+) (?:xã, phường|phường, xã|xã|phường) khác/g)].map((m) => Number(m[1]));
      const shown = Number(note![1]);
      expect(shown).toBeLessThanOrEqual(16);
      // the units on paper and those counted in the gaps add up to the 102 (the charts' gaps are counted out of theirs)
      expect(gaps).toContain(102 - shown);
      // the top of the ranking is on paper
      expect(text).toContain(names[0]!);
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe('an editor enters a resolution from the panel', () => {
  const TITLE = 'Nghị quyết năm 2026 của Đảng ủy phường (giả lập, kiểm thử)';
  const LINES = ['Kết nạp ít nhất 30 đảng viên mới mỗi năm', 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%'];

  it('follows the link to the “Nghị quyết” tab with the ward chosen, pastes two lines, accepts them, saves, and finds the resolution on the dashboard', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/nhap-so-lieu`);
    await page.getByLabel('Mã truy cập').fill(TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: 'Số liệu' }).waitFor();

    await openWard(page);
    await panel(page).getByRole('link', { name: 'Nhập, sửa nghị quyết của Phường Mỹ Thới' }).click();
    await page.waitForURL('**/nhap-so-lieu?unit=my-thoi&tab=nghi-quyet');
    const tab = page.getByRole('tab', { name: 'Nghị quyết' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const tabPanel = page.getByRole('tabpanel', { name: 'Nghị quyết' });
    expect(await tabPanel.getByLabel('Phường, xã').inputValue()).toBe('my-thoi');
    await tabPanel.getByText('Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030 (giả lập), Phường Mỹ Thới').waitFor();
    // the tabs are one stop for the keyboard: the arrows move between them, the address following
    await tab.focus();
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Số liệu' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForURL('**/nhap-so-lieu?unit=my-thoi');
    await page.keyboard.press('End');
    await page.waitForURL('**/nhap-so-lieu?unit=my-thoi&tab=nghi-quyet');

    await tabPanel.getByRole('button', { name: 'Thêm nghị quyết' }).click();
    const form = page.getByRole('form', { name: 'Thêm nghị quyết' });
    await form.getByLabel('Tên nghị quyết').fill(TITLE);
    await form.getByLabel('Nghị quyết năm').check();
    await form.getByLabel('Năm', { exact: true }).fill('2026');
    await form.getByText('Dán danh sách chỉ tiêu').click();
    await form.getByLabel(/Danh sách chỉ tiêu/).focus();
    // as a paste puts it: the whole text at once
    await page.keyboard.insertText(LINES.join('\n'));
    await form.getByRole('button', { name: 'Đọc danh sách' }).click();
    await form.getByText(/Đã đọc 2 dòng thành chỉ tiêu đề xuất/).waitFor();
    const candidates = form.getByRole('group', { name: /^Chỉ tiêu số/ });
    expect(await candidates.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const c = candidates.nth(i);
      expect(await c.locator('q').textContent()).toBe(LINES[i]);
      await c.getByRole('checkbox', { name: 'Nhận chỉ tiêu này' }).check();
    }
    expect(await candidates.nth(0).getByLabel('Giá trị').inputValue()).toBe('30');
    expect(await candidates.nth(1).getByLabel('Giá trị').inputValue()).toBe('95');
    await form.getByRole('button', { name: 'Lưu nghị quyết' }).click();
    await page.getByRole('status').filter({ hasText: `Đã thêm nghị quyết: ${TITLE} (2 chỉ tiêu).` }).waitFor();

    // on the dashboard, the year's resolution is the one in force for 2026
    await page.getByRole('link', { name: '← Về bảng chỉ tiêu' }).click();
    await page.waitForURL(`**/${WARD}`);
    await waitForPanels(page, 60_000);
    const list = panel(page).getByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    await list.getByText(TITLE).waitFor({ timeout: 30_000 });
    const rows = await listedTargets(targetTable(page));
    expect(rows.map((r) => r.name).sort()).toEqual([...LINES].sort());
    for (const r of rows) {
      expect(WORDS).toContain(r.word);
      expect(r.reason).not.toBe('');
    }
    expect(await list.locator('.target-counts').textContent()).toMatch(/Theo số liệu: \d\/2 đạt hoặc đúng tiến độ/);
    await panel(page).screenshot({ path: join(E2E_ARTIFACTS, 'resolution-entered-1440.png') });
  }, 120_000);
});
