/**
 * How the server sends the installable app's own files (issue 17): the service worker and the
 * web manifest are checked with the server at every use (a browser holding an old worker for a
 * year would never hear of a new version), index.html too, while the hashed assets are cached
 * for good. The dist/ here is a small fake one, prepared by the step the Vite build runs
 * (prepareStaticFiles); tests/e2e/offline.test.ts checks the real build's worker.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStaticFiles } from '../../server/http/static-build';
import { raw } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const SW = `importScripts();self.addEventListener('message',e=>{e.data&&e.data.type==='SKIP_WAITING'&&self.skipWaiting()});${'/* precache */'.repeat(80)}`;
const MANIFEST = JSON.stringify({
  name: 'Chỉ tiêu Nghị quyết các phường',
  short_name: 'Chỉ tiêu phường',
  lang: 'vi',
  icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
  description: 'Bảng chỉ tiêu Nghị quyết của Đảng ủy phường, xã'.repeat(4),
});
const INDEX = `<!doctype html><html lang="vi"><head><link rel="manifest" href="/manifest.webmanifest"></head><body>${'<!-- padding -->'.repeat(40)}</body></html>`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => i % 256)]);

let dist: string;
let s: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kpi-pwa-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'icons'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'sw.js'), SW);
  writeFileSync(join(dist, 'manifest.webmanifest'), MANIFEST);
  writeFileSync(join(dist, 'icons', 'icon-192.png'), PNG);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export const a = 1;\n'.repeat(100));
  writeFileSync(join(dist, 'mockServiceWorker.js'), '/* msw */'.repeat(100));
  prepareStaticFiles(dist);
  s = await startTestServer({ distDir: dist });
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the service worker, sw.js', () => {
  it('is JavaScript, checked at every use (no-cache with an ETag), never cached for long', async () => {
    const res = await raw(`${s.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['cache-control']).not.toMatch(/max-age|immutable/);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+/);
    expect(res.body.toString()).toBe(SW);
  });

  it('goes out in brotli to a browser that takes it, and a matching ETag is a 304', async () => {
    const br = await raw(`${s.url}/sw.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBe(statSync(join(dist, 'sw.js.br')).size);
    expect(brotliDecompressSync(br.body).toString()).toBe(SW);

    const again = await raw(`${s.url}/sw.js`, { headers: { 'accept-encoding': 'br, gzip', 'if-none-match': String(br.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.body.length).toBe(0);
  });

  it('is a 404 when the build has none, never the app’s page in its place', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kpi-pwa-none-'));
    writeFileSync(join(empty, 'index.html'), INDEX);
    const other = await startTestServer({ distDir: empty });
    try {
      const res = await raw(`${other.url}/sw.js`);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('<html');
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the web manifest and icons', () => {
  it('the manifest is application/manifest+json, revalidated, compressed, with its Vietnamese name', async () => {
    const res = await raw(`${s.url}/manifest.webmanifest`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toMatchObject({ name: 'Chỉ tiêu Nghị quyết các phường', lang: 'vi' });
  });

  it('an icon is a PNG, sent as is and revalidated', async () => {
    const res = await raw(`${s.url}/icons/icon-192.png`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.equals(PNG)).toBe(true);
  });
});

describe('beside them', () => {
  it('index.html stays no-cache, at / and by its name', async () => {
    for (const path of ['/', '/index.html', '/nhap-so-lieu']) {
      const res = await raw(s.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('a hashed asset is cached for a year, immutable', async () => {
    const res = await raw(`${s.url}/assets/index-abc123.js`);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('msw’s worker is not served: the build step removed it', async () => {
    const res = await raw(`${s.url}/mockServiceWorker.js`);
    expect(res.status).toBe(404);
  });
});
