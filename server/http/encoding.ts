/**
 * Content coding, in one place for the built files, the pages made per request and the API: the
 * client's best encoding by its Accept-Encoding (negotiator), compression made now (async zlib,
 * off the main thread), and the validators that go with it: a compressed body has its own strong
 * ETag (the plain one with `-br` or `-gzip`), so a cache never takes one for the other.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';
import { ENCODINGS, type EncodingName } from './static-build';

/** Every encoding the server sends, best first. */
export const ENCODING_NAMES: readonly EncodingName[] = ENCODINGS.map(({ name }) => name);

/**
 * The client's best encoding among those available (br before gzip when it likes both alike), or
 * undefined for the body as is (no Accept-Encoding, `identity`, or nothing it accepts).
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly EncodingName[]): EncodingName | undefined {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  // negotiator 1.x breaks ties with `preferred` (its README); @types/negotiator 0.6 predates it
  const encoding = negotiator.encoding as (offered: readonly string[], options: { preferred: readonly string[] }) => string | undefined;
  const offered = [...available, 'identity'];
  const chosen = encoding.call(negotiator, offered, { preferred: offered });
  return available.find((name) => name === chosen);
}

const brotli = promisify(brotliCompress);
const gzipNow = promisify(gzip);

/** For a body made per request: fast settings (the build's copies take the slowest, smallest ones). */
export function compressNow(encoding: EncodingName, data: Uint8Array): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength } });
  }
  return gzipNow(data, { level: 6 });
}

/** The strong ETag of a body sent in an encoding: `"tag"` becomes `"tag-gzip"`; as is for none. */
export function encodedTag(etag: string, encoding: EncodingName | undefined): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/** If-None-Match names this ETag (weak comparison, RFC 9110, 13.1.2), or is `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
