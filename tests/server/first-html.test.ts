/**
 * The dashboard's first HTML with the API's first answers inside (issue 17): a link with its
 * filters comes with the very answers the page asks for first, each the same JSON as its GET; a
 * bad link with only what the page needs whatever it shows; index.html by its name (the service
 * worker's copy) and a server whose reads need a token, with none. The dist/ here is a small
 * fake one; the database is the seeded one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationsPath, resolutionsPath } from '../../src/api/contract';
import { queries, queryKeys } from '../../src/api/queries';
import { PANEL_FAMILIES, panelObservations } from '../../src/features/kpi-panel/panel-query';
import { scriptSafeJson, withAnswers } from '../../server/http/first-answers';
import { WEB_FONT_COOKIE, WEB_FONT_MARKS } from '../../src/api/web-font';
import { raw } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const INDEX = `<!doctype html><html lang="vi" class="web-font"><head><meta charset="utf-8"><title>Bảng chỉ tiêu phường</title>
<script type="module" src="/assets/index-abc123.js"></script>
${WEB_FONT_MARKS[0]}
<link rel="preload" href="/assets/font-abc123.woff2" as="font" type="font/woff2" crossorigin>
${WEB_FONT_MARKS[1]}
</head><body><div id="root"></div></body></html>`;
/** What a browser sends once it has loaded the web font (src/app/web-font.ts). */
const PHONE = { 'sec-ch-ua-mobile': '?1' };
const HAS_FONT = { ...PHONE, cookie: `theme=x; ${WEB_FONT_COOKIE}=1` };

let dist: string;
let s: TestServer;
let locked: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kpi-first-html-'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  [s, locked] = await Promise.all([startTestServer({ distDir: dist }), startTestServer({ distDir: dist, readRequiresToken: true })]);
});
afterAll(async () => {
  await Promise.all([s.close(), locked.close()]);
  rmSync(dist, { recursive: true, force: true });
});

/** The inline answers of a page, by path, as the browser's DOM would read them. */
function answersOf(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of html.matchAll(/<script type="application\/json" data-api="([^"]*)">([\s\S]*?)<\/script>/g)) {
    found.set(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), m[2]!);
  }
  return found;
}

async function page(path: string, server = s, headers: Record<string, string> = {}) {
  const res = await raw(server.url + path, { headers });
  return { res, html: res.body.toString('utf8') };
}

/** The path the page GETs for a panel's first figures, from the panel's own query key. */
function panelPath(family: (typeof PANEL_FAMILIES)[number], units: string[], period: string): string {
  const key = panelObservations(family, units, period, false).queryKey;
  const filter = key[1] as { units: string[]; family: string; from?: string; to?: string };
  expect(key[0]).toBe(queryKeys.observations[0]);
  return observationsPath({ unit: filter.units, family: [filter.family as never], from: filter.from, to: filter.to });
}

