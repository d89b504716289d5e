/**
 * npm run bench:export — how long a PNG export of each panel takes in Chromium, on the
 * production build served by the real server. Timed in the page: from the click on "Tải PNG"
 * to the moment the file is handed to the browser as a download (the download itself is
 * skipped). The first export of a page also prepares the font (reported apart, "cold").
 *
 *   RUNS=15 npm run bench:export
 */
import { ensureBuilt, launchChromium, startServer } from '../tests/e2e/harness';

const RUNS = Number(process.env.RUNS ?? 11);
const TARGET_MS = 400;
const QUERY = '?unit=my-thoi&period=2024-Q4';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main() {
  await ensureBuilt();
  const server = await startServer();
  const browser = await launchChromium({ width: 1280, height: 900 });
  try {
    const { page } = browser;
    await page.goto(`${server.url}/${QUERY}`);
    await page.waitForFunction(() => document.querySelectorAll('section[data-panel] .recharts-wrapper > svg.recharts-surface').length === 4, null, {
      timeout: 30_000,
    });
    await page.evaluate(() => document.fonts.ready);
    const slugs = await page.locator('section[data-panel]').evaluateAll((els) => els.map((el) => el.getAttribute('data-panel')!));

    // record when a file is handed over, instead of downloading it
    await page.evaluate(() => {
      const w = window as unknown as { handedOver: (() => void) | null };
      w.handedOver = null;
      HTMLAnchorElement.prototype.click = function () {
        if (this.download) w.handedOver?.();
      };
    });

    const exportOnce = (slug: string, scale: number) =>
      page.evaluate(
        async ({ slug, scale }) => {
          const section = document.querySelector(`section[data-panel="${slug}"]`)!;
          const select = section.querySelector<HTMLSelectElement>('.export-scale select');
          if (select && select.value !== String(scale)) {
            const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
            set.call(select, String(scale));
            select.dispatchEvent(new Event('change', { bubbles: true }));
            await new Promise((r) => setTimeout(r, 50));
          }
          const button = [...section.querySelectorAll('button')].find((b) => b.textContent?.includes('PNG'))!;
          const w = window as unknown as { handedOver: (() => void) | null };
          const done = new Promise<void>((resolve) => (w.handedOver = resolve));
          const start = performance.now();
          button.click();
          await done;
          const ms = performance.now() - start;
          // wait until the button is ready again
          while (button.disabled) await new Promise((r) => setTimeout(r, 5));
          return ms;
        },
        { slug, scale },
      );

    const rows: { slug: string; cold?: number; x2: number; x3: number }[] = [];
    let cold: number | undefined;
    for (const slug of slugs) {
      const first = await exportOnce(slug, 2);
      if (cold === undefined) cold = first;
      const x2: number[] = [];
      for (let i = 0; i < RUNS; i++) x2.push(await exportOnce(slug, 2));
      const x3: number[] = [];
      for (let i = 0; i < RUNS; i++) x3.push(await exportOnce(slug, 3));
      rows.push({ slug, x2: median(x2), x3: median(x3) });
    }

    console.log(`PNG export per panel, Chromium, production build, median of ${RUNS} runs (target < ${TARGET_MS} ms)`);
    console.log(`first export of the page (prepares the font once): ${cold!.toFixed(0)} ms`);
    console.log('panel'.padEnd(24) + '2× (ms)'.padStart(10) + '3× (ms)'.padStart(10));
    for (const r of rows) console.log(r.slug.padEnd(24) + r.x2.toFixed(0).padStart(10) + r.x3.toFixed(0).padStart(10));
    const worst = Math.max(...rows.map((r) => r.x2));
    console.log(worst < TARGET_MS ? `ok: every 2× median under ${TARGET_MS} ms` : `SLOW: a 2× median is ${worst.toFixed(0)} ms`);
    if (browser.errors.length) console.log('page errors:', browser.errors);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
