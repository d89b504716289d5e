/**
 * The contract's error body, `{ error: { code, message, issues } }`, for every refusal: through
 * Hono, and as raw HTTP on a socket that Node's parser gave up on. And the log of unexpected
 * errors, which a flood cannot fill.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, type ApiIssue } from '../../src/api/contract';

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: ApiIssue[],
  extra?: Record<string, unknown>,
) {
  const body = { ...ApiError.parse({ error: { code, message, issues } }), ...extra };
  return c.json(body, status);
}

const errorBody = (code: string, message: string) => JSON.stringify(ApiError.parse({ error: { code, message } }));

/** The contract's error as a whole HTTP/1.1 answer that closes the connection. */
export function rawApiError(status: number, code: string, message: string): string {
  const body = errorBody(code, message);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Whether a header overflow (HPE_HEADER_OVERFLOW) was the request line's: Node reports only the
 * packet it was parsing, so look at its first line. A packet that starts a request line and
 * never ends it, the tail of a request line ("…aaa HTTP/1.1"), or a whole request line longer
 * than the limit is a URL too long (414); anything else is headers too large (431).
 */
export function requestLineOverflowed(packet: Buffer | undefined, limit: number): boolean {
  if (!packet) return false;
  const eol = packet.indexOf('\r\n');
  const starts = /^[A-Z]{3,10} \S/.test(packet.subarray(0, 16).toString('latin1'));
  if (eol < 0) return starts;
  const ends = / HTTP\/\d\.\d$/.test(packet.subarray(Math.max(0, eol - 9), eol).toString('latin1'));
  return ends && (!starts || eol > limit);
}

/**
 * Node's `clientError`: a request its HTTP parser refused. Answered with the contract's error
 * (414 or 431 for an overflow, 408 for a timeout, 400 otherwise) instead of Node's empty one,
 * and never logged as an error (each such request is one access-log line at most).
 */
export function answerClientError(
  err: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Duplex,
  maxHeaderBytes: number,
): number | undefined {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return undefined;
  }
  let answer: [number, string, string];
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    answer = requestLineOverflowed(err.rawPacket, maxHeaderBytes)
      ? [414, 'uri_too_long', `The URL is too long.`]
      : [431, 'headers_too_large', `The request's headers are over ${maxHeaderBytes} bytes.`];
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    answer = [408, 'timeout', 'The request took too long to arrive.'];
  } else {
    answer = [400, 'bad_request', 'The request is not valid HTTP.'];
  }
  socket.end(rawApiError(...answer));
  return answer[0];
}

/** The first line of a stack that names a place ("    at fn (file:line:col)"), for telling kinds apart. */
function thrownAt(stack: string | undefined): string {
  return stack?.split('\n').find((l) => l.trimStart().startsWith('at '))?.trim() ?? '';
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** At most this many kinds get their stack logged; later kinds get the short line only. */
const KINDS_WITH_STACK = 200;

/**
 * The log of unexpected errors: one short line every time (the error's name, its message cut to
 * 200 characters, and the request), plus the stack the first time an error of its kind is seen
 * (its name and the place that threw it), so a flood of one bad request writes one short line
 * per request, never a stack per request.
 */
export function errorLog(write: (line: string) => void) {
  const seen = new Set<string>();
  return (err: unknown, request: string) => {
    const e = err instanceof Error ? err : new Error(String(err));
    write(`[server] unexpected error on ${request}: ${e.name}: ${oneLine(e.message, 200)}`);
    const kind = `${e.name} ${thrownAt(e.stack)}`;
    if (!seen.has(kind) && seen.size < KINDS_WITH_STACK) {
      seen.add(kind);
      if (e.stack) write(e.stack);
    }
  };
}
