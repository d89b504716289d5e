/**
 * The writes of the SQLite storage. Each runs in one IMMEDIATE transaction: it checks the
 * indicator's rules against what is stored, then writes everything or nothing.
 */
import {
  Indicator,
  Observation,
  Source,
  Unit,
  summarizeSource,
  type ApiIssue,
  type NewObservation,
  type NewSource,
  type ObservationFields,
  type ObservationUpdate,
} from '../../src/api/contract';
import { observationProblems, type RuleContext } from '../../src/api/rules';
import { firstFreeId, observationIdBase, sourceIdBase } from './ids';
import { recordOf, textOf } from './rows';
import { inTransaction, placeholders, type Db, type StatementCache } from './sqlite-db';
import type { WriteOutcome } from './types';

type Op = 'create' | 'update' | 'delete';

export class SqliteWrites {
  constructor(
    private readonly db: Db,
    private readonly stmts: StatementCache,
  ) {}

  addObservations(batch: NewObservation[], actor?: string): WriteOutcome<Observation[]> {
    checkActor(actor);
    return this.inTransaction((): WriteOutcome<Observation[]> => {
      const ctx = this.ruleContext(batch.map((o) => o.sourceId));
      const issues = batch.flatMap((o, i) => observationProblems(o, ctx, String(i)));
      if (issues.length > 0) return { ok: false, kind: 'invalid', issues };

      const conflicts: ApiIssue[] = [];
      const given = new Map<string, number>();
      batch.forEach((o, i) => {
        if (!o.id) return;
        if (given.has(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" appears twice in the batch` });
        else if (this.observationExists(o.id)) conflicts.push({ path: `${i}.id`, message: `"${o.id}" already exists` });
        given.set(o.id, i);
      });
      if (conflicts.length > 0) {
        return { ok: false, kind: 'conflict', message: 'Some ids already exist.', issues: conflicts };
      }

      const used = new Set(given.keys());
      const nextSuffix = new Map<string, number>(); // many items with one base stay linear
      const stored = batch.map((item) => {
        const { id: wanted, ...fields } = item;
        const base = observationIdBase(fields);
        const id =
          wanted ?? firstFreeId(base, (x) => used.has(x) || this.observationExists(x), nextSuffix.get(base));
        if (!wanted && id !== base) nextSuffix.set(base, Number(id.slice(base.length + 1)) + 1);
        used.add(id);
        const o = Observation.parse({ ...fields, id, version: this.lastVersion(id) + 1 });
        this.stmts
          .get(`INSERT INTO observations (id, unit_id, indicator_id, period, source_id, version, json)
            VALUES (?, ?, ?, ?, ?, ?, ?)`)
          .run(o.id, o.unitId, o.indicatorId, o.period, o.sourceId, o.version, JSON.stringify(o));
        this.history('create', o, actor);
        return o;
      });
      this.bumpRevision();
      return { ok: true, value: stored };
    });
  }

  updateObservation(id: string, update: ObservationUpdate, actor?: string): WriteOutcome<Observation> {
    checkActor(actor);
    return this.inTransaction((): WriteOutcome<Observation> => {
      const current = this.currentObservation(id);
      if (!current) return { ok: false, kind: 'not_found', message: `No observation "${id}".` };
      if (current.version !== update.version) return stale(current, update.version);
      const fields: ObservationFields = { ...update };
      delete (fields as Partial<ObservationUpdate>).version;
      const issues = observationProblems(fields, this.ruleContext([fields.sourceId]));
      if (issues.length > 0) return { ok: false, kind: 'invalid', issues };
      const next = Observation.parse({ ...fields, id, version: current.version + 1 });
      this.stmts
        .get(`UPDATE observations SET unit_id = ?, indicator_id = ?, period = ?, source_id = ?, version = ?, json = ?
          WHERE id = ? AND version = ?`)
        .run(next.unitId, next.indicatorId, next.period, next.sourceId, next.version, JSON.stringify(next), id, current.version);
      this.history('update', next, actor);
      this.bumpRevision();
      return { ok: true, value: next };
    });
  }

  deleteObservation(id: string, version?: number, actor?: string): WriteOutcome<Observation> {
    checkActor(actor);
    return this.inTransaction((): WriteOutcome<Observation> => {
      const current = this.currentObservation(id);
      if (!current) return { ok: false, kind: 'not_found', message: `No observation "${id}".` };
      if (version !== undefined && current.version !== version) return stale(current, version);
      this.stmts.get('DELETE FROM observations WHERE id = ?').run(id);
      this.history('delete', { ...current, version: current.version + 1 }, actor);
      this.bumpRevision();
      return { ok: true, value: current };
    });
  }

  addSource(input: NewSource, actor?: string): WriteOutcome<Source> {
    checkActor(actor);
    return this.inTransaction((): WriteOutcome<Source> => {
      if (!this.stmts.get('SELECT 1 FROM units WHERE id = ?').get(input.unitId)) {
        return { ok: false, kind: 'invalid', issues: [{ path: 'unitId', message: `unknown unit "${input.unitId}"` }] };
      }
      const exists = (x: string) => this.stmts.get('SELECT 1 FROM sources WHERE id = ?').get(x) !== undefined;
      if (input.id && exists(input.id)) {
        return {
          ok: false,
          kind: 'conflict',
          message: 'This id already exists.',
          issues: [{ path: 'id', message: `"${input.id}" already exists` }],
        };
      }
      const source = Source.parse({ ...input, id: input.id ?? firstFreeId(sourceIdBase(input), exists) });
      this.stmts
        .get('INSERT INTO sources (id, unit_id, json, text, added_by) VALUES (?, ?, ?, ?, ?)')
        .run(source.id, source.unitId, JSON.stringify(summarizeSource(source)), source.text ?? null, actor ?? null);
      this.bumpRevision();
      return { ok: true, value: source };
    });
  }

  bumpRevision(): void {
    this.stmts.get("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run();
  }

  /** Runs `fn` in an IMMEDIATE transaction; a refused write (ok: false) is rolled back too. */
  private inTransaction<T>(fn: () => WriteOutcome<T>): WriteOutcome<T> {
    const refused = new Error('refused');
    let outcome: WriteOutcome<T> | undefined;
    try {
      inTransaction(this.db, () => {
        outcome = fn();
        if (!outcome.ok) throw refused;
      });
    } catch (err) {
      if (err !== refused) throw err;
    }
    return outcome!;
  }

  private ruleContext(sourceIds: string[]): RuleContext {
    // texts as bytes, decoded strictly (rows.ts): a damaged row fails this write, not the process
    const units = (this.stmts.get('SELECT CAST(json AS BLOB) AS json FROM units').all() as { json: unknown }[]).map(
      (r) => recordOf(Unit, r.json, 'a row of units'),
    );
    const indicators = (
      this.stmts.get('SELECT CAST(json AS BLOB) AS json FROM indicators').all() as { json: unknown }[]
    ).map((r) => recordOf(Indicator, r.json, 'a row of indicators'));
    const wanted = [...new Set(sourceIds)];
    const sources = new Map<string, { id: string }>();
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = this.stmts
        .get(`SELECT CAST(id AS BLOB) AS id FROM sources WHERE id IN (${placeholders(chunk.length)})`)
        .all(...chunk) as { id: unknown }[];
      for (const r of rows) {
        const id = textOf(r.id, 'the id of a source');
        sources.set(id, { id });
      }
    }
    return {
      units: new Map(units.map((u) => [u.id, u])),
      indicators: new Map(indicators.map((x) => [x.id, x])),
      sources,
    };
  }

  private observationExists(id: string): boolean {
    return this.stmts.get('SELECT 1 FROM observations WHERE id = ?').get(id) !== undefined;
  }

  private currentObservation(id: string): Observation | undefined {
    const row = this.stmts.get('SELECT CAST(json AS BLOB) AS json FROM observations WHERE id = ?').get(id) as
      | { json: unknown }
      | undefined;
    return row ? recordOf(Observation, row.json, 'an observation') : undefined;
  }

  /** The highest version this id ever had (0 if none), so a re-created id never reuses a version. */
  private lastVersion(id: string): number {
    const row = this.stmts
      .get('SELECT max(version) AS v FROM observation_history WHERE observation_id = ?')
      .get(id) as { v: number | null };
    return row.v ?? 0;
  }

  private history(op: Op, o: Observation, actor: string | undefined): void {
    this.stmts
      .get('INSERT INTO observation_history (observation_id, version, op, json, changed_at, actor) VALUES (?, ?, ?, ?, ?, ?)')
      .run(o.id, o.version, op, JSON.stringify(o), new Date().toISOString(), actor ?? null);
  }
}

/**
 * Who made a change: a token's short id (8 hex digits of its hash), never the token itself, so
 * anything longer than an id is refused before it could be stored.
 */
function checkActor(actor: string | undefined): void {
  if (actor !== undefined && !/^[A-Za-z0-9_-]{1,16}$/.test(actor)) {
    throw new TypeError('actor must be a short token id (up to 16 letters, digits, - or _), never a token');
  }
}

function stale(current: Observation, seen: number): WriteOutcome<never> {
  return {
    ok: false,
    kind: 'conflict',
    message: `The observation changed since version ${seen}; it is now at version ${current.version}.`,
    issues: [{ path: 'version', message: `stale version ${seen}, current is ${current.version}` }],
    current,
  };
}
