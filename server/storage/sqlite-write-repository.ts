/**
 * The write service's repository (server/writes/repository.ts) over SQLite. Each transaction is
 * IMMEDIATE (it takes the write lock at once) and they run one after another on the one
 * connection. The statements are synchronous (libsql), so a transaction, once begun, runs to
 * COMMIT without waiting for any I/O: no request's I/O arrives in between, and the queue keeps
 * two writes from nesting.
 *
 * As everywhere in this storage, texts are read as bytes and decoded strictly (rows.ts), and a
 * SQLite error a client should hear of (a full disk, a damaged file) leaves as a StorageFailure.
 */
import { Indicator, Observation, Resolution, Unit, summarizeSource, type Source } from '../../src/api/contract';
import type { RuleSource } from '../../src/api/rules';
import type { HistoryEntry, ResolutionHistoryEntry, WriteRepository, WriteTx } from '../writes/repository';
import { asStorageFailure } from './errors';
import { recordOf, sourceOfRow, textOf } from './rows';
import { inAsyncTransaction, placeholders, type Db, type StatementCache } from './sqlite-db';

/** The most values in one IN list (SQLite allows 32766 parameters; small lists keep few statement shapes). */
const CHUNK = 500;

export class SqliteWriteRepository implements WriteRepository {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tx: WriteTx;

