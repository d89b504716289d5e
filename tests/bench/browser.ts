/**
 * Chromium for the benchmark: one browser, and a new context (its own, empty HTTP cache) for
 * every cold load. Same executable and flags as the e2e harness.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness';

export const VIEWPORT = { width: 1280, height: 900 };
/**
 * A laptop's width and a screen tall enough to hold the whole page of one ward (about 4,000 px
 * at this width): every panel is on it and painted, with nothing to scroll (bench.ts says why).
 */
export const WHOLE_PAGE_VIEWPORT = { width: 1280, height: 4800 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context: cold cache, vi-VN, the benchmark's viewport (or `viewport`). tsx (esbuild
 * with keepNames) wraps inner functions of page.evaluate callbacks in `__name(...)`; the page
 * gets a no-op one.
 */
export async function coldContext(browser: Browser, viewport = VIEWPORT): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

/** Page errors and console errors of a context's pages, for the report. */
export function collectErrors(context: BrowserContext, into: string[]): void {
  context.on('page', (page) => {
    page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') into.push(`console: ${m.text()}`);
    });
  });
}
