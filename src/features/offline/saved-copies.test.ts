import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { dropEndpoint, failEndpoint, withParam } from '../../../mocks/scenarios';
import { queries } from '../../api/queries';
import type { CopyStore, SavedCopy } from './copy-store';
import { memoryStore } from './test-store';
import { keepSavedCopies, MAX_COPIES, SAVED_COPY_FORMAT, type SavedCopies } from './saved-copies';

const budget = () => queries.observations({ units: ['my-thoi'], family: 'budget', to: '2024-Q4' });
const poverty = () => queries.observations({ units: ['my-thoi'], family: 'poverty', to: '2024-Q4' });
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });

const running: { client: QueryClient; copies: SavedCopies }[] = [];
function start(store: CopyStore) {
  const client = newClient();
  const copies = keepSavedCopies(client, store);
  running.push({ client, copies });
  return { client, copies };
}
afterEach(() => {
  for (const { client, copies } of running.splice(0)) {
    copies.stop();
    client.clear();
  }
});

/** Waits until the store holds a row for every hash given. */
async function savedRows(rows: Map<string, SavedCopy>, hashes: string[]) {
  await expect.poll(() => hashes.every((h) => rows.has(h)), { timeout: 3000 }).toBe(true);
}

describe('saved copies', () => {
  it('keeps each answer of a dashboard read with the time the server gave it', async () => {
    const { store, rows } = memoryStore();
    const { client } = start(store);
    const figures = await client.fetchQuery(budget());
    const register = await client.fetchQuery(queries.units());
    const hash = client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash;
    const unitsHash = client.getQueryCache().find({ queryKey: queries.units().queryKey })!.queryHash;
    await savedRows(rows, [hash, unitsHash]);
    const copy = rows.get(hash)!;
    expect(copy.data).toEqual(figures);
    expect(copy.savedAt).toBe(client.getQueryState(budget().queryKey)!.dataUpdatedAt);
    expect(copy.format).toBe(SAVED_COPY_FORMAT);
    expect(rows.get(unitsHash)!.data).toEqual(register);
  });

  it('keeps no copy of a part that views are made of, only of the views', async () => {
    const { store, rows } = memoryStore();
    const { client } = start(store);
    await client.fetchQuery({ ...poverty(), meta: { saved: false } });
    await client.fetchQuery(budget());
    await savedRows(rows, [client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash]);
    expect(rows.has(client.getQueryCache().find({ queryKey: poverty().queryKey })!.queryHash)).toBe(false);
  });

  it('after a reload without an answer, shows the saved figures with the time they were given, not now', async () => {
    const { store, rows } = memoryStore();
    const first = start(store);
    const figures = await first.client.fetchQuery(budget());
    const savedAt = first.client.getQueryState(budget().queryKey)!.dataUpdatedAt;
    await savedRows(rows, [first.client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash]);

    // the page again, a while later, and the network gone
    await new Promise((r) => setTimeout(r, 20));
    dropEndpoint(server, '/api/observations');
    const { client, copies } = start(store);
    await expect(client.fetchQuery(budget())).rejects.toThrow(/network error/);
    await expect.poll(() => client.getQueryData(budget().queryKey)).toEqual(figures);
    const state = client.getQueryState(budget().queryKey)!;
    expect(state.dataUpdatedAt).toBe(savedAt);
    expect(state.status).toBe('success');
    expect(copies.shows(client.getQueryCache().find({ queryKey: budget().queryKey })!)).toBe(true);
  });

  it('has nothing for a view never viewed: its query stays failed', async () => {
    const { store, rows } = memoryStore();
    const first = start(store);
    await first.client.fetchQuery(budget());
    await savedRows(rows, [first.client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash]);

    dropEndpoint(server, '/api/observations');
    const { client } = start(store);
    await expect(client.fetchQuery(poverty())).rejects.toThrow(/network error/);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.getQueryState(poverty().queryKey)).toMatchObject({ status: 'error', data: undefined });
  });

  it('uses a copy only when no answer came: an error the server answered stays an error', async () => {
    const { store, rows } = memoryStore();
    const first = start(store);
    await first.client.fetchQuery(budget());
    await savedRows(rows, [first.client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash]);

    failEndpoint(server, '/api/observations', 500, withParam('family', 'budget'));
    const { client } = start(store);
    await expect(client.fetchQuery(budget())).rejects.toThrow(/500/);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.getQueryState(budget().queryKey)).toMatchObject({ status: 'error', data: undefined });
  });

  it('once the server answers again, the copy gives way to the answer and is replaced by it', async () => {
    const { store, rows } = memoryStore();
    const first = start(store);
    await first.client.fetchQuery(budget());
    const hash = first.client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash;
    await savedRows(rows, [hash]);
    const oldTime = rows.get(hash)!.savedAt;

    dropEndpoint(server, '/api/observations');
    const { client, copies } = start(store);
    await client.fetchQuery(budget()).catch(() => undefined);
    await expect.poll(() => copies.shows({ queryHash: hash })).toBe(true);

    server.resetHandlers();
    await client.refetchQueries({ queryKey: budget().queryKey });
    expect(copies.shows({ queryHash: hash })).toBe(false);
    expect(client.getQueryState(budget().queryKey)!.dataUpdatedAt).toBeGreaterThan(oldTime);
    await expect.poll(() => rows.get(hash)!.savedAt).toBeGreaterThan(oldTime);
  });

  it('drops copies made with another contract unread', async () => {
    const hash = JSON.stringify(budget().queryKey);
    const { store, rows } = memoryStore([{ hash, key: budget().queryKey, data: [], savedAt: 1, format: 'another-contract' }]);
    dropEndpoint(server, '/api/observations');
    const { client, copies } = start(store);
    await copies.ready;
    await client.fetchQuery(budget()).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.getQueryState(budget().queryKey)).toMatchObject({ status: 'error', data: undefined });
    expect(rows.has(hash)).toBe(false);
  });

  it(`keeps at most ${MAX_COPIES} answers, dropping the oldest`, async () => {
    const old = Array.from({ length: MAX_COPIES }, (_, i): SavedCopy => ({
      hash: `["sources","s${i}"]`,
      key: ['sources', `s${i}`],
      data: { id: `s${i}` },
      savedAt: 1000 + i,
      format: SAVED_COPY_FORMAT,
    }));
    const { store, rows } = memoryStore(old);
    const { client, copies } = start(store);
    await copies.ready;
    await client.fetchQuery(budget());
    const hash = client.getQueryCache().find({ queryKey: budget().queryKey })!.queryHash;
    await savedRows(rows, [hash]);
    await expect.poll(() => rows.size).toBe(MAX_COPIES);
    expect(rows.has('["sources","s0"]')).toBe(false);
    expect(rows.has('["sources","s1"]')).toBe(true);
  });
});
