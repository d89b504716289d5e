/**
 * The dashboard on a phone in a hall with poor coverage (issue 17), in Debian's Chromium
 * against the production build served by the real server, always on the same port (one origin,
 * so the service worker and the saved copies carry over between servers): the app installs
 * (manifest, icons, a Workbox service worker without msw's), a reload without network shows
 * the figures viewed before under the saved-copy banner and says a period never viewed is not
 * saved, and what is exported then is made from the saved figures and says so; a stopped or
 * hanging server is said to be lost within 5 s and the panels recover by themselves, a new version is offered and loaded only when asked, and nothing jumps while the
 * page fills. Each test has a browser of its own (a new profile: no worker, nothing saved).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-reader';
import { DIST, E2E_ARTIFACTS, ROOT, ensureBuilt, freePort, launchChromium, layoutShifts, recordLayoutShifts, saveScreenshot, waitForPanels, type RunningBrowser } from './harness';

const VIEW = '/?unit=my-thoi&period=2024-Q4';
const TITLES = ['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết'];
const BANNER = /^Đang xem bản lưu lúc (\d\d):(\d\d) ngày (\d\d)\/(\d\d)\/(\d{4}) — không có kết nối$/;

let port: number;
let origin: string;
/** The build as made, and a next version of it (another index.html and service worker). */
let distA: string;
let distB: string;
let server: { stop(): Promise<void> } | undefined;
const browsers: RunningBrowser[] = [];

/** A copy of dist/ that a rebuild by another suite cannot change under this one. */
function copyBuild(marker?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-offline-dist-'));
  cpSync(DIST, dir, { recursive: true });
  if (marker) {
    // a new version: its page and its worker differ (the worker's precache names the new page's revision)
    const index = readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta name="kpi-build" content="${marker}" />`);
    writeFileSync(join(dir, 'index.html'), index);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8').replace(/(url:"index\.html",revision:")[^"]*"/, `$1${marker}"`);
    if (!sw.includes(`revision:"${marker}"`)) throw new Error('sw.js: no precache entry for index.html to change');
    writeFileSync(join(dir, 'sw.js'), sw);
    for (const name of ['index.html', 'sw.js']) for (const suffix of ['.br', '.gz']) rmSync(join(dir, name + suffix), { force: true });
  }
  return dir;
}

/**
 * The real server (server/main.ts, as `npm start` runs it) on this suite's port, serving `dist`,
 * with a fresh database; ready once /api/health answers. (The harness's startServer picks a new
 * port each time: a new origin, without the worker and the saved copies.)
 */
