/**
 * Middleware: the request needs `Authorization: Bearer TOKEN` of at least this role. A valid
 * token's short id (never the token) is kept on the request as the context variable `tokenId`,
 * for the access log and for the writes to name who made a change, and an editor's limited
 * units as `tokenUnits`, for the writes to refuse any other unit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sendAnswer } from '../routes/answer';
import { bearerToken, roleTooLowAnswer, unauthorizedAnswer } from '../writes/answers';
import type { Actor } from '../writes/service';
import { hasRole, matchToken, type Role, type TokenEntry } from './tokens';

declare module 'hono' {
  interface ContextVariableMap {
    /** The id of the request's valid bearer token (tokenIdOf), once an auth check has seen it. */
    tokenId?: string;
    /** The only units the request's editor token may write (absent: every unit). */
    tokenUnits?: readonly string[];
  }
}

/** The id of the request's valid bearer token, or undefined (no token, an unknown one, or not checked). */
export function requestTokenId(c: Context): string | undefined {
  return c.get('tokenId');
}

/** Who asks for a write: the token's id and the units it is limited to, once an auth check has seen it. */
export function requestActor(c: Context): Actor {
  return { id: requestTokenId(c), units: c.get('tokenUnits') };
}

/** What the request's bearer token grants, or undefined if it has none or an unknown one. */
export function bearerEntry(c: Context, entries: readonly TokenEntry[]): TokenEntry | undefined {
  const token = bearerToken(c.req.header('authorization'));
  const entry = token ? matchToken(token, entries) : undefined;
  if (entry) {
    c.set('tokenId', entry.id);
    c.set('tokenUnits', entry.units);
  }
  return entry;
}

/** The 401 of a request without a valid token (the token is never echoed). */
export function unauthorized(c: Context) {
  return sendAnswer(c, unauthorizedAnswer());
}

export function requireRole(needed: Role, entries: readonly TokenEntry[]): MiddlewareHandler {
  return async (c, next) => {
    const entry = bearerEntry(c, entries);
    if (!entry) return unauthorized(c);
    if (!hasRole(entry.role, needed)) return sendAnswer(c, roleTooLowAnswer(needed));
    await next();
  };
}
