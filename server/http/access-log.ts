/**
 * The access log: one line per request on stdout (KPI_ACCESS_LOG=0 turns it off):
 *
 *   [access] 2026-05-01T08:00:00.000Z GET /api/observations?unit=my-thoi 200 3.1ms -
 *   [access] 2026-05-01T08:00:01.000Z POST /api/observations 201 12.4ms 1a2b3c4d
 *
 * time, method, path with its query, status, milliseconds, and the short id of the request's
 * valid token (`-` without one; never the token, which travels in a header). Queries are kept
 * because they say what was read (wards, periods), but a path and query together are cut at
 * TARGET_MAX characters so that a long hostile URL still makes one short line.
 */
import type { MiddlewareHandler } from 'hono';
import { requestTokenId } from '../auth/require-role';

export const TARGET_MAX = 200;

/**
 * The path and query of a URL as a log may show them: percent-encoded as the URL parser leaves
 * them, anything else outside printable ASCII escaped (no forged line breaks), cut at `max`.
 */
export function logTarget(url: string, max = TARGET_MAX): string {
  const { pathname, search } = new URL(url);
  const target = (pathname + search).replace(
    /[^\x21-\x7e]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return target.length > max ? `${target.slice(0, max)}…(${target.length} chars)` : target;
}

export function accessLog(write: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = (performance.now() - start).toFixed(1);
    const method = c.req.method.replace(/[^A-Z]/g, '?').slice(0, 10);
    write(
      `[access] ${new Date().toISOString()} ${method} ${logTarget(c.req.url)} ${c.res.status} ${ms}ms ${requestTokenId(c) ?? '-'}`,
    );
  };
}
