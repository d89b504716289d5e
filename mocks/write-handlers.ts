/**
 * The write API in msw: the server's own write service (server/writes) over an in-memory copy
 * of data/, behind the same endpoints (server/writes/endpoints.ts) and token checks, so it
 * answers as the real server does (the write conformance suite compares the two). The reads
 * are served from the same copy, so a write shows at once. GET /api/session tells a token's role
 * and, for an editor limited to some units, those units.
 *
 *   const api = createWriteApi();          // tokens: EDITOR_TOKEN, VIEWER_TOKEN
 *   server.use(...api.handlers);           // in a test; api.writes logs every accepted write
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { MemoryWriteRepository } from '../server/writes/memory-repository';
import { WriteService } from '../server/writes/service';
import { bearerToken, roleTooLowAnswer, sessionAnswer, unauthorizedAnswer, type Answer } from '../server/writes/answers';
import { writeEndpoints } from '../server/writes/endpoints';
import { loadDataset, type Dataset } from '../data';
import type { Resolution } from '../src/api/contract';
import { createHandlers } from './handlers';

export const EDITOR_TOKEN = 'test-editor-token-0123456789abcdef';
export const VIEWER_TOKEN = 'test-viewer-token-0123456789abcdef';

/** An editor's token limited to some units (the server's `editor:TOKEN:UNIT_ID,UNIT_ID`). */
export interface LimitedToken {
  token: string;
  units: string[];
}

export interface WriteApiOptions {
  dataset?: Dataset;
  tokens?: { editor?: (string | LimitedToken)[]; viewer?: string[] };
}

export interface WriteLogEntry {
  method: string;
  path: string;
  body: unknown;
}

interface Grant {
  role: 'editor' | 'viewer';
  units?: string[];
}

const reply = (a: Answer) => HttpResponse.json(a.body as JsonBodyType, { status: a.status, headers: a.headers });

/** A token's short id, as server/auth/tokens.ts makes it: the first 8 hex digits of its SHA-256. */
async function tokenId(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return [...hash.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createWriteApi({ dataset, tokens }: WriteApiOptions = {}) {
  // a deep copy, so that one test's writes never leak into another's; the reads share its resolutions
  const data: Dataset & { resolutions: Resolution[] } = { resolutions: [], ...structuredClone(dataset ?? loadDataset()) };
  const repository = new MemoryWriteRepository(data);
  const endpoints = writeEndpoints(new WriteService(repository));
  const grants = new Map<string, Grant>();
  for (const t of tokens?.viewer ?? [VIEWER_TOKEN]) grants.set(t, { role: 'viewer' });
  for (const t of tokens?.editor ?? [EDITOR_TOKEN]) {
    if (typeof t === 'string') grants.set(t, { role: 'editor' });
    else grants.set(t.token, { role: 'editor', units: t.units });
  }
  const writes: WriteLogEntry[] = [];

  const grantOf = (request: Request) => {
    const token = bearerToken(request.headers.get('authorization'));
    const grant = token ? grants.get(token) : undefined;
    return token && grant ? { token, grant } : undefined;
  };

  /** An endpoint behind the editor check of server/auth/require-role.ts; accepted writes are logged. */
  const endpoint =
    (name: keyof typeof endpoints) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      const found = grantOf(request);
      if (!found) return reply(unauthorizedAnswer());
      if (found.grant.role !== 'editor') return reply(roleTooLowAnswer('editor'));
      let sent: string | undefined;
      const url = new URL(request.url);
      const answer = await endpoints[name](
        {
          contentType: request.headers.get('content-type'),
          text: async () => (sent = await request.text()),
          id: typeof params.id === 'string' ? params.id : undefined,
          query: url.searchParams,
        },
        { id: await tokenId(found.token), units: found.grant.units },
      );
      if (answer.status < 300) {
        writes.push({ method: request.method, path: url.pathname + url.search, body: sent === undefined ? undefined : JSON.parse(sent) });
      }
      return reply(answer);
    };

  const writeHandlers = [
    http.get('/api/session', ({ request }) => reply(sessionAnswer(grantOf(request)?.grant))),
    http.post('/api/observations', endpoint('addObservations')),
    http.put('/api/observations/:id', endpoint('updateObservation')),
    http.delete('/api/observations/:id', endpoint('deleteObservation')),
    http.post('/api/sources', endpoint('addSource')),
    http.post('/api/resolutions', endpoint('addResolution')),
    http.put('/api/resolutions/:id', endpoint('updateResolution')),
    http.delete('/api/resolutions/:id', endpoint('deleteResolution')),
  ];

  return {
    /** Writes first, then the reads over the same copy (they replace the default reads). */
    handlers: [...writeHandlers, ...createHandlers(data)],
    /** The in-memory data as it is now. */
    data,
    /** Every accepted write, in order, with the body as sent. */
    writes,
    /** Every change of a figure with who made it (the server's observation_history). */
    history: repository.history,
    /** Every change of a resolution with who made it (the server's resolution_history). */
    resolutionHistory: repository.resolutionHistory,
  };
}
