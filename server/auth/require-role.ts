/** Middleware: the request needs `Authorization: Bearer TOKEN` of at least this role. */
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../http/errors';
import { hasRole, roleOf, type Role, type TokenEntry } from './tokens';

export function requireRole(needed: Role, entries: readonly TokenEntry[]): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const role = match?.[1] ? roleOf(match[1], entries) : undefined;
    if (!role) {
      c.header('WWW-Authenticate', 'Bearer realm="kpi"');
      return apiError(c, 401, 'unauthorized', 'A valid token is needed (Authorization: Bearer TOKEN).');
    }
    if (!hasRole(role, needed)) {
      return apiError(c, 403, 'forbidden', `This needs the ${needed} role.`);
    }
    await next();
  };
}
