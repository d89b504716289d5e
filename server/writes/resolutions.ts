/**
 * The writes of resolutions, with the rules of every write (write-run.ts): a limited token writes
 * its units' resolutions only (403 naming the unit), the contract's and the store's rules
 * (resolution-rules.ts) refuse what cannot be judged with the path of each field, a unit has one
 * resolution per term and per year and keeps at most RESOLUTION_LIMITS.perUnit of them, ids are made from unit and term or year (a target's
 * from its number), a stale version is a 409 carrying the resolution as it is, and every change
 * is kept in the history with who made it. One transaction each: nothing is half written.
 * Browser-safe (the msw handlers run it too).
 */
import {
  RESOLUTION_LIMITS,
  Resolution,
  type NewResolution,
  type NewResolutionTarget,
  type ResolutionTarget,
  type ResolutionUpdate,
} from '../../src/api/contract';
import { ruleContext } from '../../src/api/rules';
import { containersOf } from '../../src/api/units';
import { firstFreeId, resolutionIdBase } from './ids';
import type { ResolutionHistoryEntry, WriteRepository, WriteTx } from './repository';
import { resolutionProblems } from './resolution-rules';
import { outOfScope, runWrite, withContainers, type Actor, type WriteOutcome, type WriteRefusal } from './write-run';
import { notFound, staleResolution } from './refusals';

export interface ResolutionWrites {
  /** Stores a new resolution with its targets; version 1, or the one after its id's last. */
  addResolution(input: NewResolution, actor?: Actor): Promise<WriteOutcome<Resolution>>;
  /** Replaces a resolution (all its targets) if `update.version` is its current version; version grows by one. */
  updateResolution(id: string, update: ResolutionUpdate, actor?: Actor): Promise<WriteOutcome<Resolution>>;
  /** Deletes a resolution with its targets (if `version` is given, only when it is the current one). */
  deleteResolution(id: string, version?: number, actor?: Actor): Promise<WriteOutcome<Resolution>>;
}

const WHAT = 'resolutions';

