/** Writes parse strictly: a delete's version in plain digits only, and only application/json bodies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ObservationResponse, ObservationsResponse } from '../../src/api/contract';
import { budget, snapshot } from './support/fixtures';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function created(): Promise<string> {
  const res = await send(`${s.url}/api/observations`, 'POST', [budget(1e9, { period: '2025-Q3' })], s.editorToken);
  expect(res.status).toBe(201);
  return ObservationsResponse.parse(res.body).observations[0]!.id;
}

const del = (id: string, query: string) =>
  send(`${s.url}/api/observations/${id}${query}`, 'DELETE', undefined, s.editorToken);

describe('DELETE /api/observations/:id?version=N', () => {
  const loose = ['0x1', '%201', '+1', '1e0', '01', '1.0', '', '1%20', '-1', '0', '1,2', '99999999999999999999'];
  it.each(loose)('refuses version=%s with a 400 naming version, and deletes nothing', async (raw) => {
    const id = await created();
    const before = await snapshot(s.url);
    const res = await del(id, `?version=${raw}`);
    expect(res.status).toBe(400);
    const error = ApiError.parse(res.body).error;
    expect(error.code).toBe('bad_query');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'version' })]);
    expect(await snapshot(s.url)).toBe(before);
  });

  it('refuses a repeated version, even when both are right', async () => {
    const id = await created();
    const res = await del(id, '?version=1&version=1');
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.issues).toEqual([{ path: 'version', message: 'must be given at most once' }]);
    expect((await getJson(`${s.url}/api/observations?unit=my-thoi&from=2025-Q3&to=2025-Q3`)).body).toMatchObject({
      observations: expect.arrayContaining([expect.objectContaining({ id })]),
    });
  });

  it('deletes with a plain version, or with none', async () => {
    const res = await del(await created(), '?version=1');
    expect(res.status).toBe(200);
    expect(ObservationResponse.parse(res.body).observation.version).toBe(1);
    expect((await del(await created(), '')).status).toBe(200);
  });
});

describe('a write body is application/json, with no parameter but charset=utf-8', () => {
  const post = (type: string) =>
    getJson(`${s.url}/api/observations`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${s.editorToken}` },
      body: JSON.stringify([budget(2e9, { period: '2025-Q1' })]),
    });

  const refused = [
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/vnd.api+json',
    'application/jsonx',
    'application/json; charset=latin1',
    'application/json; boundary=x',
    'text/json',
    'application/json5',
    'application/x-www-form-urlencoded',
  ];
  it.each(refused)('refuses %s with a 415 and writes nothing', async (type) => {
    const before = await snapshot(s.url);
    const res = await post(type);
    expect(res.status).toBe(415);
    expect(ApiError.parse(res.body).error.code).toBe('unsupported_media_type');
    expect(await snapshot(s.url)).toBe(before);
  });

  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"'])(
    'accepts %s',
    async (type) => {
      expect((await post(type)).status).toBe(201);
    },
  );

  it('refuses a source posted as another type too', async () => {
    const res = await getJson(`${s.url}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json-patch+json', authorization: `Bearer ${s.editorToken}` },
      body: JSON.stringify({ unitId: 'my-thoi', title: 'x', heldOn: '2025-01-02', periodLabel: 'x', reference: 'x' }),
    });
    expect(res.status).toBe(415);
  });
});
