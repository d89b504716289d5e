import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/contract';
import type { Storage } from '../../server/storage/types';
import { getJson } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

function expectSecurityHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
  expect(csp).toMatch(/img-src 'self' data: blob:/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
}

describe('the app and the API in one process', () => {
  let s: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'kpi-dist-'));
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Bảng chỉ tiêu</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    s = await startTestServer({ distDir: dist });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html for app paths (SPA fallback), with security headers', async () => {
    for (const path of ['/', '/?unit=my-thoi&period=2024-Q4', '/some/deep/link']) {
      const res = await fetch(s.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('Bảng chỉ tiêu');
      expectSecurityHeaders(res.headers);
    }
  });

  it('serves built assets with a long cache; a missing asset is a 404, not index.html', async () => {
    const res = await fetch(`${s.url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${s.url}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    const res = await fetch(`${s.url}/..%2f..%2fpackage.json`);
    expect(await res.text()).not.toContain('"dependencies"');
  });

  it('answers unknown /api paths with a JSON 404, with security headers', async () => {
    for (const path of ['/api', '/api/', '/api/unknown', '/api/units/extra']) {
      const res = await getJson(s.url + path);
      expect(res.status, path).toBe(404);
      expect(ApiError.parse(res.body).error.code).toBe('not_found');
      expectSecurityHeaders(res.headers);
    }
  });

  it('gives ETags and 304 for unchanged reads', async () => {
    const first = await fetch(`${s.url}/api/observations?unit=my-thoi`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${s.url}/api/observations?unit=my-thoi`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('without a build', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('says in Vietnamese that the app is not built, and the API still works', async () => {
    const res = await fetch(`${s.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Chưa có bản dựng giao diện');
    expect((await getJson(`${s.url}/api/health`)).body).toEqual({ status: 'ok' });
  });
});

describe('an unexpected error', () => {
  let s: TestServer;
  const logged: unknown[] = [];
  beforeAll(async () => {
    s = await startTestServer({
      logError: (e) => logged.push(e),
      wrapStorage: (real): Storage =>
        new Proxy(real, {
          get(target, prop, receiver) {
            if (prop === 'listUnits') return () => Promise.reject(new Error('SECRET_INTERNAL_DETAIL at /srv/db.ts:12'));
            const value = Reflect.get(target, prop, receiver) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }),
    });
  });
  afterAll(() => s.close());

  it('is a JSON 500 with a generic message: no stack, no detail; the detail goes to the log', async () => {
    const res = await fetch(`${s.url}/api/units`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('SECRET_INTERNAL_DETAIL');
    expect(text).not.toMatch(/\bat\s.+:\d+/);
    expect(ApiError.parse(JSON.parse(text)).error.code).toBe('internal');
    expect(String(logged[0])).toContain('SECRET_INTERNAL_DETAIL');
  });
});
