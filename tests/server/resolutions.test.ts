/**
 * Resolutions on the real server (and, where the store matters, on both backends): what a refused
 * write leaves (nothing), the read answers (order, the year in force, ETag until the next write),
 * the history naming the token's id on SQLite and in msw alike, a write that fails half way, the
 * bound of resolutions per unit, and a restart. The write rules case by case are in the write
 * conformance suite (support/write-conformance.ts), which sends each to both backends.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteApi } from '../../mocks/write-handlers';
import { loadDataset } from '../../data';
import { ApiError, RESOLUTION_LIMITS, ResolutionResponse, ResolutionsResponse, type Resolution } from '../../src/api/contract';
import { openStorage } from '../../server/storage/open';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { SqliteWriteRepository } from '../../server/storage/sqlite-write-repository';
import { StatementCache } from '../../server/storage/sqlite-db';
import { MemoryWriteRepository } from '../../server/writes/memory-repository';
import type { WriteRepository } from '../../server/writes/repository';
import { WriteService } from '../../server/writes/service';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';
import { target, termResolution, yearResolution } from './support/resolutions';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const list = (query: string) => getJson(`${s.url}/api/resolutions?${query}`);

/** Everything a client can read of the store, to compare before and after a refused write. */
async function everything(url: string): Promise<string> {
  const paths = ['/api/observations', '/api/sources', '/api/resolutions?unit=my-thoi&unit=my-quy&unit=my-binh&unit=long-xuyen'];
  return (await Promise.all(paths.map(async (p) => (await fetch(url + p)).text()))).join('\n');
}

