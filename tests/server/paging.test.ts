/**
 * GET /api/observations pages its answer: at most OBSERVATIONS_PAGE_MAX rows, then `next`;
 * a page asked after a write starts at the first row not yet sent; the app follows `next`.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  OBSERVATIONS_PAGE_MAX,
  ObservationsResponse,
  observationOrder,
  type NewObservation,
  type Observation,
} from '../../src/api/contract';
import { queries } from '../../src/api/queries';
import { openSqliteStorage } from '../../server/storage/sqlite';
import type { Dataset } from '../../data';
import { budget } from './support/fixtures';
import { getJson } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const EXTRA = OBSERVATIONS_PAGE_MAX + 150;
const YEARS = ['2020', '2021', '2022', '2023'];

/** Many valid figures of Mỹ Thới, spread over four years. */
function bulk(n: number, tag: string): NewObservation[] {
  return Array.from({ length: n }, (_, i) =>
    budget(1e6 * (i + 1), { id: `${tag}-${String(i).padStart(5, '0')}`, period: `${YEARS[i % 4]}-Q${1 + (i % 4)}`, sourceId: 'my-thoi-2024-year' }),
  );
}

async function page(s: TestServer, path: string) {
  const res = await getJson(s.url + path);
  expect(res.status, path).toBe(200);
  return ObservationsResponse.parse(res.body);
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  const added = await s.storage.addObservations(bulk(EXTRA, 'bulk'));
  if (!added.ok) throw new Error(JSON.stringify(added));
});
afterAll(() => s.close());

describe('GET /api/observations in pages', () => {
  it('an unfiltered read returns the first page only, with next', async () => {
    const first = await page(s, '/api/observations');
    expect(first.observations).toHaveLength(OBSERVATIONS_PAGE_MAX);
    expect(first.next).toMatch(/^\/api\/observations\?cursor=/);
    const second = await page(s, first.next!);
    expect(second.next).toBeUndefined();
    const all = [...first.observations, ...second.observations];
    expect(all).toEqual([...all].sort(observationOrder));
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    expect(all.filter((o) => o.id.startsWith('bulk-'))).toHaveLength(EXTRA);
  });

  it('a write between pages: no row twice, and every row that kept its place is sent', async () => {
    const path = '/api/observations?unit=my-thoi&from=2021-Q1&to=2022-Q4&limit=300';
    const before = (await s.storage.observationsPage(
      { unit: ['my-thoi'], from: '2021-Q1', to: '2022-Q4', family: [], indicator: [] },
      { limit: 100_000 },
    )).json;
    const everyRowBefore = JSON.parse(before) as Observation[];
    const first = await page(s, path);
    const lastSent = first.observations.at(-1)!;
    // meanwhile: the row that starts the next page and another one are deleted, a row is
    // added before the cursor's place and one after it
    const later = everyRowBefore.filter((o) => observationOrder(o, lastSent) > 0);
    const gone = [later[0]!, later[10]!];
    for (const o of gone) expect((await s.storage.deleteObservation(o.id)).ok).toBe(true);
    const added = await s.storage.addObservations([
      budget(1, { id: 'aaa-before', period: '2021-Q1', sourceId: 'my-thoi-2024-year' }),
      budget(2, { id: 'zzz-after', period: '2022-Q4', sourceId: 'my-thoi-2024-year' }),
    ]);
    expect(added.ok).toBe(true);

    const rest: Observation[] = [];
    for (let next = first.next; next; ) {
      const p = await page(s, next);
      rest.push(...p.observations);
      next = p.next;
    }
    const ids = [...first.observations, ...rest].map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    // every row after the cursor that was not deleted, and the new one after it; not the one before
    const expected = [...later.filter((o) => !gone.includes(o)).map((o) => o.id), 'zzz-after'];
    expect(rest.map((o) => o.id).sort()).toEqual(expected.sort());
    expect(ids).not.toContain('aaa-before');
    expect(rest).toEqual([...rest].sort(observationOrder));
  });

  it("the app's query follows next and gets every observation of its filter", async () => {
    const realFetch = globalThis.fetch;
    const asked: string[] = [];
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      asked.push(input);
      return realFetch(s.url + input, init);
    });
    try {
      const options = queries.observations({ units: ['my-thoi'] });
      const rows = await options.queryFn!({ signal: new AbortController().signal } as never);
      const expected = JSON.parse((await s.storage.observationsPage(
        { unit: ['my-thoi'], family: [], indicator: [] },
        { limit: 100_000 },
      )).json) as Observation[];
      expect(expected.length).toBeGreaterThan(OBSERVATIONS_PAGE_MAX);
      expect(rows).toEqual(expected);
      expect(asked).toHaveLength(2);
      expect(asked[1]).toMatch(/^\/api\/observations\?unit=my-thoi&cursor=/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the SQL pages and cursors follow observationOrder', () => {
  it('pages of any size over tricky ids join to every row once, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-pages-'));
    const storage = openSqliteStorage(join(dir, 'pages.sqlite'));
    try {
      const units = ['a-b', 'a_b', 'a0', 'ab', 'a', 'a9-x', 'b_1'];
      const indicators = ['x_y', 'x', 'xy', 'x_1'];
      const dataset: Dataset = {
        units: units.map((u, i) => ({ id: u, code: String(10000 + i), name: u, kind: 'phuong', province: 'P', validFrom: null, validTo: null })),
        indicators: indicators.map((x) => ({ id: x, family: 'other', name: x, unit: 'person', aggregation: 'ytd', higherIsBetter: true })),
        sources: [{ id: 's', unitId: 'a', title: 'T', heldOn: '2024-01-01', periodLabel: 'P', reference: 'R' }],
        observations: [],
      };
      let n = 0;
      for (const u of units)
        for (const x of indicators)
          for (const suffix of ['', '-2', '_2', '-a_b']) {
            n++;
            dataset.observations.push({ id: `o${n % 3}${suffix}-${u}-${x}`, unitId: u, indicatorId: x, period: `202${n % 2}-Q${1 + (n % 3)}`, value: n, qualifier: 'exact', sourceId: 's', version: 1 });
          }
      await storage.seed(dataset);
      const expected = [...dataset.observations].sort(observationOrder).map((o) => o.id);
      const all = { unit: [], family: [], indicator: [] };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (limit) => {
          const ids: string[] = [];
          let from: Observation | undefined;
          for (let pages = 0; pages < 200; pages++) {
            const p = await storage.observationsPage(all, { limit, from });
            ids.push(...(JSON.parse(p.json) as Observation[]).map((o) => o.id));
            if (!p.nextFrom) break;
            from = p.nextFrom as Observation;
          }
          expect(ids).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
