/**
 * How the server sends the built app's files: precompressed copies, ETags, ranges, methods,
 * missing files, robots.txt, HSTS, and what bad requests write to the log. The dist/ here is a
 * small fake one, prepared by the same step the Vite build runs (prepareStaticFiles).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cameOverHttps } from '../../server/http/security';
import { prepareStaticFiles } from '../../server/http/static-build';
import { raw } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{ id: ${i}, name: "phường ${i}" }`).join(',\n')}];\n`;
const INDEX = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bảng chỉ tiêu phường</title>
<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`;
const FONT = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));

let dist: string;
let s: TestServer;
const logged: unknown[] = [];

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kpi-static-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), `.panel { color: #123; }\n`.repeat(200));
  writeFileSync(join(dist, 'assets', 'logo-abc123.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100)}</svg>`);
  writeFileSync(join(dist, 'assets', 'font-abc123.woff2'), FONT);
  writeFileSync(join(dist, 'assets', 'chart-abc123.png'), FONT);
  writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'Bảng chỉ tiêu phường', icons: Array(30).fill({ src: '/x.png' }) }));
  writeFileSync(join(dist, 'mockServiceWorker.js'), '/* msw */'.repeat(100));
  copyFileSync(join(ROOT, 'public', 'robots.txt'), join(dist, 'robots.txt'));
  prepareStaticFiles(dist);
  s = await startTestServer({ distDir: dist, logError: (e) => logged.push(e) });
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the build step (prepareStaticFiles, run by vite.config.ts)', () => {
  it('writes brotli and gzip copies beside each text file, equal to it once decoded', () => {
    for (const name of ['index.html', 'assets/index-abc123.js', 'assets/index-abc123.css', 'assets/logo-abc123.svg', 'manifest.webmanifest']) {
      const original = readFileSync(join(dist, name));
      expect(brotliDecompressSync(readFileSync(join(dist, `${name}.br`))).equals(original), name).toBe(true);
      expect(gunzipSync(readFileSync(join(dist, `${name}.gz`))).equals(original), name).toBe(true);
      expect(statSync(join(dist, `${name}.br`)).size, name).toBeLessThan(original.length);
    }
  });

  it('leaves already-compressed formats alone and drops msw’s worker', () => {
    for (const name of ['assets/font-abc123.woff2', 'assets/chart-abc123.png']) {
      expect(existsSync(join(dist, `${name}.br`)), name).toBe(false);
      expect(existsSync(join(dist, `${name}.gz`)), name).toBe(false);
    }
    expect(existsSync(join(dist, 'mockServiceWorker.js'))).toBe(false);
  });

  it('is a plugin of the production build only, and public/ keeps the worker for npm run dev', async () => {
    const { default: config } = await import('../../vite.config');
    const plugins = (config.plugins ?? []).flat() as { name?: string; apply?: string }[];
    expect(plugins.find((p) => p.name === 'kpi:static-files')?.apply).toBe('build');
    expect(existsSync(join(ROOT, 'public', 'mockServiceWorker.js'))).toBe(true);
  });
});

