/**
 * The unit picker in Debian's Chromium against the production build on the real server (the
 * register's ~400 units): on a 375 px phone, a ward chosen by search in the full-height sheet,
 * the actions bar's buttons (what a touch screen reader reaches), then the whole province; on a
 * 1440 px laptop, the list under the search box, keyboard only, Tab to the actions bar; axe on
 * the picker open in both; a cleared choice kept over a reload, back and forward.
 * Screenshots go to test-results/e2e/picker-*.png to be looked at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from './axe';
import { ensureBuilt, launchChromium, saveScreenshot, startServer, waitForPanels, type RunningBrowser, type RunningServer } from './harness';

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  await ensureBuilt();
  server = await startServer();
  browser = await launchChromium({ width: 375, height: 740 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SEARCH = 'Tìm phường, xã theo tên hoặc mã';
const search = (page: Page) => new URL(page.url()).searchParams;
const chips = (page: Page) => page.getByRole('list', { name: 'Đơn vị đã chọn' });

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await waitForPanels(page);
}

describe('the unit picker in a real browser', () => {
  it('on a 375 px phone: a ward by search in a full-height sheet, then the whole province', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 740 });
    await open(page, '?unit=my-thoi&period=2024-Q4');

    await page.getByRole('button', { name: 'Tìm, chọn phường, xã…' }).click();
    const sheet = page.getByRole('dialog', { name: 'Chọn phường, xã' });
    await sheet.waitFor();
    const box = sheet.getByRole('combobox', { name: SEARCH });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // the sheet fills the screen, and the list fills the sheet below the search box
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.width).toBe(375);
    expect(sheetBox.height).toBe(740);
    const list = (await sheet.getByRole('listbox', { name: SEARCH }).boundingBox())!;
    expect(list.y).toBeGreaterThan((await box.boundingBox())!.y);
    await saveScreenshot(page, 'picker-phone-sheet-open', false);
    // under the list, the active unit's actions bar ends the sheet
    const actions = (await sheet.getByRole('group', { name: /^Thao tác với / }).boundingBox())!;
    expect(actions.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
    expect(list.height).toBeGreaterThan(400);
    expect(actions.y + actions.height).toBeGreaterThan(650);

    await box.fill('my quy');
    const myQuy = sheet.getByRole('option', { name: /^Phường Mỹ Quý, đến 30\/06\/2025, nay thuộc Phường Long Xuyên/ });
    await myQuy.click();
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-quy']);
    expect(await myQuy.getAttribute('aria-selected')).toBe('true');
    // the tapped unit is the active one: its star and "Chỉ chọn" are real buttons in the bar under the list
    const bar = sheet.getByRole('group', { name: 'Thao tác với Phường Mỹ Quý' });
    const star = bar.getByRole('button', { name: 'Đơn vị của tôi' });
    expect(await star.isVisible()).toBe(true);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    // marking chose nothing, and the query is still there
    expect(search(page).getAll('unit')).toEqual(['my-thoi', 'my-quy']);
    expect(await box.inputValue()).toBe('my quy');
    // within the screen, above the fold of the sheet
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(740);
    expect((await axeSerious(page, '.picker-sheet')).serious).toEqual([]);
    await saveScreenshot(page, 'picker-phone-search-my-quy', false);

    await box.fill('an giang');
    await sheet.getByRole('option', { name: 'Toàn tỉnh An Giang, 102 xã, phường' }).click();
    await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-quy', 'an-giang']);
    await sheet.getByRole('button', { name: 'Xong' }).click();
    await sheet.waitFor({ state: 'hidden' });
    // the chips say what is chosen; the focus is back where the person was
    expect(await chips(page).getByRole('button', { name: 'Bỏ chọn Toàn tỉnh An Giang (102 xã, phường)' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tìm, chọn phường, xã…' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // the province alone, in one action
    await page.getByRole('button', { name: 'Tìm, chọn phường, xã…' }).click();
    await box.fill('an giang');
    await box.press('Shift+Enter');
    await sheet.waitFor({ state: 'hidden' });
    await expect.poll(() => search(page).getAll('unit')).toEqual(['an-giang']);
    await page.reload();
    await waitForPanels(page);
    expect(search(page).getAll('unit')).toEqual(['an-giang']);
    expect(await chips(page).getByRole('button').allInnerTexts()).toEqual([expect.stringContaining('Toàn tỉnh An Giang (102 xã, phường)')]);
    await saveScreenshot(page, 'picker-phone-province', false);
    expect(browser.errors).toEqual([]);
  });

  it('on a 1440 px laptop: the list under the search box, with the keyboard alone', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await open(page, '?unit=my-thoi&period=2024-Q4');
      const box = page.getByRole('combobox', { name: SEARCH });
      await box.focus();
      await page.keyboard.type('my bin');
      const listbox = page.getByRole('listbox', { name: SEARCH });
      await saveScreenshot(page, 'picker-laptop-typed', false);
      const under = (await listbox.boundingBox())!;
      expect(under.y).toBeGreaterThanOrEqual((await box.boundingBox())!.y + 30);
      await page.keyboard.press('Enter');
      await expect.poll(() => search(page).getAll('unit')).toEqual(['my-thoi', 'my-binh']);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('thanh');
      await saveScreenshot(page, 'picker-laptop-open', false);
      const audit = await axeSerious(page, '.unit-picker');
      expect(audit.passes).toBeGreaterThan(5);
      expect(audit.serious).toEqual([]);
      // Tab reaches the active unit's actions with the list open; Esc goes back to the search box
      await page.keyboard.press('Tab');
      const bar = page.getByRole('group', { name: /^Thao tác với / });
      expect(await bar.getByRole('button', { name: 'Đơn vị của tôi' }).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await listbox.isVisible()).toBe(false);
      await saveScreenshot(page, 'picker-laptop-chips', false);
    } finally {
      await page.setViewportSize({ width: 375, height: 740 });
    }
  });

  it('keeps a cleared choice (“Bỏ chọn tất cả”) over a reload, back and forward, saying to choose a unit', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await open(page, '?unit=my-thoi&unit=my-quy&period=2024-Q4');
      await page.getByRole('button', { name: 'Bỏ chọn tất cả' }).click();
      await expect.poll(() => new URL(page.url()).search).toBe('?unit=&period=2024-Q4');
      const empty = page.getByText(/Chưa chọn đơn vị nào: tìm và chọn ít nhất một phường, xã/);
      await empty.waitFor();
      await page.reload();
      await empty.waitFor();
      for (const name of ['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết']) {
        await page.getByRole('region', { name }).getByText('Hãy chọn một phường, xã (hoặc cả tỉnh) để xem số liệu.').waitFor();
      }
      expect(await page.getByRole('list', { name: 'Đơn vị đã chọn' }).count()).toBe(0);
      await saveScreenshot(page, 'picker-laptop-cleared', false);
      await page.goBack();
      await chips(page).getByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' }).waitFor();
      expect(search(page).getAll('unit')).toEqual(['my-thoi', 'my-quy']);
      await page.goForward();
      await empty.waitFor();
      expect(search(page).getAll('unit')).toEqual(['']);
      expect(browser.errors).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 375, height: 740 });
    }
  });
});