describe('writes of resolutions on the server', () => {
  it('stores a resolution whole, lists it in order, and answers each read with an ETag until the next write', async () => {
    const term = await send(`${s.url}/api/resolutions`, 'POST', termResolution(), s.editorToken);
    expect(term.status).toBe(201);
    const year = await send(`${s.url}/api/resolutions`, 'POST', yearResolution(), s.editorToken);
    expect(year.status).toBe(201);
    const older = await send(`${s.url}/api/resolutions`, 'POST', yearResolution({ year: 2024, sourceId: 'my-thoi-2024-year', title: 'Nghị quyết năm 2024 (bản thử)' }), s.editorToken);
    expect(older.status).toBe(201);

    const all = await list('unit=my-thoi');
    expect(all.status).toBe(200);
    const ids = ResolutionsResponse.parse(all.body).resolutions.map((r) => r.id);
    // the earliest years first; the term (judged from 2026) before its year 2026
    expect(ids).toEqual(['my-thoi-nq-2024', 'my-thoi-nq-2025-2030', 'my-thoi-nq-2026']);
    const stored = ResolutionsResponse.parse(all.body).resolutions.find((r) => r.id === 'my-thoi-nq-2025-2030')!;
    expect(stored).toEqual(ResolutionResponse.parse(term.body).resolution);
    expect(stored.targets).toHaveLength(6);
    expect(stored.targets[4]).toMatchObject({ type: 'ceiling', manualStatus: { status: 'on_track', note: 'Theo rà soát hộ nghèo cuối năm của phường' } });

    // in force in 2026: the term and the year's; in 2025 (the congress's year) the term only
    expect(ResolutionsResponse.parse((await list('unit=my-thoi&year=2026')).body).resolutions.map((r) => r.id)).toEqual(['my-thoi-nq-2025-2030', 'my-thoi-nq-2026']);
    expect(ResolutionsResponse.parse((await list('unit=my-thoi&year=2025')).body).resolutions.map((r) => r.id)).toEqual(['my-thoi-nq-2025-2030']);
    expect(ResolutionsResponse.parse((await list('unit=my-quy')).body).resolutions).toEqual([]);

    const etag = all.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${s.url}/api/resolutions?unit=my-thoi`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    const update = { ...yearResolution(), title: 'Nghị quyết năm 2026 (đã sửa)', version: 1 };
    expect((await send(`${s.url}/api/resolutions/my-thoi-nq-2026`, 'PUT', update, s.editorToken)).status).toBe(200);
    const after = await fetch(`${s.url}/api/resolutions?unit=my-thoi`, { headers: { 'if-none-match': etag! } });
    expect(after.status).toBe(200);
    const titles = ResolutionsResponse.parse(await after.json()).resolutions.map((r) => r.title);
    expect(titles).toContain('Nghị quyết năm 2026 (đã sửa)');
  });

  it.each([
    ['a growth without its indicator', yearResolution({ year: 2027, targets: [target(1, { type: 'yearly_growth', indicatorId: undefined })] }), 'targets.0.indicatorId'],
    ['a term without its term', termResolution({ unitId: 'my-quy', term: undefined }), 'term'],
    ['an unknown indicator', yearResolution({ year: 2027, targets: [target(1), target(2, { indicatorId: 'rainfall' })] }), 'targets.1.indicatorId'],
    ['numbers given twice', yearResolution({ year: 2027, targets: [target(7), target(7)] }), 'targets.1.number'],
    ['the same term again', termResolution(), 'term'],
  ])('refuses %s naming the field, and writes nothing', async (_name, body, path) => {
    const before = await everything(s.url);
    const revision = await s.storage.revision();
    const res = await send(`${s.url}/api/resolutions`, 'POST', body, s.editorToken);
    expect([400, 409]).toContain(res.status);
    expect(ApiError.parse(res.body).error.issues?.map((i) => i.path)).toContain(path);
    expect(await everything(s.url)).toBe(before);
    expect(await s.storage.revision()).toBe(revision);
  });

  it('a limited token writes nothing of another unit, and the message names the unit', async () => {
    const before = await everything(s.url);
    const res = await send(`${s.url}/api/resolutions`, 'POST', termResolution({ unitId: 'long-xuyen', adoptedOn: undefined }), s.limitedToken);
    expect(res.status).toBe(403);
    expect(ApiError.parse(res.body).error.message).toContain('"long-xuyen"');
    expect(ApiError.parse(res.body).error.message).toContain('resolutions');
    expect(await everything(s.url)).toBe(before);
  });
});

describe('the OpenAPI document', () => {
  it('describes the resolutions’ endpoints with the contract’s schemas', async () => {
    const doc = (await getJson(`${s.url}/api/openapi.json`)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    expect(Object.keys(doc.paths['/api/resolutions']!)).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/resolutions/{id}']!)).toEqual(['put', 'delete']);
    expect(JSON.stringify(doc.paths['/api/resolutions/{id}']!.put!.responses['409'])).toContain('#/components/schemas/ResolutionConflict');
    const target = doc.components.schemas.ResolutionTarget!;
    expect(target.required).toEqual(expect.arrayContaining(['id', 'number', 'name', 'type', 'value', 'unit']));
    expect(JSON.stringify(target.properties?.type)).toContain('yearly_growth');
    expect(doc.components.schemas.Resolution!.required).toEqual(expect.arrayContaining(['id', 'unitId', 'title', 'kind', 'targets', 'version']));
  });
});

describe('the history of resolutions', () => {
  it('names the token of each change, the same on SQLite and in msw', async () => {
    const server = await startTestServer();
    try {
      const api = createWriteApi({ tokens: { editor: [server.editorToken, { token: server.limitedToken, units: ['my-thoi'] }] } });
      const calls: [string, string, unknown, string][] = [
        ['POST', '/api/resolutions', termResolution(), server.editorToken],
        ['PUT', '/api/resolutions/my-thoi-nq-2025-2030', { ...termResolution({ title: 'Sửa lần một' }), version: 1 }, server.limitedToken],
        ['DELETE', '/api/resolutions/my-thoi-nq-2025-2030?version=2', undefined, server.editorToken],
        ['POST', '/api/resolutions', termResolution(), server.limitedToken],
      ];
      for (const [method, path, body, token] of calls) {
        const init = {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        };
        const theirs = await fetch(server.url + path, init);
        const mine = await getResponse(api.handlers, new Request(`http://msw.test${path}`, init), { baseUrl: 'http://msw.test' });
        expect(mine!.status).toBe(theirs.status);
        expect(await mine!.json()).toEqual(await theirs.json());
      }
      const rows = (server.storage as SqliteStorage).db
        .prepare('SELECT resolution_id, version, op, actor FROM resolution_history ORDER BY seq')
        .all() as { resolution_id: string; version: number; op: string; actor: string }[];
      expect(rows.map((r) => [r.op, r.version])).toEqual([['create', 1], ['update', 2], ['delete', 3], ['create', 4]]);
      expect(new Set(rows.map((r) => r.actor)).size).toBe(2);
      expect(rows.every((r) => /^[0-9a-f]{8}$/.test(r.actor))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(server.editorToken);
      const memory = api.resolutionHistory.map((e) => ({ resolution_id: e.resolution.id, version: e.resolution.version, op: e.op, actor: e.actor }));
      expect(memory).toEqual(rows);
    } finally {
      await server.close();
    }
  });
});

