/**
 * The SQLite storage (libsql, synchronous). Rows keep the record as its contract JSON, written
 * only after the contract parsed it; the columns beside it serve filtering and ordering.
 * A source's row keeps its listed form (SourceSummary) as json and the report's text apart.
 *
 * Every text is read as bytes and decoded in rows.ts (libsql aborts the process on invalid
 * UTF-8), and every SQLite error a client should hear of (a full disk, a damaged file) leaves
 * as a StorageFailure: a damaged row or a full disk fails that request, never the process.
 */
import {
  Indicator,
  Observation,
  Resolution,
  Source,
  SourceSummary,
  Unit,
  matchesResolutionQuery,
  resolutionOrder,
  summarizeSource,
  type NewObservation,
  type NewResolution,
  type NewSource,
  type ObservationPage,
  type ObservationQuery,
  type ObservationUpdate,
  type ResolutionQuery,
  type ResolutionUpdate,
} from '../../src/api/contract';
import type { z } from 'zod/mini';
import { asStorageFailure, damagedData } from './errors';
import { OBSERVATION_ORDER, OBSERVATION_ORDER_TEXT, localeKey } from './order';
import { bytesOf, recordOf, sourceOfRow, textOf } from './rows';
import { analyze, inTransaction, openDatabase, placeholders, StatementCache, type Db, type OpenOptions } from './sqlite-db';
import { SqliteWriteRepository } from './sqlite-write-repository';
import { reportTextHash } from '../writes/report-text';
import { WriteService, type Actor } from '../writes/service';
import type { ObservationsPageText, SeedData, Storage, WriteOutcome } from './types';

export { localeKey } from './order';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function openSqliteStorage(file: string, options?: OpenOptions): SqliteStorage {
  return new SqliteStorage(openDatabase(file, options));
}

/** Runs a storage call; a SQLite error a client should hear of becomes a StorageFailure. */
function guarded<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(asStorageFailure(err) ?? err);
  }
}

export class SqliteStorage implements Storage {
  private readonly stmts: StatementCache;
  private readonly writes: SqliteWriteRepository;
  private readonly service: WriteService;

  constructor(readonly db: Db) {
    this.stmts = new StatementCache(db);
    this.writes = new SqliteWriteRepository(db, this.stmts);
    this.service = new WriteService(this.writes);
  }

  revision(): Promise<number> {
    return guarded(() => this.revisionSync());
  }

  revisionSync(): number {
    const row = this.stmts.get("SELECT CAST(value AS INTEGER) AS value FROM meta WHERE key = 'revision'").get() as {
      value: number;
    };
    return row.value;
  }

  listUnits(): Promise<Unit[]> {
    return guarded(() => this.records(Unit, 'units'));
  }

  listIndicators(): Promise<Indicator[]> {
    return guarded(() => this.records(Indicator, 'indicators'));
  }

  listSources(): Promise<SourceSummary[]> {
    // json is the listed form; the text column (after it) is never read here
    return guarded(() => this.records(SourceSummary, 'sources'));
  }

  getSource(id: string): Promise<Source | undefined> {
    return guarded(() => {
      const row = this.stmts
        .get('SELECT CAST(json AS BLOB) AS json, CAST(text AS BLOB) AS text FROM sources WHERE id = ?')
        .get(id) as { json: unknown; text: unknown } | undefined;
      return row ? sourceOfRow(row) : undefined;
    });
  }

  observationsPage(q: ObservationQuery, page: ObservationPage): Promise<ObservationsPageText> {
    return guarded(() => this.readPage(q, page));
  }

  listResolutions(q: ResolutionQuery): Promise<Resolution[]> {
    return guarded(() => {
      const rows = this.stmts
        .get(`SELECT CAST(json AS BLOB) AS json FROM resolutions WHERE unit_id IN (${placeholders(q.unit.length)}) ORDER BY seq`)
        .all(...q.unit) as { json: unknown }[];
      return rows
        .map((r) => recordOf(Resolution, r.json, 'a resolution'))
        .filter((r) => matchesResolutionQuery(r, q))
        .sort(resolutionOrder);
    });
  }

