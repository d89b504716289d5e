/**
 * The write conformance suite (support/write-conformance.ts) against the msw write handlers and
 * the real server, started from the same data: each write's answer is the same on both (status
 * and body) and passes its case's check, and after each write both hold the same figures and
 * sources. The history of both names the same token ids.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteApi } from '../../mocks/write-handlers';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { LIMITED_UNITS, startTestServer, type TestServer } from './support/in-process';
import { READS, writeCases, type Answer, type TokenKind, type WriteCall } from './support/write-conformance';

const MSW_BASE = 'http://msw.test';
let server: TestServer;
let api: ReturnType<typeof createWriteApi>;

beforeAll(async () => {
  server = await startTestServer();
  api = createWriteApi({
    tokens: {
      editor: [server.editorToken, { token: server.limitedToken, units: LIMITED_UNITS }],
      viewer: [server.viewerToken],
    },
  });
});
afterAll(() => server.close());

function tokenOf(kind: TokenKind): string | undefined {
  return { editor: server.editorToken, viewer: server.viewerToken, limited: server.limitedToken, unknown: 'not-a-real-token-but-long-enough', none: undefined }[kind];
}

function requestInit(call: WriteCall): RequestInit {
  const token = tokenOf(call.token);
  return {
    method: call.method,
    headers: {
      ...(call.method === 'DELETE' ? {} : { 'content-type': call.contentType ?? 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: call.method === 'DELETE' ? undefined : (call.raw ?? JSON.stringify(call.body)),
  };
}

async function answerOf(res: Response): Promise<Answer> {
  return { status: res.status, body: await res.json() };
}

async function viaMsw(path: string, init?: RequestInit): Promise<Answer> {
  const res = await getResponse(api.handlers, new Request(MSW_BASE + path, init), { baseUrl: MSW_BASE });
  if (!res) throw new Error(`msw has no handler for ${init?.method ?? 'GET'} ${path}`);
  return answerOf(res);
}

const viaServer = async (path: string, init?: RequestInit) => answerOf(await fetch(server.url + path, init));

describe('writes conform: the msw handlers and the server answer alike, and keep the same data', () => {
  it.each(writeCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const mine = await viaMsw(c.call.path, requestInit(c.call));
    const theirs = await viaServer(c.call.path, requestInit(c.call));
    c.check(theirs);
    expect(mine).toEqual(theirs);
    for (const path of READS) expect(await viaMsw(path), path).toEqual(await viaServer(path));
  });

  it('kept the same history on both, with the token ids of the writers', () => {
    const db = (server.storage as SqliteStorage).db;
    const rows = db.prepare('SELECT observation_id, version, op, actor FROM observation_history ORDER BY seq').all() as {
      observation_id: string;
      version: number;
      op: string;
      actor: string | null;
    }[];
    const memory = api.history.map((e) => ({ observation_id: e.observation.id, version: e.observation.version, op: e.op, actor: e.actor ?? null }));
    expect(memory).toEqual(rows);
    expect(new Set(rows.map((r) => r.actor)).size).toBe(2); // the editor and the limited editor
    expect(rows.every((r) => r.actor && /^[0-9a-f]{8}$/.test(r.actor))).toBe(true);
  });
});
