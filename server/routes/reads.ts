/**
 * The read endpoints of the contract: the same filters, order and 400s as the msw handlers.
 * Answers are parsed by the contract, then kept in the read cache until the next write.
 */
import { Hono, type Context } from 'hono';
import {
  HealthResponse,
  IndicatorsResponse,
  ObservationsResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  parseObservationQuery,
  unknownNames,
  type ObservationQuery,
} from '../../src/api/contract';
import { apiError } from '../http/errors';
import { jsonBody, type CachedBody, type ReadCache } from '../http/read-cache';
import type { Storage } from '../storage/types';

function send(c: Context, cached: CachedBody) {
  c.header('ETag', cached.etag);
  c.header('Cache-Control', 'no-cache');
  if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
  return c.body(cached.body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
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
    return send(c, await cache.get(key, revision, async () => jsonBody(await make())));
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
    return send(c, await cache.get(`source-body:${id}`, revision, async () => jsonBody(SourceResponse.parse({ source }))));
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
    const body = await cache.get(`observations:${queryKey(parsed.query)}`, revision, async () =>
      jsonBody(ObservationsResponse.parse({ observations: await storage.listObservations(parsed.query) })),
    );
    return send(c, body);
  });
  return api;
}
