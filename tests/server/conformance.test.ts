import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, unknownEndpoint } from '../../mocks/handlers';
import { loadDataset } from '../../data';
import { ObservationsResponse, observationOrder } from '../../src/api/contract';
import { conformanceCases, SOURCE_WITH_TEXT, type Answer, type Fetcher } from './support/conformance';
import { startTestServer, type TestServer } from './support/in-process';

const MSW_BASE = 'http://msw.test';
const data = loadDataset();
const handlers = [...createHandlers({ ...data, sources: [...data.sources, SOURCE_WITH_TEXT] }), unknownEndpoint];

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

/** Every page of a paged read, following `next` from `path`. */
async function allPages(fetcher: Fetcher, path: string): Promise<Answer[]> {
  const pages: Answer[] = [];
  for (let next: string | undefined = path; next; next = ObservationsResponse.parse(pages.at(-1)!.body).next) {
    pages.push(await fetcher(next));
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

describe('paging across page boundaries', () => {
  const sorted = [...data.observations].sort(observationOrder);
  it.each([
    ['/api/observations?limit=7', sorted],
    ['/api/observations?unit=my-thoi&limit=3', sorted.filter((o) => o.unitId === 'my-thoi')],
    ['/api/observations?limit=1&family=health_insurance', sorted.filter((o) => o.indicatorId.startsWith('health_insurance'))],
  ] as const)('following next from %s gives every row once, in order, and both backends page alike', async (path, expected) => {
    const [a, b] = await Promise.all([allPages(viaMsw, path), allPages(viaServer, path)]);
    expect(b).toEqual(a);
    const rows = a.flatMap((p) => ObservationsResponse.parse(p.body).observations);
    expect(rows).toEqual(expected);
    expect(a.length).toBeGreaterThan(1);
  });
});

describe('the msw handlers and the server answer alike', () => {
  it.each(conformanceCases.map((c) => [c.path] as const))('%s', async (path) => {
    const [a, b]: Answer[] = await Promise.all([viaMsw(path), viaServer(path)]);
    expect(b).toEqual(a);
  });
});
