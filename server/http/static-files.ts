/**
 * Sends one file of the built app (GET and HEAD; the caller answers other methods): the best
 * precompressed copy the client accepts (see static-build.ts), an ETag with 304 on a match, and
 * a single byte range. Bad input never throws, so it never reaches the error log: a malformed
 * path names no file, a malformed range is ignored, an unsatisfiable one is a 416.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import parseRange from 'range-parser';
import { ENCODING_NAMES, chooseEncoding, compressNow, encodedTag, ifNoneMatchHits } from './encoding';
import { COMPRESSIBLE_EXTENSIONS, ENCODINGS } from './static-build';

/**
 * The decoded segments of a URL path, or undefined when one is empty (a directory such as
 * "/assets/"), undecodable ("%"), "." or "..", a dotfile, or holds a slash, backslash or NUL.
 */
export function fileSegments(urlPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of urlPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

async function statFile(path: string) {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    // missing, a name too long, not allowed: no such file for the client
    return undefined;
  }
}

/** The regular file under root that a URL path names, or undefined. Precompressed copies are not named. */
export async function findFile(root: string, urlPath: string): Promise<string | undefined> {
  const segments = fileSegments(urlPath);
  if (!segments || ENCODINGS.some(({ suffix }) => urlPath.endsWith(suffix))) return undefined;
  const path = join(root, ...segments);
  return (await statFile(path)) ? path : undefined;
}

/**
 * Answers with a text made for this request (GET and HEAD), compressed now in the client's best
 * encoding, with an ETag of its content (one per encoding, as for files) and a 304 on a match:
 * the same bytes as the client holds, so nothing it shows is older than this answer.
 */
export async function sendGenerated(
  c: Context,
  text: string,
  contentType: string,
  cacheControl: string,
  /** Request headers the text was made from, besides Accept-Encoding. */
  varyOn: readonly string[] = [],
): Promise<Response> {
  const encoding = chooseEncoding(c.req.header('accept-encoding'), ENCODING_NAMES);
  const plain = Buffer.from(text, 'utf8');
  const etag = encodedTag(`"${createHash('sha256').update(plain).digest('base64url').slice(0, 22)}"`, encoding);
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: etag, Vary: ['Accept-Encoding', ...varyOn].join(', ') };
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  const body = encoding ? await compressNow(encoding, plain) : plain;
  headers['Content-Type'] = contentType;
  headers['Content-Length'] = String(body.length);
  if (encoding) headers['Content-Encoding'] = encoding;
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(new Uint8Array(body), 200, headers);
}

/**
 * Answers with the file at path (found by findFile), or undefined if it cannot be read now.
 * cacheControl goes out as is.
 */
export async function sendFile(c: Context, path: string, cacheControl: string): Promise<Response | undefined> {
  const compressible = COMPRESSIBLE_EXTENSIONS.has(extname(path).toLowerCase());
  const copies = compressible
    ? (
        await Promise.all(
          ENCODINGS.map(async ({ name, suffix }) => ({ name, path: path + suffix, stats: await statFile(path + suffix) })),
        )
      ).filter((copy) => copy.stats)
    : [];
  const encoding = chooseEncoding(c.req.header('accept-encoding'), copies.map((copy) => copy.name));
  const copy = copies.find((candidate) => candidate.name === encoding);
  const sent = copy?.path ?? path;
  const stats = copy?.stats ?? (await statFile(path));
  if (!stats) return undefined;

  const size = stats.size;
  const etag = encodedTag(`"${size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`, copy?.name);
  const headers: Record<string, string> = {
    'Cache-Control': cacheControl,
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (compressible) headers.Vary = 'Accept-Encoding';

  // a 304 carries the validators and caching headers only (RFC 9110, 15.4.5)
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);

  headers['Content-Type'] = getMimeType(path) ?? 'application/octet-stream';
  if (copy) headers['Content-Encoding'] = copy.name;

  let start = 0;
  let end = size - 1;
  let status: 200 | 206 = 200;
  const range = c.req.header('range');
  const ifRange = c.req.header('if-range');
  // A Range in another unit, malformed, for several parts, or with an If-Range that does not
  // match: the whole file (RFC 9110, 14.2 allows ignoring it). Never a multipart answer.
  if (range && range.startsWith('bytes=') && (!ifRange || ifRange.trim() === etag)) {
    const ranges = parseRange(size, range, { combine: true });
    if (ranges === -1) return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
    if (ranges !== -2 && ranges.length === 1 && ranges[0]) {
      ({ start, end } = ranges[0]);
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
  }
  headers['Content-Length'] = String(end - start + 1);
  // Hono answers HEAD with the GET handler's headers and drops the body: open nothing
  if (c.req.method === 'HEAD' || size === 0) return c.body(null, status, headers);

  const handle = await open(sent).catch(() => undefined);
  if (!handle) return undefined;
  const body = Readable.toWeb(handle.createReadStream({ start, end })) as unknown as ReadableStream<Uint8Array>;
  return c.body(body, status, headers);
}
