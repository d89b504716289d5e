/**
 * The write requests (DESIGN.md, "Writes"), each with an editor's token. Callers run them
 * through TanStack Query mutations and invalidate through `queryKeys` afterwards.
 */
import { ApiRequestError, apiRequest } from './client';
import {
  ApiError,
  ObservationConflict,
  ObservationResponse,
  ObservationsResponse,
  ResolutionConflict,
  ResolutionResponse,
  SessionResponse,
  SourceResponse,
  type ApiIssue,
  type NewObservation,
  type NewResolution,
  type NewSource,
  type Observation,
  type ObservationUpdate,
  type Resolution,
  type ResolutionUpdate,
  type Source,
} from './contract';

export function addObservations(batch: NewObservation[], token: string): Promise<Observation[]> {
  return apiRequest('/api/observations', ObservationsResponse, { method: 'POST', body: batch, token }).then(
    (r) => r.observations,
  );
}

export function updateObservation(id: string, update: ObservationUpdate, token: string): Promise<Observation> {
  return apiRequest(`/api/observations/${encodeURIComponent(id)}`, ObservationResponse, {
    method: 'PUT',
    body: update,
    token,
  }).then((r) => r.observation);
}

export function deleteObservation(id: string, version: number, token: string): Promise<Observation> {
  return apiRequest(`/api/observations/${encodeURIComponent(id)}?version=${version}`, ObservationResponse, {
    method: 'DELETE',
    token,
  }).then((r) => r.observation);
}

export function addSource(source: NewSource, token: string): Promise<Source> {
  return apiRequest('/api/sources', SourceResponse, { method: 'POST', body: source, token }).then((r) => r.source);
}

/** The current observation a 409 carries, when the error is a stale write. */
export function conflictOf(error: unknown): Observation | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return undefined;
  const parsed = ObservationConflict.safeParse(error.body);
  return parsed.success ? parsed.data.observation : undefined;
}

/** The `issues` of a refused write, if the server sent any. */
export function issuesOf(error: unknown): ApiIssue[] {
  if (!(error instanceof ApiRequestError)) return [];
  const parsed = ApiError.safeParse(error.body);
  return parsed.success ? (parsed.data.error.issues ?? []) : [];
}

/** What a token grants: an editor's or a viewer's role (and the units an editor is limited to), or nothing. */
export type TokenCheck = SessionResponse | 'invalid';

/**
 * Checks a token without changing anything: GET /api/session answers with the token's role (and
 * for an editor limited to some units, those units), or 401 for a missing, unknown or revoked
 * token. Network and server failures are thrown.
 */
export async function checkEditorToken(token: string): Promise<TokenCheck> {
  try {
    return await apiRequest('/api/session', SessionResponse, { token });
  } catch (error) {
    if (error instanceof ApiRequestError && error.kind === 'http' && error.status === 401) return 'invalid';
    throw error;
  }
}

// ---------------------------------------------------------------- resolutions

export function addResolution(resolution: NewResolution, token: string): Promise<Resolution> {
  return apiRequest('/api/resolutions', ResolutionResponse, { method: 'POST', body: resolution, token }).then((r) => r.resolution);
}

export function updateResolution(id: string, update: ResolutionUpdate, token: string): Promise<Resolution> {
  return apiRequest(`/api/resolutions/${encodeURIComponent(id)}`, ResolutionResponse, { method: 'PUT', body: update, token }).then((r) => r.resolution);
}

export function deleteResolution(id: string, version: number, token: string): Promise<Resolution> {
  return apiRequest(`/api/resolutions/${encodeURIComponent(id)}?version=${version}`, ResolutionResponse, { method: 'DELETE', token }).then((r) => r.resolution);
}

/** The current resolution a 409 carries, when the error is a stale write. */
export function resolutionConflictOf(error: unknown): Resolution | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return undefined;
  const parsed = ResolutionConflict.safeParse(error.body);
  return parsed.success ? parsed.data.resolution : undefined;
}
