/**
 * GET /api/session: the role of the request's bearer token, so a client can check a token
 * without writing anything. Never cached (not through the read cache, `no-store` to browsers
 * and proxies), since the answer depends on the token; the token itself is never logged or echoed.
 */
import { Hono } from 'hono';
import { SessionResponse } from '../../src/api/contract';
import { bearerRole, unauthorized } from '../auth/require-role';
import type { TokenEntry } from '../auth/tokens';

export function sessionRoutes(tokens: readonly TokenEntry[]) {
  const api = new Hono();
  api.get('/session', (c) => {
    c.header('Cache-Control', 'no-store');
    const role = bearerRole(c, tokens);
    if (!role) return unauthorized(c);
    return c.json(SessionResponse.parse({ role }));
  });
  return api;
}
