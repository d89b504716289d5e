import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/contract';
import { loadTokens, newToken, parseTokens, roleOf } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { budget, snapshot } from './support/fixtures';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

describe('writes need an editor token', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const writes = () =>
    [
      ['POST', `${s.url}/api/observations`, [budget(1e9)]],
      ['PUT', `${s.url}/api/observations/my-thoi-2024-q4-budget-revenue`, { ...budget(1e9), version: 1 }],
      ['DELETE', `${s.url}/api/observations/my-thoi-2024-q4-budget-revenue`, undefined],
      ['POST', `${s.url}/api/sources`, { unitId: 'my-thoi', title: 'T', heldOn: '2026-01-01', periodLabel: 'P', reference: 'R' }],
    ] as const;

  it.each([
    ['no token', undefined, 401],
    ['a wrong token', 'not-a-real-token-but-long-enough', 401],
    ['a viewer token', 'viewer', 403],
  ] as const)('%s: refused, nothing changed', async (_name, token, status) => {
    const before = await snapshot(s.url);
    for (const [method, url, body] of writes()) {
      const bearer = token === 'viewer' ? s.viewerToken : token;
      const res = await send(url, method, body, bearer);
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(ApiError.parse(res.body).error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(await snapshot(s.url)).toBe(before);
  });

  it('a malformed Authorization header is a 401', async () => {
    for (const header of [`Basic ${s.editorToken}`, s.editorToken, `Bearer`, `Bearer ${s.editorToken} extra`]) {
      const res = await getJson(`${s.url}/api/observations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify([budget(1e9)]),
      });
      expect(res.status, header.replace(s.editorToken, 'TOKEN')).toBe(401);
    }
  });

  it('reads are open by default', async () => {
    expect((await getJson(`${s.url}/api/units`)).status).toBe(200);
  });

  it("an editor's token writes", async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [budget(1e9, { period: '2026-Q1' })], s.editorToken);
    expect(res.status).toBe(201);
  });
});

describe('KPI_READ_REQUIRES_TOKEN', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ readRequiresToken: true });
  });
  afterAll(() => s.close());

  it('reads need a viewer or editor token; health stays open', async () => {
    expect((await getJson(`${s.url}/api/observations`)).status).toBe(401);
    expect((await getJson(`${s.url}/api/sources/my-thoi-2024-year`)).status).toBe(401);
    const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    expect((await getJson(`${s.url}/api/observations`, auth(s.viewerToken))).status).toBe(200);
    expect((await getJson(`${s.url}/api/units`, auth(s.editorToken))).status).toBe(200);
    expect((await getJson(`${s.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/observations`, { method: 'HEAD' })).status).toBe(401);
    const viewerWrite = await send(`${s.url}/api/observations`, 'POST', [budget(1)], s.viewerToken);
    expect(viewerWrite.status).toBe(403);
  });
});

describe('token configuration', () => {
  it('reads KPI_TOKENS and KPI_TOKENS_FILE; keeps only hashes', () => {
    const editor = newToken();
    const viewer = newToken();
    const dir = mkdtempSync(join(tmpdir(), 'kpi-tokens-'));
    const file = join(dir, 'tokens');
    writeFileSync(file, `# ward office\nviewer:${viewer}\n\n`);
    const entries = loadTokens({ KPI_TOKENS: `editor:${editor}`, KPI_TOKENS_FILE: file });
    expect(roleOf(editor, entries)).toBe('editor');
    expect(roleOf(viewer, entries)).toBe('viewer');
    expect(roleOf(`${editor}x`, entries)).toBeUndefined();
    expect(JSON.stringify(entries)).not.toContain(editor);
    expect(loadConfig({ KPI_TOKENS: `editor:${editor}` }).tokens).toHaveLength(1);
  });

  it('refuses weak or malformed entries without printing the token', () => {
    const short = 'short-secret';
    expect(() => parseTokens(`editor:${short}`, 'KPI_TOKENS')).toThrow(/entry 1/);
    try {
      parseTokens(`editor:${short}`, 'KPI_TOKENS');
    } catch (err) {
      expect(String(err)).not.toContain(short);
    }
    expect(() => parseTokens(`admin:${newToken()}`, 'KPI_TOKENS')).toThrow(/viewer:TOKEN/);
  });

  it('without KPI_TOKENS nor KPI_TOKENS_FILE there is no token at all', () => {
    expect(loadTokens({})).toEqual([]);
  });

  it('npm run token prints a fresh token and the line to add', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['scripts/token.mjs', 'editor'], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    const token = /^([A-Za-z0-9_-]{43})$/m.exec(out)?.[1];
    expect(token).toBeDefined();
    expect(out).toContain(`editor:${token}`);
    expect(roleOf(token!, parseTokens(`editor:${token}`, 'test'))).toBe('editor');
  });
});
