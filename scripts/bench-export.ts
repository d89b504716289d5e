/**
 * npm run bench:export — how long a PNG export of each panel takes in Chromium, on the
 * production build served by the real server. Timed in the page: from the click on "Tải PNG"
 * to the moment the file is handed to the browser as a download (the download itself is
 * skipped). The first export of a page also prepares the font (reported apart, "cold").
 *
 *   RUNS=15 npm run bench:export
 */
import { ensureBuilt, launchChromium, startServer, waitForCharts } from '../tests/e2e/harness';
import { exportPngOnce, interceptDownloads, panelSlugs } from '../tests/bench/png-export';
import { median } from '../tests/bench/stats';

const RUNS = Number(process.env.RUNS ?? 11);
const TARGET_MS = 400;
const QUERY = '?unit=my-thoi&period=2024-Q4';

async function main() {
  await ensureBuilt();
  const server = await startServer();
  const browser = await launchChromium({ width: 1280, height: 900 });
  try {
    const { page } = browser;
    await page.goto(`${server.url}/${QUERY}`);
    await waitForCharts(page);
    const slugs = await panelSlugs(page);
    await interceptDownloads(page);
    const exportOnce = (slug: string, scale: number) => exportPngOnce(page, slug, scale);

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
