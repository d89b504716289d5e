/** The read cache is bounded by bytes: bodies, gzip copies and keys all count. */
import { describe, expect, it } from 'vitest';
import { READ_CACHE_DEFAULT_MB, ReadCache, readCacheBytes, textBody, type CachedBody } from '../../server/http/read-cache';

const MB = 1024 * 1024;
const body = (n: number, tag: string) => textBody(`"${tag}${'x'.repeat(n)}"`);
const text = (b: CachedBody) => new TextDecoder().decode(b.body);

describe('the read cache', () => {
  it('never holds more than its bound, however many distinct answers pass through it', async () => {
    const cache = new ReadCache(true, 4 * MB);
    for (let i = 0; i < 2000; i++) {
      await cache.get(`k${i}`, 1, async () => body(100_000, String(i)));
      if (i % 3 === 0) await cache.get(`k${i}\0gzip`, 1, async () => new Uint8Array(50_000));
      expect(cache.bytes).toBeLessThanOrEqual(4 * MB);
    }
    // about 4 MB / 100 kB: the most recent ones, not 2000
    expect(cache.size).toBeGreaterThan(5);
    expect(cache.size).toBeLessThan(50);
  });

  it('keeps what is used (least recently used out first)', async () => {
    const cache = new ReadCache(true, 1 * MB);
    let made = 0;
    const make = (tag: string) => async () => {
      made++;
      return body(100_000, tag);
    };
    await cache.get('hot', 1, make('hot'));
    for (let i = 0; i < 50; i++) {
      await cache.get(`cold${i}`, 1, make(String(i)));
      await cache.get('hot', 1, make('hot'));
    }
    expect(made).toBe(51);
  });

  it('does not keep one answer larger than the whole bound', async () => {
    const cache = new ReadCache(true, 1 * MB);
    let made = 0;
    for (let i = 0; i < 2; i++) {
      await cache.get('big', 1, async () => {
        made++;
        return body(1_100_000, 'big');
      });
    }
    expect(made).toBe(2);
    expect(cache.bytes).toBe(0);
  });

  it('counts the key too: many "nothing here" answers stay bounded', async () => {
    const cache = new ReadCache(true, 1 * MB);
    for (let i = 0; i < 20_000; i++) await cache.get(`source:${'x'.repeat(60)}${i}`, 1, async () => null);
    expect(cache.bytes).toBeLessThanOrEqual(1 * MB);
    expect(cache.size).toBeLessThan(5000);
  });

  it('a newer revision empties it; a value made for an older one is not kept', async () => {
    const cache = new ReadCache(true, 1 * MB);
    await cache.get('a', 1, async () => body(10, 'a1'));
    expect(cache.size).toBe(1);
    expect(text(await cache.get('a', 2, async () => body(10, 'a2')))).toContain('a2');
    expect(cache.size).toBe(1);
    // a request that read revision 2 finishes after revision 3 was seen
    let release!: () => void;
    const slow = cache.get('b', 2, () => new Promise<CachedBody>((r) => (release = () => r(body(10, 'b2')))));
    await cache.get('c', 3, async () => body(10, 'c3'));
    release();
    await slow;
    expect(cache.size).toBe(1);
    expect(text(await cache.get('b', 3, async () => body(10, 'b3')))).toContain('b3');
  });

  it('KPI_READ_CACHE_MB sets the bound in MiB; a bad value stops the server at start', () => {
    expect(readCacheBytes({})).toBe(READ_CACHE_DEFAULT_MB * MB);
    expect(readCacheBytes({ KPI_READ_CACHE_MB: '8' })).toBe(8 * MB);
    expect(readCacheBytes({ KPI_READ_CACHE_MB: '0' })).toBe(0);
    for (const bad of ['-1', '1.5', '2000', 'lots']) {
      expect(() => readCacheBytes({ KPI_READ_CACHE_MB: bad })).toThrow(/KPI_READ_CACHE_MB/);
    }
  });
});
