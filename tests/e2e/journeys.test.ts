/**
 * What a ward leader does with the page, in Debian's Chromium against the production build
 * served by the real server (fresh database, seeded from data/), on a 1440 px laptop: open the
 * page on Mỹ Thới's latest figures, then read its 2024 figures, choose wards and periods (the
 * URL follows; reload and back keep the view), open a broken link, use the filters with the
 * keyboard only, live through an API outage, open the province's link, read it on a 375 px phone.
 * Screenshots of each state go to test-results/e2e/ to be looked at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBuilt,
  launchChromium,
  saveScreenshot,
  startServer,
  waitForCharts,
  waitForPanels,
  type RunningBrowser,
  type RunningServer,
} from './harness';

const TITLES = ['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết'];

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer();
  browser = await launchChromium({ width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A panel is a region named by its heading. */
const panel = (page: Page, title: string) => page.getByRole('region', { name: title });
const search = (page: Page) => new URL(page.url()).searchParams;

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await waitForCharts(page);
}

/** Chooses a unit as a person does: types in the picker's search, clicks the option, closes the list. */
async function chooseUnit(page: Page, typed: string, option: RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' });
  await box.fill(typed);
  await page.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' }).getByRole('option', { name: option }).click();
  await box.press('Escape');
}

/** The chip of a chosen unit (a button that leaves it). */
const chip = (page: Page, label: string) => page.getByRole('list', { name: 'Đơn vị đã chọn' }).getByRole('button', { name: `Bỏ chọn ${label}` });

/** Every panel's subtitle names these wards and this period. */
async function expectView(page: Page, subtitle: string): Promise<void> {
  for (const title of TITLES) {
    await expect.poll(() => panel(page, title).locator('.panel-subtitle').textContent(), { timeout: 15_000 }).toBe(subtitle);
  }
}

