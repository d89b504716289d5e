/**
 * What every write of the service shares: who asks (the actor: a token's short id and the units
 * it may write), what a write did (its outcome), one transaction per write whose refusal rolls
 * back everything it did, and the 403 of a unit the token may not write. Browser-safe.
 */
import type { ApiIssue, Observation, Resolution, Unit } from '../../src/api/contract';
import type { WriteRepository, WriteTx } from './repository';

/** Who asks for a write. */
export interface Actor {
  /** The short id of the request's token (never the token): kept with each change. */
  id?: string;
  /** The only units the token may write (figures and sources); absent: every unit. */
  units?: readonly string[];
}

/** What a write did: its result (`existing`: a record already stored, and nothing written), or why nothing was written. */
export type WriteOutcome<T> =
  | { ok: true; value: T; existing?: true }
  | { ok: false; kind: 'invalid'; issues: ApiIssue[] }
  | { ok: false; kind: 'forbidden'; message: string; issues: ApiIssue[] }
  | { ok: false; kind: 'not_found'; message: string }
  | { ok: false; kind: 'conflict'; message: string; issues?: ApiIssue[]; current?: Observation; currentResolution?: Resolution };

export type WriteRefusal = Exclude<WriteOutcome<unknown>, { ok: true }>;

/** Runs a write in one transaction of the repository; a refusal rolls back whatever the write did before it. */
export async function runWrite<T>(
  repository: WriteRepository,
  actor: Actor,
  write: (tx: WriteTx) => Promise<WriteOutcome<T>>,
): Promise<WriteOutcome<T>> {
  checkActor(actor);
  const refusal = new Refused();
  try {
    return await repository.transaction(async (tx) => {
      const outcome = await write(tx);
      if (!outcome.ok) {
        refusal.outcome = outcome;
        throw refusal;
      }
      return outcome;
    });
  } catch (err) {
    if (err === refusal && refusal.outcome) return refusal.outcome;
    throw err;
  }
}

class Refused {
  outcome?: WriteRefusal;
}

/**
 * Who made a change: a token's short id (8 hex digits of its hash), never the token itself, so
 * anything longer than an id is refused before it could be stored.
 */
function checkActor(actor: Actor): void {
  if (actor.id !== undefined && !/^[A-Za-z0-9_-]{1,16}$/.test(actor.id)) {
    throw new TypeError('actor must be a short token id (up to 16 letters, digits, - or _), never a token');
  }
}

const quoted = (ids: readonly string[]) => ids.map((u) => `"${u}"`).join(', ');

/**
 * A 403 naming each unit the actor may not write, with the path that names it; undefined when all
 * are the actor's. `what`: what the token may not write of those units.
 */
export function outOfScope(actor: Actor, named: [path: string, unitId: string][], what = 'figures or sources'): WriteRefusal | undefined {
  const allowed = actor.units;
  if (!allowed) return undefined;
  const issues: ApiIssue[] = [];
  for (const [path, unitId] of named) {
    if (allowed.includes(unitId)) continue;
    const message = `this token may not write unit "${unitId}"`;
    if (!issues.some((i) => i.path === path && i.message === message)) issues.push({ path, message });
  }
  if (issues.length === 0) return undefined;
  const units = [...new Set(named.map(([, u]) => u).filter((u) => !allowed.includes(u)))];
  return {
    ok: false,
    kind: 'forbidden',
    message: `This token may not write ${what} of ${units.length > 1 ? 'units' : 'unit'} ${quoted(units)}; it may write only ${quoted(allowed)}. Nothing was written.`,
    issues: issues.slice(0, 20),
  };
}

/** The units of these ids and, level by level, the units that contain them (parentIds). */
export async function withContainers(tx: WriteTx, ids: readonly string[]): Promise<Unit[]> {
  const found = new Map<string, Unit>();
  const asked = new Set<string>();
  for (let wanted = [...new Set(ids)]; wanted.length > 0; ) {
    for (const id of wanted) asked.add(id);
    for (const u of await tx.units(wanted)) found.set(u.id, u);
    wanted = [...new Set([...found.values()].flatMap((u) => u.parentIds ?? []))].filter((id) => !asked.has(id));
  }
  return [...found.values()];
}
