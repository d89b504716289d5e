/**
 * From a report to the dashboard in a real browser, against the production build served by the
 * real server with an editor token: open the dashboard, follow "Nhập số liệu", sign in, paste a
 * given report's text, read it, accept the candidates, save, and find the figures on the
 * dashboard with the report (and its text) as their source.
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
import { ensureBuilt, launchChromium, ROOT, saveScreenshot, startServer, waitForCharts, type RunningBrowser, type RunningServer } from './harness';

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

  it('raised no page errors, signing in included (GET /api/session answers 200 to an editor)', () => {
    expect(browser.errors).toEqual([]);
  });
});