/** The element that has the focus: its tag, type and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLSelectElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? '',
      role: el?.getAttribute('role') ?? '',
      label: el?.closest('label')?.textContent?.trim() ?? el?.textContent?.trim() ?? '',
    };
  });

/** Presses Tab until the focus is on what `matches` accepts (at most 80 times: seven regions' buttons). */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last focus: ${JSON.stringify(await focused(page))}`);
}

describe('a leader’s journeys through the dashboard', () => {
  it('opens the page on Mỹ Thới’s latest figures, saying which period, then reads the whole of 2024', async () => {
    const { page } = browser;
    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => requested.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await open(page);
    page.off('request', onRequest);
    // the production build talks to the real server: no mock service worker, data from /api/
    expect(requested.filter((p) => p.includes('mockServiceWorker'))).toEqual([]);
    expect(requested).toContain('/api/observations');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Chỉ tiêu Nghị quyết');
    // no period in the link: the latest one with figures, said so; the link still names none
    await expect.poll(() => page.getByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.').count()).toBe(1);
    await expectView(page, 'Phường Mỹ Thới · Quý I 2026');
    await expect.poll(() => panel(page, 'Thu ngân sách').getByRole('list', { name: 'Số liệu chính' }).innerText()).toContain('trên 32 tỷ đồng');
    expect(search(page).toString()).toBe('unit=my-thoi');
    await waitForPanels(page);
    await saveScreenshot(page, '01-default-my-thoi-latest');

    // a period chosen is the person's: in the URL, the notice gone
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2024');
    await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: 'Cả năm' });
    await expect.poll(() => search(page).toString()).toBe('unit=my-thoi&period=2024-Q4');
    await expectView(page, 'Phường Mỹ Thới · Cả năm 2024');
    expect(await page.getByText(/Đang xem kỳ gần nhất có số liệu/).count()).toBe(0);

    await expect.poll(() => panel(page, 'Thu ngân sách').getByRole('list', { name: 'Số liệu chính' }).innerText()).toContain('trên 12 tỷ đồng');
    const coverage = await panel(page, 'Bảo hiểm y tế').getByRole('list', { name: 'Số liệu chính' }).innerText();
    expect(coverage).toContain('88,44%');
    expect(coverage).toContain('Số liệu 9 tháng 2024');
    expect(await panel(page, 'Chỉ tiêu Nghị quyết').innerText()).toContain('10/11 chỉ tiêu');
    expect(await panel(page, 'Giảm nghèo').innerText()).toContain('1.770 phần quà');
    for (const title of TITLES) {
      for (const format of ['PNG', 'SVG', 'CSV']) {
        expect(await panel(page, title).getByRole('button', { name: new RegExp(format) }).isVisible()).toBe(true);
      }
    }
    await waitForPanels(page);
    await saveScreenshot(page, '01-my-thoi-2024');
    // back past Quý I 2024 (the year changed first): the link without a period, on the latest one again
    await page.goBack();
    await expectView(page, 'Phường Mỹ Thới · Quý I 2024');
    await page.goBack();
    await expectView(page, 'Phường Mỹ Thới · Quý I 2026');
    expect(search(page).toString()).toBe('unit=my-thoi');
    expect(browser.errors).toEqual([]);
  });

  it('chooses several wards and another period; the URL follows, a reload keeps the view, back returns', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    await chooseUnit(page, 'my binh', /^Phường Mỹ Bình/);
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-binh']);
    await chooseUnit(page, 'my quy', /^Phường Mỹ Quý/);
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-binh', 'my-quy']);
    await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: '6 tháng' });
    await expect.poll(() => search(page).get('period')).toBe('2024-Q2');
    const threeWards = 'Phường Mỹ Thới, Phường Mỹ Bình, Phường Mỹ Quý · 6 tháng 2024';
    await expectView(page, threeWards);
    await waitForPanels(page);
    // Mỹ Quý's mid-year budget figure is on screen with the others
    await expect.poll(() => panel(page, 'Thu ngân sách').innerText()).toContain('trên 4,2 tỷ đồng');
    await saveScreenshot(page, '02-three-wards-6-thang-2024');

    await page.reload();
    await expectView(page, threeWards);
    expect(search(page).getAll('unit')).toEqual(['my-thoi', 'my-binh', 'my-quy']);
    expect(await chip(page, 'Phường Mỹ Quý (đến 30/06/2025)').isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Kỳ' }).inputValue()).toBe('2');

    await page.goBack();
    await expect.poll(() => search(page).get('period')).toBe('2024-Q4');
    await expectView(page, 'Phường Mỹ Thới, Phường Mỹ Bình, Phường Mỹ Quý · Cả năm 2024');
    await page.goBack();
    await expectView(page, 'Phường Mỹ Thới, Phường Mỹ Bình · Cả năm 2024');
    expect(await chip(page, 'Phường Mỹ Quý (đến 30/06/2025)').count()).toBe(0);
    expect(await chip(page, 'Phường Mỹ Bình (đến 30/06/2025)').isVisible()).toBe(true);
    await page.goForward();
    await expectView(page, 'Phường Mỹ Thới, Phường Mỹ Bình, Phường Mỹ Quý · Cả năm 2024');
  });

  it('opens a link with garbage in it and gets the default view (the latest period) with a notice', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/?unit=%3Cscript%3Ealert(1)%3C%2Fscript%3E&period=2024-Q9&utm=x`);
    await waitForCharts(page);
    const notice = page.getByRole('status').filter({ hasText: 'không hợp lệ' });
    await expect.poll(() => notice.innerText()).toContain('Kỳ báo cáo “2024-Q9” không hợp lệ; đang hiển thị kỳ gần nhất có số liệu.');
    expect(await notice.innerText()).toContain('Đã bỏ qua tham số không dùng đến: utm');
    await expectView(page, 'Phường Mỹ Thới · Quý I 2026');
    await expect.poll(() => panel(page, 'Thu ngân sách').innerText()).toContain('trên 32 tỷ đồng');
    await expect.poll(() => search(page).toString()).toBe('unit=my-thoi');
    await saveScreenshot(page, '03-garbage-link-notice', false);

    // a ward that does not exist: dropped, with its name in the notice
    await page.goto(`${server.url}/?unit=khong-co&unit=my-quy&period=2024-Q2`);
    await expect.poll(() => page.getByText(/Không tìm thấy phường “khong-co”/).count()).toBe(1);
    await expectView(page, 'Phường Mỹ Quý · 6 tháng 2024');
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-quy']);
  });

  it('uses the filters with the keyboard only', async () => {
    const { page } = browser;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    // from the top of the page, as after a load: nothing focused
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, (f) => f.tag === 'input' && f.role === 'combobox');
    await page.keyboard.type('my binh');
    await page.keyboard.press('Enter');
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-binh']);

    await tabTo(page, (f) => f.tag === 'select' && f.label.startsWith('Năm'));
    await page.keyboard.press('ArrowDown'); // years run newest first: 2024 → 2023
    await expect.poll(() => search(page).get('period')).toBe('2023-Q4');

    await tabTo(page, (f) => f.tag === 'select' && f.label.startsWith('Kỳ'));
    await page.keyboard.press('ArrowUp'); // Cả năm → 9 tháng
    await expect.poll(() => search(page).get('period')).toBe('2023-Q3');
    expect(search(page).toString()).toBe('unit=my-thoi&unit=my-binh&period=2023-Q3');
    await expectView(page, 'Phường Mỹ Thới, Phường Mỹ Bình · 9 tháng 2023');

    // the focus is visible where it is
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    });
    expect(outline).toBe(true);
  });

  it('says so in every panel when the network goes, and recovers when it is back', async () => {
    const { page } = browser;
    const errorsBefore = browser.errors.length;
    await open(page, '?unit=my-thoi&period=2024-Q4');
    // the network gone for the page and its service worker alike (a route would not see the worker's requests)
    await browser.context.setOffline(true);
    try {
      // a period not asked for yet needs the API
      await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: '9 tháng' });
      for (const title of TITLES) {
        const alert = panel(page, title).getByRole('alert');
        await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
        // never viewed, so not saved in the browser: the panel says the connection is lost
        expect(await alert.innerText()).toContain('Mất kết nối tới máy chủ.');
        expect(await alert.getByRole('button', { name: 'Thử lại' }).isEnabled()).toBe(true);
      }
      // each panel still says which ward and period it failed for
      await expectView(page, 'Phường Mỹ Thới · 9 tháng 2024');
      await saveScreenshot(page, '04-api-down-alerts');
    } finally {
      await browser.context.setOffline(false);
    }
    // back online: each panel asks again (by itself, or with its Retry)
    for (const title of TITLES) {
      const retry = panel(page, title).getByRole('button', { name: 'Thử lại' });
      if (await retry.count()) await retry.click().catch(() => undefined);
    }
    for (const title of TITLES) await expect.poll(() => panel(page, title).getByRole('alert').count(), { timeout: 20_000 }).toBe(0);
    await expectView(page, 'Phường Mỹ Thới · 9 tháng 2024');
    await waitForPanels(page);
    // the figures of the 9-month report are back, with the period they belong to
    await expect.poll(() => panel(page, 'Bảo hiểm y tế').getByRole('list', { name: 'Số liệu chính' }).innerText()).toContain('88,44%');
    // only the requests the outage failed (through the service worker: net::ERR_FAILED)
    const unexpected = browser.errors.slice(errorsBefore).filter((e) => !/Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/.test(e));
    expect(unexpected).toEqual([]);
  });

  it('keeps the chart’s picture and the figures when the tooltips’ code cannot be loaded, and brings that chart on Retry', async () => {
    const chartCode = (url: URL) => /\/assets\/kpi-chart-[^/]+\.js$/.test(url.pathname);
    // a fresh browser without a service worker: the chart code is in no module map nor cache
    const other = await launchChromium({ width: 1440, height: 900, serviceWorkers: 'block' });
    const fresh = other.page;
    await fresh.route(chartCode, (route) => route.abort('connectionreset'));
    try {
      await fresh.goto(`${server.url}/?unit=my-thoi&period=2024-Q4`);
      const budget = panel(fresh, 'Thu ngân sách');
      // the picture needs none of that code
      const bars = budget.locator('svg[data-kpi-chart="trend"] rect[data-kpi-bar]');
      await bars.first().waitFor({ timeout: 20_000 });
      await bars.first().hover();
      await expect.poll(() => budget.getByRole('alert').count(), { timeout: 20_000 }).toBe(1);
      expect(await budget.getByRole('alert').innerText()).toContain('Không tải được phần xem số liệu từng cột');
      // the picture and the headline figures stay
      expect(await bars.count()).toBeGreaterThan(0);
      expect(await budget.getByRole('list', { name: 'Số liệu chính' }).innerText()).toContain('trên 12 tỷ đồng');
      await fresh.unrouteAll();
      await budget.getByRole('button', { name: 'Thử lại' }).click();
      await budget.locator('.recharts-wrapper svg[data-kpi-chart="trend"]').waitFor({ timeout: 20_000 });
      expect(await budget.getByRole('alert').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('opens the province’s link without a period on its communes’ latest figures, ranked', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/?unit=an-giang`);
    await waitForPanels(page);
    await expect.poll(() => page.getByText(/^Đang xem kỳ gần nhất có số liệu: /).innerText()).toBe('Đang xem kỳ gần nhất có số liệu: Quý I 2026.');
    await expectView(page, 'Tỉnh An Giang · 102 xã, phường · Quý I 2026');
    const rows = panel(page, 'Thu ngân sách').locator('svg[data-kpi-chart] .comparison-row');
    await expect.poll(() => rows.count()).toBe(102);
    expect(search(page).toString()).toBe('unit=an-giang');
    await saveScreenshot(page, '06-province-latest');
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await waitForPanels(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, '06-province-latest-phone');
      // the rankings further down (laid out only near the screen) are drawn as the page is scrolled to them
      for (const title of ['Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết']) {
        const first = panel(page, title).locator('svg[data-kpi-chart] .comparison-row').first();
        await first.scrollIntoViewIfNeeded();
        await expect.poll(() => first.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }) && el.getBoundingClientRect().height > 0)).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('on a 375 px wide screen, everything is reachable without scrolling sideways', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await open(page, '?unit=my-thoi&unit=my-binh&period=2024-Q4');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      for (const title of TITLES) {
        const section = panel(page, title);
        const heading = section.getByRole('heading', { name: title });
        await heading.scrollIntoViewIfNeeded();
        const h = (await heading.boundingBox())!;
        expect(h.x).toBeGreaterThanOrEqual(0);
        expect(h.x + h.width).toBeLessThanOrEqual(375);
        for (const format of ['PNG', 'SVG', 'CSV']) {
          const button = section.getByRole('button', { name: new RegExp(format) });
          await button.scrollIntoViewIfNeeded();
          const b = (await button.boundingBox())!;
          expect(b.x, `${title} ${format}`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, `${title} ${format}`).toBeLessThanOrEqual(375);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.y + b.height).toBeLessThanOrEqual(740);
        }
      }
      // the filters too
      const period = page.getByRole('combobox', { name: 'Kỳ' });
      await period.scrollIntoViewIfNeeded();
      const p = (await period.boundingBox())!;
      expect(p.x + p.width).toBeLessThanOrEqual(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.evaluate(() => window.scrollTo(0, 0));
      await saveScreenshot(page, '05-phone-375px');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
