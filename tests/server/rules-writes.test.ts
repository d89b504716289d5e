/** The server's writes refuse borderline values with the rules of src/api/rules.ts, naming the field. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ObservationsResponse, SourceResponse, type NewObservation } from '../../src/api/contract';
import { budget, fieldsOf, snapshot } from './support/fixtures';
import { send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const households = (value: number): NewObservation => ({
  unitId: 'my-thoi',
  indicatorId: 'poor_households_reduced',
  period: '2026-Q1',
  value,
  qualifier: 'exact',
  sourceId: 'my-thoi-2026-q1',
});

describe('POST /api/observations refuses borderline figures, and writes nothing', () => {
  const cases: [string, NewObservation[], string, RegExp][] = [
    ['1e308 VND', [budget(1e308)], '0.value', /at most 1000000000000000/],
    ['1.5 poor households', [households(1.5)], '0.value', /whole number.*household/],
    ['1e308 poor households', [households(1e308)], '0.value', /at most/],
    ['a part of a target', [{ ...households(3), indicatorId: 'resolution_targets_met', outOf: 4.5 }], '0.outOf', /whole number/],
    ['a budget share of a million percent', [{ ...budget(1e6), indicatorId: 'budget_revenue_pct' }], '0.value', /at most 10000/],
    [
      'a Mỹ Bình figure citing a Mỹ Thới source',
      [budget(1e9, { unitId: 'my-binh', period: '2024-Q4', sourceId: 'my-thoi-2024-year' })],
      '0.sourceId',
      /"my-thoi".*"my-binh"/,
    ],
  ];
  it.each(cases)('%s', async (_name, body, path, message) => {
    const before = await snapshot(s.url);
    const res = await send(`${s.url}/api/observations`, 'POST', body, s.editorToken);
    expect(res.status).toBe(400);
    const error = ApiError.parse(res.body).error;
    expect(error.code).toBe('invalid');
    expect(error.issues).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(await snapshot(s.url)).toBe(before);
  });

  it('still takes whole households and its own unit’s source', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [households(12)], s.editorToken);
    expect(res.status).toBe(201);
  });
});

describe('PUT /api/observations/:id applies the same rules', () => {
  it('refuses a correction to 1.5 households and keeps the figure', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [households(7)], s.editorToken);
    const o = ObservationsResponse.parse(res.body).observations[0]!;
    const before = await snapshot(s.url);
    const put = await send(`${s.url}/api/observations/${o.id}`, 'PUT', { ...fieldsOf(o), value: 1.5, version: o.version }, s.editorToken);
    expect(put.status).toBe(400);
    expect(ApiError.parse(put.body).error.issues).toEqual([{ path: 'value', message: expect.stringMatching(/whole number/) }]);
    const moved = await send(
      `${s.url}/api/observations/${o.id}`,
      'PUT',
      { ...fieldsOf(o), unitId: 'my-quy', period: '2024-Q2', version: o.version },
      s.editorToken,
    );
    expect(ApiError.parse(moved.body).error.issues).toEqual([{ path: 'sourceId', message: expect.any(String) }]);
    expect(await snapshot(s.url)).toBe(before);
  });
});

describe('POST /api/sources', () => {
  const source = { unitId: 'long-xuyen', title: 'Báo cáo thử', periodLabel: '9 tháng 2025', reference: 'Thử nghiệm' };

  it('refuses a Long Xuyên report dated 1990 (the ward exists from 2025-07-01), naming heldOn', async () => {
    const before = await snapshot(s.url);
    const res = await send(`${s.url}/api/sources`, 'POST', { ...source, heldOn: '1990-05-01' }, s.editorToken);
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.body).error.issues).toEqual([
      { path: 'heldOn', message: expect.stringMatching(/1990-05-01.*long-xuyen.*2025-07-01/) },
    ]);
    expect(await snapshot(s.url)).toBe(before);
  });

  it('refuses a Mỹ Bình report dated a year after the merger, takes one from the month after', async () => {
    const late = await send(`${s.url}/api/sources`, 'POST', { ...source, unitId: 'my-binh', heldOn: '2026-07-01' }, s.editorToken);
    expect(late.status).toBe(400);
    const closing = await send(`${s.url}/api/sources`, 'POST', { ...source, unitId: 'my-binh', heldOn: '2025-07-15' }, s.editorToken);
    expect(closing.status).toBe(201);
  });

  it('takes a Long Xuyên report of its own time', async () => {
    const res = await send(`${s.url}/api/sources`, 'POST', { ...source, heldOn: '2025-10-05' }, s.editorToken);
    expect(res.status).toBe(201);
    expect(SourceResponse.parse(res.body).source.unitId).toBe('long-xuyen');
  });
});