  constructor(
    private readonly db: Db,
    private readonly stmts: StatementCache,
  ) {
    this.tx = this.makeTx();
  }

  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(() =>
      inAsyncTransaction(this.db, () => fn(this.tx)).catch((err: unknown) => {
        throw asStorageFailure(err) ?? err;
      }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Outside the service: the seed, in its own transaction, says that everything changed. */
  bumpRevision(): void {
    this.stmts.get("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run();
  }

  private makeTx(): WriteTx {
    const one = (sql: string, ...params: unknown[]) => this.stmts.get(sql).get(...params);
    const run = (sql: string, ...params: unknown[]) => void this.stmts.get(sql).run(...params);
    /** The rows `select` gives for ids, asked in chunks. */
    const byIds = <R>(ids: readonly string[], select: (list: string) => string): R[] => {
      const wanted = [...new Set(ids)];
      const rows: R[] = [];
      for (let i = 0; i < wanted.length; i += CHUNK) {
        const chunk = wanted.slice(i, i + CHUNK);
        rows.push(...(this.stmts.get(select(placeholders(chunk.length))).all(...chunk) as R[]));
      }
      return rows;
    };
    const jsonOf = (table: 'units' | 'indicators', ids: readonly string[]) =>
      byIds<{ json: unknown }>(ids, (list) => `SELECT CAST(json AS BLOB) AS json FROM ${table} WHERE id IN (${list})`).map((r) => r.json);

    return {
      observation: async (id) => {
        const row = one('SELECT CAST(json AS BLOB) AS json FROM observations WHERE id = ?', id) as { json: unknown } | undefined;
        return row ? recordOf(Observation, row.json, 'an observation') : undefined;
      },
      observationExists: async (id) => one('SELECT 1 FROM observations WHERE id = ?', id) !== undefined,
      lastVersion: async (id) =>
        (one('SELECT max(version) AS v FROM observation_history WHERE observation_id = ?', id) as { v: number | null }).v ?? 0,
      insertObservation: async (o) =>
        run(
          'INSERT INTO observations (unit_id, indicator_id, period, source_id, version, json, id) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ...columnsOf(o),
          o.id,
        ),
      updateObservation: async (o, previousVersion) =>
        run(
          `UPDATE observations SET unit_id = ?, indicator_id = ?, period = ?, source_id = ?, version = ?, json = ?
            WHERE id = ? AND version = ?`,
          ...columnsOf(o),
          o.id,
          previousVersion,
        ),
      deleteObservation: async (id) => run('DELETE FROM observations WHERE id = ?', id),
      sourceExists: async (id) => one('SELECT 1 FROM sources WHERE id = ?', id) !== undefined,
      insertSource: async (s: Source, addedBy?: string, textHash?: string) =>
        run(
          'INSERT INTO sources (id, unit_id, json, text, added_by, text_hash) VALUES (?, ?, ?, ?, ?, ?)',
          s.id,
          s.unitId,
          JSON.stringify(summarizeSource(s)),
          s.text ?? null,
          addedBy ?? null,
          textHash ?? null,
        ),
      sourcesWithTextHash: async (unitId, textHash) =>
        (
          this.stmts
            .get('SELECT CAST(json AS BLOB) AS json, CAST(text AS BLOB) AS text FROM sources WHERE unit_id = ? AND text_hash = ? ORDER BY seq')
            .all(unitId, textHash) as { json: unknown; text: unknown }[]
        ).map(sourceOfRow),
      units: async (ids) => jsonOf('units', ids).map((json) => recordOf(Unit, json, 'a row of units')),
      indicators: async (ids) => jsonOf('indicators', ids).map((json) => recordOf(Indicator, json, 'a row of indicators')),
      sources: async (ids): Promise<RuleSource[]> =>
        byIds<{ id: unknown; unit_id: unknown }>(
          ids,
          (list) => `SELECT CAST(id AS BLOB) AS id, CAST(unit_id AS BLOB) AS unit_id FROM sources WHERE id IN (${list})`,
        ).map((r) => ({ id: textOf(r.id, 'the id of a source'), unitId: textOf(r.unit_id, 'the unit of a source') })),
      appendHistory: async (e: HistoryEntry) =>
        run(
          'INSERT INTO observation_history (observation_id, version, op, json, changed_at, actor) VALUES (?, ?, ?, ?, ?, ?)',
          e.observation.id,
          e.observation.version,
          e.op,
          JSON.stringify(e.observation),
          e.changedAt,
          e.actor ?? null,
        ),
      bumpRevision: async () => this.bumpRevision(),
      resolution: async (id) => {
        const row = one('SELECT CAST(json AS BLOB) AS json FROM resolutions WHERE id = ?', id) as { json: unknown } | undefined;
        return row ? recordOf(Resolution, row.json, 'a resolution') : undefined;
      },
      resolutionExists: async (id) => one('SELECT 1 FROM resolutions WHERE id = ?', id) !== undefined,
      resolutionsOf: async (unitId) =>
        (this.stmts.get('SELECT CAST(json AS BLOB) AS json FROM resolutions WHERE unit_id = ? ORDER BY seq').all(unitId) as { json: unknown }[]).map((r) =>
          recordOf(Resolution, r.json, 'a resolution'),
        ),
      lastResolutionVersion: async (id) =>
        (one('SELECT max(version) AS v FROM resolution_history WHERE resolution_id = ?', id) as { v: number | null }).v ?? 0,
      insertResolution: async (r) =>
        run('INSERT INTO resolutions (id, unit_id, version, json) VALUES (?, ?, ?, ?)', r.id, r.unitId, r.version, JSON.stringify(r)),
      updateResolution: async (r, previousVersion) =>
        run(
          'UPDATE resolutions SET unit_id = ?, version = ?, json = ? WHERE id = ? AND version = ?',
          r.unitId,
          r.version,
          JSON.stringify(r),
          r.id,
          previousVersion,
        ),
      deleteResolution: async (id) => run('DELETE FROM resolutions WHERE id = ?', id),
      appendResolutionHistory: async (e: ResolutionHistoryEntry) =>
        run(
          'INSERT INTO resolution_history (resolution_id, version, op, json, changed_at, actor) VALUES (?, ?, ?, ?, ?, ?)',
          e.resolution.id,
          e.resolution.version,
          e.op,
          JSON.stringify(e.resolution),
          e.changedAt,
          e.actor ?? null,
        ),
    };
  }
}

/** An observation's columns beside its id, in the order the statements above name them. */
function columnsOf(o: Observation): unknown[] {
  return [o.unitId, o.indicatorId, o.period, o.sourceId, o.version, JSON.stringify(o)];
}
