/**
 * The first HTML of a shared link (issue 17), in Debian's Chromium against the production build
 * and the real server: it shows the ward's figures before any script runs (even with JavaScript
 * off); the page then takes that HTML over as it is, from the answers that came with it, without
 * asking the API for any of them again, with the same figures as a page that asked for
 * everything itself, and nothing jumps; the app the service worker keeps for offline use is the
 * plain page, with no figures inside.
 *
 * KPI_E2E_DIST=/tmp/my-dist serves a build made beforehand (dist/ is then left alone).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchChromium, layoutShifts, recordLayoutShifts, saveScreenshot, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

const VIEW = '/?unit=my-thoi&period=2024-Q4';

let server: RunningServer;
const browsers: RunningBrowser[] = [];

beforeAll(async () => {
  const dist = process.env.KPI_E2E_DIST;
  if (!dist) await ensureBuilt();
  server = await startServer({ KPI_ACCESS_LOG: '0', ...(dist ? { DIST_DIR: dist } : {}) });
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

/** A phone-sized browser; `mobile`: it says it is a mobile one, as phones' Chromium does (Sec-CH-UA-Mobile). */
async function phone(serviceWorkers: 'allow' | 'block' = 'block', { mobile = true, javaScript = true } = {}): Promise<RunningBrowser> {
  const browser = await launchChromium({ width: 412, height: 823, serviceWorkers, javaScript, headers: mobile ? { 'sec-ch-ua-mobile': '?1' } : undefined });
  browsers.push(browser);
  return browser;
}

/** The API paths the page asks the network for while it opens `path`. */
function apiRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  return asked;
}

/** What a person reads in the panels and the summary (their text, without the controls). */
const panelText = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.at-risk-summary, main.panels section[data-panel]')].map((e) => (e as HTMLElement).innerText).join('\n'));

