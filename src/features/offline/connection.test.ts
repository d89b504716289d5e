import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { dropEndpoint } from '../../../mocks/scenarios';
import { queries } from '../../api/queries';
import { connectionLost, probeServer, useConnection, watchConnection } from './connection';

const budget = () => queries.observations({ units: ['my-thoi'], family: 'budget', to: '2024-Q4' });

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** A client, an observer of the budget's figures (as a panel on screen), and the watch. */
function setup(probe: () => Promise<boolean>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  const observer = new QueryObserver(client, budget());
  const unsubscribe = observer.subscribe(() => undefined);
  stops.push(watchConnection(client, { probe }), unsubscribe, () => client.clear());
  return { client, observer };
}

describe('the connection', () => {
  it('is lost when a read gets no answer and the server does not answer its health check either', async () => {
    dropEndpoint(server, '/api/observations');
    let asked = 0;
    setup(async () => {
      asked++;
      return false;
    });
    await expect.poll(() => useConnection.getState().lost, { timeout: 3000 }).toBe(true);
    expect(asked).toBeGreaterThan(0);
    expect(connectionLost()).toBe(true);
    expect(useConnection.getState().since).toBeLessThanOrEqual(Date.now());
  });

  it('is not lost when only that read failed and the server answers', async () => {
    dropEndpoint(server, '/api/observations');
    let asked = 0;
    const { observer } = setup(async () => {
      asked++;
      return true;
    });
    await expect.poll(() => observer.getCurrentResult().isError, { timeout: 3000 }).toBe(true);
    await expect.poll(() => asked).toBeGreaterThan(0);
    expect(useConnection.getState().lost).toBe(false);
  });

  it('asks again by itself when the server answers again, and the failed figures come', async () => {
    dropEndpoint(server, '/api/observations');
    let up = false;
    const { observer } = setup(async () => up);
    await expect.poll(() => useConnection.getState().lost, { timeout: 3000 }).toBe(true);
    expect(observer.getCurrentResult().isError).toBe(true);

    server.resetHandlers();
    up = true;
    // the next check is 2 s after the loss
    await expect.poll(() => observer.getCurrentResult().data?.length ?? 0, { timeout: 6000 }).toBeGreaterThan(0);
    expect(useConnection.getState().lost).toBe(false);
  });

  it('is lost at once when the browser goes offline, and checked when it comes back', async () => {
    let asked = 0;
    setup(async () => {
      asked++;
      return true;
    });
    window.dispatchEvent(new Event('offline'));
    expect(useConnection.getState().lost).toBe(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => useConnection.getState().lost).toBe(false);
    expect(asked).toBe(1);
  });

  it('has the server checked when a read stays unanswered, before any timeout of its own', async () => {
    // the figures hang; the health check does not answer either
    server.use(http.get('/api/observations', () => new Promise<Response>(() => undefined)));
    let asked = 0;
    setup(async () => {
      asked++;
      return false;
    });
    await expect.poll(() => useConnection.getState().lost, { timeout: 6000 }).toBe(true);
    expect(asked).toBe(1);
  });
});

describe('probeServer', () => {
  it('is true when /api/health answers, false when it fails or is too slow', async () => {
    expect(await probeServer()).toBe(true);
    server.use(http.get('/api/health', () => HttpResponse.json({ error: {} }, { status: 503 })));
    expect(await probeServer()).toBe(false);
    server.use(http.get('/api/health', () => HttpResponse.error()));
    expect(await probeServer()).toBe(false);
    server.use(http.get('/api/health', () => new Promise<Response>((r) => setTimeout(() => r(HttpResponse.json({ status: 'ok' })), 400))));
    expect(await probeServer(100)).toBe(false);
  });
});
