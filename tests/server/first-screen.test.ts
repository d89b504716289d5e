/**
 * The first screen inside the first HTML (issue 17). First the drawing itself
 * (src/app/first-screen.tsx, run here in Node as the server runs its build): from the answers the
 * server puts into the page, the ward's headline figures as the page draws them, for a phone or a
 * laptop, and nothing when the answers do not hold the whole screen. Then the server's use of a
 * build's drawing (a small fake one in a fake dist/): inside the root element, marked with its
 * screen, never served as a file, and a drawing that fails costs only itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAnswers } from '../../server/http/first-answers';
import { renderFirstScreen } from '../../src/app/first-screen';
import { raw } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const INDEX = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bảng chỉ tiêu phường</title></head><body><div id="root"></div></body></html>`;

/**
 * A build's drawing that says what it was given, and fails when the address asks it to: throws,
 * never answers, or stops its worker. Like the real one, it draws one page at a time.
 */
const FAKE_DRAWING = `let calls = 0;
let queue = Promise.resolve();
async function draw(search, answers, screen) {
  calls += 1;
  if (search.includes('hong')) throw new Error('the drawing broke');
  if (search.includes('treo')) return new Promise(() => {});
  if (search.includes('sap')) process.exit(3);
  return '<p class="drawn" data-call="' + calls + '">' + screen + ' ' + answers.size + '</p>';
}
export function renderFirstScreen(search, answers, screen) {
  const turn = queue.then(() => draw(search, answers, screen));
  queue = turn.catch(() => undefined);
  return turn;
}`;

let api: TestServer;
let dist: string;
let withDrawing: TestServer;
const logged: string[] = [];

/** A fake dist/ with the fake drawing, as vite.config.ts writes a build's (its files ES modules). */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-first-screen-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  mkdirSync(join(dir, 'ssr'));
  writeFileSync(join(dir, 'ssr', 'first-screen.js'), FAKE_DRAWING);
  writeFileSync(join(dir, 'ssr', 'package.json'), '{ "type": "module" }');
  return dir;
}

beforeAll(async () => {
  dist = fakeBuild();
  [api, withDrawing] = await Promise.all([startTestServer(), startTestServer({ distDir: dist, logError: (line) => logged.push(line) })]);
});
afterAll(async () => {
  await Promise.all([api.close(), withDrawing.close()]);
  rmSync(dist, { recursive: true, force: true });
});

/** The answers the server puts into the page of `search`, asked of the running API. */
async function answersFor(search: string): Promise<Map<string, string>> {
  const found = await firstAnswers(async (path) => {
    const res = await fetch(api.url + path);
    return new Response(await res.text(), { status: res.status });
  }, new URLSearchParams(search));
  return new Map(found.map((a) => [a.path, a.body]));
}

