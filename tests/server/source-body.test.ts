/** POST /api/sources refuses a field the contract does not know, as observation bodies do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, SourceResponse } from '../../src/api/contract';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const source = { unitId: 'my-thoi', title: 'Báo cáo 6 tháng', heldOn: '2025-07-10', periodLabel: '6 tháng 2025', reference: 'BC 7' };

describe('POST /api/sources', () => {
  it.each([
    ['an unknown field', { ...source, author: 'Nguyễn Văn A' }, 'author'],
    ['the listed form’s hasText', { ...source, hasText: true }, 'hasText'],
  ])('refuses %s with a 400 naming it, and stores nothing', async (_name, body, field) => {
    const before = (await getJson(`${s.url}/api/sources`)).body;
    const res = await send(`${s.url}/api/sources`, 'POST', body, s.editorToken);
    expect(res.status).toBe(400);
    const { error } = ApiError.parse(res.body);
    expect(error.code).toBe('invalid');
    expect(error.issues?.map((i) => i.message).join(' ')).toContain(field);
    expect((await getJson(`${s.url}/api/sources`)).body).toEqual(before);
  });

  it('still takes every field of the contract', async () => {
    const res = await send(`${s.url}/api/sources`, 'POST', { ...source, id: 'my-thoi-2025-6m', text: 'Nội dung.' }, s.editorToken);
    expect(res.status).toBe(201);
    expect(SourceResponse.parse(res.body).source).toMatchObject({ id: 'my-thoi-2025-6m', text: 'Nội dung.' });
  });
});
