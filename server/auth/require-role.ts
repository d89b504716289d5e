/** Middleware: the request needs `Authorization: Bearer TOKEN` of at least this role. */
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../http/errors';
import { hasRole, roleOf, type Role, type TokenEntry } from './tokens';

/** The role of the request's bearer token, or undefined if it has none or an unknown one. */
export function bearerRole(c: Context, entries: readonly TokenEntry[]): Role | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ? roleOf(match[1], entries) : undefined;
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
