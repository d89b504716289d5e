/**
 * Reusable pieces for the end-to-end suite (tests/e2e/**): the production build, the real
 * server on a free port, and Debian's Chromium through playwright-core.
 *
 *   await ensureBuilt();                       // `vite build` when dist/ is missing or older than the sources
 *   const server = await startServer();        // node --import tsx server/main.ts, temp DATA_DIR
 *   const browser = await launchChromium();    // persistent context with the flags from DESIGN.md
 *   await browser.page.goto(`${server.url}/?unit=my-thoi`);
 *   ...
 *   await browser.close(); await server.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '../..');
/**
 * The build served: dist/, or one made beforehand and named by KPI_E2E_DIST (or DIST_DIR, the
 * server's own variable), e.g. `vite build --outDir /tmp/my-dist`; dist/ is then left alone.
 */
const OWN_DIST = process.env.KPI_E2E_DIST || process.env.DIST_DIR;
export const DIST = OWN_DIST ?? join(ROOT, 'dist');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** DESIGN.md, "Known pitfalls": what Debian's Chromium needs here (--user-data-dir is refused). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the build is made from; dist/ older than any of these is rebuilt. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'server/http/static-build.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function isBuildFresh(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out}`))));
  });
}

/**
 * Builds dist/ (`vite build`) unless it is newer than every source (or another build is named, see DIST). Suites running at the same
 * time wait for each other through a lock directory, so one build serves them all.
 */
export async function ensureBuilt(): Promise<void> {
  if (OWN_DIST || isBuildFresh()) return;
  const lock = join(tmpdir(), `kpi-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than the longest build is left over from a killed run
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 170_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    // vitest sets NODE_ENV=test, which would make a development build (msw and all): ask for production
    if (!isBuildFresh())
      await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { NODE_ENV: 'production' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit, remove the temp DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * The real server (`server/main.ts`, as `npm start` runs it) on a free port, with a fresh
 * database in a temp DATA_DIR (seeded from data/). Ready once /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-e2e-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...(OWN_DIST ? { DIST_DIR: OWN_DIST } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, dataDir, child, output: () => out, stop };
}

export interface RunningBrowser {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a throwaway profile; downloads accepted. */
/**
 * `serviceWorkers`: 'block' by default, so that what a test does to the network (a route that
 * fails a request) reaches the page as it would without the app's offline copy; the offline
 * tests allow it.
 */
export async function launchChromium(
  options: {
    width?: number;
    height?: number;
    serviceWorkers?: 'allow' | 'block';
    touch?: boolean;
    /** false: a browser with JavaScript turned off. */
    javaScript?: boolean;
    /** Headers sent with every request (a phone's client hint, say). */
    headers?: Record<string, string>;
  } = {},
): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? 'block',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    hasTouch: options.touch ?? false,
    javaScriptEnabled: options.javaScript ?? true,
    extraHTTPHeaders: options.headers,
    locale: 'vi-VN',
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/* ---- Small helpers shared by the journey, accessibility and benchmark scripts (additive). ---- */

/** Screenshots and other artifacts of the e2e suite (gitignored). */
export const E2E_ARTIFACTS = join(ROOT, 'test-results/e2e');
/** A drawn chart: its root svg, marked `data-kpi-chart` by either chart kind (Recharts trend, hand-drawn comparison). */
export const CHART_SVG = 'section[data-panel] svg[data-kpi-chart]';
/** A bar of a drawn chart, of either kind: marked `data-kpi-bar`, like the chart's svg (src/components/charts/chart-marker.ts). */
export const CHART_BAR = `${CHART_SVG} [data-kpi-bar]`;
/** The text of a chart's legend entry, of either kind (both legends are HTML under the svg). */
export const LEGEND_TEXT = '.recharts-legend-item-text, .chart-legend-text';

/**
 * Brings every panel near the screen as a person reading the page would: from the top, one
 * screen down at a time, each time waiting until what is on the screen and the screen below it
 * has loaded and drawn its chart (a ranking's panel is laid out only near the screen:
 * content-visibility), down to the bottom of the page; then back to the top, where the page is
 * at rest for what the test does next.
 */
export async function scrollThroughPanels(page: Page, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // nothing within this screen and the next is loading or waiting for its chart (a chart that
    // could not load says so with a Retry: it waits for nobody)
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('section[data-panel] :is(.panel-loading, .chart-placeholder:not([role=alert]))')].every((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom <= 0 || r.top >= 2 * innerHeight;
        }),
      undefined,
      { timeout: Math.max(1000, deadline - Date.now()) },
    );
    const atBottom = await page.evaluate(() => {
      const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
      if (!bottom) scrollBy(0, innerHeight);
      return bottom;
    });
    if (atBottom) break;
    // the scroll's frame, so the page has seen where its boxes now are
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  await page.evaluate(() => scrollTo(0, 0));
}

/**
 * Waits until `count` panels have drawn their chart, then for the web fonts: with the page
 * scrolled through (scrollThroughPanels), as a reader would.
 */
export async function waitForCharts(page: Page, count = 4, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('section[data-panel]').length > 0, undefined, { timeout });
  await scrollThroughPanels(page, timeout);
  await page.waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length >= n, { sel: CHART_SVG, n: count }, { timeout });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Saves a screenshot as test-results/e2e/NAME.png and returns its path. */
/** A layout shift the page made by itself (none with recent input): its score and what moved. */
export interface LayoutShift {
  value: number;
  moved: string[];
}

/** Records every layout shift the page makes by itself from the navigation on (buffered), with what moved; read them with `layoutShifts`. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { value: number; moved: string[] }[] = [];
    (window as unknown as { layoutShifts: typeof seen }).layoutShifts = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
        if (entry.hadRecentInput) continue;
        const moved = (entry.sources ?? []).map((s) => {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          return el ? `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}` : '?';
        });
        seen.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts recorded so far (recordLayoutShifts) and their sum, the cumulative layout shift. */
export async function layoutShifts(page: Page): Promise<{ cls: number; shifts: LayoutShift[] }> {
  const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts);
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(E2E_ARTIFACTS, { recursive: true });
  const path = join(E2E_ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Waits until every panel has settled: it drew its chart, or says it has no figures, or shows
 * its error; and nothing is loading or updating. Then for the web fonts. Rankings are laid out near
 * the screen: the page is scrolled through first (scrollThroughPanels) and left at its top.
 */
export async function waitForPanels(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('section[data-panel]').length > 0, undefined, { timeout });
  await scrollThroughPanels(page, timeout);
  await page.waitForFunction(
    (chart) => {
      const panels = [...document.querySelectorAll('section[data-panel]')];
      return (
        panels.length > 0 &&
        panels.every(
          (p) =>
            !p.querySelector('.panel-loading, .updating, .chart-placeholder') &&
            Boolean(p.querySelector(`${chart.replace('section[data-panel] ', '')}, .panel-empty, .panel-error`)),
        )
      );
    },
    CHART_SVG,
    { timeout },
  );
  await waitForHydration(page, timeout);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Waits until React has taken over every button of the page: the server's first screen is
 * plain HTML until the page hydrates it (src/app/mount.tsx), and a click on it before then is lost.
 * React marks each element it owns with its props (a `__reactProps$…` key).
 */
export async function waitForHydration(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('#root button')].every((b) => Object.keys(b).some((k) => k.startsWith('__reactProps'))),
    undefined,
    { timeout },
  );
}
