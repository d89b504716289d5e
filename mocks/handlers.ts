/**
 * The happy path of every read endpoint, served from data/ through the contract, paged
 * as the server pages (GET /api/observations: OBSERVATIONS_PAGE_MAX rows, then `next`).
 * Tests add failures with the named scenarios in scenarios.ts.
 */
import { http, HttpResponse } from 'msw';
import {
  ApiError,
  IndicatorsResponse,
  ObservationsResponse,
  ResolutionsResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  matchesQuery,
  matchesResolutionQuery,
  nextObservationsPath,
  observationOrder,
  parseObservationQuery,
  parseResolutionQuery,
  resolutionOrder,
  summarizeSource,
  unknownNames,
  type ApiIssue,
  type Resolution,
} from '../src/api/contract';
import { loadDataset, type Dataset } from '../data';

function errorResponse(status: number, code: string, message: string, issues?: ApiIssue[]) {
  return HttpResponse.json(ApiError.parse({ error: { code, message, issues } }), { status });
}

/**
 * Handlers over a dataset; the default is the reports' figures (and no resolution: none of these
 * wards' is in the data). `resolutions` is read at each request, so writes to it show at once.
 */
export function createHandlers(dataset: Dataset & { resolutions?: Resolution[] } = loadDataset()) {
  const familyOf = new Map(dataset.indicators.map((i) => [i.id, i.family]));
  const known = {
    units: new Set(dataset.units.map((u) => u.id)),
    indicators: new Set(dataset.indicators.map((i) => i.id)),
  };
  return [
    http.get('/api/health', () => HttpResponse.json({ status: 'ok' })),
    http.get('/api/units', () => HttpResponse.json(UnitsResponse.parse({ units: dataset.units }))),
    http.get('/api/indicators', () =>
      HttpResponse.json(IndicatorsResponse.parse({ indicators: dataset.indicators })),
    ),
    http.get('/api/observations', ({ request }) => {
      const parsed = parseObservationQuery(new URL(request.url).searchParams);
      if (!parsed.ok) return errorResponse(400, 'bad_query', 'The query is not valid.', parsed.issues);
      const unknown = unknownNames(parsed.query, known);
      if (unknown.length > 0) return errorResponse(400, 'bad_query', 'The query names unknown things.', unknown);
      const { query, page } = parsed;
      // the same page as the server's: at most `limit` rows from the cursor's place on
      const start = page.from;
      const rows = dataset.observations
        .filter((o) => matchesQuery(o, query, (id) => familyOf.get(id)) && (!start || observationOrder(o, start) >= 0))
        .sort(observationOrder);
      const observations = rows.slice(0, page.limit);
      const following = rows[page.limit];
      const next = following ? nextObservationsPath(query, page, following) : undefined;
      return HttpResponse.json(ObservationsResponse.parse({ observations, next }));
    }),
    http.get('/api/resolutions', ({ request }) => {
      const parsed = parseResolutionQuery(new URL(request.url).searchParams);
      if (!parsed.ok) return errorResponse(400, 'bad_query', 'The query is not valid.', parsed.issues);
      const unknown = unknownNames({ unit: parsed.query.unit, indicator: [], family: [] }, known);
      if (unknown.length > 0) return errorResponse(400, 'bad_query', 'The query names unknown things.', unknown);
      const resolutions = (dataset.resolutions ?? []).filter((r) => matchesResolutionQuery(r, parsed.query)).sort(resolutionOrder);
      return HttpResponse.json(ResolutionsResponse.parse({ resolutions }));
    }),
    // the list says whether each source has a text; the text itself only comes one source at a time
    http.get('/api/sources', () =>
      HttpResponse.json(SourcesResponse.parse({ sources: dataset.sources.map(summarizeSource) })),
    ),
    http.get('/api/sources/:id', ({ params }) => {
      const source = dataset.sources.find((s) => s.id === params.id);
      if (!source) return errorResponse(404, 'not_found', `No source "${String(params.id)}".`);
      return HttpResponse.json(SourceResponse.parse({ source }));
    }),
  ];
}

/**
 * The server's answer to an endpoint it does not have. Not in createHandlers: in a test an
 * unexpected request must fail (onUnhandledRequest: 'error'), not get a quiet 404; the dev
 * worker and the conformance suite, where a 404 is the contract's answer, add it last.
 */
export const unknownEndpoint = http.all('/api/*', () => errorResponse(404, 'not_found', 'No such endpoint.'));

export const handlers = createHandlers();
