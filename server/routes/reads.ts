/**
 * The read endpoints of the contract: the same filters, order, pages and 400s as the msw
 * handlers. Answers are parsed by the contract, then kept in the read cache until the next write,
 * and sent compressed (br or gzip, the client's choice) when worth it, with the cache on or off.
 */
import { Hono, type Context } from 'hono';
import {
  HealthResponse,
  Id,
  IndicatorsResponse,
  ResolutionsResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  encodeCursor,
  nextObservationsPath,
  observationsPath,
  parseObservationQuery,
  parseResolutionQuery,
  resolutionsPath,
  unknownNames,
} from '../../src/api/contract';
import { ENCODING_NAMES, chooseEncoding, compressNow, encodedTag, ifNoneMatchHits } from '../http/encoding';
import { apiError } from '../http/errors';
import { jsonBody, textBody, type CachedBody, type ReadCache } from '../http/read-cache';
import type { Storage } from '../storage/types';

const JSON_TYPE = 'application/json; charset=UTF-8';
/** Smaller answers go as they are: compressing them saves less than a packet. */
const COMPRESS_FROM_BYTES = 2048;

export function readRoutes(storage: Storage, cache: ReadCache) {
  const api = new Hono();

  /**
   * Sends a body: in the client's best encoding when it is large enough (the compressed copy kept
   * in the cache too, made again per request when the cache is off), with that copy's own ETag,
   * and a 304 when the client has it.
   */
  const send = async (c: Context, key: string, revision: number, cached: CachedBody) => {
    const encoding =
      cached.body.byteLength >= COMPRESS_FROM_BYTES ? chooseEncoding(c.req.header('accept-encoding'), ENCODING_NAMES) : undefined;
    const etag = encodedTag(cached.etag, encoding);
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    if (!encoding) return c.body(cached.body, 200, { 'Content-Type': JSON_TYPE });
    const packed = await cache.get(`${key}\0${encoding}`, revision, async () => new Uint8Array(await compressNow(encoding, cached.body)));
    return c.body(packed, 200, { 'Content-Type': JSON_TYPE, 'Content-Encoding': encoding });
  };
  const cached = async (c: Context, key: string, make: () => Promise<unknown>) => {
    const revision = await storage.revision();
    return send(c, key, revision, await cache.get(key, revision, async () => jsonBody(await make())));
  };

  /** The names the data knows, for the observations' 400s: read again after each write. */
  let known: { revision: number; units: Set<string>; indicators: Set<string> } | undefined;
  const knownNames = async (revision: number) => {
    if (known?.revision !== revision) {
      known = {
        revision,
        units: new Set((await storage.listUnits()).map((u) => u.id)),
        indicators: new Set((await storage.listIndicators()).map((i) => i.id)),
      };
    }
    return known;
  };

  api.get('/health', (c) => c.json(HealthResponse.parse({ status: 'ok' })));
  api.get('/units', (c) => cached(c, 'units', async () => UnitsResponse.parse({ units: await storage.listUnits() })));
  api.get('/indicators', (c) =>
    cached(c, 'indicators', async () => IndicatorsResponse.parse({ indicators: await storage.listIndicators() })),
  );
  api.get('/sources', (c) =>
    cached(c, 'sources', async () => SourcesResponse.parse({ sources: await storage.listSources() })),
  );
  api.get('/sources/:id', async (c) => {
    const id = c.req.param('id');
    // a path that cannot name a source is not looked up, nor kept
    if (!Id.safeParse(id).success) return apiError(c, 404, 'not_found', 'No such source.');
    const key = `source:${id}`;
    const revision = await storage.revision();
    const body = await cache.get(key, revision, async () => {
      const source = await storage.getSource(id);
      return source ? jsonBody(SourceResponse.parse({ source })) : null;
    });
    if (!body) return apiError(c, 404, 'not_found', `No source "${id}".`);
    return send(c, key, revision, body);
  });

  api.get('/resolutions', async (c) => {
    const parsed = parseResolutionQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return apiError(c, 400, 'bad_query', 'The query is not valid.', parsed.issues);
    const { query } = parsed;
    const revision = await storage.revision();
    const unknown = unknownNames({ unit: query.unit, indicator: [], family: [] }, await knownNames(revision));
    if (unknown.length > 0) return apiError(c, 400, 'bad_query', 'The query names unknown things.', unknown);
    const key = resolutionsPath(query);
    return send(c, key, revision, await cache.get(key, revision, async () => jsonBody(ResolutionsResponse.parse({ resolutions: await storage.listResolutions(query) }))));
  });

  api.get('/observations', async (c) => {
    const parsed = parseObservationQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return apiError(c, 400, 'bad_query', 'The query is not valid.', parsed.issues);
    const { query, page } = parsed;
    const revision = await storage.revision();
    const unknown = unknownNames(query, await knownNames(revision));
    if (unknown.length > 0) return apiError(c, 400, 'bad_query', 'The query names unknown things.', unknown);
    // One key per meaning: the canonical path (order and repetition of names do not matter).
    const key = observationsPath(query, { limit: page.givenLimit, cursor: page.from && encodeCursor(page.from) });
    // Each row is the contract's JSON of a record the contract parsed when it was written.
    const body = await cache.get(key, revision, async () => {
      const { json, nextFrom } = await storage.observationsPage(query, page);
      const next = nextFrom ? `,"next":${JSON.stringify(nextObservationsPath(query, page, nextFrom))}` : '';
      return textBody(`{"observations":${json}${next}}`);
    });
    return send(c, key, revision, body);
  });
  return api;
}
