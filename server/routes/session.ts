/**
 * GET /api/session: the role of the request's bearer token (and the units an editor's token is
 * limited to), so a client can check a token without writing anything. Never cached (not through
 * the read cache, `no-store` to browsers and proxies), since the answer depends on the token; the
 * token itself is never logged or echoed.
 */
import { Hono } from 'hono';
import { bearerEntry } from '../auth/require-role';
import type { TokenEntry } from '../auth/tokens';
import { sessionAnswer } from '../writes/answers';
import { sendAnswer } from './answer';

export function sessionRoutes(tokens: readonly TokenEntry[]) {
  const api = new Hono();
  api.get('/session', (c) => sendAnswer(c, sessionAnswer(bearerEntry(c, tokens))));
  return api;
}
