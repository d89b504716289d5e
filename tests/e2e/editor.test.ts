/**
 * From a report to the dashboard in a real browser, against the production build served by the
 * real server with an editor token: open the dashboard, follow "Nhập số liệu", sign in, paste a
 * given report's text, read it, accept the candidates, save, and find the figures on the
 * dashboard with the report (and its text) as their source. Then a Word file made here is
 * uploaded, read in the browser (mammoth in its worker), reviewed and saved, and uploading it
 * again finds every figure stored already.
 *
 * The server's database is seeded from data/, which already holds this report's figures; they
 * are deleted through the API first, so that what the dashboard shows afterwards can only have
 * come from the import. Screenshots go to test-results/e2e/ to be looked at.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../src/lib/documents/test-files';
import { axeSerious } from './axe';
import { E2E_ARTIFACTS, ensureBuilt, launchChromium, ROOT, saveScreenshot, startServer, waitForCharts, type RunningBrowser, type RunningServer } from './harness';

const REPORT = readFileSync(join(ROOT, 'eval/reports/004_237010deb1aa6989.txt'), 'utf8');
const TITLE = REPORT.split('\n')[0]!.trim();
const TOKEN = randomBytes(24).toString('hex');

interface ObservationJson {
  id: string;
  indicatorId: string;
  value: number;
  qualifier: string;
  period: string;
  sourceId: string;
  version: number;
}
interface SourceJson {
  id: string;
  unitId: string;
  title: string;
  heldOn: string;
  /** The list says whether a text was kept; GET /api/sources/:id gives it. */
  hasText?: boolean;
  text?: string;
}

let server: RunningServer;
let browser: RunningBrowser;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The whole page as one screenshot, taken with a viewport as tall as the page, so that sticky
 * parts (the save bar) sit where they belong instead of where the window happened to be.
 */
async function screenshotWhole(page: Page, name: string, width?: number): Promise<void> {
  const before = page.viewportSize()!;
  if (width) await page.setViewportSize({ width, height: before.height });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: width ?? before.width, height });
  await saveScreenshot(page, name, false);
  await page.setViewportSize(before);
}

/** axe-core's serious and critical findings on the page as it is. */
const seriousViolations = async (page: Page) => (await axeSerious(page)).serious;

