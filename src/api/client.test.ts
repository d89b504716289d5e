import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest, apiRequestList, ApiRequestError, LIST_PART, READ_ANSWER_TIMEOUT_MS } from './client';

/** A server that never answers: the request ends only when its signal aborts it. */
function hungServer() {
  const seen: (AbortSignal | undefined)[] = [];
  vi.stubGlobal('fetch', (_path: string, init: RequestInit) => {
    seen.push(init.signal ?? undefined);
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  });
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('apiRequest against a server that does not answer', () => {
  it('gives up on a read after READ_ANSWER_TIMEOUT_MS and says the connection is lost', async () => {
    vi.useFakeTimers();
    hungServer();
    const asked = apiRequest('/api/units', z.object({}));
    const failed = expect(asked).rejects.toMatchObject({ kind: 'network', userMessage: expect.stringMatching(/^Mất kết nối tới máy chủ/) });
    await vi.advanceTimersByTimeAsync(READ_ANSWER_TIMEOUT_MS - 1);
    let settled = false;
    void asked.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    expect(READ_ANSWER_TIMEOUT_MS).toBeLessThan(5000);
  });

  it('never cuts a write short: it could not say whether it was stored', async () => {
    vi.useFakeTimers();
    const seen = hungServer();
    const caller = new AbortController();
    const written = apiRequest('/api/observations', z.object({}), { method: 'POST', body: [], signal: caller.signal });
    void written.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(READ_ANSWER_TIMEOUT_MS * 4);
    expect(seen[0]).toBe(caller.signal);
    expect(caller.signal.aborted).toBe(false);
    caller.abort();
    await expect(written).rejects.not.toBeInstanceOf(ApiRequestError);
  });

  it('lets the caller abort a read, as before (not a lost connection)', async () => {
    hungServer();
    const caller = new AbortController();
    const asked = apiRequest('/api/units', z.object({}), { signal: caller.signal });
    caller.abort();
    await expect(asked).rejects.not.toBeInstanceOf(ApiRequestError);
  });
});

describe('apiRequestList: a long list checked a part at a time', () => {
  const Item = z.object({ id: z.string() });
  const answering = (body: unknown) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 200 }));
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}` }));

  it('gives every item, in order, in tasks of at most LIST_PART items', async () => {
    answering({ units: items(LIST_PART * 3 + 1) });
    let tasks = 0;
    const ticking = setInterval(() => tasks++, 0);
    const list = await apiRequestList('/api/units', 'units', Item);
    clearInterval(ticking);
    expect(list).toEqual(items(LIST_PART * 3 + 1));
    // the browser had its turn between the parts (timers ran while the list was checked)
    expect(tasks).toBeGreaterThan(0);
  });

  it('fails as a contract error naming the item that is wrong, and gives none of them', async () => {
    answering({ units: [...items(250), { id: 7 }, ...items(10)] });
    await expect(apiRequestList('/api/units', 'units', Item)).rejects.toMatchObject({
      kind: 'contract',
      userMessage: expect.stringMatching(/không đúng định dạng/),
      message: expect.stringMatching(/GET \/api\/units: answer does not match the contract: units\[250\]/),
    });
  });

  it('fails when the answer is not a list under its key', async () => {
    answering({ unit: items(3) });
    await expect(apiRequestList('/api/units', 'units', Item)).rejects.toMatchObject({ kind: 'contract' });
  });
});
