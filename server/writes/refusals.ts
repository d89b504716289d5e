/**
 * The refusals of a write to a stored record named by its id, worded alike for observations and
 * resolutions: no such record (404), or a version the client saw that is no longer the current
 * one (409, carrying the record as it is now). Browser-safe (the msw handlers run it too).
 */
import type { Observation, Resolution } from '../../src/api/contract';
import type { WriteRefusal } from './write-run';

type Conflict = Extract<WriteRefusal, { kind: 'conflict' }>;

export function notFound(what: 'observation' | 'resolution', id: string): WriteRefusal {
  return { ok: false, kind: 'not_found', message: `No ${what} "${id}".` };
}

function staleVersion(what: 'observation' | 'resolution', current: number, seen: number): Conflict {
  return {
    ok: false,
    kind: 'conflict',
    message: `The ${what} changed since version ${seen}; it is now at version ${current}.`,
    issues: [{ path: 'version', message: `stale version ${seen}, current is ${current}` }],
  };
}

export function staleObservation(current: Observation, seen: number): WriteRefusal {
  return { ...staleVersion('observation', current.version, seen), current };
}

export function staleResolution(current: Resolution, seen: number): WriteRefusal {
  return { ...staleVersion('resolution', current.version, seen), currentResolution: current };
}
