/**
 * GET answers of the API go compressed to a client that accepts it, whether the read cache is on
 * or off (KPI_READ_CACHE=0): the same JSON once decoded, `Vary: Accept-Encoding`, an ETag of their
 * own (never the plain body's), a 304 without a body, and errors as plain JSON.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/contract';
import { raw, type RawAnswer } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

/** The register (about 130 kB of JSON) and a ward's figures: answers a phone waits for. */
const BIG = ['/api/units', '/api/observations?unit=my-thoi'];

const json = (a: RawAnswer): unknown => JSON.parse(a.body.toString('utf8'));

describe.each([
  { cache: 'off', readCache: false },
  { cache: 'on', readCache: true },
])('with the read cache $cache', ({ readCache }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ readCache });
  });
  afterAll(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}) => raw(s.url + path, { headers });

  it.each(BIG)('%s comes gzipped to a client that accepts gzip: the same JSON, far fewer bytes, with Vary', async (path) => {
    const plain = await get(path);
    const packed = await get(path, { 'accept-encoding': 'gzip' });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toBe('Accept-Encoding');
    expect(packed.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(packed.body).toString('utf8'))).toEqual(json(plain));
    expect(packed.body.length).toBeLessThan(plain.body.length / 4);
  });

  it.each(BIG)('%s is plain JSON without Accept-Encoding, or when the client refuses gzip', async (path) => {
    const asks: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0' }];
    for (const headers of asks) {
      const plain = await get(path, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(json(plain)).toBeTypeOf('object');
    }
  });

  it('sends brotli to a browser that lists it (br, gzip), the same JSON once decoded', async () => {
    const plain = await get('/api/units');
    const br = await get('/api/units', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json(plain));
  });

  it('gives each encoding its own ETag, and a 304 without a body to the client that holds that one', async () => {
    const path = '/api/observations?unit=my-thoi';
    const plain = await get(path);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    const plainTag = String(plain.headers.etag);
    const gzTag = String(gz.headers.etag);
    expect(plainTag).toMatch(/^"/);
    expect(gzTag).toMatch(/^"/);
    expect(gzTag).not.toBe(plainTag);

    const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': gzTag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers.etag).toBe(gzTag);
    expect((await get(path, { 'if-none-match': plainTag })).status).toBe(304);
    // a client holding the plain body that now accepts gzip gets the gzip one, with its tag
    const other = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': plainTag });
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(gzTag);
    expect(JSON.parse(gunzipSync(other.body).toString('utf8'))).toEqual(json(plain));
  });

  it('answers a bad query with plain JSON even to a client that accepts gzip', async () => {
    const res = await get('/api/observations?from=1000-Q1', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(400);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(ApiError.parse(json(res)).error.code).toBe('bad_query');
  });

  it('sends the OpenAPI document (about 36 kB) gzipped too', async () => {
    const plain = await get('/api/openapi.json');
    const packed = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(packed.body).toString('utf8'))).toEqual(json(plain));
  });
});
