import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ObservationConflict, ObservationResponse, ObservationsResponse, SourceResponse } from '../../src/api/contract';
import { budget, coverage, fieldsOf, snapshot } from './support/fixtures';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const post = (body: unknown) => send(`${s.url}/api/observations`, 'POST', body, s.editorToken);

describe('POST /api/observations', () => {
  it('stores a batch, answers 201 with ids and version 1, and the reads show it', async () => {
    const res = await post([coverage(91.5), budget(6.1e9)]);
    expect(res.status).toBe(201);
    const { observations } = ObservationsResponse.parse(res.body);
    expect(observations).toHaveLength(2);
    expect(observations.map((o) => o.version)).toEqual([1, 1]);
    expect(observations[0]!.id).toBe('my-thoi-2026-q2-health-insurance-coverage');
    const read = await getJson(`${s.url}/api/observations?unit=my-thoi&from=2026-Q2&to=2026-Q2`);
    expect(ObservationsResponse.parse(read.body).observations).toEqual(
      expect.arrayContaining(observations.map((o) => expect.objectContaining(o))),
    );
  });

  it('gives a second figure for the same unit, period and indicator its own id', async () => {
    const res = await post([coverage(92, { sourceId: 'my-thoi-2024-year', period: '2025-Q4', note: 'ước' })]);
    expect(res.status).toBe(201);
    const again = await post([coverage(92.5, { sourceId: 'my-thoi-2024-year', period: '2025-Q4' })]);
    const [first, second] = [res, again].map((r) => ObservationsResponse.parse(r.body).observations[0]!.id);
    expect(second).not.toBe(first);
  });

  it('numbers many new figures with one base without slowing down', async () => {
    const batch = Array.from({ length: 300 }, (_, i) => budget(i, { period: '2025-Q2', sourceId: 'my-thoi-2024-year' }));
    const res = await post(batch);
    expect(res.status).toBe(201);
    const ids = ObservationsResponse.parse(res.body).observations.map((o) => o.id);
    expect(new Set(ids).size).toBe(300);
    expect(ids.slice(0, 3)).toEqual(['my-thoi-2025-q2-budget-revenue', 'my-thoi-2025-q2-budget-revenue-2', 'my-thoi-2025-q2-budget-revenue-3']);
  });

  it('refuses an id that is taken (409) and stores nothing of the batch', async () => {
    const before = await snapshot(s.url);
    const res = await post([budget(1e9, { id: 'fresh-id-1' }), budget(2e9, { id: 'my-thoi-2024-q4-budget-revenue' })]);
    expect(res.status).toBe(409);
    expect(ApiError.parse(res.body).error.issues).toEqual([expect.objectContaining({ path: '1.id' })]);
    expect(await snapshot(s.url)).toBe(before);
  });
});

