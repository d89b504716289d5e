/**
 * The OpenAPI 3.1 document of the API, generated from the zod contract (z.toJSONSchema):
 * the schemas are the contract's, the paths are listed here beside the routes they describe.
 */
import { z } from 'zod';
import * as contract from '../../src/api/contract';
import { PERIOD_PATTERN } from '../../src/api/periods';

/** server/app.ts's MAX_URL_BYTES and main.ts's limit of request line and headers (app.ts imports this file; a test checks they agree). */
const URL_LIMIT = 16384;
const HEADERS_LIMIT = 32768;

const COMPONENTS = {
  Unit: contract.Unit,
  Indicator: contract.Indicator,
  Observation: contract.Observation,
  Source: contract.Source,
  SourceSummary: contract.SourceSummary,
  NewObservation: contract.NewObservation,
  NewObservationBatch: contract.NewObservationBatch,
  ObservationUpdate: contract.ObservationUpdate,
  NewSource: contract.NewSource,
  ApiError: contract.ApiError,
  ObservationConflict: contract.ObservationConflict,
  HealthResponse: contract.HealthResponse,
  UnitsResponse: contract.UnitsResponse,
  IndicatorsResponse: contract.IndicatorsResponse,
  ObservationsResponse: contract.ObservationsResponse,
  ObservationResponse: contract.ObservationResponse,
  SourcesResponse: contract.SourcesResponse,
  SourceResponse: contract.SourceResponse,
  SessionResponse: contract.SessionResponse,
  ResolutionTarget: contract.ResolutionTarget,
  NewResolutionTarget: contract.NewResolutionTarget,
  Resolution: contract.Resolution,
  NewResolution: contract.NewResolution,
  ResolutionUpdate: contract.ResolutionUpdate,
  ResolutionsResponse: contract.ResolutionsResponse,
  ResolutionResponse: contract.ResolutionResponse,
  ResolutionConflict: contract.ResolutionConflict,
} as const;
type Component = keyof typeof COMPONENTS;

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // Components live inside the document: drop the per-schema $schema and $id.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const rest = { ...(s as Record<string, unknown>) };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Component, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json('ApiError', description);
const body = (name: Component) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: what });
const repeatable = (name: string, description: string, items: unknown, maxItems: number) => ({
  name,
  in: 'query',
  required: false,
  description,
  style: 'form',
  explode: true,
  schema: { type: 'array', items, maxItems },
});
const limits = contract.OBSERVATION_QUERY_LIMITS;
const period = { type: 'string', pattern: PERIOD_PATTERN.source };
const writeErrors = {
  400: error('Malformed JSON, a body the contract refuses, or a figure that breaks its indicator’s rules; nothing written'),
  401: error('No valid token'),
  403: error('The token is not an editor’s, or is an editor’s limited to other units (the message and issues name the unit); nothing written'),
  413: error('The body is over the size limit'),
  415: error('The body is not application/json (no parameter but charset=utf-8)'),
  507: error('`disk_full`: the server’s disk is full; nothing written, reads keep working'),
};
const editorOnly = [{ bearer: [] }];

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ward KPI dashboard API',
      version: '1.0.0',
      description:
        'Targets and figures of ward Party committees. Reads are open unless the server asks for a token; writes need an ' +
        'editor token, and an editor’s token may be limited to some units (it may write figures, sources and resolutions of those ' +
        'only); GET /api/session tells which role a token has, and those units. A URL over ' +
        `${URL_LIMIT} bytes is a 414 and headers over ${HEADERS_LIMIT} bytes a 431, both as ApiError.`,
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { operationId: 'health', responses: { 200: json('HealthResponse', 'The server is up') } } },
      '/api/units': { get: { operationId: 'listUnits', responses: { 200: json('UnitsResponse', 'Every unit') } } },
      '/api/indicators': {
        get: { operationId: 'listIndicators', responses: { 200: json('IndicatorsResponse', 'Every indicator') } },
      },
      '/api/observations': {
        get: {
          operationId: 'listObservations',
          description:
            `Paged: at most \`limit\` observations per answer (default and maximum ${contract.OBSERVATIONS_PAGE_MAX}). ` +
            'While more follow, the answer has `next`: the path and query of the next page (the same filters and limit, ' +
            'with a cursor). The cursor is a place in the order (keyset): a page asked after a write starts right after ' +
            'the last row sent, so no row comes twice and none that kept its place is skipped.',
          parameters: [
            repeatable(`unit`, `Unit ids (at most ${limits.unit})`, { type: 'string', maxLength: 80 }, limits.unit),
            { name: 'from', in: 'query', required: false, schema: period, description: 'First period, YYYY-Qn (2000-Q1 to 2100-Q4)' },
            { name: 'to', in: 'query', required: false, schema: period, description: 'Last period, YYYY-Qn (2000-Q1 to 2100-Q4)' },
            repeatable('family', `Indicator families (at most ${limits.family})`, { type: 'string', enum: contract.Family.options }, limits.family),
            repeatable('indicator', `Indicator ids (at most ${limits.indicator})`, { type: 'string', maxLength: 80 }, limits.indicator),
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: contract.OBSERVATIONS_PAGE_MAX, default: contract.OBSERVATIONS_PAGE_MAX },
              description: 'The most observations in this answer',
            },
            {
              name: 'cursor',
              in: 'query',
              required: false,
              schema: { type: 'string', maxLength: 400 },
              description: 'Opaque: where the page starts. Take it from `next`, never build it.',
            },
          ],
          responses: {
            200: json('ObservationsResponse', 'One page of the observations, ordered by period, unit, indicator and id; `next` while more follow'),
            400: error('A malformed or unknown parameter, a period outside 2000–2100, too many names, a bad limit or cursor, or a name the data does not know'),
          },
        },
        post: {
          operationId: 'addObservations',
          security: editorOnly,
          requestBody: body('NewObservationBatch'),
          responses: {
            201: json('ObservationsResponse', 'All were stored (or none: see the errors)'),
            ...writeErrors,
            409: error('An id is already taken'),
          },
        },
      },
      '/api/observations/{id}': {
        put: {
          operationId: 'updateObservation',
          security: editorOnly,
          parameters: [idParam('Observation id')],
          requestBody: body('ObservationUpdate'),
          responses: {
            200: json('ObservationResponse', 'Stored; version grew by one'),
            ...writeErrors,
            404: error('No such observation'),
            409: json('ObservationConflict', 'The version is stale; the body has the current observation'),
          },
        },
        delete: {
          operationId: 'deleteObservation',
          security: editorOnly,
          parameters: [
            idParam('Observation id'),
            {
              name: 'version',
              in: 'query',
              required: false,
              schema: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
              description: 'Delete only if this is the current version: plain digits, at most once',
            },
          ],
          responses: {
            200: json('ObservationResponse', 'Deleted; the body has what was deleted'),
            400: error('A malformed parameter'),
            401: writeErrors[401],
            403: writeErrors[403],
            507: writeErrors[507],
            404: error('No such observation'),
            409: json('ObservationConflict', 'The version is stale; the body has the current observation'),
          },
        },
      },
      '/api/sources': {
        get: { operationId: 'listSources', responses: { 200: json('SourcesResponse', 'Every source report, without its text (hasText says whether it has one)') } },
        post: {
          operationId: 'addSource',
          security: editorOnly,
          requestBody: body('NewSource'),
          responses: {
            201: json('SourceResponse', 'Stored'),
            200: json('SourceResponse', 'The same report (its text, normalised) was stored before for this unit: that source, nothing written'),
            ...writeErrors,
            409: error('The id is already taken'),
          },
        },
      },
      '/api/sources/{id}': {
        get: {
          operationId: 'getSource',
          parameters: [idParam('Source id')],
          responses: { 200: json('SourceResponse', 'The source, with its text where one was kept'), 404: error('No such source') },
        },
      },
      '/api/resolutions': {
        get: {
          operationId: 'listResolutions',
          description:
            'The resolutions of the units named (a term’s and each year’s), each with its targets, ordered by unit, then the ' +
            `earliest years first. A unit keeps at most ${contract.RESOLUTION_LIMITS.perUnit} resolutions, a resolution at most ` +
            `${contract.RESOLUTION_LIMITS.targets} targets. With \`year\`: only those in force that year (a term’s from its first year).`,
          parameters: [
            repeatable('unit', `Unit ids, at least one (at most ${contract.RESOLUTION_LIMITS.queryUnits})`, { type: 'string', maxLength: 80 }, contract.RESOLUTION_LIMITS.queryUnits),
            { name: 'year', in: 'query', required: false, schema: { type: 'integer', minimum: 2000, maximum: 2100 }, description: 'Only the resolutions in force this year' },
          ],
          responses: {
            200: json('ResolutionsResponse', 'The resolutions, with their targets'),
            400: error('No unit, a malformed or unknown parameter, too many units, or a unit the data does not know'),
          },
        },
        post: {
          operationId: 'addResolution',
          security: editorOnly,
          requestBody: body('NewResolution'),
          responses: {
            201: json('ResolutionResponse', 'Stored, with its id, its targets’ ids and version 1'),
            ...writeErrors,
            400: error('A body the contract refuses or a resolution that cannot be judged (a term resolution without its term, a growth without its indicator, a range the wrong way round, a number given twice, an unknown unit, indicator or source, a unit that does not fit the indicator); the issues name each field; nothing written'),
            409: error('The id is already taken, the unit already has the resolution of that term or year, or it keeps the most resolutions'),
          },
        },
      },
      '/api/resolutions/{id}': {
        put: {
          operationId: 'updateResolution',
          security: editorOnly,
          parameters: [idParam('Resolution id')],
          requestBody: body('ResolutionUpdate'),
          responses: {
            200: json('ResolutionResponse', 'Stored, all its targets replaced; version grew by one'),
            ...writeErrors,
            404: error('No such resolution'),
            409: json('ResolutionConflict', 'The version is stale (the body has the current resolution), or the unit already has another resolution of that term or year'),
          },
        },
        delete: {
          operationId: 'deleteResolution',
          security: editorOnly,
          parameters: [
            idParam('Resolution id'),
            {
              name: 'version',
              in: 'query',
              required: false,
              schema: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
              description: 'Delete only if this is the current version: plain digits, at most once',
            },
          ],
          responses: {
            200: json('ResolutionResponse', 'Deleted with its targets; the body has what was deleted'),
            400: error('A malformed parameter'),
            401: writeErrors[401],
            403: writeErrors[403],
            507: writeErrors[507],
            404: error('No such resolution'),
            409: json('ResolutionConflict', 'The version is stale; the body has the current resolution'),
          },
        },
      },
      '/api/session': {
        get: {
          operationId: 'getSession',
          description: 'Checks a token without changing anything. Never cached (Cache-Control: no-store).',
          security: [{ bearer: [] }],
          responses: {
            200: json('SessionResponse', 'The role the token grants, and the only units an editor’s token may write if it is limited'),
            401: error('No token, or an unknown or revoked one'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openApi',
          responses: { 200: { description: 'This document', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `npm run token`' } },
    },
  };
}
