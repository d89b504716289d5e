/**
 * axe-core on the page in each main state, in Debian's Chromium against the real server:
 * zero serious or critical violations. axe's script is injected into the page (the
 * @axe-core/playwright wrapper needs Node 22; see DESIGN.md's pitfalls).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from './axe';
import { ensureBuilt, launchChromium, saveScreenshot, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

/** Made up here, for this test's server only. */
const EDITOR_TOKEN = 'a11y-test-editor-token-0123456789abcdef';

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer({ KPI_TOKENS: `editor:${EDITOR_TOKEN}` });
  browser = await launchChromium({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The serious and critical violations, named so that a failure says what to fix. */
async function seriousViolations(page: Page, state: string): Promise<string[]> {
  const { serious, passes } = await axeSerious(page);
  // axe ran its rules: a page it could not audit would pass nothing
  expect(passes, state).toBeGreaterThan(10);
  await saveScreenshot(page, `a11y-${state}`);
  return serious;
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await waitForPanels(page);
}

describe('accessibility (axe-core, zero serious or critical violations)', () => {
  it('the default view, with a data table opened', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    await page.getByRole('region', { name: 'Thu ngân sách' }).getByText(/Xem bảng số liệu/).click();
    expect(await seriousViolations(page, 'default')).toEqual([]);
  });

  it('several wards, and the comparison between them', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&unit=my-binh&unit=my-quy&unit=my-thanh&unit=my-hoa&period=2024-Q2');
    expect(await seriousViolations(page, 'five-wards')).toEqual([]);
  });

  it('a period without figures, and a link with garbage in it (notices)', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&period=2021-Q1&utm=x');
    // every region of the page: the four families and the three themes of the other figures
    expect(await page.getByText('Chưa có số liệu', { exact: true }).count()).toBe(7);
    expect(await page.getByText(/Đã bỏ qua tham số/).count()).toBe(1);
    expect(await seriousViolations(page, 'empty-and-notice')).toEqual([]);
  });

  it('every panel failing, with Retry', async () => {
    const { page } = browser;
    // the server answers, with errors (a lost connection is the offline tests' case: no Retry, the page retries itself)
    await page.route(
      (url) => url.pathname.startsWith('/api/'),
      (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Service unavailable' } }) }),
    );
    try {
      // a link without a period: its page carries no figures of its own (a link with one does, first-html.test.ts)
      await open(page, '?unit=my-thoi');
      // every one of the seven panels offers its Retry (the resolution list under its panel has its own)
      const panels = page.locator('section[data-panel]');
      expect(await panels.count()).toBe(7);
      for (const panel of await panels.all()) expect(await panel.getByRole('button', { name: 'Thử lại' }).count()).toBeGreaterThan(0);
      expect(await seriousViolations(page, 'errors')).toEqual([]);
    } finally {
      await page.unrouteAll();
    }
  });

  it('a phone 375 px wide', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await open(page, '?unit=my-thoi&unit=my-binh&period=2024-Q4');
      expect(await seriousViolations(page, 'phone')).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the unit picker open: its list on a laptop, its sheet on a phone', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&unit=my-quy&period=2024-Q4');
    const search = page.getByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' });
    await search.fill('my');
    await search.press('ArrowDown');
    await page.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' }).getByRole('group').first().waitFor();
    expect(await search.getAttribute('aria-activedescendant')).toBeTruthy();
    expect(await seriousViolations(page, 'picker-open')).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await open(page, '?unit=my-thoi&period=2024-Q4');
      await page.getByRole('button', { name: 'Tìm, chọn phường, xã…' }).click();
      const sheet = page.getByRole('dialog', { name: 'Chọn phường, xã' });
      await sheet.getByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' }).fill('long xuyen');
      await sheet.getByRole('option').first().waitFor();
      expect(await seriousViolations(page, 'picker-sheet')).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the editor: sign-in, the figures and the import of a report', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/nhap-so-lieu`);
    await page.getByLabel('Mã truy cập').waitFor();
    expect(await seriousViolations(page, 'editor-sign-in')).toEqual([]);

    await page.getByLabel('Mã truy cập').fill(EDITOR_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: 'Số liệu' }).waitFor();
    await page.getByRole('button', { name: 'Thêm số liệu' }).click();
    expect(await seriousViolations(page, 'editor-figures')).toEqual([]);

    await page.getByRole('tab', { name: 'Nhập từ báo cáo' }).click();
    await page.getByRole('textbox', { name: 'Văn bản báo cáo' }).fill(
      'Phường Mỹ Thới tổng kết năm 2024: thu ngân sách nhà nước trên 12 tỷ đồng, đạt 100% so với cả năm; ' +
        'tỷ lệ dân số tham gia bảo hiểm y tế đạt 88,44%.',
    );
    await page.getByRole('button', { name: 'Đọc số liệu' }).click();
    await page.getByRole('list', { name: 'Số liệu đọc được' }).waitFor();
    expect(await seriousViolations(page, 'editor-import')).toEqual([]);
  });
});
