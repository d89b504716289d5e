/**
 * Timing a panel's PNG export in the page, shared by `npm run bench` and `npm run bench:export`.
 * Timed from the click on "Tải PNG" to the moment the file is handed to the browser as a
 * download (the download itself is skipped). The first export of a page also prepares the
 * font, so callers report it apart ("cold").
 */
import type { Page } from 'playwright-core';

/** Records when a file is handed over instead of downloading it; call once per page. */
export async function interceptDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { handedOver: (() => void) | null };
    w.handedOver = null;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) w.handedOver?.();
    };
  });
}

/** The panels' slugs (`section[data-panel]`), in page order. */
export function panelSlugs(page: Page): Promise<string[]> {
  return page.locator('section[data-panel]').evaluateAll((els) => els.map((el) => el.getAttribute('data-panel')!));
}

/** One PNG export of the panel at the scale, in ms; needs `interceptDownloads` first. */
export function exportPngOnce(page: Page, slug: string, scale: number): Promise<number> {
  return page.evaluate(
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
}

/** The slide image's sizes, as the panel's menu names them. */
export type SlideSize = '1920×1080' | '3840×2160';

/**
 * One slide image of the panel ("Ảnh trình chiếu" in its "PowerPoint, Excel, Word" menu), in ms
 * from the click on the item to the file handed over; needs `interceptDownloads` first. The
 * first one of a page also fetches the slide's code and prepares the font.
 */
export function exportSlideOnce(page: Page, slug: string, size: SlideSize): Promise<number> {
  return page.evaluate(
    async ({ slug, label }) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const section = document.querySelector(`section[data-panel="${slug}"]`)!;
      const trigger = [...section.querySelectorAll<HTMLButtonElement>('button[aria-haspopup="menu"]')][0]!;
      while (trigger.disabled) await sleep(5);
      trigger.click();
      let item: HTMLButtonElement | undefined;
      for (let i = 0; i < 400 && !item; i++) {
        item = [...section.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent?.trim() === label);
        if (!item) await sleep(5);
      }
      if (!item) throw new Error(`no menu item "${label}"`);
      const w = window as unknown as { handedOver: (() => void) | null };
      const done = new Promise<void>((resolve) => (w.handedOver = resolve));
      const start = performance.now();
      item.click();
      await done;
      const ms = performance.now() - start;
      while (trigger.disabled) await sleep(5);
      return ms;
    },
    { slug, label: `Ảnh trình chiếu ${size}` },
  );
}
