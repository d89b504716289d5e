/**
 * The SQLite storage (libsql, synchronous). Rows keep the record as its contract JSON, written
 * only after the contract parsed it; the columns beside it serve filtering and ordering.
 * A source's row keeps its listed form (SourceSummary) as json and the report's text apart.
 */
import {
  Indicator,
  Observation,
  Source,
  Unit,
  summarizeSource,
  type NewObservation,
  type NewSource,
  type ObservationQuery,
  type ObservationUpdate,
  type SourceSummary,
} from '../../src/api/contract';
import type { Dataset } from '../../data';
import { openDatabase, placeholders, StatementCache, type Db } from './sqlite-db';
import { SqliteWrites } from './sqlite-writes';
import type { Storage, WriteOutcome } from './types';

/**
 * observationOrder (period, then unit, indicator and id by localeCompare) in SQL. Ids match
 * the contract's Id ([a-z0-9][a-z0-9_-]*); over that alphabet the locale order is the byte
 * order once "_" and "-" sort before the digits, in that order: "_" -> "!", "-" -> '"'.
 * tests/server/order.test.ts checks this against observationOrder on random ids.
 */
export const localeKey = (column: string) => `replace(replace(${column}, '_', '!'), '-', '"')`;
const OBSERVATION_ORDER = `period, ${localeKey('unit_id')}, ${localeKey('indicator_id')}, ${localeKey('id')}`;

interface JsonRow {
  json: string;
}

export function openSqliteStorage(file: string): SqliteStorage {
  return new SqliteStorage(openDatabase(file));
}

export class SqliteStorage implements Storage {
  private readonly stmts: StatementCache;
  private readonly writes: SqliteWrites;

  constructor(readonly db: Db) {
    this.stmts = new StatementCache(db);
    this.writes = new SqliteWrites(db, this.stmts);
  }

  async revision(): Promise<number> {
    return this.revisionSync();
  }

  revisionSync(): number {
    const row = this.stmts.get("SELECT value FROM meta WHERE key = 'revision'").get() as { value: string };
    return Number(row.value);
  }

  async listUnits(): Promise<Unit[]> {
    return this.jsonRows('SELECT json FROM units ORDER BY seq') as Unit[];
  }

  async listIndicators(): Promise<Indicator[]> {
    return this.jsonRows('SELECT json FROM indicators ORDER BY seq') as Indicator[];
  }

  async listSources(): Promise<SourceSummary[]> {
    // json is the listed form; the text column (after it) is never read here
    return this.jsonRows('SELECT json FROM sources ORDER BY seq') as SourceSummary[];
  }

  async getSource(id: string): Promise<Source | undefined> {
    const row = this.stmts.get('SELECT json, text FROM sources WHERE id = ?').get(id) as
      | { json: string; text: string | null }
      | undefined;
    if (!row) return undefined;
    // the contract's Source drops the listed form's hasText
    const listed = JSON.parse(row.json) as SourceSummary;
    return Source.parse(row.text === null ? listed : { ...listed, text: row.text });
  }

  async getObservation(id: string): Promise<Observation | undefined> {
    return this.jsonRow('SELECT json FROM observations WHERE id = ?', id) as Observation | undefined;
  }

  async countObservations(): Promise<number> {
    return (this.stmts.get('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
  }

  async observationsJsonArray(q: ObservationQuery): Promise<string> {
    const where: string[] = [];
    const params: string[] = [];
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
    // One row for the whole answer: joining in SQLite is several times faster than
    // fetching a row per observation through the driver.
    const sql = `SELECT group_concat(json, ',' ORDER BY ${OBSERVATION_ORDER}) AS body FROM observations
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
    const row = this.stmts.get(sql).get(...params) as { body: string | null };
    return `[${row.body ?? ''}]`;
  }

  addObservations(batch: NewObservation[]): Promise<WriteOutcome<Observation[]>> {
    return Promise.resolve(this.writes.addObservations(batch));
  }

  updateObservation(id: string, update: ObservationUpdate): Promise<WriteOutcome<Observation>> {
    return Promise.resolve(this.writes.updateObservation(id, update));
  }

  deleteObservation(id: string, version?: number): Promise<WriteOutcome<Observation>> {
    return Promise.resolve(this.writes.deleteObservation(id, version));
  }

  addSource(source: NewSource): Promise<WriteOutcome<Source>> {
    return Promise.resolve(this.writes.addSource(source));
  }

  async isEmpty(): Promise<boolean> {
    return this.stmts.get('SELECT 1 FROM units LIMIT 1').get() === undefined;
  }

  async seed(dataset: Dataset): Promise<void> {
    const unit = this.stmts.get('INSERT INTO units (id, json) VALUES (?, ?)');
    const indicator = this.stmts.get('INSERT INTO indicators (id, family, json) VALUES (?, ?, ?)');
    const source = this.stmts.get('INSERT INTO sources (id, unit_id, json, text) VALUES (?, ?, ?, ?)');
    const observation = this.stmts.get(`INSERT INTO observations
      (id, unit_id, indicator_id, period, source_id, version, json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.db
      .transaction(() => {
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
        this.writes.bumpRevision();
      })
      .immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private jsonRows(sql: string, ...params: unknown[]): unknown[] {
    return (this.stmts.get(sql).all(...params) as JsonRow[]).map((r) => JSON.parse(r.json) as unknown);
  }

  private jsonRow(sql: string, ...params: unknown[]): unknown {
    const row = this.stmts.get(sql).get(...params) as JsonRow | undefined;
    return row ? (JSON.parse(row.json) as unknown) : undefined;
  }
}
