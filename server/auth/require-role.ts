/**
 * Middleware: the request needs `Authorization: Bearer TOKEN` of at least this role. A valid
 * token's short id (never the token) is kept on the request as the context variable `tokenId`,
 * for the access log and for the writes to name who made a change.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../http/errors';
import { hasRole, matchToken, type Role, type TokenEntry } from './tokens';

declare module 'hono' {
  interface ContextVariableMap {
    /** The id of the request's valid bearer token (tokenIdOf), once an auth check has seen it. */
    tokenId?: string;
  }
}

/** The id of the request's valid bearer token, or undefined (no token, an unknown one, or not checked). */
export function requestTokenId(c: Context): string | undefined {
  return c.get('tokenId');
}

/** The role of the request's bearer token, or undefined if it has none or an unknown one. */
export function bearerRole(c: Context, entries: readonly TokenEntry[]): Role | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const entry = match?.[1] ? matchToken(match[1], entries) : undefined;
  if (entry) c.set('tokenId', entry.id);
  return entry?.role;
}

/** The 401 of a request without a valid token (the token is never echoed). */
export function unauthorized(c: Context) {
  c.header('WWW-Authenticate', 'Bearer realm="kpi"');
  return apiError(c, 401, 'unauthorized', 'A valid token is needed (Authorization: Bearer TOKEN).');
}

export function requireRole(needed: Role, entries: readonly TokenEntry[]): MiddlewareHandler {
  return async (c, next) => {
    const role = bearerRole(c, entries);
    if (!role) return unauthorized(c);
    if (!hasRole(role, needed)) {
      return apiError(c, 403, 'forbidden', `This needs the ${needed} role.`);
    }
    await next();
  };
}