  // the writes: the write service (server/writes) over this database's repository

  addObservations(batch: NewObservation[], actor?: Actor): Promise<WriteOutcome<Observation[]>> {
    return this.service.addObservations(batch, actor);
  }

  updateObservation(id: string, update: ObservationUpdate, actor?: Actor): Promise<WriteOutcome<Observation>> {
    return this.service.updateObservation(id, update, actor);
  }

  deleteObservation(id: string, version?: number, actor?: Actor): Promise<WriteOutcome<Observation>> {
    return this.service.deleteObservation(id, version, actor);
  }

  addSource(source: NewSource, actor?: Actor): Promise<WriteOutcome<Source>> {
    return this.service.addSource(source, actor);
  }

  addResolution(input: NewResolution, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.service.addResolution(input, actor);
  }

  updateResolution(id: string, update: ResolutionUpdate, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.service.updateResolution(id, update, actor);
  }

  deleteResolution(id: string, version?: number, actor?: Actor): Promise<WriteOutcome<Resolution>> {
    return this.service.deleteResolution(id, version, actor);
  }

  isEmpty(): Promise<boolean> {
    return guarded(() => this.stmts.get('SELECT 1 FROM units LIMIT 1').get() === undefined);
  }

  async seed(dataset: SeedData): Promise<void> {
    await guarded(() => {
      const unit = this.stmts.get('INSERT INTO units (id, json) VALUES (?, ?)');
      const indicator = this.stmts.get('INSERT INTO indicators (id, family, json) VALUES (?, ?, ?)');
      const source = this.stmts.get('INSERT INTO sources (id, unit_id, json, text) VALUES (?, ?, ?, ?)');
      const observation = this.stmts.get(`INSERT INTO observations
        (id, unit_id, indicator_id, period, source_id, version, json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      const resolution = this.stmts.get('INSERT INTO resolutions (id, unit_id, version, json) VALUES (?, ?, ?, ?)');
      inTransaction(this.db, () => {
        for (const u of dataset.units) unit.run(u.id, JSON.stringify(Unit.parse(u)));
        for (const i of dataset.indicators) indicator.run(i.id, i.family, JSON.stringify(Indicator.parse(i)));
        for (const s of dataset.sources) {
          const p = Source.parse(s);
          source.run(p.id, p.unitId, JSON.stringify(summarizeSource(p)), p.text ?? null);
        }
        for (const o of dataset.observations) {
          const p = Observation.parse(o);
          observation.run(p.id, p.unitId, p.indicatorId, p.period, p.sourceId, p.version, JSON.stringify(p));
        }
        for (const r of dataset.resolutions ?? []) {
          const p = Resolution.parse(r);
          resolution.run(p.id, p.unitId, p.version, JSON.stringify(p));
        }
        this.writes.bumpRevision();
      });
      analyze(this.db);
    });
    await this.hashSourceTexts();
  }

  /**
   * Gives every stored text without a hash its hash (report-text.ts), so that the same report
   * sent again is found (texts stored before migration 8, or seeded); returns how many. A text
   * that cannot be read is left as it is (its requests say it is damaged). Hashed outside any
   * transaction, then written in one.
   */
  async hashSourceTexts(): Promise<number> {
    const rows = await guarded(
      () =>
        this.stmts
          .get("SELECT CAST(id AS BLOB) AS id, CAST(text AS BLOB) AS text FROM sources WHERE text_hash IS NULL AND text IS NOT NULL AND text <> ''")
          .all() as { id: unknown; text: unknown }[],
    );
    const hashes: [id: string, hash: string][] = [];
    for (const row of rows) {
      let id: string, text: string;
      try {
        id = textOf(row.id, 'the id of a source');
        text = textOf(row.text, 'the text of a source');
      } catch {
        continue;
      }
      const hash = await reportTextHash(text);
      if (hash) hashes.push([id, hash]);
    }
    if (hashes.length === 0) return 0;
    const update = this.stmts.get('UPDATE sources SET text_hash = ? WHERE id = ? AND text_hash IS NULL');
    await guarded(() => inTransaction(this.db, () => hashes.forEach(([id, hash]) => update.run(hash, id))));
    return hashes.length;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Every row of a table of records, in the order written, each checked by its schema. */
  private records<S extends z.ZodMiniType>(schema: S, table: 'units' | 'indicators' | 'sources'): z.infer<S>[] {
    const rows = this.stmts.get(`SELECT CAST(json AS BLOB) AS json FROM ${table} ORDER BY seq`).all() as { json: unknown }[];
    return rows.map((r) => recordOf(schema, r.json, `a row of ${table}`));
  }

  private readPage(q: ObservationQuery, page: ObservationPage): ObservationsPageText {
    const where: string[] = [];
    const params: unknown[] = [];
    const inList = (column: string, values: string[]) => {
      const unique = [...new Set(values)];
      where.push(`${column} IN (${placeholders(unique.length)})`);
      params.push(...unique);
    };
    if (q.unit.length > 0) inList('unit_id', q.unit);
    if (q.indicator.length > 0) inList('indicator_id', q.indicator);
    if (q.from) {
      where.push('period >= ?');
      params.push(q.from);
    }
    if (q.to) {
      where.push('period <= ?');
      params.push(q.to);
    }
    if (q.family.length > 0) {
      const families = [...new Set(q.family)];
      where.push(`indicator_id IN (SELECT id FROM indicators WHERE family IN (${placeholders(families.length)}))`);
      params.push(...families);
    }
    if (page.from) {
      // keyset: the rows from the cursor's place on, in observationOrder (an index of migration 5)
      where.push(`(${OBSERVATION_ORDER}) >= (?, ${localeKey('?')}, ${localeKey('?')}, ${localeKey('?')})`);
      const k = page.from;
      params.push(k.period, k.unitId, k.indicatorId, k.id);
    }
    // One row for the whole page: joining in SQLite is several times faster than fetching a
    // row per observation through the driver. The page is read with one row more: that row,
    // the last in order (max() takes the bare columns from it), starts the next page.
    // Texts come as bytes (rows.ts); json_valid catches a row that is no longer JSON.
    const sql = `WITH page AS (
        SELECT json, period, unit_id, indicator_id, id, ${OBSERVATION_ORDER_TEXT} AS ord FROM observations
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${OBSERVATION_ORDER} LIMIT ?
      )
      SELECT CAST(group_concat(json, ',' ORDER BY ord) AS BLOB) AS body, count(*) AS n,
        max(ord) IS NOT NULL AS has_last, total(json_valid(json) = 0) AS not_json,
        CAST(json AS BLOB) AS last_json, CAST(json_array(period, unit_id, indicator_id, id) AS BLOB) AS last_key
      FROM page`;
    const row = this.stmts.get(sql).get(...params, page.limit + 1) as {
      body: unknown;
      n: number;
      not_json: number;
      last_json: unknown;
      last_key: unknown;
    };
    if (row.n === 0) return { json: '[]' };
    if (row.not_json > 0) throw damagedData('an observation: not valid JSON');
    const body = bytesOf(row.body, 'observations');
    if (row.n <= page.limit) return { json: `[${textOf(body, 'observations')}]` };
    // the extra row is the last of the text: cut it off, and start the next page with it
    const last = bytesOf(row.last_json, 'an observation');
    const cut = body.length - last.length - 1;
    if (cut < 0 || body[cut] !== 0x2c || !body.subarray(cut + 1).every((b, i) => b === last[i])) {
      throw new Error('observationsPage: the extra row is not the last of the page');
    }
    let json: string;
    try {
      json = `[${utf8.decode(body.subarray(0, cut))}]`;
    } catch {
      throw damagedData('observations: not valid UTF-8');
    }
    const [period, unitId, indicatorId, id] = JSON.parse(textOf(row.last_key, 'an observation')) as string[];
    return { json, nextFrom: { period: period!, unitId: unitId!, indicatorId: indicatorId!, id: id! } };
  }
}