async function serve(dist = distA): Promise<void> {
  await stopServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-e2e-offline-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: dist, KPI_ACCESS_LOG: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  server = {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${err}`);
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`server did not answer within 30 s: ${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(): Promise<void> {
  await server?.stop();
  server = undefined;
}

async function newBrowser(width = 1280, height = 900): Promise<RunningBrowser> {
  const b = await launchChromium({ width, height, serviceWorkers: 'allow' });
  browsers.push(b);
  return b;
}

beforeAll(async () => {
  await ensureBuilt();
  distA = copyBuild();
  distB = copyBuild('next');
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close();
});

afterAll(async () => {
  await stopServer();
  for (const dir of [distA, distB]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const panel = (page: Page, title: string) => page.getByRole('region', { name: title });
const headline = (page: Page, title: string) => panel(page, title).getByRole('list', { name: 'Số liệu chính' }).innerText();
const bannerText = (page: Page) => page.locator('.offline-banner').textContent({ timeout: 1000 }).catch(() => null);

/** Opens the page and waits until the service worker controls it and the figures are saved. */
async function openInstalled(page: Page, path = VIEW): Promise<void> {
  await page.goto(origin + path);
  await waitForPanels(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await expect.poll(() => savedFigures(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
}

/** The saved copies of figures in the page's IndexedDB: how many, and the oldest one's time. */
function savedCopies(page: Page): Promise<{ figures: number; oldest: number | null }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('kpi-saved-copies');
        open.onerror = () => resolve({ figures: 0, oldest: null });
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('answers')) return resolve({ figures: 0, oldest: null });
          const all = db.transaction('answers').objectStore('answers').getAll();
          all.onsuccess = () => {
            const figures = (all.result as { key: unknown[]; savedAt: number }[]).filter((c) => c.key[0] === 'observations');
            resolve({ figures: figures.length, oldest: figures.length ? Math.min(...figures.map((c) => c.savedAt)) : null });
          };
        };
      }),
  );
}
const savedFigures = async (page: Page) => (await savedCopies(page)).figures;

/** A panel's export button, or an item of its menu of conference files, clicked as a user does. */
const exportButton = (page: Page, title: string, name: string) => () => panel(page, title).getByRole('button', { name }).click();
const exportMenuItem = (page: Page, title: string, name: string) => async () => {
  await panel(page, title).getByRole('button', { name: 'PowerPoint, Excel, Word' }).click();
  await panel(page, title).getByRole('menuitem', { name }).click();
};

/** The file a click downloads, kept as test-results/e2e/TAG-NAME for a look. */
async function exported(page: Page, tag: string, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  mkdirSync(E2E_ARTIFACTS, { recursive: true });
  const path = join(E2E_ARTIFACTS, `${tag}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}
const csvRows = (bytes: Buffer) => parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));

/** The text of a deck's slides, in order. */
async function slideTexts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
  return xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '));
}

/** "HH:MM ngày DD/MM/YYYY" of a time, in the page's own time zone. */
const formatInPage = (page: Page, time: number) =>
  page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
  }, time);

describe('the installable app', () => {
  it('has a Vietnamese manifest with icons and a Workbox service worker without msw’s, and breaks no CSP rule', async () => {
    await serve();
    const manifestRes = await fetch(`${origin}/manifest.webmanifest`);
    expect(manifestRes.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifestRes.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await manifestRes.json()) as { name: string; short_name: string; lang: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Chỉ tiêu Nghị quyết các phường', short_name: 'Chỉ tiêu phường', lang: 'vi', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const res = await fetch(origin + icon.src);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get('content-type'), icon.src).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      // the PNG's own width and height (IHDR) are the size the manifest says
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }

    const swRes = await fetch(`${origin}/sw.js`);
    expect(swRes.headers.get('cache-control')).toBe('no-cache');
    expect(swRes.headers.get('content-type')).toMatch(/^text\/javascript/);
    const sw = await swRes.text();
    expect(sw).toContain('workbox');
    expect(sw).not.toContain('mockServiceWorker');
    const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
    expect(precached).toContain('index.html');
    expect(precached.some((u) => /^assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    for (const url of precached) expect((await fetch(`${origin}/${url}`)).status, url).toBe(200);
    expect((await fetch(`${origin}/mockServiceWorker.js`)).status).toBe(404);

    const { page, errors } = await newBrowser();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await openInstalled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}/sw.js`);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(requested.filter((p) => p.includes('mockServiceWorker'))).toEqual([]);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(errors).toEqual([]);
  });
});

