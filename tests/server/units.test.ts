/**
 * GET /api/units is the register (data/register.ts), the same from the server and the msw
 * handlers; about 390 units stay a small answer (gzip), read from the storage once and then
 * kept in the read cache with an ETag, as the other lists are.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUnits } from '../../data';
import { createHandlers } from '../../mocks/handlers';
import { UnitsResponse } from '../../src/api/contract';
import type { Storage } from '../../server/storage/types';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;

/** The bytes as sent (fetch would decode them). */
function rawGet(path: string, acceptEncoding: string): Promise<{ encoding?: string; body: Buffer }> {
  const url = new URL(s.url + path);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
let reads = 0;
beforeAll(async () => {
  s = await startTestServer({
    wrapStorage: (storage: Storage) =>
      new Proxy(storage, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (prop === 'listUnits') reads++;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
  });
});
afterAll(() => s.close());

describe('GET /api/units', () => {
  it('is the register, from the server as from the msw handlers', async () => {
    const server = UnitsResponse.parse(await (await fetch(`${s.url}/api/units`)).json());
    const res = await getResponse(createHandlers(), new Request('http://msw.test/api/units'), { baseUrl: 'http://msw.test' });
    const msw = UnitsResponse.parse(await res!.json());
    expect(server.units).toEqual(registerUnits());
    expect(msw).toEqual(server);
    expect(server.units.map((u) => u.id)).toEqual(expect.arrayContaining(['an-giang', 'my-thoi', 'long-xuyen', 'thanh-pho-long-xuyen']));
  });

  it('stays small: under 150 kB, under 16 kB with gzip', async () => {
    const plain = await rawGet('/api/units', 'identity');
    const packed = await rawGet('/api/units', 'gzip');
    expect(packed.encoding).toBe('gzip');
    expect(plain.body.length).toBeLessThan(150_000);
    expect(packed.body.length).toBeLessThan(16_000);
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
  });

  it('is read from the storage once and kept: the same ETag, a 304 for a client that has it', async () => {
    const first = await fetch(`${s.url}/api/units`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const readsBefore = reads;
    for (let i = 0; i < 3; i++) {
      const again = await fetch(`${s.url}/api/units`);
      await again.arrayBuffer();
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect(reads).toBe(readsBefore);
    const unchanged = await fetch(`${s.url}/api/units`, { headers: { 'if-none-match': etag! } });
    expect(unchanged.status).toBe(304);
  });
});