export class ResolutionService implements ResolutionWrites {
  constructor(
    private readonly repository: WriteRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  addResolution(input: NewResolution, actor: Actor = {}): Promise<WriteOutcome<Resolution>> {
    return runWrite(this.repository, actor, async (tx) => {
      const foreign = outOfScope(actor, [['unitId', input.unitId]], WHAT);
      if (foreign) return foreign;
      const { id: wanted, ...fields } = input;
      const refused = await problemsOf(tx, fields);
      if (refused) return refused;
      if (wanted && (await tx.resolutionExists(wanted))) {
        return { ok: false, kind: 'conflict', message: 'This id already exists.', issues: [{ path: 'id', message: `"${wanted}" already exists` }] };
      }
      const clash = await taken(tx, fields);
      if (clash) return clash;
      const id = wanted ?? (await firstFreeId(resolutionIdBase(fields), (x) => tx.resolutionExists(x)));
      const resolution = Resolution.parse({ ...fields, targets: withTargetIds(fields.targets), id, version: (await tx.lastResolutionVersion(id)) + 1 });
      await tx.insertResolution(resolution);
      await tx.appendResolutionHistory(this.entry('create', resolution, actor));
      await tx.bumpRevision();
      return { ok: true, value: resolution };
    });
  }

  updateResolution(id: string, update: ResolutionUpdate, actor: Actor = {}): Promise<WriteOutcome<Resolution>> {
    return runWrite(this.repository, actor, async (tx) => {
      const current = await tx.resolution(id);
      if (!current) return notFound('resolution', id);
      const foreign = outOfScope(actor, [['unitId', current.unitId], ['unitId', update.unitId]], WHAT);
      if (foreign) return foreign;
      if (current.version !== update.version) return staleResolution(current, update.version);
      const fields: Omit<ResolutionUpdate, 'version'> & { version?: number } = { ...update };
      delete fields.version;
      const refused = await problemsOf(tx, fields);
      if (refused) return refused;
      const clash = await taken(tx, fields, id);
      if (clash) return clash;
      const next = Resolution.parse({ ...fields, targets: withTargetIds(fields.targets), id, version: current.version + 1 });
      await tx.updateResolution(next, current.version);
      await tx.appendResolutionHistory(this.entry('update', next, actor));
      await tx.bumpRevision();
      return { ok: true, value: next };
    });
  }

  deleteResolution(id: string, version?: number, actor: Actor = {}): Promise<WriteOutcome<Resolution>> {
    return runWrite(this.repository, actor, async (tx) => {
      const current = await tx.resolution(id);
      if (!current) return notFound('resolution', id);
      const foreign = outOfScope(actor, [['unitId', current.unitId]], WHAT);
      if (foreign) return foreign;
      if (version !== undefined && current.version !== version) return staleResolution(current, version);
      await tx.deleteResolution(id);
      await tx.appendResolutionHistory(this.entry('delete', { ...current, version: current.version + 1 }, actor));
      await tx.bumpRevision();
      return { ok: true, value: current };
    });
  }

  private entry(op: ResolutionHistoryEntry['op'], resolution: Resolution, actor: Actor): ResolutionHistoryEntry {
    return { op, resolution, changedAt: this.now().toISOString(), actor: actor.id };
  }
}

/** The store's rules (the contract's were checked when the body was parsed): a 400 with every problem, or undefined. */
async function problemsOf(tx: WriteTx, r: Omit<NewResolution, 'id'>): Promise<WriteRefusal | undefined> {
  const indicatorIds = [...new Set(r.targets.flatMap((t) => (t.indicatorId ? [t.indicatorId] : [])))];
  const [units, indicators, sources] = await Promise.all([
    withContainers(tx, [r.unitId]),
    tx.indicators(indicatorIds),
    tx.sources(r.sourceId ? [r.sourceId] : []),
  ]);
  const issues = resolutionProblems(r, ruleContext(units, indicators, sources, containersOf(units)));
  return issues.length > 0 ? { ok: false, kind: 'invalid', issues: issues.slice(0, 20) } : undefined;
}

/**
 * A 409 when the unit already has the resolution of that term or year (one is corrected, not
 * given twice: the page shows the one in force), or keeps as many resolutions as it may.
 * `except`: the resolution being corrected.
 */
async function taken(tx: WriteTx, r: Pick<Resolution, 'unitId' | 'kind' | 'term' | 'year'>, except?: string): Promise<WriteRefusal | undefined> {
  const others = (await tx.resolutionsOf(r.unitId)).filter((o) => o.id !== except);
  const same = others.find((o) => o.kind === r.kind && (r.kind === 'term' ? o.term === r.term : o.year === r.year));
  if (same) {
    const what = r.kind === 'term' ? `the resolution of the term ${r.term}` : `the resolution of the year ${r.year}`;
    return {
      ok: false,
      kind: 'conflict',
      message: `Unit "${r.unitId}" already has ${what} ("${same.id}"): correct that one instead; nothing was written.`,
      issues: [{ path: r.kind === 'term' ? 'term' : 'year', message: `unit "${r.unitId}" already has ${what}: "${same.id}"` }],
    };
  }
  const max = RESOLUTION_LIMITS.perUnit;
  if (others.length < max) return undefined;
  return {
    ok: false,
    kind: 'conflict',
    message: `Unit "${r.unitId}" already has ${max} resolutions, the most kept for one unit; nothing was written.`,
    issues: [{ path: 'unitId', message: `unit "${r.unitId}" already has ${max} resolutions: delete an old one first` }],
  };
}

/** Every target with an id: its own, or "ct-NUMBER" (the first free one among the list's ids). */
function withTargetIds(targets: readonly NewResolutionTarget[]): ResolutionTarget[] {
  const used = new Set(targets.flatMap((t) => (t.id ? [t.id] : [])));
  return targets.map((t) => {
    if (t.id) return { ...t, id: t.id };
    let id = `ct-${t.number}`;
    for (let n = 2; used.has(id); n++) id = `ct-${t.number}-${n}`;
    used.add(id);
    return { ...t, id };
  });
}
