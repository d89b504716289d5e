/**
 * The write endpoints (figures, sources, resolutions) from the request to the answer, once the token is known to be an
 * editor's: the path's id, a delete's query, the body (only application/json, parsed by the
 * contract), then the write service. The server's routes and the msw handlers are thin adapters
 * over these, so their answers are the same (the write conformance suite compares them).
 * Browser-safe.
 */
import type { z } from 'zod/mini';
import {
  Id,
  NewObservationBatch,
  NewResolution,
  NewSource,
  ObservationResponse,
  ObservationUpdate,
  ObservationsResponse,
  ResolutionResponse,
  ResolutionUpdate,
  SourceResponse,
  toApiIssues,
} from '../../src/api/contract';
import { isJsonContentType, parseDeleteQuery } from '../../src/api/rules';
import { errorAnswer, outcomeAnswer, type Answer } from './answers';
import type { Actor, Writes } from './service';

/** What a write endpoint reads of a request. */
export interface WriteRequest {
  contentType: string | null | undefined;
  /** The body's text (read only once the content type is known to be JSON). */
  text(): Promise<string>;
  /** The path's :id, as decoded by the router. */
  id?: string;
  query?: URLSearchParams;
}

export const UNSUPPORTED_TYPE_MESSAGE = 'The body must be application/json, with no parameter but charset=utf-8.';

type Body<T> = { ok: true; data: T } | { ok: false; answer: Answer };

/** The body as the contract's schema parses it, or the 415 / 400 that says why not. */
export async function readBody<S extends z.ZodMiniType>(req: WriteRequest, schema: S): Promise<Body<z.infer<S>>> {
  if (!isJsonContentType(req.contentType)) {
    return { ok: false, answer: errorAnswer(415, 'unsupported_media_type', UNSUPPORTED_TYPE_MESSAGE) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await req.text());
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false, answer: errorAnswer(400, 'bad_json', 'The body is not valid JSON.') };
    throw err; // e.g. the server's body limit: answered by its own middleware
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, answer: errorAnswer(400, 'invalid', 'The body does not follow the contract.', toApiIssues(parsed.error)) };
  }
  return { ok: true, data: parsed.data };
}

/** The path's :id if it can name an observation or a resolution. */
function pathId(req: WriteRequest): string | undefined {
  const parsed = Id.safeParse(req.id);
  return parsed.success ? parsed.data : undefined;
}

const NO_SUCH_OBSERVATION = () => errorAnswer(404, 'not_found', 'No such observation.');
const NO_SUCH_RESOLUTION = () => errorAnswer(404, 'not_found', 'No such resolution.');

export function writeEndpoints(writes: Writes) {
  return {
    /** POST /api/observations */
    async addObservations(req: WriteRequest, actor: Actor): Promise<Answer> {
      const body = await readBody(req, NewObservationBatch);
      if (!body.ok) return body.answer;
      const outcome = await writes.addObservations(body.data, actor);
      return outcomeAnswer(outcome, 201, (observations) => ObservationsResponse.parse({ observations }));
    },

    /** PUT /api/observations/:id */
    async updateObservation(req: WriteRequest, actor: Actor): Promise<Answer> {
      const id = pathId(req);
      if (!id) return NO_SUCH_OBSERVATION();
      const body = await readBody(req, ObservationUpdate);
      if (!body.ok) return body.answer;
      const outcome = await writes.updateObservation(id, body.data, actor);
      return outcomeAnswer(outcome, 200, (observation) => ObservationResponse.parse({ observation }));
    },

    /** DELETE /api/observations/:id?version=N */
    async deleteObservation(req: WriteRequest, actor: Actor): Promise<Answer> {
      const id = pathId(req);
      if (!id) return NO_SUCH_OBSERVATION();
      const { version, issues } = parseDeleteQuery(req.query ?? new URLSearchParams());
      if (issues.length > 0) return errorAnswer(400, 'bad_query', 'The query is not valid.', issues);
      const outcome = await writes.deleteObservation(id, version, actor);
      return outcomeAnswer(outcome, 200, (observation) => ObservationResponse.parse({ observation }));
    },

    /** POST /api/sources: 201 with the new source, or 200 with the stored one when it is the same report (its unit and text). */
    async addSource(req: WriteRequest, actor: Actor): Promise<Answer> {
      const body = await readBody(req, NewSource);
      if (!body.ok) return body.answer;
      const outcome = await writes.addSource(body.data, actor);
      return outcomeAnswer(outcome, outcome.ok && outcome.existing ? 200 : 201, (source) => SourceResponse.parse({ source }));
    },

    /** POST /api/resolutions */
    async addResolution(req: WriteRequest, actor: Actor): Promise<Answer> {
      const body = await readBody(req, NewResolution);
      if (!body.ok) return body.answer;
      const outcome = await writes.addResolution(body.data, actor);
      return outcomeAnswer(outcome, 201, (resolution) => ResolutionResponse.parse({ resolution }));
    },

    /** PUT /api/resolutions/:id */
    async updateResolution(req: WriteRequest, actor: Actor): Promise<Answer> {
      const id = pathId(req);
      if (!id) return NO_SUCH_RESOLUTION();
      const body = await readBody(req, ResolutionUpdate);
      if (!body.ok) return body.answer;
      const outcome = await writes.updateResolution(id, body.data, actor);
      return outcomeAnswer(outcome, 200, (resolution) => ResolutionResponse.parse({ resolution }));
    },

    /** DELETE /api/resolutions/:id?version=N */
    async deleteResolution(req: WriteRequest, actor: Actor): Promise<Answer> {
      const id = pathId(req);
      if (!id) return NO_SUCH_RESOLUTION();
      const { version, issues } = parseDeleteQuery(req.query ?? new URLSearchParams());
      if (issues.length > 0) return errorAnswer(400, 'bad_query', 'The query is not valid.', issues);
      const outcome = await writes.deleteResolution(id, version, actor);
      return outcomeAnswer(outcome, 200, (resolution) => ResolutionResponse.parse({ resolution }));
    },
  };
}
