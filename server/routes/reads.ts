/**
 * The read endpoints of the contract: the same filters, order and 400s as the msw handlers.
 * Answers are parsed by the contract, then kept in the read cache until the next write.
 */
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import {
  HealthResponse,
  IndicatorsResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  parseObservationQuery,
  unknownNames,
  type ObservationQuery,
} from '../../src/api/contract';
import { apiError } from '../http/errors';
import { jsonBody, textBody, type CachedBody, type ReadCache } from '../http/read-cache';
import type { Storage } from '../storage/types';

const JSON_TYPE = 'application/json; charset=UTF-8';

/** Sends a cached body: 304 if the client has it, gzip if it accepts it and the entry is kept. */
function send(c: Context, cached: CachedBody, compress: boolean) {
  c.header('ETag', cached.etag);
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
  if (compress && cached.body.length > 2048 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    cached.gzip ??= new Uint8Array(gzipSync(cached.body, { level: 6 }));
    return c.body(cached.gzip, 200, { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'gzip' });
  }
  return c.body(cached.body, 200, { 'Content-Type': JSON_TYPE });
}

/** One key per meaning: order and repetition of names do not matter. */
function queryKey(q: ObservationQuery): string {
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return JSON.stringify([sorted(q.unit), q.from ?? '', q.to ?? '', sorted(q.family), sorted(q.indicator)]);
}

export function readRoutes(storage: Storage, cache: ReadCache) {
  const api = new Hono();
  const cached = async (c: Context, key: string, make: () => Promise<unknown>) => {
    const revision = await storage.revision();
    return send(c, await cache.get(key, revision, async () => jsonBody(await make())), cache.enabled);
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
    const revision = await storage.revision();
    const source = await cache.get(`source:${id}`, revision, () => storage.getSource(id));
    if (!source) return apiError(c, 404, 'not_found', `No source "${id}".`);
    const body = await cache.get(`source-body:${id}`, revision, async () => jsonBody(SourceResponse.parse({ source })));
    return send(c, body, cache.enabled);
  });

  api.get('/observations', async (c) => {
    const parsed = parseObservationQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return apiError(c, 400, 'bad_query', 'The query is not valid.', parsed.issues);
    const revision = await storage.revision();
    const known = await cache.get('known-names', revision, async () => ({
      units: new Set((await storage.listUnits()).map((u) => u.id)),
      indicators: new Set((await storage.listIndicators()).map((i) => i.id)),
    }));
    const unknown = unknownNames(parsed.query, known);
    if (unknown.length > 0) return apiError(c, 400, 'bad_query', 'The query names unknown things.', unknown);
    // Each row is the contract's JSON of a record the contract parsed when it was written.
    const body = await cache.get(`observations:${queryKey(parsed.query)}`, revision, async () =>
      textBody(`{"observations":${await storage.observationsJsonArray(parsed.query)}}`),
    );
    return send(c, body, cache.enabled);
  });
  return api;
}