describe('without a network', () => {
  it('a reload shows the figures viewed before, their own periods, and when they were saved; a period never viewed says it is not saved', async () => {
    await serve();
    const { page, context } = await newBrowser();
    await openInstalled(page);
    const online = Object.fromEntries(await Promise.all(TITLES.map(async (t) => [t, await headline(page, t)] as const)));
    expect(online['Thu ngân sách']).toContain('trên 12 tỷ đồng');
    expect(await bannerText(page)).toBeNull();
    const { oldest } = await savedCopies(page);
    // the panel's figures as exported online: no word of a saved copy
    const onlineCsv = csvRows((await exported(page, 'online', exportButton(page, 'Thu ngân sách', 'Tải CSV'))).bytes);
    expect(onlineCsv[0]![0]).toBe('Phường, xã');
    expect(onlineCsv.flat().join(' ')).not.toContain('bản lưu');

    // the network drops (and the server with it), then the page is reloaded
    await context.setOffline(true);
    await stopServer();
    await page.reload();
    await waitForPanels(page);
    for (const title of TITLES) {
      expect(await headline(page, title), title).toBe(online[title]);
      expect(await panel(page, title).locator('.panel-subtitle').textContent(), title).toBe('Phường Mỹ Thới · Cả năm 2024');
    }
    // a figure of an earlier period still says so
    expect(await headline(page, 'Bảo hiểm y tế')).toContain('Số liệu 9 tháng 2024');
    const banner = await bannerText(page);
    expect(banner).toMatch(BANNER);
    const savedAt = await formatInPage(page, oldest!);
    expect(banner).toBe(`Đang xem bản lưu lúc ${savedAt} — không có kết nối`);
    await saveScreenshot(page, 'offline-01-saved-copy', false);

    // what is exported now is made from the saved figures, and says so with the banner's time
    const note = `Lập từ bản lưu lúc ${savedAt} — không có kết nối`;
    const csv = csvRows((await exported(page, 'offline', exportButton(page, 'Thu ngân sách', 'Tải CSV'))).bytes);
    expect(csv).toEqual([[note], ...onlineCsv]);
    const svg = (await exported(page, 'offline', exportButton(page, 'Thu ngân sách', 'Tải SVG'))).bytes.toString('utf8');
    const svgTexts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(svgTexts).toContain(note);
    expect(svgTexts).toContain('Phường Mỹ Thới · Cả năm 2024');
    const png = (await exported(page, 'offline', exportButton(page, 'Thu ngân sách', 'Tải PNG'))).bytes;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const slide = (await exported(page, 'offline', exportMenuItem(page, 'Thu ngân sách', 'Ảnh trình chiếu 1920×1080'))).bytes;
    expect([slide.readUInt32BE(16), slide.readUInt32BE(20)]).toEqual([1920, 1080]);
    // the PowerPoint code comes from the installed app, not the network
    const deck = await exported(page, 'offline', exportMenuItem(page, 'Thu ngân sách', 'Tải PowerPoint'));
    expect(deck.name).toBe('thu-ngan-sach_my-thoi_2024-ca-nam.pptx');
    const slides = await slideTexts(deck.bytes);
    expect(slides.length).toBeGreaterThan(0);
    for (const slide of slides) {
      expect(slide).toContain(note);
      expect(slide).toContain('Phường Mỹ Thới · Cả năm 2024');
    }
    expect(await panel(page, 'Thu ngân sách').getByRole('alert').count()).toBe(0);

    // a period never viewed: not saved, and said so in every panel, not a spinner
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2023');
    for (const title of TITLES) {
      // the panel's own alert (under Chỉ tiêu Nghị quyết the resolution's list says so too)
      const alert = panel(page, title).getByRole('alert').first();
      await expect.poll(() => alert.textContent().catch(() => ''), { timeout: 5000 }).toContain('Mất kết nối tới máy chủ.');
      expect(await alert.textContent()).toContain('chưa được lưu');
      expect(await panel(page, title).locator('.spinner').count()).toBe(0);
    }
    await saveScreenshot(page, 'offline-02-not-saved', false);
  });
});

