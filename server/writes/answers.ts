/**
 * The answers of the write API and of its token checks as plain status, body and headers, so
 * that the server's routes (Hono) and the msw handlers send exactly the same ones. Browser-safe.
 */
import { ApiError, ObservationConflict, ResolutionConflict, SessionResponse, type ApiIssue } from '../../src/api/contract';
import type { WriteOutcome, WriteRefusal } from './service';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function errorAnswer(status: number, code: string, message: string, issues?: ApiIssue[]): Answer {
  return { status, body: ApiError.parse({ error: { code, message, issues } }) };
}

/** The token of an `Authorization: Bearer TOKEN` header (the scheme in any case), or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** No valid token (the token is never echoed). */
export function unauthorizedAnswer(): Answer {
  return {
    ...errorAnswer(401, 'unauthorized', 'A valid token is needed (Authorization: Bearer TOKEN).'),
    headers: { 'WWW-Authenticate': 'Bearer realm="kpi"' },
  };
}

/** A valid token of a lower role. */
export function roleTooLowAnswer(needed: string): Answer {
  return errorAnswer(403, 'forbidden', `This needs the ${needed} role.`);
}

/** GET /api/session: the token's role (and the units an editor's token is limited to), never cached. */
export function sessionAnswer(entry: { role: 'editor' | 'viewer'; units?: readonly string[] } | undefined): Answer {
  const noStore = { 'Cache-Control': 'no-store' };
  if (!entry) {
    const refused = unauthorizedAnswer();
    return { ...refused, headers: { ...refused.headers, ...noStore } };
  }
  const units = entry.role === 'editor' && entry.units ? [...entry.units] : undefined;
  return { status: 200, body: SessionResponse.parse({ role: entry.role, units }), headers: noStore };
}

/** A write that broke its indicator's rules. */
export function invalidAnswer(issues: ApiIssue[]): Answer {
  return errorAnswer(400, 'invalid', 'The data breaks the rules of its indicator; nothing was written.', issues);
}

export function refusalAnswer(refusal: WriteRefusal): Answer {
  switch (refusal.kind) {
    case 'invalid':
      return invalidAnswer(refusal.issues);
    case 'forbidden':
      return errorAnswer(403, 'forbidden', refusal.message, refusal.issues);
    case 'not_found':
      return errorAnswer(404, 'not_found', refusal.message);
    case 'conflict':
      if (refusal.currentResolution) {
        return {
          status: 409,
          body: ResolutionConflict.parse({
            error: { code: 'conflict', message: refusal.message, issues: refusal.issues },
            resolution: refusal.currentResolution,
          }),
        };
      }
      if (!refusal.current) return errorAnswer(409, 'conflict', refusal.message, refusal.issues);
      return {
        status: 409,
        body: ObservationConflict.parse({
          error: { code: 'conflict', message: refusal.message, issues: refusal.issues },
          observation: refusal.current,
        }),
      };
  }
}

/** The answer to a write: `wrap`ped with `status`, or its refusal. */
export function outcomeAnswer<T>(outcome: WriteOutcome<T>, status: number, wrap: (value: T) => unknown): Answer {
  return outcome.ok ? { status, body: wrap(outcome.value) } : refusalAnswer(outcome);
}