/** A repository whose transactions fail when the history of a resolution is written: after the row itself. */
function failingHistory(real: WriteRepository): WriteRepository {
  return {
    transaction: (fn) =>
      real.transaction((tx) =>
        fn({
          ...tx,
          appendResolutionHistory: async () => {
            throw new Error('the disk went away');
          },
        }),
      ),
  };
}

describe('a write that fails half way', () => {
  it.each(['memory', 'SQLite'] as const)('leaves nothing of the resolution (%s)', async (kind) => {
    const server = kind === 'SQLite' ? await startTestServer() : undefined;
    try {
      const data = { ...loadDataset(), resolutions: [] as Resolution[] };
      const db = server && (server.storage as SqliteStorage).db;
      const real = db ? new SqliteWriteRepository(db, new StatementCache(db)) : new MemoryWriteRepository(data);
      await expect(new WriteService(failingHistory(real)).addResolution(termResolution())).rejects.toThrow('the disk went away');
      const stored = db ? (db.prepare('SELECT count(*) AS n FROM resolutions').get() as { n: number }).n : data.resolutions.length;
      expect(stored).toBe(0);
      // and the store still takes the write once the failure is gone
      expect((await new WriteService(real).addResolution(termResolution())).ok).toBe(true);
    } finally {
      await server?.close();
    }
  });
});

describe('bounds', () => {
  it(`a unit keeps at most ${RESOLUTION_LIMITS.perUnit} resolutions: one more is a 409 naming the unit`, async () => {
    const service = new WriteService(new MemoryWriteRepository({ ...loadDataset(), resolutions: [] }));
    for (let i = 0; i < RESOLUTION_LIMITS.perUnit; i++) {
      const outcome = await service.addResolution(yearResolution({ year: 2001 + i, sourceId: undefined }));
      expect(outcome.ok).toBe(true);
    }
    const refused = await service.addResolution(yearResolution({ year: 2001 + RESOLUTION_LIMITS.perUnit, sourceId: undefined }));
    expect(refused).toMatchObject({ ok: false, kind: 'conflict', issues: [{ path: 'unitId' }] });
  });
});

describe('a restart', () => {
  it('keeps every resolution and its version', async () => {
    const server = await startTestServer();
    const created = await send(`${server.url}/api/resolutions`, 'POST', termResolution(), server.editorToken);
    expect(created.status).toBe(201);
    await server.storage.close();
    const { storage, seeded } = await openStorage(server.dataDir);
    try {
      expect(seeded).toBe(false);
      expect(await storage.listResolutions({ unit: ['my-thoi'] })).toEqual([ResolutionResponse.parse(created.body).resolution]);
    } finally {
      await storage.close();
      await server.close();
    }
  });
});