/** What a person reads in the markup (tags dropped, entities of the text decoded). */
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the first screen drawn from the page’s answers', () => {
  it('shows the ward’s headline figures and what is at risk, as the page draws them', async () => {
    const search = '?unit=my-thoi&period=2024-Q4';
    const text = textOf(await renderFirstScreen(search, await answersFor(search), 'laptop'));
    expect(text).toContain('Phường Mỹ Thới · Cả năm 2024');
    // Mỹ Thới's 2024 report: budget "trên 12 tỷ đồng", health insurance 88,44% against 94%
    expect(text).toContain('trên 12 tỷ đồng');
    expect(text).toContain('1 chỉ tiêu chưa đạt');
    expect(text).toContain('9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%');
    expect(text).not.toContain('Đang tải số liệu');
    expect(text).not.toContain('Lỗi');
  });

  it('holds no script: the page’s CSP runs none inline, even for the first renders after a start', async () => {
    // two wards: the search box (a lazy part, large with two chips) drawn whole, in its place
    const search = '?unit=my-thoi&unit=my-quy&period=2024-Q4';
    const markup = await renderFirstScreen(search, await answersFor(search), 'laptop');
    expect(markup).toMatch(/<div class="unit-picker"><!--\$--><div class="unit-combobox">.*role="combobox"/);
    expect(textOf(markup)).toContain('6 tháng đạt trên 80,82%; mục tiêu năm 2024 là 94%');
    expect(markup).not.toContain('<script');
  });

  it('draws a phone’s picker or a laptop’s, as asked, and the panels of that screen', async () => {
    const search = '?unit=my-thoi&period=2024-Q4';
    const answers = await answersFor(search);
    const laptop = await renderFirstScreen(search, answers, 'laptop');
    const phone = await renderFirstScreen(search, answers, 'phone');
    expect(laptop).toContain('role="combobox"');
    expect(laptop).not.toContain('Tìm, chọn phường, xã…');
    expect(phone).toContain('Tìm, chọn phường, xã…');
    expect(phone).not.toContain('role="combobox"');
    // a laptop's first row has two panels drawn, a phone's screen one; the rest keep their place
    const drawn = (markup: string) => (markup.match(/<section class="panel" /g) ?? []).length;
    expect(drawn(laptop)).toBe(2);
    expect(drawn(phone)).toBe(1);
    expect((phone.match(/panel-pending/g) ?? []).length).toBe(6);
  });

  it('draws the first panels’ charts, at the width their box has on a common screen, scaled to the box', async () => {
    const search = '?unit=my-thoi&period=2024-Q4';
    const answers = await answersFor(search);
    /** Each chart drawn: its width, and how many bars it has. */
    const charts = (markup: string) =>
      [...markup.matchAll(/<svg data-kpi-chart="trend"[^>]*\bwidth="(\d+)"[^>]*>(.*?)<\/svg>/g)].map((m) => ({ width: Number(m[1]), bars: (m[2]!.match(/data-kpi-bar/g) ?? []).length }));
    const laptop = charts(await renderFirstScreen(search, answers, 'laptop'));
    const phone = charts(await renderFirstScreen(search, answers, 'phone'));
    // a laptop: the budget's chart across its panel, then poverty's two side by side; a phone: the budget's
    expect(laptop.map((c) => c.width)).toEqual([625, 304, 304]);
    expect(phone.map((c) => c.width)).toEqual([362]);
    for (const chart of [...laptop, ...phone]) expect(chart.bars).toBeGreaterThan(0);
    expect(await renderFirstScreen(search, answers, 'phone')).toMatch(/<svg data-kpi-chart="trend"[^>]*style="display:block;width:100%;height:300px"[^>]*preserveAspectRatio="xMinYMin meet"/);
  });

  it('draws each address from its own answers when two are drawn at once', async () => {
    const a = '?unit=my-thoi&period=2024-Q4';
    const b = '?unit=my-binh&period=2024-Q4';
    const [answersA, answersB] = await Promise.all([answersFor(a), answersFor(b)]);
    const [markupA, markupB] = await Promise.all([renderFirstScreen(a, answersA, 'laptop'), renderFirstScreen(b, answersB, 'laptop')]);
    expect(textOf(markupA)).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(textOf(markupA)).not.toContain('Phường Mỹ Bình');
    expect(textOf(markupB)).toContain('Phường Mỹ Bình · Cả năm 2024');
    expect(textOf(markupB)).not.toContain('Phường Mỹ Thới');
  });

  it('draws nothing when the answers do not hold the whole screen: the page draws it', async () => {
    const search = '?unit=my-thoi&period=2024-Q4';
    const register = new Map([...(await answersFor(search))].filter(([path]) => !path.startsWith('/api/observations')));
    expect(await renderFirstScreen(search, register, 'laptop')).toBe('');
    // a province is compared from figures the page asks for; a link without a period looks for the latest
    for (const other of ['?unit=an-giang&period=2025-Q4', '?unit=my-thoi']) {
      expect(await renderFirstScreen(other, await answersFor(other), 'laptop'), other).toBe('');
    }
  });
});

