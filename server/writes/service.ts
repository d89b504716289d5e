/**
 * The rules of a write, in one place: who may write which unit, the indicator's rules
 * (src/api/rules.ts) against what is stored, ids for new records, the version check (a 409
 * carries the current record), and the history of every change with who made it, all inside
 * one transaction of a repository (repository.ts). The caller has parsed the body with the
 * contract. The server runs it over SQLite, the msw handlers over memory; browser-safe.
 */
import {
  Observation,
  Source,
  type ApiIssue,
  type NewObservation,
  type NewSource,
  type ObservationFields,
  type ObservationUpdate,
  type Unit,
} from '../../src/api/contract';
import { containersOf } from '../../src/api/units';
import { observationProblems, ruleContext, sourceProblems, type RuleContext } from '../../src/api/rules';
import { firstFreeId, observationIdBase, sourceIdBase } from './ids';
import { reportTextHash, sameReportText } from './report-text';
import type { HistoryEntry, WriteRepository, WriteTx } from './repository';

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
  | { ok: false; kind: 'conflict'; message: string; issues?: ApiIssue[]; current?: Observation };

export type WriteRefusal = Exclude<WriteOutcome<unknown>, { ok: true }>;

/** The writes of the API; each stores everything or nothing. */
export interface Writes {
  /** Stores every item or none; each new observation has the version after the id's last one (1 for a new id). */
  addObservations(batch: NewObservation[], actor?: Actor): Promise<WriteOutcome<Observation[]>>;
  /** Replaces an observation if `update.version` is its current version; version grows by one. */
  updateObservation(id: string, update: ObservationUpdate, actor?: Actor): Promise<WriteOutcome<Observation>>;
  /** Deletes an observation (if `version` is given, only when it is the current one). */
  deleteObservation(id: string, version?: number, actor?: Actor): Promise<WriteOutcome<Observation>>;
  /**
   * Stores a report; the same report again (its unit, and its text as report-text.ts compares
   * texts) is not stored twice: the stored one is the answer, with `existing`.
   */
  addSource(source: NewSource, actor?: Actor): Promise<WriteOutcome<Source>>;
}

