/**
 * The write endpoints over an in-memory copy of data/, answering as the real server does
 * (server/routes/writes.ts): an editor's token, the contract, the indicator's rules, all or
 * nothing, versions and 409s. The reads are served from the same copy, so a write shows at once.
 * GET /api/session tells a token's role (server/routes/session.ts), for signing in.
 *
 *   const api = createWriteApi();          // tokens: EDITOR_TOKEN, VIEWER_TOKEN
 *   server.use(...api.handlers);           // in a test; api.writes logs every accepted write
 */
import { http, HttpResponse } from 'msw';
import type { z } from 'zod';
import {
  ApiError,
  Id,
  NewObservationBatch,
  NewSource,
  Observation,
  ObservationConflict,
  ObservationUpdate,
  SessionResponse,
  Source,
  toApiIssues,
  type ApiIssue,
  type ObservationFields,
} from '../src/api/contract';
import { observationProblems, ruleContext } from '../src/api/rules';
import { loadDataset, type Dataset } from '../data';
import { createHandlers } from './handlers';

export const EDITOR_TOKEN = 'test-editor-token-0123456789abcdef';
export const VIEWER_TOKEN = 'test-viewer-token-0123456789abcdef';

export interface WriteApiOptions {
  dataset?: Dataset;
  tokens?: { editor?: string[]; viewer?: string[] };
}

export interface WriteLogEntry {
  method: string;
  path: string;
  body: unknown;
}

function errorResponse(status: number, code: string, message: string, issues?: ApiIssue[]) {
  return HttpResponse.json(ApiError.parse({ error: { code, message, issues } }), { status });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70).replace(/-+$/, '');
}

function firstFreeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export function createWriteApi({ dataset, tokens }: WriteApiOptions = {}) {
  // a deep copy, so that one test's writes never leak into another's
  const data: Dataset = structuredClone(dataset ?? loadDataset());
  const editors = new Set(tokens?.editor ?? [EDITOR_TOKEN]);
  const viewers = new Set(tokens?.viewer ?? [VIEWER_TOKEN]);
  const lastVersion = new Map<string, number>();
  const writes: WriteLogEntry[] = [];

  /** The role of the request's bearer token (server/auth/require-role.ts, bearerRole). */
  function roleOf(request: Request): 'editor' | 'viewer' | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    const token = match?.[1];
    if (!token) return undefined;
    return editors.has(token) ? 'editor' : viewers.has(token) ? 'viewer' : undefined;
  }

  /** The 401 of server/auth/require-role.ts (unauthorized). */
  const unauthorized = (headers?: Record<string, string>) => {
    const response = errorResponse(401, 'unauthorized', 'A valid token is needed (Authorization: Bearer TOKEN).');
    response.headers.set('WWW-Authenticate', 'Bearer realm="kpi"');
    for (const [name, value] of Object.entries(headers ?? {})) response.headers.set(name, value);
    return response;
  };

  /** The auth check of server/auth/require-role.ts; undefined when the request may write. */
  function refuseAuth(request: Request): Response | undefined {
    const role = roleOf(request);
    if (!role) return unauthorized();
    if (role !== 'editor') return errorResponse(403, 'forbidden', 'This needs the editor role.');
    return undefined;
  }

  async function readBody<S extends z.ZodType>(request: Request, schema: S) {
    if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
      return { ok: false as const, response: errorResponse(415, 'unsupported_media_type', 'The body must be application/json.') };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await request.text());
    } catch {
      return { ok: false as const, response: errorResponse(400, 'bad_json', 'The body is not valid JSON.') };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false as const,
        response: errorResponse(400, 'invalid', 'The body does not follow the contract.', toApiIssues(parsed.error)),
      };
    }
    return { ok: true as const, data: parsed.data as z.infer<S>, raw };
  }

  const rules = () => ruleContext(data.units, data.indicators, data.sources);
  const findObservation = (id: string) => data.observations.find((o) => o.id === id);
  const invalid = (issues: ApiIssue[]) =>
    errorResponse(400, 'invalid', 'The data breaks the rules of its indicator; nothing was written.', issues);
  const stale = (current: Observation, seen: number) =>
    HttpResponse.json(
      ObservationConflict.parse({
        error: {
          code: 'conflict',
          message: `The observation changed since version ${seen}; it is now at version ${current.version}.`,
          issues: [{ path: 'version', message: `stale version ${seen}, current is ${current.version}` }],
        },
        observation: current,
      }),
      { status: 409 },
    );
  const pathId = (raw: unknown) => {
    const parsed = Id.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };

  const writeHandlers = [
    // server/routes/session.ts: the token's role, never cached
    http.get('/api/session', ({ request }) => {
      const noStore = { 'Cache-Control': 'no-store' };
      const role = roleOf(request);
      if (!role) return unauthorized(noStore);
      return HttpResponse.json(SessionResponse.parse({ role }), { headers: noStore });
    }),

    http.post('/api/observations', async ({ request }) => {
      const refused = refuseAuth(request);
      if (refused) return refused;
      const body = await readBody(request, NewObservationBatch);
      if (!body.ok) return body.response;
      const ctx = rules();
      const issues = body.data.flatMap((o, i) => observationProblems(o, ctx, String(i)));
      if (issues.length > 0) return invalid(issues);
      const given = new Set<string>();
      const conflicts: ApiIssue[] = [];
      body.data.forEach((o, i) => {
        if (!o.id) return;
        if (given.has(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" appears twice in the batch` });
        else if (findObservation(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" already exists` });
        given.add(o.id);
      });
      if (conflicts.length > 0) return errorResponse(409, 'conflict', 'Some ids already exist.', conflicts);
      const used = new Set(given);
      const stored = body.data.map(({ id: wanted, ...fields }) => {
        const id = wanted ?? firstFreeId(slug(`${fields.unitId}-${fields.period}-${fields.indicatorId}`), (x) => used.has(x) || !!findObservation(x));
        used.add(id);
        const version = (lastVersion.get(id) ?? 0) + 1;
        lastVersion.set(id, version);
        return Observation.parse({ ...fields, id, version });
      });
      data.observations.push(...stored);
      writes.push({ method: 'POST', path: '/api/observations', body: body.raw });
      return HttpResponse.json({ observations: stored }, { status: 201 });
    }),

    http.put('/api/observations/:id', async ({ request, params }) => {
      const refused = refuseAuth(request);
      if (refused) return refused;
      const id = pathId(params.id);
      const current = id ? findObservation(id) : undefined;
      const body = await readBody(request, ObservationUpdate);
      if (!body.ok) return body.response;
      if (!id || !current) return errorResponse(404, 'not_found', `No observation "${String(params.id)}".`);
      if (current.version !== body.data.version) return stale(current, body.data.version);
      const fields: Partial<typeof body.data> = { ...body.data };
      delete fields.version;
      const issues = observationProblems(fields as ObservationFields, rules());
      if (issues.length > 0) return invalid(issues);
      const next = Observation.parse({ ...fields, id, version: current.version + 1 });
      lastVersion.set(id, next.version);
      data.observations.splice(data.observations.indexOf(current), 1, next);
      writes.push({ method: 'PUT', path: `/api/observations/${id}`, body: body.raw });
      return HttpResponse.json({ observation: next });
    }),

    http.delete('/api/observations/:id', ({ request, params }) => {
      const refused = refuseAuth(request);
      if (refused) return refused;
      const id = pathId(params.id);
      const current = id ? findObservation(id) : undefined;
      if (!id || !current) return errorResponse(404, 'not_found', `No observation "${String(params.id)}".`);
      const raw = new URL(request.url).searchParams.get('version');
      const version = raw === null ? undefined : Number(raw);
      if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
        return errorResponse(400, 'bad_query', 'The query is not valid.', [{ path: 'version', message: 'must be a whole number from 1' }]);
      }
      if (version !== undefined && version !== current.version) return stale(current, version);
      data.observations.splice(data.observations.indexOf(current), 1);
      lastVersion.set(id, current.version + 1);
      writes.push({ method: 'DELETE', path: `/api/observations/${id}?version=${raw ?? ''}`, body: undefined });
      return HttpResponse.json({ observation: current });
    }),

    http.post('/api/sources', async ({ request }) => {
      const refused = refuseAuth(request);
      if (refused) return refused;
      const body = await readBody(request, NewSource);
      if (!body.ok) return body.response;
      const input = body.data;
      if (!data.units.some((u) => u.id === input.unitId)) {
        return invalid([{ path: 'unitId', message: `unknown unit "${input.unitId}"` }]);
      }
      const exists = (x: string) => data.sources.some((s) => s.id === x);
      if (input.id && exists(input.id)) {
        return errorResponse(409, 'conflict', 'This id already exists.', [{ path: 'id', message: `"${input.id}" already exists` }]);
      }
      const source = Source.parse({ ...input, id: input.id ?? firstFreeId(slug(`${input.unitId}-${input.heldOn}`), exists) });
      data.sources.push(source);
      writes.push({ method: 'POST', path: '/api/sources', body: body.raw });
      return HttpResponse.json({ source }, { status: 201 });
    }),
  ];

  return {
    /** Writes first, then the reads over the same copy (they replace the default reads). */
    handlers: [...writeHandlers, ...createHandlers(data)],
    /** The in-memory data as it is now. */
    data,
    /** Every accepted write, in order, with the body as sent. */
    writes,
  };
}

/** The handlers alone: `server.use(...createWriteHandlers())`. */
export function createWriteHandlers(options?: WriteApiOptions) {
  return createWriteApi(options).handlers;
}