describe('a link to a ward and a period', () => {
  it('carries the answers the page asks for first, each the JSON its GET answers', async () => {
    const { res, html } = await page('/?unit=my-thoi&period=2024-Q4');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const answers = answersOf(html);
    const expected = ['/api/units', '/api/indicators', '/api/sources', ...PANEL_FAMILIES.map((f) => panelPath(f, ['my-thoi'], '2024-Q4')), resolutionsPath({ unit: ['my-thoi'], year: 2024 })];
    expect([...answers.keys()].sort()).toEqual([...expected].sort());
    // the page's register query asks /api/units (queries.ts)
    expect(queries.units().queryKey).toEqual(queryKeys.units);
    for (const [path, body] of answers) {
      const api = await raw(s.url + path);
      expect(JSON.parse(body), path).toEqual(JSON.parse(api.body.toString('utf8')));
    }
    const budget = JSON.parse(answers.get(panelPath('budget', ['my-thoi'], '2024-Q4'))!) as { observations: { unitId: string }[] };
    expect(budget.observations.length).toBeGreaterThan(0);
    expect(budget.observations.every((o) => o.unitId === 'my-thoi')).toBe(true);
  });

  it('is checked with the server at every use, its ETag its content’s, and sent compressed', async () => {
    const { res, html } = await page('/?unit=my-thoi&period=2024-Q4');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toBe('Accept-Encoding, Sec-CH-UA-Mobile, User-Agent, Cookie');
    const again = await raw(`${s.url}/?unit=my-thoi&period=2024-Q4`, { headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.status).toBe(304);
    const other = await page('/?unit=my-binh&period=2024-Q4');
    expect(other.res.headers.etag).not.toBe(res.headers.etag);
    const br = await raw(`${s.url}/?unit=my-thoi&period=2024-Q4`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
    expect(br.body.length).toBeLessThan(html.length / 3);
    const head = await raw(`${s.url}/?unit=my-thoi&period=2024-Q4`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(res.headers['content-length']);
  });

  it('keeps the rest of index.html as it is, the answers at the end of the body', async () => {
    const { html } = await page('/?unit=my-thoi&period=2024-Q4', s, { cookie: `${WEB_FONT_COOKIE}=1` });
    const plain = html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>\n?/g, '');
    expect(plain).toBe(INDEX);
  });
});

describe('the web font', () => {
  const plainOf = (html: string) => html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>\n?/g, '');

  it('is left out of a first visit, on a phone and on a laptop: no font asked for before the first paint, the page in the system’s font', async () => {
    for (const headers of [PHONE, {}]) {
      const html = plainOf((await page('/?unit=my-thoi&period=2024-Q4', s, headers)).html);
      expect(html, JSON.stringify(headers)).not.toContain('woff2');
      expect(html).toContain('<html lang="vi"><head>');
      expect(html).toContain('<script type="module" src="/assets/index-abc123.js"></script>\n\n</head><body>');
    }
  });

  it('is preloaded and named for a browser that says it has the files', async () => {
    expect(plainOf((await page('/?unit=my-thoi&period=2024-Q4', s, HAS_FONT)).html)).toBe(INDEX);
    // only its own cookie says so
    for (const cookie of [`${WEB_FONT_COOKIE}=0`, `x${WEB_FONT_COOKIE}=1`]) {
      expect(plainOf((await page('/?unit=my-thoi&period=2024-Q4', s, { ...PHONE, cookie })).html), cookie).not.toContain('woff2');
    }
  });

  it('stays in index.html by its name (the service worker’s copy, whose files it keeps too)', async () => {
    expect((await page('/index.html', s, PHONE)).html).toBe(INDEX);
  });
});

describe('what else is sent', () => {
  it('a bad link: only the register, indicators and sources (the page falls back and asks for the rest)', async () => {
    for (const path of ['/?unit=khong-co-phuong-nay&period=2024-Q4', '/?unit=my-thoi&period=2024-Q9', '/?unit=my-thoi', '/?unit=&period=2024-Q4', '/?unit=my-thoi&period=2024-Q4&period=2024-Q3']) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect([...answersOf(html).keys()].sort(), path).toEqual(['/api/indicators', '/api/sources', '/api/units']);
    }
  });

  it('a province is compared by the page, which asks for its own figures', async () => {
    const { html } = await page('/?unit=an-giang&period=2025-Q4');
    expect([...answersOf(html).keys()].sort()).toEqual(['/api/indicators', '/api/sources', '/api/units']);
  });

  it('index.html by its name (what the service worker keeps), the bare address and the editor’s: the file itself', async () => {
    for (const path of ['/index.html', '/', '/nhap-so-lieu?unit=my-thoi']) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect(html, path).toBe(INDEX);
    }
  });

  it('nothing when reads need a token: the address of a page carries none', async () => {
    const { res, html } = await page('/?unit=my-thoi&period=2024-Q4', locked);
    expect(res.status).toBe(200);
    expect(html).toBe(INDEX);
  });
});

describe('the inline JSON', () => {
  it('cannot close its script element, and reads back as the same JSON', () => {
    const body = JSON.stringify({ note: 'Báo cáo ghi </script><script>alert(1)</script> và <!-- chú thích' });
    const html = withAnswers(INDEX, [{ path: '/api/x?a=1&b="2"', body }]);
    expect(html.match(/<script/g)).toHaveLength(2);
    const answers = answersOf(html);
    expect([...answers.keys()]).toEqual(['/api/x?a=1&b="2"']);
    expect(JSON.parse(answers.get('/api/x?a=1&b="2"')!)).toEqual(JSON.parse(body));
    expect(scriptSafeJson('"<"')).toBe('"\\u003c"');
  });
});