describe('when the server cannot be reached', () => {
  it('a stopped server is said to be lost within 5 s, and the panels come back by themselves when it answers', async () => {
    await serve();
    const { page } = await newBrowser();
    await openInstalled(page);

    await stopServer();
    const asked = Date.now();
    await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: '9 tháng' });
    for (const title of TITLES) {
      await expect.poll(() => panel(page, title).getByRole('alert').textContent().catch(() => ''), { timeout: 5000 }).toContain('Mất kết nối tới máy chủ.');
    }
    expect(Date.now() - asked).toBeLessThan(5000);
    // the figures still on screen elsewhere say when they were given; none look newer
    await saveScreenshot(page, 'offline-03-server-stopped', false);

    await serve();
    for (const title of TITLES) {
      await expect.poll(() => panel(page, title).locator('.panel-subtitle').textContent(), { timeout: 20_000 }).toBe('Phường Mỹ Thới · 9 tháng 2024');
      await expect.poll(() => panel(page, title).getByRole('alert').count(), { timeout: 20_000 }).toBe(0);
    }
    await waitForPanels(page);
    expect(await headline(page, 'Bảo hiểm y tế')).toContain('88,44%');
    expect(await bannerText(page)).toBeNull();
  });

  it('a server that takes the connection and never answers is said to be lost within 5 s, not a spinner for ever', async () => {
    await serve();
    const { page } = await newBrowser();
    await openInstalled(page);

    // the same port, a server that says nothing
    await stopServer();
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', () => resolve()));
    try {
      const asked = Date.now();
      await page.getByRole('combobox', { name: 'Kỳ' }).selectOption({ label: '6 tháng' });
      for (const title of TITLES) {
        await expect
          .poll(() => panel(page, title).getByRole('alert').textContent().catch(() => ''), { timeout: 6000, interval: 200 })
          .toContain('Mất kết nối tới máy chủ.');
      }
      expect(Date.now() - asked).toBeLessThan(5500);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('a new version', () => {
  it('is offered while the page is open, and loaded only when the person asks', async () => {
    await serve(distA);
    const { page } = await newBrowser();
    await openInstalled(page);
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await serve(distB);
    // the browser checks for a new worker (the app does so every 30 minutes and at each visit)
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const offer = page.getByText('Có phiên bản mới —');
    await expect.poll(() => offer.textContent().catch(() => ''), { timeout: 20_000 }).toBe('Có phiên bản mới — tải lại');
    await saveScreenshot(page, 'offline-04-update-offered', false);
    // never forced: a few seconds on, the page is the same one, on the old version
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect(await page.locator('meta[name="kpi-build"]').count()).toBe(0);

    await page.getByRole('button', { name: 'tải lại' }).click();
    await page.waitForFunction(() => !(window as unknown as { samePage?: boolean }).samePage, undefined, { timeout: 20_000 });
    await page.waitForLoadState('load');
    expect(await page.locator('meta[name="kpi-build"]').getAttribute('content')).toBe('next');
    await waitForPanels(page);
    expect(await page.getByText('Có phiên bản mới —').count()).toBe(0);
    expect(await headline(page, 'Thu ngân sách')).toContain('trên 12 tỷ đồng');
  });
});

describe('while the page fills', () => {
  /** Every layout shift of opening `path`, until the page has settled. */
  async function shiftsOfLoad(page: Page, path: string) {
    await page.goto(origin + path);
    await waitForPanels(page);
    // a quiet view: nothing more comes; anything that still moves would show now
    await page.waitForTimeout(1500);
    return layoutShifts(page);
  }

  for (const [name, width, height] of [
    ['a laptop', 1350, 940],
    ['a phone', 412, 823],
  ] as const) {
    it(`moves nothing on ${name} (cumulative layout shift 0), on a first visit and on the next one`, async () => {
      await serve();
      const { page } = await newBrowser(width, height);
      await recordLayoutShifts(page);
      for (const visit of ['first', 'next']) {
        const { cls, shifts } = await shiftsOfLoad(page, VIEW);
        expect(cls, `${visit} visit: ${JSON.stringify(shifts)}`).toBe(0);
      }
      // and the figures are there, in the page's own font
      expect(await headline(page, 'Thu ngân sách')).toContain('trên 12 tỷ đồng');
      expect(await page.evaluate(() => document.fonts.check('700 1em "Be Vietnam Pro"', 'Đạt'))).toBe(true);
    });
  }
});

