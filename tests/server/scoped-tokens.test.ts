/**
 * Editors bound to their ward: a token entry `editor:TOKEN:UNIT_ID,UNIT_ID` may write figures and
 * sources of those units only (403 naming the unit otherwise, a batch all or nothing), the
 * session names the units, the history names the token's id, and a start with a unit the
 * database does not know is refused. `editor:TOKEN` stays province-wide.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ObservationsResponse, SessionResponse, SourceResponse } from '../../src/api/contract';
import { checkTokenUnits, matchToken, newToken, parseTokens } from '../../server/auth/tokens';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { budget, snapshot } from './support/fixtures';
import { getJson, send } from './support/http';
import { LIMITED_UNITS, startTestServer, type TestServer } from './support/in-process';

const ROOT = join(import.meta.dirname, '../..');

describe('reading limited entries', () => {
  const a = newToken();
  const b = newToken();

  it('takes units after a second colon, separated by commas, beside other entries', () => {
    const entries = parseTokens(`viewer:${b}, editor:${a}:my-thoi,my-quy\neditor:${b}`, 'KPI_TOKENS');
    expect(entries.map((e) => [e.role, e.units, e.where])).toEqual([
      ['viewer', undefined, 'KPI_TOKENS: entry 1'],
      ['editor', ['my-thoi', 'my-quy'], 'KPI_TOKENS: entry 2'],
      ['editor', undefined, 'KPI_TOKENS: entry 3'],
    ]);
    expect(matchToken(a, entries)?.units).toEqual(['my-thoi', 'my-quy']);
    expect(matchToken(b, entries)).toMatchObject({ role: 'editor', units: undefined });
  });

  it('joins the units of one token given twice; one entry without units makes it province-wide', () => {
    expect(matchToken(a, parseTokens(`editor:${a}:my-thoi\neditor:${a}:my-quy,my-thoi`, 'f'))?.units).toEqual(['my-thoi', 'my-quy']);
    expect(matchToken(a, parseTokens(`editor:${a}:my-thoi\neditor:${a}`, 'f'))?.units).toBeUndefined();
  });

  it.each([
    ['no unit after the colon', `editor:${a}:`, /entry 1: its unit 1 is missing/],
    ['a unit that is no id', `editor:${a}:Mỹ Thới`, /entry 1: its unit 1 is missing or not a unit id/],
    ['a second unit that is no id', `editor:${a}:my-thoi,My-Quy`, /entry 1: its unit 2 is not a unit id/],
    ['a viewer with units', `viewer:${a}:my-thoi`, /entry 1: only an editor's token may be limited/],
    ['a third colon', `editor:${a}:my-thoi:x`, /entry 1 must be/],
    ['a bare word after an entry without units', `editor:${a},my-thoi`, /entry 2 must be/],
    ['a bare word on the next line', `editor:${a}:my-thoi\nmy-quy`, /entry 2 must be/],
  ])('refuses %s, naming the entry and never the token', (_name, text, message) => {
    expect(() => parseTokens(text, 'KPI_TOKENS')).toThrow(message);
    try {
      parseTokens(text, 'KPI_TOKENS');
    } catch (err) {
      expect(String(err)).not.toContain(a);
    }
  });

  it('a unit the database does not know is named with its entry; one as long as a token is not shown', () => {
    const entries = parseTokens(`editor:${a}\neditor:${b}:my-thoi,atlantis`, 'KPI_TOKENS_FILE');
    expect(() => checkTokenUnits(entries, new Set(['my-thoi']))).toThrow('KPI_TOKENS_FILE: entry 2: its unit 2 "atlantis" is not a unit of the database');
    const pasted = parseTokens(`editor:${a}:my-thoi,${'x'.repeat(30)}`, 'KPI_TOKENS');
    expect(() => checkTokenUnits(pasted, new Set(['my-thoi']))).toThrow(/unit 2 \(30 characters, not shown\)/);
    expect(() => checkTokenUnits(entries, new Set(['my-thoi', 'atlantis']))).not.toThrow();
  });
});

describe('a limited editor on the server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const binh = (extra = {}) => budget(2e9, { unitId: 'my-binh', period: '2023-Q2', sourceId: 'my-binh-2023-midterm', ...extra });

  it('writes figures and sources of their units (201)', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [budget(3e9, { period: '2026-Q1' })], s.limitedToken);
    expect(res.status).toBe(201);
    const source = await send(
      `${s.url}/api/sources`,
      'POST',
      { unitId: 'my-quy', title: 'Báo cáo', heldOn: '2025-06-20', periodLabel: '6 tháng 2025', reference: 'BC' },
      s.limitedToken,
    );
    expect(source.status).toBe(201);
    expect(SourceResponse.parse(source.body).source.unitId).toBe('my-quy');
  });

  it('is refused a figure of another unit with a 403 that names the unit', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [binh()], s.limitedToken);
    expect(res.status).toBe(403);
    const { error } = ApiError.parse(res.body);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/may not write .*"my-binh".*only "my-thoi", "my-quy"/);
    expect(error.issues).toEqual([{ path: '0.unitId', message: 'this token may not write unit "my-binh"' }]);
  });

  it('a batch with one foreign figure writes nothing', async () => {
    const before = await snapshot(s.url);
    const revision = await s.storage.revision();
    const res = await send(`${s.url}/api/observations`, 'POST', [budget(1e9, { period: '2025-Q4' }), binh(), budget(2e9, { period: '2025-Q3' })], s.limitedToken);
    expect(res.status).toBe(403);
    expect(ApiError.parse(res.body).error.issues?.map((i) => i.path)).toEqual(['1.unitId']);
    expect(await snapshot(s.url)).toBe(before);
    expect(await s.storage.revision()).toBe(revision);
  });

  it('may neither correct, move nor delete a figure of another unit, nor add its source', async () => {
    const before = await snapshot(s.url);
    const url = `${s.url}/api/observations`;
    const correct = await send(`${url}/my-binh-2023-q2-budget-revenue-pct`, 'PUT', { ...binh({ indicatorId: 'budget_revenue_pct', value: 60 }), version: 1 }, s.limitedToken);
    const move = await send(`${url}/my-thoi-2024-q4-budget-revenue`, 'PUT', { ...binh(), version: 1 }, s.limitedToken);
    const remove = await send(`${url}/my-binh-2023-q2-budget-revenue-pct?version=1`, 'DELETE', undefined, s.limitedToken);
    const source = await send(`${s.url}/api/sources`, 'POST', { unitId: 'long-xuyen', title: 'T', heldOn: '2025-10-01', periodLabel: 'P', reference: 'R' }, s.limitedToken);
    for (const res of [correct, move, remove, source]) {
      expect(res.status).toBe(403);
      expect(ApiError.parse(res.body).error.message).toMatch(/"my-binh"|"long-xuyen"/);
    }
    expect(await snapshot(s.url)).toBe(before);
  });

  it('an editor without units still writes any unit', async () => {
    expect((await send(`${s.url}/api/observations`, 'POST', [binh({ period: '2023-Q1' })], s.editorToken)).status).toBe(201);
  });

  it('the session names the units; an unlimited editor’s has none', async () => {
    const session = async (token: string) => (await getJson(`${s.url}/api/session`, { headers: { authorization: `Bearer ${token}` } })).body;
    expect(SessionResponse.parse(await session(s.limitedToken))).toEqual({ role: 'editor', units: LIMITED_UNITS });
    expect(await session(s.editorToken)).toEqual({ role: 'editor' });
    expect(await session(s.viewerToken)).toEqual({ role: 'viewer' });
  });

  it('the history names the limited token’s id', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [budget(4e9, { period: '2025-Q2' })], s.limitedToken);
    const [o] = ObservationsResponse.parse(res.body).observations;
    const db = (s.storage as SqliteStorage).db;
    const row = db.prepare('SELECT actor FROM observation_history WHERE observation_id = ?').get(o!.id) as { actor: string };
    const [entry] = parseTokens(`editor:${s.limitedToken}`, 'test');
    expect(row.actor).toBe(entry!.id);
  });
});

describe('at start and in npm run token', () => {
  it('the server refuses to start when a limited token names a unit the database lacks', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kpi-scoped-'));
    const token = newToken();
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, KPI_TOKENS: `editor:${token}:my-thoi,atlantis` },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('KPI_TOKENS: entry 1: its unit 2 "atlantis" is not a unit of the database');
      expect(run.stdout + run.stderr).not.toContain(token);
      expect(run.stdout).not.toContain('listening');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('npm run token -- editor my-thoi prints a limited line, with the token’s id', () => {
    const run = spawnSync(process.execPath, ['scripts/token.mjs', 'editor', 'my-thoi'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const line = /^(editor:[A-Za-z0-9_-]{43}:my-thoi)$/m.exec(run.stdout)?.[1];
    expect(line).toBeDefined();
    const [entry] = parseTokens(line!, 'test');
    expect(entry!.units).toEqual(['my-thoi']);
    expect(run.stdout).toContain(`access log and history: ${entry!.id}`);
    const refused = spawnSync(process.execPath, ['scripts/token.mjs', 'viewer', 'my-thoi'], { cwd: ROOT, encoding: 'utf8' });
    expect(refused.status).toBe(2);
  });
});
