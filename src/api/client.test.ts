import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest, ApiRequestError, READ_ANSWER_TIMEOUT_MS } from './client';

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