const myQuySixMonths = () =>
  api<{ observations: ObservationJson[] }>('/api/observations?unit=my-quy&from=2024-Q2&to=2024-Q2').then((r) => r.observations);

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer({ KPI_TOKENS: `editor:${TOKEN}` });
  // the office has this report only in prose: take its seeded figures out
  for (const o of await myQuySixMonths()) {
    await api(`/api/observations/${encodeURIComponent(o.id)}?version=${o.version}`, { method: 'DELETE' });
  }
  browser = await launchChromium({ width: 1280, height: 900 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('from a pasted report to the dashboard', () => {
  it('imports the report’s figures and shows them on the dashboard with the report as source', async () => {
    expect(await myQuySixMonths()).toEqual([]);
    const { page } = browser;

    await page.goto(`${server.url}/`);
    await waitForCharts(page);
    await page.getByRole('link', { name: 'Nhập số liệu' }).click();
    await page.waitForURL('**/nhap-so-lieu');

    await page.getByLabel('Mã truy cập').fill(TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: 'Nhập từ báo cáo' }).click();
    await page.getByRole('textbox', { name: 'Văn bản báo cáo', exact: true }).fill(REPORT);
    await page.getByRole('button', { name: 'Đọc số liệu' }).click();

    const list = page.getByRole('list', { name: 'Số liệu đọc được' });
    await list.waitFor();
    // the ward and the period, read from the text
    expect(await page.getByLabel('Phường, xã của báo cáo').inputValue()).toBe('my-quy');
    expect(await page.getByLabel('Năm của báo cáo').inputValue()).toBe('2024');
    expect(await page.getByLabel('Kỳ của báo cáo').inputValue()).toBe('2');

    const items = list.getByRole('listitem');
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(4);
    // each candidate shows its sentence with the phrase marked
    for (let i = 0; i < count; i++) {
      const sentence = (await items.nth(i).getByLabel('Câu trong báo cáo').textContent()) ?? '';
      expect(REPORT).toContain(sentence);
      expect(await items.nth(i).locator('mark').count()).toBe(1);
    }
    await expect.poll(() => list.getByRole('listitem', { name: 'Thu ngân sách nhà nước' }).textContent()).toContain('trên 4,2 tỷ đồng');

    const accept = page.getByRole('button', { name: /^Nhận: / });
    for (let i = 0; i < count; i++) await accept.nth(i).click();
    await page.getByRole('heading', { name: `${count} số liệu đọc được · ${count} đã nhận · 0 chờ duyệt` }).waitFor();
    await screenshotWhole(page, 'editor-import');
    await screenshotWhole(page, 'editor-import-phone', 375);

    await page.getByRole('button', { name: `Lưu ${count} số liệu đã nhận` }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã lưu' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`Đã lưu ${count} số liệu từ báo cáo “${TITLE}”`);

    // stored: one source with the report's text, the figures pointing at it
    const sources = (await api<{ sources: SourceJson[] }>('/api/sources')).sources.filter((s) => s.hasText);
    expect(sources).toHaveLength(1);
    expect(sources[0]).not.toHaveProperty('text');
    const { source } = await api<{ source: SourceJson }>(`/api/sources/${sources[0]!.id}`);
    expect(source).toMatchObject({ unitId: 'my-quy', title: TITLE, heldOn: '2024-07-17', text: REPORT });
    const stored = await myQuySixMonths();
    expect(stored).toHaveLength(count);
    expect(new Set(stored.map((o) => o.sourceId))).toEqual(new Set([sources[0]!.id]));

    await page.getByRole('link', { name: /Về bảng chỉ tiêu/ }).click();
    await waitForCharts(page);
    // as a person does with the picker: search Mỹ Quý, take it, then leave Mỹ Thới by its chip
    const search = page.getByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' });
    await search.fill('my quy');
    await page.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' }).getByRole('option', { name: /Phường Mỹ Quý/ }).click();
    await search.press('Escape');
    await page.getByRole('list', { name: 'Đơn vị đã chọn' }).getByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' }).click();
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2024');
    await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: '6 tháng' });
    await page.waitForURL((url) => url.search === '?unit=my-quy&period=2024-Q2');

    const budget = page.getByRole('region', { name: /Thu ngân sách/ });
    const budgetHeadline = budget.getByRole('list', { name: 'Số liệu chính' });
    await budgetHeadline.getByText('trên 4,2 tỷ đồng', { exact: true }).waitFor();
    await budgetHeadline.getByText('trên 50,17%', { exact: true }).waitFor();
    const health = page.getByRole('region', { name: /Bảo hiểm y tế/ });
    await health.getByRole('list', { name: 'Số liệu chính' }).getByText('trên 80,82%', { exact: true }).waitFor();

    const line = budget.getByRole('list', { name: 'Nguồn số liệu' }).getByRole('listitem');
    expect(await line.count()).toBe(1);
    expect(await line.textContent()).toContain(`${TITLE} (17/07/2024)`);
    const text = line.getByRole('group', { name: `Văn bản báo cáo: ${TITLE}` });
    expect(await text.isVisible()).toBe(false);
    await line.getByText('Xem văn bản báo cáo').click();
    await text.waitFor({ state: 'visible' });
    expect(await text.textContent()).toBe(REPORT);
    // only the budget and health panels have figures for this report
    for (const p of [budget, health]) await p.locator('svg[data-kpi-chart]').waitFor();
    await screenshotWhole(page, 'editor-dashboard');

    // on paper the source keeps its title and date; the report's text stays off
    await page.emulateMedia({ media: 'print' });
    expect(await line.isVisible()).toBe(true);
    expect(await line.getByText('Xem văn bản báo cáo').isVisible()).toBe(false);
    expect(await text.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it('reads an uploaded Word file into a review, saves it, finds its figures stored when it is uploaded again, and the form offers to correct one', async () => {
    const { page } = browser;
    // written for this test: Mỹ Thới's first quarter of 2025
    const paragraphs = [
      'Đảng ủy phường Mỹ Thới sơ kết quý I năm 2025',
      'Ngày 05/4/2025, Đảng ủy phường Mỹ Thới họp đánh giá kết quả quý I.',
      'Thu ngân sách nhà nước trên địa bàn ước đạt 3,4 tỷ đồng, bằng 26% dự toán; giảm 2 hộ nghèo.',
    ];
    const docx = { name: 'so-ket-quy-1-2025-my-thoi.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await makeDocx(paragraphs)) };
    const myThoiQ1 = () =>
      api<{ observations: ObservationJson[] }>('/api/observations?unit=my-thoi&from=2025-Q1&to=2025-Q1').then((r) => r.observations);
    expect(await myThoiQ1()).toEqual([]);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/nhap-so-lieu?unit=my-thoi`);
    await page.getByRole('tab', { name: 'Nhập từ báo cáo' }).click();
    await page.getByLabel('Chọn tệp báo cáo (có thể chọn nhiều tệp)').setInputFiles(docx);

    const review = page.getByRole('region', { name: docx.name });
    await review.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('list', { name: 'Tệp đã chọn' }).textContent()).toContain(`${docx.name}: đã đọc`);
    expect(await review.getByLabel('Phường, xã của báo cáo').inputValue()).toBe('my-thoi');
    expect(await review.getByLabel('Năm của báo cáo').inputValue()).toBe('2025');
    expect(await review.getByLabel('Kỳ của báo cáo').inputValue()).toBe('1');
    expect(await review.getByLabel('Ngày họp / ngày báo cáo').inputValue()).toBe('2025-04-05');
    const list = review.getByRole('list', { name: 'Số liệu đọc được' });
    const budget = list.getByRole('listitem', { name: 'Thu ngân sách nhà nước' });
    expect(await budget.textContent()).toContain('3,4 tỷ đồng');
    expect(await budget.getByLabel('Câu trong báo cáo').textContent()).toBe(paragraphs[2]);
    const count = await list.getByRole('listitem').count();
    expect(count).toBe(3);

    await review.getByRole('button', { name: `Nhận cả ${count} số liệu chờ duyệt` }).click();
    await review.getByRole('heading', { name: `${count} số liệu đọc được · ${count} đã nhận · 0 chờ duyệt` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWhole(page, 'editor-file-import', 1440);
    await screenshotWhole(page, 'editor-file-import-phone', 375);
    await review.getByRole('button', { name: `Lưu ${count} số liệu đã nhận` }).click();
    await review.getByRole('status').filter({ hasText: `Đã lưu ${count} số liệu từ báo cáo “${paragraphs[0]}”` }).waitFor();

    const stored = await myThoiQ1();
    expect(stored.map((o) => [o.indicatorId, o.value]).sort()).toEqual([
      ['budget_revenue', 3.4e9],
      ['budget_revenue_pct', 26],
      ['poor_households_reduced', 2],
    ]);
    const { source } = await api<{ source: SourceJson }>(`/api/sources/${stored[0]!.sourceId}`);
    expect(source).toMatchObject({ unitId: 'my-thoi', title: paragraphs[0], heldOn: '2025-04-05', text: paragraphs.join('\n') });

    // the same file again: every figure is stored already, nothing is sent
    await page.getByLabel('Chọn tệp báo cáo (có thể chọn nhiều tệp)').setInputFiles(docx);
    const again = page.getByRole('region', { name: docx.name }).last();
    await again.getByRole('heading', { name: `${count} số liệu đọc được · 0 đã nhận · 0 chờ duyệt · ${count} đã có` }).waitFor({ timeout: 30_000 });
    await again.getByText('Mọi số liệu đọc được từ báo cáo này đã có trên máy chủ; không có gì cần lưu.').waitFor();
    expect(await again.getByRole('button', { name: /^Lưu / }).count()).toBe(0);
    await screenshotWhole(page, 'editor-file-again', 1440);
    await screenshotWhole(page, 'editor-file-again-phone', 375);
    expect(await myThoiQ1()).toHaveLength(count);

    // the form warns of the figure just imported, and offers to correct it
    await page.getByRole('tab', { name: 'Số liệu', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm số liệu' }).click();
    const form = page.getByRole('form', { name: 'Thêm số liệu' });
    await form.getByLabel('Chỉ tiêu', { exact: true }).selectOption({ label: 'Thu ngân sách nhà nước' });
    await form.getByLabel('Năm', { exact: true }).fill('2025');
    await form.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Quý I' });
    await form.getByLabel('Giá trị', { exact: true }).fill('3,5 tỷ');
    await form.getByLabel('Nguồn', { exact: true }).selectOption({ label: `${paragraphs[0]} (05/04/2025)` });
    const already = form.getByRole('group', { name: 'Số liệu đã có trong kỳ này' });
    await already.waitFor();
    expect(await already.textContent()).toContain('3,4 tỷ đồng');
    await form.getByRole('button', { name: 'Lưu số liệu' }).click();
    await form.getByRole('alert').filter({ hasText: 'Chưa lưu: Phường Mỹ Thới, Thu ngân sách nhà nước, Quý I 2025 đã có số liệu.' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // the form alone: the list of figures under it makes the whole page long
    const card = page.getByRole('region', { name: 'Thêm số liệu' });
    await card.screenshot({ path: join(E2E_ARTIFACTS, 'editor-duplicate-form.png') });
    await page.setViewportSize({ width: 375, height: 900 });
    await card.screenshot({ path: join(E2E_ARTIFACTS, 'editor-duplicate-form-phone.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await already.getByRole('button', { name: /^Sửa số liệu đã có/ }).click();
    await page.getByRole('form', { name: 'Sửa số liệu' }).getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi: Thu ngân sách nhà nước, Phường Mỹ Thới, Quý I 2025' }).waitFor();
    const budgets = (await myThoiQ1()).filter((o) => o.indicatorId === 'budget_revenue');
    expect(budgets.map((o) => [o.value, o.version])).toEqual([[3.5e9, 2]]);
  }, 120_000);

  it('raised no page errors, signing in included (GET /api/session answers 200 to an editor)', () => {
    expect(browser.errors).toEqual([]);
  });
});
