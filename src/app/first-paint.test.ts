import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { queries } from '../api/queries';
import { firstPaintReady } from './first-paint';

const settled = (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  return () => done;
};

describe('firstPaintReady', () => {
  it('waits for the answers asked for, and for those their answers ask for', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let release!: () => void;
    server.use(http.get('/api/indicators', () => new Promise<Response>((r) => (release = () => r(HttpResponse.json({ indicators: [] }))))));
    // the register's answer asks for more, as prefetch.ts does with the view's figures
    void client.fetchQuery(queries.units()).then(() => client.prefetchQuery(queries.indicators()));
    const ready = settled(firstPaintReady(client, { timeoutMs: 5000 }));
    await expect.poll(() => client.isFetching()).toBe(1);
    await expect.poll(() => typeof release).toBe('function');
    await new Promise((r) => setTimeout(r, 100));
    expect(ready()).toBe(false);
    release();
    await expect.poll(ready).toBe(true);
  });

  it('paints after the longest wait when an answer does not come', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    server.use(http.get('/api/units', () => new Promise<Response>(() => undefined)));
    void client.fetchQuery(queries.units()).catch(() => undefined);
    const started = Date.now();
    await firstPaintReady(client, { timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(client.isFetching()).toBe(1);
    await client.cancelQueries();
  });
});