describe('the server’s use of a build’s drawing', () => {
  it('puts it inside the root element, marked with the screen the request comes from', async () => {
    const laptop = await raw(`${withDrawing.url}/?unit=my-thoi&period=2024-Q4`);
    const html = laptop.body.toString('utf8');
    expect(html).toMatch(/<div id="root" data-screen="laptop"><p class="drawn" data-call="\d+">laptop 9<\/p><\/div>/);
    expect(laptop.headers.vary).toBe('Accept-Encoding, Sec-CH-UA-Mobile, User-Agent, Cookie');
    const phone = await raw(`${withDrawing.url}/?unit=my-thoi&period=2024-Q4`, { headers: { 'sec-ch-ua-mobile': '?1' } });
    expect(phone.body.toString('utf8')).toMatch(/<div id="root" data-screen="phone"><p class="drawn" data-call="\d+">phone 9<\/p><\/div>/);
    expect(phone.headers.etag).not.toBe(laptop.headers.etag);
    // Safari on an iPhone says so only in its User-Agent; a Chromium laptop's hint wins over a "Mobi" in it
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
    const safari = await raw(`${withDrawing.url}/?unit=my-thoi&period=2024-Q4`, { headers: { 'user-agent': iphone } });
    expect(safari.body.toString('utf8')).toContain('<div id="root" data-screen="phone">');
    const narrowed = await raw(`${withDrawing.url}/?unit=my-thoi&period=2024-Q4`, { headers: { 'user-agent': iphone, 'sec-ch-ua-mobile': '?0' } });
    expect(narrowed.body.toString('utf8')).toContain('<div id="root" data-screen="laptop">');
  });

  it('never serves the drawing’s code', async () => {
    const res = await raw(`${withDrawing.url}/ssr/first-screen.js`);
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).not.toContain('renderFirstScreen');
  });

  it('sends the page without it when it fails, says so once, and draws the next address', async () => {
    logged.length = 0;
    for (let i = 0; i < 2; i++) {
      const res = await raw(`${withDrawing.url}/?unit=my-thoi&period=2024-Q4&hong=${i}`);
      expect(res.status).toBe(200);
      const html = res.body.toString('utf8');
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('data-api="/api/units"');
    }
    expect(logged.filter((line) => line.includes('could not be drawn'))).toHaveLength(1);
    expect(logged[0]).toContain('the drawing broke');
    const next = await raw(`${withDrawing.url}/?unit=my-binh&period=2024-Q4`);
    expect(next.body.toString('utf8')).toContain('<p class="drawn"');
  });

  it('sends the page without it when it stops its worker or does not answer, says so once, and draws the next address', async () => {
    // a server of its own: its log says the first failure of its build
    const ownDist = fakeBuild();
    const own: string[] = [];
    const server = await startTestServer({ distDir: ownDist, logError: (line) => own.push(line) });
    try {
      for (const ask of ['sap', 'treo']) {
        const started = Date.now();
        const html = (await raw(`${server.url}/?unit=my-thoi&period=2024-Q4&${ask}=1`)).body.toString('utf8');
        expect(html, ask).toContain('<div id="root"></div>');
        expect(html, ask).toContain('data-api="/api/units"');
        expect(Date.now() - started, ask).toBeLessThan(10_000);
        // the worker that stopped is started again for the next address
        const next = await raw(`${server.url}/?unit=my-binh&period=2024-Q4`);
        expect(next.body.toString('utf8'), ask).toContain('<p class="drawn"');
      }
      expect(own).toHaveLength(1);
      expect(own[0]).toContain('exit code 3');
    } finally {
      await server.close();
      rmSync(ownDist, { recursive: true, force: true });
    }
  });

  it('a build without a drawing: the page as before', async () => {
    const plainDist = mkdtempSync(join(tmpdir(), 'kpi-first-screen-plain-'));
    writeFileSync(join(plainDist, 'index.html'), INDEX);
    const plain = await startTestServer({ distDir: plainDist });
    try {
      const page = (await raw(`${plain.url}/?unit=my-thoi&period=2024-Q4`)).body.toString('utf8');
      expect(page).toContain('<div id="root"></div>');
      expect(page).toContain('data-api="/api/units"');
    } finally {
      await plain.close();
      rmSync(plainDist, { recursive: true, force: true });
    }
  });
});