export class WriteService implements Writes {
  constructor(
    private readonly repository: WriteRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  addObservations(batch: NewObservation[], actor: Actor = {}): Promise<WriteOutcome<Observation[]>> {
    return this.run(actor, async (tx) => {
      const foreign = outOfScope(actor, batch.map((o, i) => [`${i}.unitId`, o.unitId]));
      if (foreign) return foreign;
      const ctx = await ruleContextOf(tx, batch);
      const issues = batch.flatMap((o, i) => observationProblems(o, ctx, String(i)));
      if (issues.length > 0) return { ok: false, kind: 'invalid', issues };

      const conflicts: ApiIssue[] = [];
      const given = new Set<string>();
      for (const [i, o] of batch.entries()) {
        if (!o.id) continue;
        if (given.has(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" appears twice in the batch` });
        else if (await tx.observationExists(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" already exists` });
        given.add(o.id);
      }
      if (conflicts.length > 0) return { ok: false, kind: 'conflict', message: 'Some ids already exist.', issues: conflicts };

      const used = new Set(given);
      const nextSuffix = new Map<string, number>(); // many items with one base stay linear
      const taken = async (x: string) => used.has(x) || (await tx.observationExists(x));
      const stored: Observation[] = [];
      for (const item of batch) {
        const { id: wanted, ...fields } = item;
        const base = observationIdBase(fields);
        const id = wanted ?? (await firstFreeId(base, taken, nextSuffix.get(base)));
        if (!wanted && id !== base) nextSuffix.set(base, Number(id.slice(base.length + 1)) + 1);
        used.add(id);
        const o = Observation.parse({ ...fields, id, version: (await tx.lastVersion(id)) + 1 });
        await tx.insertObservation(o);
        await tx.appendHistory(this.entry('create', o, actor));
        stored.push(o);
      }
      await tx.bumpRevision();
      return { ok: true, value: stored };
    });
  }

  updateObservation(id: string, update: ObservationUpdate, actor: Actor = {}): Promise<WriteOutcome<Observation>> {
    return this.run(actor, async (tx) => {
      const current = await tx.observation(id);
      if (!current) return notFound(id);
      const foreign = outOfScope(actor, [['unitId', current.unitId], ['unitId', update.unitId]]);
      if (foreign) return foreign;
      if (current.version !== update.version) return stale(current, update.version);
      const fields: ObservationFields & { version?: number } = { ...update };
      delete fields.version;
      const issues = observationProblems(fields, await ruleContextOf(tx, [fields]));
      if (issues.length > 0) return { ok: false, kind: 'invalid', issues };
      const next = Observation.parse({ ...fields, id, version: current.version + 1 });
      await tx.updateObservation(next, current.version);
      await tx.appendHistory(this.entry('update', next, actor));
      await tx.bumpRevision();
      return { ok: true, value: next };
    });
  }

  deleteObservation(id: string, version?: number, actor: Actor = {}): Promise<WriteOutcome<Observation>> {
    return this.run(actor, async (tx) => {
      const current = await tx.observation(id);
      if (!current) return notFound(id);
      const foreign = outOfScope(actor, [['unitId', current.unitId]]);
      if (foreign) return foreign;
      if (version !== undefined && current.version !== version) return stale(current, version);
      await tx.deleteObservation(id);
      await tx.appendHistory(this.entry('delete', { ...current, version: current.version + 1 }, actor));
      await tx.bumpRevision();
      return { ok: true, value: current };
    });
  }

  async addSource(input: NewSource, actor: Actor = {}): Promise<WriteOutcome<Source>> {
    // hashed before the transaction, which then waits on nothing but its store
    const textHash = await reportTextHash(input.text);
    return this.run(actor, async (tx) => {
      const foreign = outOfScope(actor, [['unitId', input.unitId]]);
      if (foreign) return foreign;
      const issues = sourceProblems(input, ruleContext(await tx.units([input.unitId]), [], []));
      if (issues.length > 0) return { ok: false, kind: 'invalid', issues };
      if (input.id && (await tx.sourceExists(input.id))) {
        return {
          ok: false,
          kind: 'conflict',
          message: 'This id already exists.',
          issues: [{ path: 'id', message: `"${input.id}" already exists` }],
        };
      }
      if (textHash) {
        const same = (await tx.sourcesWithTextHash(input.unitId, textHash)).find((s) => sameReportText(s.text, input.text));
        if (same) return { ok: true, value: same, existing: true };
      }
      const id = input.id ?? (await firstFreeId(sourceIdBase(input), (x) => tx.sourceExists(x)));
      const source = Source.parse({ ...input, id });
      await tx.insertSource(source, actor.id, textHash);
      await tx.bumpRevision();
      return { ok: true, value: source };
    });
  }

  private entry(op: HistoryEntry['op'], observation: Observation, actor: Actor): HistoryEntry {
    return { op, observation, changedAt: this.now().toISOString(), actor: actor.id };
  }

  /** Runs a write in one transaction; a refusal rolls back whatever the write did before it. */
  private async run<T>(actor: Actor, write: (tx: WriteTx) => Promise<WriteOutcome<T>>): Promise<WriteOutcome<T>> {
    checkActor(actor);
    const refusal = new Refused();
    try {
      return await this.repository.transaction(async (tx) => {
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

/** A 403 naming each unit the actor may not write, with the path that names it; undefined when all are the actor's. */
function outOfScope(actor: Actor, named: [path: string, unitId: string][]): WriteRefusal | undefined {
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
    message: `This token may not write figures or sources of ${units.length > 1 ? 'units' : 'unit'} ${quoted(units)}; it may write only ${quoted(allowed)}. Nothing was written.`,
    issues: issues.slice(0, 20),
  };
}

/**
 * The rules' view of what the figures name: their units with every unit that contains them (a
 * figure may cite a report of its former district), their indicators, their sources with each
 * source's unit.
 */
async function ruleContextOf(tx: WriteTx, figures: readonly ObservationFields[]): Promise<RuleContext> {
  const distinct = (pick: (o: ObservationFields) => string) => [...new Set(figures.map(pick))];
  const [units, indicators, sources] = await Promise.all([
    withContainers(tx, distinct((o) => o.unitId)),
    tx.indicators(distinct((o) => o.indicatorId)),
    tx.sources(distinct((o) => o.sourceId)),
  ]);
  return ruleContext(units, indicators, sources, containersOf(units));
}

/** The units of these ids and, level by level, the units that contain them (parentIds). */
async function withContainers(tx: WriteTx, ids: readonly string[]): Promise<Unit[]> {
  const found = new Map<string, Unit>();
  const asked = new Set<string>();
  for (let wanted = [...new Set(ids)]; wanted.length > 0; ) {
    for (const id of wanted) asked.add(id);
    for (const u of await tx.units(wanted)) found.set(u.id, u);
    wanted = [...new Set([...found.values()].flatMap((u) => u.parentIds ?? []))].filter((id) => !asked.has(id));
  }
  return [...found.values()];
}

function notFound(id: string): WriteRefusal {
  return { ok: false, kind: 'not_found', message: `No observation "${id}".` };
}

function stale(current: Observation, seen: number): WriteRefusal {
  return {
    ok: false,
    kind: 'conflict',
    message: `The observation changed since version ${seen}; it is now at version ${current.version}.`,
    issues: [{ path: 'version', message: `stale version ${seen}, current is ${current.version}` }],
    current,
  };
}
