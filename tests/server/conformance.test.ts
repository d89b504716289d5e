import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { loadDataset } from '../../data';
import { conformanceCases, SOURCE_WITH_TEXT, type Answer, type Fetcher } from './support/conformance';
import { startTestServer, type TestServer } from './support/in-process';

const MSW_BASE = 'http://msw.test';
const data = loadDataset();
const handlers = createHandlers({ ...data, sources: [...data.sources, SOURCE_WITH_TEXT] });

const viaMsw: Fetcher = async (path) => {
  const res = await getResponse(handlers, new Request(MSW_BASE + path), { baseUrl: MSW_BASE });
  if (!res) throw new Error(`msw has no handler for ${path}`);
  return { status: res.status, body: await res.json() };
};

let server: TestServer;
const viaServer: Fetcher = async (path) => {
  const res = await fetch(server.url + path);
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  server = await startTestServer();
  const added = await server.storage.addSource(SOURCE_WITH_TEXT);
  if (!added.ok) throw new Error(`could not add the source with a text: ${JSON.stringify(added)}`);
});
afterAll(() => server.close());

describe.each([
  ['the msw handlers', viaMsw],
  ['the server', viaServer],
])('reads conform to the contract: %s', (_name, fetcher) => {
  it.each(conformanceCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    c.check(await fetcher(c.path));
  });
});

describe('the msw handlers and the server answer alike', () => {
  it.each(conformanceCases.map((c) => [c.path] as const))('%s', async (path) => {
    const [a, b]: Answer[] = await Promise.all([viaMsw(path), viaServer(path)]);
    expect(b).toEqual(a);
  });
});