describe('bad input is refused with the path of each problem, and nothing is written', () => {
  const cases: [string, unknown, number, string[]][] = [
    ['coverage over 100', [coverage(101)], 400, ['0.value']],
    ['coverage under 0', [coverage(-1)], 400, ['0.value']],
    ['targets met over the total', [{ ...coverage(12), indicatorId: 'resolution_targets_met', outOf: 11 }], 400, ['0.value']],
    ['targets met without a total', [{ ...coverage(3), indicatorId: 'resolution_targets_met' }], 400, ['0.outOf']],
    ['negative money', [budget(-5)], 400, ['0.value']],
    ['an unknown unit', [budget(1, { unitId: 'atlantis' })], 400, ['0.unitId']],
    ['an unknown indicator', [budget(1, { indicatorId: 'happiness' })], 400, ['0.indicatorId']],
    ['an unknown source', [budget(1, { sourceId: 'rumour' })], 400, ['0.sourceId']],
    ['a period after the unit ceased to exist', [budget(1, { unitId: 'my-binh', period: '2025-Q4' })], 400, ['0.period']],
    ['a period before the unit existed', [budget(1, { unitId: 'long-xuyen', period: '2025-Q2' })], 400, ['0.period']],
    ['a malformed period', [budget(1, { period: '2026-Q5' })], 400, ['0.period']],
    ['a missing field', [{ ...budget(1), qualifier: undefined }], 400, ['0.qualifier']],
    ['an unknown field', [{ ...budget(1), colour: 'red' }], 400, ['0']],
    ['a version in a new observation', [{ ...budget(1), version: 3 }], 400, ['0']],
    ['a value that is not a number', [{ ...budget(1), value: '12 tỉ' }], 400, ['0.value']],
    ['an object, not an array', budget(1), 400, ['']],
    ['an empty array', [], 400, ['']],
    ['one bad item in a batch of three', [budget(1), coverage(150), budget(2)], 400, ['1.value']],
    ['two bad items', [coverage(150), budget(-1)], 400, ['0.value', '1.value']],
  ];
  it.each(cases)('%s', async (_name, body, status, paths) => {
    const before = await snapshot(s.url);
    const revision = await s.storage.revision();
    const res = await post(body);
    expect(res.status).toBe(status);
    const error = ApiError.parse(res.body).error;
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(paths));
    expect(await snapshot(s.url)).toBe(before);
    expect(await s.storage.revision()).toBe(revision);
  });

  it('malformed JSON is a 400', async () => {
    const before = await snapshot(s.url);
    const res = await send(`${s.url}/api/observations`, 'POST', '[{"unitId": "my-thoi",', s.editorToken, true);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.code).toBe('bad_json');
    expect(await snapshot(s.url)).toBe(before);
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await getJson(`${s.url}/api/observations`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${s.editorToken}` },
      body: JSON.stringify([budget(1)]),
    });
    expect(res.status).toBe(415);
  });

  it('a body over the limit is a 413', async () => {
    const before = await snapshot(s.url);
    const big = Array.from({ length: 4000 }, (_, i) => budget(i, { note: 'x'.repeat(1990) }));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(ApiError.parse(res.body).error.code).toBe('too_large');
    expect(await snapshot(s.url)).toBe(before);
  });
});

describe('PUT /api/observations/:id', () => {
  const url = () => `${s.url}/api/observations/my-thoi-2024-q3-health-insurance-coverage`;
  const current = async () => {
    const res = await getJson(`${s.url}/api/observations?unit=my-thoi&indicator=health_insurance_coverage&from=2024-Q3&to=2024-Q3`);
    return ObservationsResponse.parse(res.body).observations[0]!;
  };

  it('corrects a figure with the version the client saw; version grows by one each time', async () => {
    const o = await current();
    const { version } = o;
    const fields = fieldsOf(o);
    const res = await send(url(), 'PUT', { ...fields, value: 88.5, version }, s.editorToken);
    expect(res.status).toBe(200);
    expect(ObservationResponse.parse(res.body).observation).toMatchObject({ value: 88.5, version: version + 1 });
    const again = await send(url(), 'PUT', { ...fields, value: 88.44, version: version + 1 }, s.editorToken);
    expect(ObservationResponse.parse(again.body).observation).toMatchObject({ value: 88.44, version: version + 2 });
  });

  it('refuses a stale version with 409 and the current observation, changing nothing', async () => {
    const o = await current();
    const before = await snapshot(s.url);
    const fields = fieldsOf(o);
    const res = await send(url(), 'PUT', { ...fields, value: 50, version: 1 }, s.editorToken);
    expect(res.status).toBe(409);
    const body = ObservationConflict.parse(res.body);
    expect(body.error.code).toBe('conflict');
    expect(body.observation).toEqual(o);
    expect(await snapshot(s.url)).toBe(before);
  });

  it('refuses a value that breaks the rules (400) and a missing id (404)', async () => {
    const o = await current();
    const before = await snapshot(s.url);
    const rest = { ...fieldsOf(o), version: o.version };
    const bad = await send(url(), 'PUT', { ...rest, value: 140 }, s.editorToken);
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.body).error.issues).toEqual([expect.objectContaining({ path: 'value' })]);
    const noVersion = await send(url(), 'PUT', { ...rest, version: undefined }, s.editorToken);
    expect(noVersion.status).toBe(400);
    expect(ApiError.parse(noVersion.body).error.issues?.map((i) => i.path)).toContain('version');
    const missing = await send(`${s.url}/api/observations/no-such-thing`, 'PUT', rest, s.editorToken);
    expect(missing.status).toBe(404);
    expect(await snapshot(s.url)).toBe(before);
  });
});

describe('DELETE /api/observations/:id', () => {
  it('deletes, answers what was deleted; a stale version is a 409', async () => {
    const created = ObservationsResponse.parse((await post([budget(3e9, { period: '2026-Q1' })])).body).observations[0]!;
    const stale = await send(`${s.url}/api/observations/${created.id}?version=7`, 'DELETE', undefined, s.editorToken);
    expect(stale.status).toBe(409);
    const res = await send(`${s.url}/api/observations/${created.id}?version=1`, 'DELETE', undefined, s.editorToken);
    expect(res.status).toBe(200);
    expect(ObservationResponse.parse(res.body).observation).toEqual(created);
    const list = ObservationsResponse.parse((await getJson(`${s.url}/api/observations?unit=my-thoi`)).body);
    expect(list.observations.find((o) => o.id === created.id)).toBeUndefined();
    const gone = await send(`${s.url}/api/observations/${created.id}`, 'DELETE', undefined, s.editorToken);
    expect(gone.status).toBe(404);
  });

  it('a re-created id never reuses an old version', async () => {
    const first = ObservationsResponse.parse((await post([budget(1e9, { id: 'reused-id' })])).body).observations[0]!;
    await send(`${s.url}/api/observations/${first.id}`, 'DELETE', undefined, s.editorToken);
    const again = ObservationsResponse.parse((await post([budget(2e9, { id: 'reused-id' })])).body).observations[0]!;
    expect(again.version).toBeGreaterThan(first.version);
  });

  it('refuses a malformed version', async () => {
    const res = await send(`${s.url}/api/observations/my-thoi-2024-q4-budget-revenue?version=abc`, 'DELETE', undefined, s.editorToken);
    expect(res.status).toBe(400);
  });
});

describe('POST /api/sources', () => {
  it('stores a source (201); observations can then cite it', async () => {
    const res = await send(
      `${s.url}/api/sources`,
      'POST',
      {
        unitId: 'long-xuyen',
        title: 'Hội nghị sơ kết 6 tháng đầu năm 2026',
        heldOn: '2026-07-10',
        periodLabel: '6 tháng 2026',
        reference: 'Báo cáo sơ kết 6 tháng 2026, Đảng ủy phường Long Xuyên',
      },
      s.editorToken,
    );
    expect(res.status).toBe(201);
    const { source } = SourceResponse.parse(res.body);
    expect(source.id).toBe('long-xuyen-2026-07-10');
    const cited = await post([budget(9e9, { unitId: 'long-xuyen', sourceId: source.id })]);
    expect(cited.status).toBe(201);
    const read = await getJson(`${s.url}/api/sources/${source.id}`);
    expect(SourceResponse.parse(read.body).source).toEqual(source);
  });

  it('refuses an unknown unit (400), a taken id (409) and a malformed body (400)', async () => {
    const before = await snapshot(s.url);
    const base = { unitId: 'atlantis', title: 'T', heldOn: '2026-01-01', periodLabel: 'P', reference: 'R' };
    const unknown = await send(`${s.url}/api/sources`, 'POST', base, s.editorToken);
    expect(unknown.status).toBe(400);
    expect(ApiError.parse(unknown.body).error.issues).toEqual([expect.objectContaining({ path: 'unitId' })]);
    const taken = await send(`${s.url}/api/sources`, 'POST', { ...base, unitId: 'my-thoi', id: 'my-thoi-2024-year' }, s.editorToken);
    expect(taken.status).toBe(409);
    const bad = await send(`${s.url}/api/sources`, 'POST', { ...base, unitId: 'my-thoi', heldOn: '30/12/2024' }, s.editorToken);
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.body).error.issues?.map((i) => i.path)).toContain('heldOn');
    expect(await snapshot(s.url)).toBe(before);
  });
});
