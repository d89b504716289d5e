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
  type NewResolution,
  type Resolution,
  type ResolutionUpdate,
} from '../../src/api/contract';
import { containersOf } from '../../src/api/units';
import { observationProblems, ruleContext, sourceProblems, type RuleContext } from '../../src/api/rules';
import { firstFreeId, observationIdBase, sourceIdBase } from './ids';
import { reportTextHash, sameReportText } from './report-text';
import type { HistoryEntry, WriteRepository, WriteTx } from './repository';
import { ResolutionService, type ResolutionWrites } from './resolutions';
import { outOfScope, runWrite, withContainers, type Actor, type WriteOutcome } from './write-run';
import { notFound, staleObservation } from './refusals';

export type { Actor, WriteOutcome, WriteRefusal } from './write-run';

/** The writes of the API; each stores everything or nothing. */
export interface Writes extends ResolutionWrites {
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
  private readonly resolutions: ResolutionService;

  constructor(
    private readonly repository: WriteRepository,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.resolutions = new ResolutionService(repository, now);
  }

  addResolution(input: NewResolution, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.resolutions.addResolution(input, actor);
  }

  updateResolution(id: string, update: ResolutionUpdate, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.resolutions.updateResolution(id, update, actor);
  }

  deleteResolution(id: string, version?: number, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.resolutions.deleteResolution(id, version, actor);
  }

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
      if (!current) return notFound('observation', id);
      const foreign = outOfScope(actor, [['unitId', current.unitId], ['unitId', update.unitId]]);
      if (foreign) return foreign;
      if (current.version !== update.version) return staleObservation(current, update.version);
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
      if (!current) return notFound('observation', id);
      const foreign = outOfScope(actor, [['unitId', current.unitId]]);
      if (foreign) return foreign;
      if (version !== undefined && current.version !== version) return staleObservation(current, version);
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

  private run<T>(actor: Actor, write: (tx: WriteTx) => Promise<WriteOutcome<T>>): Promise<WriteOutcome<T>> {
    return runWrite(this.repository, actor, write);
  }
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
