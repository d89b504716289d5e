/**
 * GET /api/session, the token check of the editor's sign-in: the same cases against the msw
 * handlers (given the server's tokens) and the real server, with and without
 * KPI_READ_REQUIRES_TOKEN, and the two compared answer for answer. Never cached, never logged.
 */
import { getResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWriteApi } from '../../mocks/write-handlers';
import { sessionCases, type SessionAnswer, type SessionTokens } from './support/conformance';
import { LIMITED_UNITS, startTestServer, type TestServer } from './support/in-process';

type SessionFetcher = (authorization: string | undefined, extra?: Record<string, string>) => Promise<SessionAnswer>;

async function answerOf(res: Response): Promise<SessionAnswer> {
  return {
    status: res.status,
    body: await res.json(),
    cacheControl: res.headers.get('cache-control'),
    wwwAuthenticate: res.headers.get('www-authenticate'),
    etag: res.headers.get('etag'),
  };
}

const headersOf = (authorization: string | undefined, extra: Record<string, string> = {}) => ({
  ...extra,
  ...(authorization === undefined ? {} : { authorization }),
});

let open: TestServer;
let locked: TestServer;
const MSW_BASE = 'http://msw.test';

/** The msw handlers, knowing the tokens of one test server. */
function viaMsw(server: () => TestServer): SessionFetcher {
  return async (authorization, extra) => {
    const s = server();
    const { handlers } = createWriteApi({
      tokens: { editor: [s.editorToken, { token: s.limitedToken, units: LIMITED_UNITS }], viewer: [s.viewerToken] },
    });
    const req = new Request(`${MSW_BASE}/api/session`, { headers: headersOf(authorization, extra) });
    const res = await getResponse(handlers, req, { baseUrl: MSW_BASE });
    if (!res) throw new Error('msw has no handler for /api/session');
    return answerOf(res);
  };
}

function viaServer(server: () => TestServer): SessionFetcher {
  return async (authorization, extra) =>
    answerOf(await fetch(`${server().url}/api/session`, { headers: headersOf(authorization, extra) }));
}

const tokensOf = (s: TestServer): SessionTokens => ({ editor: s.editorToken, viewer: s.viewerToken, limited: s.limitedToken });

beforeAll(async () => {
  [open, locked] = await Promise.all([startTestServer(), startTestServer({ readRequiresToken: true })]);
});
afterAll(async () => {
  await Promise.all([open?.close(), locked?.close()]);
});

const implementations = [
  ['the msw handlers', viaMsw(() => open), () => open],
  ['the server', viaServer(() => open), () => open],
  ['the server with KPI_READ_REQUIRES_TOKEN=1', viaServer(() => locked), () => locked],
] as const;

describe.each(implementations)('GET /api/session: %s', (_name, fetcher, server) => {
  it.each(sessionCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const tokens = tokensOf(server());
    c.check(await fetcher(c.authorization(tokens)), tokens);
  });

  it('answers each request for its own token, never from a cache', async () => {
    const { editor, viewer } = tokensOf(server());
    const roles = [];
    for (const auth of [`Bearer ${editor}`, undefined, `Bearer ${viewer}`, `Bearer ${editor}`, undefined]) {
      const a = await fetcher(auth, { 'if-none-match': '*' });
      roles.push(a.status === 200 ? (a.body as { role: string }).role : a.status);
    }
    expect(roles).toEqual(['editor', 401, 'viewer', 'editor', 401]);
  });
});

describe('the msw handlers and the server answer GET /api/session alike', () => {
  it.each(sessionCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const auth = c.authorization(tokensOf(open));
    const [a, b, locked_] = await Promise.all([
      implementations[0][1](auth),
      implementations[1][1](auth),
      implementations[2][1](c.authorization(tokensOf(locked))),
    ]);
    expect(b).toEqual(a);
    expect(locked_).toEqual(a);
  });
});

describe('the token stays secret', () => {
  const spies: ReturnType<typeof vi.spyOn>[] = [];
  afterEach(() => spies.splice(0).forEach((s) => s.mockRestore()));

  it('the server logs nothing of a session check, and its answer does not echo the token', async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(vi.spyOn(console, method).mockImplementation(() => {}));
    }
    const { editor } = tokensOf(open);
    const checks = [`Bearer ${editor}`, `Bearer ${editor}x`, `Basic ${editor}`, editor];
    for (const auth of checks) {
      const res = await fetch(`${open.url}/api/session`, { headers: { authorization: auth } });
      const text = await res.text();
      expect(text).not.toContain(editor);
      for (const [, value] of res.headers) expect(value).not.toContain(editor);
    }
    for (const spy of spies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(editor);
    }
  });
});