describe('the first screen in the first HTML', () => {
  it('shows the ward’s figures and what is at risk with JavaScript off', async () => {
    const { page } = await phone('block', { javaScript: false });
    await page.goto(server.url + VIEW);
    const summary = await page.locator('.at-risk-summary').innerText();
    expect(summary).toContain('1 chỉ tiêu chưa đạt');
    expect(summary).toContain('9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%');
    const budget = await page.locator('section[data-panel="thu-ngan-sach"]').innerText();
    expect(budget).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(budget).toContain('trên 12 tỷ đồng');
    // its chart too, drawn for a common phone and fitted to this one's box
    const chart = await page.locator('section[data-panel="thu-ngan-sach"] svg[data-kpi-chart]').evaluate((svg) => ({
      bars: svg.querySelectorAll('[data-kpi-bar]').length,
      width: Math.round(svg.getBoundingClientRect().width) - svg.parentElement!.clientWidth,
    }));
    expect(chart.bars).toBeGreaterThan(0);
    expect(chart.width).toBe(0);
    await saveScreenshot(page, 'first-screen-no-script-412');
  });

  it('is taken over as it is by the page: the same elements, no error, nothing moves', async () => {
    for (const options of [{ mobile: true }, { mobile: false }, { laptop: true }]) {
      const browser = 'laptop' in options ? await launchChromium({ width: 1280, height: 900 }) : await phone('block', options);
      if ('laptop' in options) browsers.push(browser);
      const { page, errors } = browser;
      await recordLayoutShifts(page);
      // the server's elements, marked before the page's script runs (it waits for the first paint)
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () =>
          document.querySelectorAll('.at-risk-summary, section[data-panel], input[role=combobox], svg[data-kpi-chart]').forEach((e) => e.setAttribute('data-from-server', '')),
        );
        // when the parser had read the whole first screen (the mark index.html puts after #root)
        const seen = new MutationObserver(() => {
          if (!document.getElementById('after-root')) return;
          (window as unknown as { firstScreenParsed: number }).firstScreenParsed = performance.now();
          seen.disconnect();
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      await page.goto(server.url + VIEW);
      await waitForPanels(page);
      const kept = await page.evaluate(() => ({
        summary: document.querySelector('.at-risk-summary')?.hasAttribute('data-from-server'),
        first: document.querySelector('section[data-panel="thu-ngan-sach"]')?.hasAttribute('data-from-server'),
        pages: document.querySelectorAll('.page').length,
        // the first chart came with the server's HTML, and is drawn again at its box's own width
        chart: (() => {
          const svg = document.querySelector('section[data-panel="thu-ngan-sach"] svg[data-kpi-chart]')!;
          return { fromServer: svg.hasAttribute('data-from-server'), width: Number(svg.getAttribute('width')) - Math.floor(svg.parentElement!.clientWidth) };
        })(),
      }));
      expect(kept, JSON.stringify(options)).toEqual({ summary: true, first: true, pages: 1, chart: { fromServer: true, width: 0 } });
      // nothing was painted before the whole first screen had been read: no part of it moved when the rest came
      const paint = await page.evaluate(() => ({
        parsed: (window as unknown as { firstScreenParsed?: number }).firstScreenParsed ?? Infinity,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      }));
      expect(paint.fcp, JSON.stringify(options)).toBeGreaterThanOrEqual(paint.parsed);
      // a laptop's search box is the server's too (its code is loaded before the page hydrates), and answers typing
      if ('laptop' in options) {
        const box = page.locator('input[role=combobox]');
        expect(await box.evaluate((e) => e.hasAttribute('data-from-server'))).toBe(true);
        await box.fill('my quy');
        await page.getByRole('option', { name: /Mỹ Quý/ }).first().waitFor();
      }
      // a phone that does not say so is drawn a laptop's search box first, as high as the phone's button that replaces it
      await page.waitForTimeout(1000);
      const { cls, shifts } = await layoutShifts(page);
      expect(cls, `${JSON.stringify(options)}: ${JSON.stringify(shifts)}`).toBe(0);
      expect(errors, JSON.stringify(options)).toEqual([]);
    }
  });
});

describe('a shared link on a phone', () => {
  it('is drawn from the answers that came with the page: the API is not asked for them again', async () => {
    const { page, errors } = await phone();
    const html = await (await fetch(server.url + VIEW)).text();
    const inline = [...html.matchAll(/data-api="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(inline).toContain('/api/units');
    expect(inline.some((p) => p.startsWith('/api/observations?unit=my-thoi'))).toBe(true);

    const asked = apiRequests(page);
    await page.goto(server.url + VIEW);
    await waitForPanels(page);
    expect(asked.filter((p) => inline.includes(p))).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Chỉ tiêu Nghị quyết các phường');
    expect(await page.locator('section[data-panel]').count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });

  it('is in the system’s font on a first visit, fetches the web font once idle, and has it from the first paint of the next', async () => {
    const { page, errors } = await phone();
    /** The web font's files asked for before the first contentful paint, and how many came over the network. */
    const fontsBeforePaint = () =>
      page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
        const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.woff2') && e.startTime < fcp);
        return { asked: fonts.length, overNetwork: fonts.filter((e) => e.transferSize > 0).length };
      });
    const family = () => page.evaluate(() => getComputedStyle(document.querySelector('section[data-panel] .tile-value')!).fontFamily);

    await recordLayoutShifts(page);
    await page.goto(server.url + VIEW);
    await waitForPanels(page);
    expect(await fontsBeforePaint()).toEqual({ asked: 0, overNetwork: 0 });
    expect(await family()).not.toContain('Be Vietnam Pro');
    // once the page is idle, the files come and the browser says so, with nothing moving on this page
    await page.waitForFunction(() => document.cookie.split('; ').includes('kpi-web-font=1'), null, { timeout: 15_000 });
    expect(await family()).not.toContain('Be Vietnam Pro');
    expect((await layoutShifts(page)).cls).toBe(0);

    await page.reload();
    await waitForPanels(page);
    const next = await fontsBeforePaint();
    expect(next.asked).toBeGreaterThanOrEqual(4);
    expect(next.overNetwork).toBe(0);
    expect(await family()).toMatch(/^"Be Vietnam Pro"/);
    expect(await page.evaluate(() => document.fonts.check('700 16px "Be Vietnam Pro"', 'Đạt'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('whose code does not come says so over the figures it shows, and a reload brings the page', async () => {
    const { page } = await phone();
    // the network drops after the page: the app's last stage (app/mount) never comes
    const mount = /\/assets\/mount-[^/]+\.js$/;
    await page.route(mount, (route) => route.abort('internetdisconnected'));
    await page.goto(server.url + VIEW);
    const alert = page.getByRole('alert').filter({ hasText: 'Không tải được phần mềm của trang' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toContain('Số liệu đang hiện vẫn đọc được, nhưng các nút và bộ lọc chưa dùng được.');
    // the server's first screen is still there to read
    expect(await page.locator('section[data-panel="thu-ngan-sach"]').innerText()).toContain('Phường Mỹ Thới · Cả năm 2024');
    await saveScreenshot(page, 'first-html-code-missing-375', false);

    await page.unroute(mount);
    await alert.getByRole('button', { name: 'Tải lại trang' }).click();
    await waitForPanels(page);
    expect(await page.getByRole('alert').filter({ hasText: 'Không tải được phần mềm' }).count()).toBe(0);
    // the page answers now: a filter changes the view
    await page.locator('.filter-period select').first().selectOption('2025');
    await page.waitForURL(/period=2025/);
  });

  it('shows the same figures as a page that asks for everything itself, and nothing jumps', async () => {
    const withAnswers = (await phone()).page;
    await recordLayoutShifts(withAnswers);
    await withAnswers.goto(server.url + VIEW);
    await waitForPanels(withAnswers);

    // the same link answered with the plain index.html: the page asks for everything itself
    const plain = (await phone()).page;
    await plain.route(server.url + VIEW, async (route) => route.fulfill({ response: await route.fetch({ url: `${server.url}/index.html` }) }));
    const asked = apiRequests(plain);
    await plain.goto(server.url + VIEW);
    await waitForPanels(plain);
    expect(asked).toContain('/api/units');

    // the resolution's targets come with their own code: read once both pages show them
    for (const p of [withAnswers, plain]) await p.locator('.resolution-targets').first().waitFor();
    expect(await panelText(withAnswers)).toBe(await panelText(plain));
    await withAnswers.waitForTimeout(1000);
    const { cls, shifts } = await layoutShifts(withAnswers);
    expect(cls, JSON.stringify(shifts)).toBe(0);
  });

  it('the copy of the app the service worker keeps for offline use carries no figures', async () => {
    const { page } = await phone('allow');
    await page.goto(server.url + VIEW);
    await waitForPanels(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const kept = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (new URL(request.url).pathname === '/index.html') return (await cache.match(request))!.text();
        }
      }
      return undefined;
    });
    expect(kept).toContain('<div id="root">');
    expect(kept).not.toContain('data-api=');
  });
});