describe('compression', () => {
  const script = '/assets/index-abc123.js';

  it('sends brotli when the client takes it, with the right type, length and Vary', async () => {
    const res = await raw(s.url + script, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBe(statSync(join(dist, 'assets/index-abc123.js.br')).size);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('sends gzip to a client without brotli, and the file as is to one that asks for neither', async () => {
    const gz = await raw(s.url + script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await raw(s.url + script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
  });

  it('follows the client’s weights', async () => {
    const cases: [string, string | undefined][] = [
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      ['deflate', undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await raw(s.url + script, { headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding'], accept).toBe(expected);
    }
  });

  it('sends fonts and images as they are, with no Vary', async () => {
    const res = await raw(`${s.url}/assets/font-abc123.woff2`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.body.equals(FONT)).toBe(true);
  });

  it('does not serve the precompressed copies under their own names', async () => {
    expect((await raw(`${s.url}${script}.br`)).status).toBe(404);
    expect((await raw(`${s.url}/index.html.gz`)).status).toBe(404);
  });
});

describe('index.html', () => {
  it('has an ETag and no-cache at / and at client-side routes, and a matching If-None-Match is a 304', async () => {
    for (const path of ['/', '/nhap-so-lieu', '/?unit=my-thoi&period=2024-Q4', '/index.html']) {
      for (const accept of ['br', '']) {
        const res = await raw(s.url + path, { headers: { 'accept-encoding': accept } });
        expect(res.status, path).toBe(200);
        expect(res.headers['content-type'], path).toMatch(/^text\/html/);
        expect(res.headers['cache-control'], path).toBe('no-cache');
        // a link with filters is drawn for the screen it comes from (first-screen.ts)
        expect(res.headers.vary, path).toBe(path.includes('?') ? 'Accept-Encoding, Sec-CH-UA-Mobile, User-Agent, Cookie' : 'Accept-Encoding');
        const etag = res.headers.etag as string;
        expect(etag, path).toMatch(/^"[^"]+"$/);
        const again = await raw(s.url + path, { headers: { 'accept-encoding': accept, 'if-none-match': etag } });
        expect(again.status, path).toBe(304);
        expect(again.body.length).toBe(0);
        expect(again.headers.etag).toBe(etag);
        const weak = await raw(s.url + path, { headers: { 'accept-encoding': accept, 'if-none-match': `"other", W/${etag}` } });
        expect(weak.status, path).toBe(304);
        const other = await raw(s.url + path, { headers: { 'accept-encoding': accept, 'if-none-match': '"other"' } });
        expect(other.status, path).toBe(200);
      }
    }
  });

  it('has one ETag per encoding', async () => {
    const br = await raw(`${s.url}/`, { headers: { 'accept-encoding': 'br' } });
    const plain = await raw(`${s.url}/`);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const crossed = await raw(`${s.url}/`, { headers: { 'if-none-match': br.headers.etag as string } });
    expect(crossed.status).toBe(200);
    expect(crossed.body.toString()).toBe(INDEX);
  });
});

describe('HEAD', () => {
  it('gives the headers of GET, with no body', async () => {
    for (const [path, accept] of [['/assets/index-abc123.js', 'br'], ['/assets/index-abc123.js', ''], ['/', 'gzip'], ['/robots.txt', '']]) {
      const get = await raw(s.url + path, { headers: { 'accept-encoding': accept! } });
      const head = await raw(s.url + path, { method: 'HEAD', headers: { 'accept-encoding': accept! } });
      expect(head.status, path).toBe(200);
      expect(head.body.length, path).toBe(0);
      for (const name of ['content-length', 'content-type', 'content-encoding', 'etag', 'cache-control', 'vary']) {
        expect(head.headers[name], `${path} ${name}`).toBe(get.headers[name]);
      }
    }
  });
});

describe('Range', () => {
  const path = '/assets/index-abc123.js';
  const size = Buffer.byteLength(SCRIPT);

  it('answers one valid range with a 206', async () => {
    const first = await raw(s.url + path, { headers: { range: 'bytes=0-9' } });
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-9/${size}`);
    expect(first.headers['content-length']).toBe('10');
    expect(first.body.toString()).toBe(SCRIPT.slice(0, 10));

    const last = await raw(s.url + path, { headers: { range: 'bytes=-5' } });
    expect(last.status).toBe(206);
    expect(last.body.toString()).toBe(SCRIPT.slice(-5));
  });

  it('applies the range to the encoding that is sent', async () => {
    const br = readFileSync(join(dist, 'assets/index-abc123.js.br'));
    const res = await raw(s.url + path, { headers: { range: 'bytes=0-99', 'accept-encoding': 'br' } });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-99/${br.length}`);
    expect(res.body.equals(br.subarray(0, 100))).toBe(true);
  });

  it('is a 416 with the size when nothing of it is in the file (or it ends before it starts)', async () => {
    for (const range of [`bytes=${size}-`, 'bytes=999999999-1000000000', 'bytes=-0', 'bytes=5-1']) {
      const res = await raw(s.url + path, { headers: { range } });
      expect(res.status, range).toBe(416);
      expect(res.headers['content-range'], range).toBe(`bytes */${size}`);
    }
  });

  it('serves the whole file for a malformed range, several ranges, another unit or a stale If-Range', async () => {
    const cases: Record<string, string>[] = [
      { range: 'hello' },
      { range: 'bytes=abc' },
      { range: 'bytes=x-1' },
      { range: 'bytes=' },
      { range: 'bytes=-' },
      { range: 'bytes=0-1,5-6' },
      { range: 'items=0-5' },
      { range: 'bytes=0-9', 'if-range': '"stale"' },
    ];
    for (const headers of cases) {
      const res = await raw(s.url + path, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.body.toString(), JSON.stringify(headers)).toBe(SCRIPT);
    }
  });

  it('is also handled on index.html and robots.txt', async () => {
    for (const target of ['/', '/nhap-so-lieu', '/robots.txt']) {
      const bad = await raw(s.url + target, { headers: { range: 'bytes=99999999-' } });
      expect(bad.status, target).toBe(416);
      expect((await raw(s.url + target, { headers: { range: 'bytes=abc' } })).status, target).toBe(200);
      expect((await raw(s.url + target, { headers: { range: 'bytes=0-3' } })).status, target).toBe(206);
    }
  });
});

describe('methods', () => {
  it('answers only GET and HEAD; anything else is a 405 with Allow, never the file', async () => {
    for (const path of ['/', '/nhap-so-lieu', '/assets/index-abc123.js', '/robots.txt', '/assets/missing.js']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const res = await raw(s.url + path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow, `${method} ${path}`).toBe('GET, HEAD');
        expect(res.body.toString()).toBe('Phương thức không được hỗ trợ.');
      }
    }
  });
});

describe('missing files and odd paths', () => {
  it('is a 404 for a missing file with an extension, inside or outside /assets/', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico', '/x.js', '/deep/er/style.css', '/assets/', '/assets/sub/']) {
      const res = await raw(s.url + path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).not.toContain('Bảng chỉ tiêu');
    }
  });

  it('is a 404 for malformed or escaping paths, never a file outside dist/', async () => {
    for (const path of ['/%', '/%00', '/a%00b', '/..%2f..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/.env', `/${'a'.repeat(400)}.js`]) {
      const res = await raw(s.url + path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString()).not.toContain('"dependencies"');
    }
  });

  it('keeps client-side routes on index.html, even with a long name', async () => {
    for (const path of ['/nhap-so-lieu', '/some/deep/link', `/${'a'.repeat(400)}`, '/assets']) {
      const res = await raw(s.url + path);
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toBe(INDEX);
    }
  });
});

describe('robots.txt', () => {
  it('is a real robots.txt: search engines may read the dashboard, not the API nor the editors’ page', async () => {
    const res = await raw(`${s.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body.toString();
    expect(text).toMatch(/^User-agent: \*$/m);
    // a path is kept out when a Disallow rule is a prefix of it
    const disallowed = [...text.matchAll(/^Disallow:\s*(\S*)\s*$/gm)].map((m) => m[1]!).filter(Boolean);
    const kept = (path: string) => disallowed.some((rule) => path.startsWith(rule));
    for (const path of ['/', '/?unit=my-thoi&period=2024-Q4']) expect(kept(path), path).toBe(false);
    for (const path of ['/api/units', '/api/observations?unit=my-thoi', '/nhap-so-lieu']) expect(kept(path), path).toBe(true);
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent only when the request came over HTTPS (here: through a proxy that says so)', async () => {
    for (const path of ['/', '/assets/index-abc123.js', '/api/health']) {
      const plain = await raw(s.url + path);
      expect(plain.headers['strict-transport-security'], path).toBeUndefined();
      const proxied = await raw(s.url + path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(proxied.headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
      const http = await raw(s.url + path, { headers: { 'x-forwarded-proto': 'http, https' } });
      expect(http.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('counts a request that reached this server over TLS itself as HTTPS', () => {
    expect(cameOverHttps('https://kpi.example/', undefined)).toBe(true);
    expect(cameOverHttps('http://kpi.example/', undefined)).toBe(false);
    expect(cameOverHttps('http://kpi.example/', 'HTTPS')).toBe(true);
  });
});

describe('the log', () => {
  const lines: string[] = [];
  afterEach(() => vi.restoreAllMocks());

  it('gets at most one short line for any kind of bad request to static files', async () => {
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    for (const method of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, method).mockImplementation(capture);
    const kinds: [string, { method?: string; headers?: Record<string, string> }][] = [
      ['/assets/index-abc123.js', { headers: { range: 'bytes=999999-' } }],
      ['/assets/index-abc123.js', { headers: { range: 'bytes=abc-def' } }],
      ['/assets/index-abc123.js', { headers: { range: 'bytes=5-1' } }],
      ['/assets/index-abc123.js', { headers: { range: 'hello' } }],
      ['/', { headers: { range: 'bytes=-99999999999999999999' } }],
      ['/assets/index-abc123.js', { method: 'POST' }],
      ['/%', {}],
      ['/%00', {}],
      ['/..%2f..%2fpackage.json', {}],
      [`/${'b'.repeat(5000)}.js`, {}],
      [`/assets/${'c'.repeat(5000)}`, {}],
      ['/assets/', {}],
      ['/assets/index-abc123.js', { headers: { 'if-none-match': '\u00ff'.repeat(10), 'accept-encoding': ';;;q=zz,,' } }],
    ];
    for (const [path, init] of kinds) {
      const seen = lines.length + logged.length;
      const res = await raw(s.url + path, init);
      expect(res.status, path.slice(0, 40)).toBeLessThan(500);
      const added = [...lines, ...logged.map(String)].slice(seen);
      expect(added.length, `${path.slice(0, 40)} ${JSON.stringify(init)}`).toBeLessThanOrEqual(1);
      for (const line of added) expect(line.length).toBeLessThan(200);
    }
    expect(logged).toEqual([]);
  });
});
