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
  OBSERVATIONS_PAGE_MAX,
  type ObservationPage,
  type ObservationQuery,
  type ObservationUpdate,
  type SourceSummary,
} from '../../src/api/contract';
import type { Dataset } from '../../data';
import { OBSERVATION_ORDER, OBSERVATION_ORDER_TEXT, localeKey } from './order';
import { analyze, openDatabase, placeholders, StatementCache, type Db } from './sqlite-db';
import { SqliteWrites } from './sqlite-writes';
import type { ObservationsPageText, Storage, WriteOutcome } from './types';

export { localeKey } from './order';

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

  async observationsPage(q: ObservationQuery, page: ObservationPage): Promise<ObservationsPageText> {
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
    const sql = `WITH page AS (
        SELECT json, period, unit_id, indicator_id, id, ${OBSERVATION_ORDER_TEXT} AS ord FROM observations
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${OBSERVATION_ORDER} LIMIT ?
      )
      SELECT group_concat(json, ',' ORDER BY ord) AS body, count(*) AS n, max(ord) AS last_ord,
        json AS last_json, json_array(period, unit_id, indicator_id, id) AS last_key
      FROM page`;
    const row = this.stmts.get(sql).get(...params, page.limit + 1) as {
      body: string | null;
      n: number;
      last_json: string | null;
      last_key: string | null;
    };
    const body = row.body ?? '';
    if (row.n <= page.limit) return { json: `[${body}]` };
    // the extra row is the last of the text: cut it off, and start the next page with it
    const tail = `,${row.last_json}`;
    if (!body.endsWith(tail)) throw new Error('observationsPage: the extra row is not the last of the page');
    const [period, unitId, indicatorId, id] = JSON.parse(row.last_key!) as string[];
    return {
      json: `[${body.slice(0, body.length - tail.length)}]`,
      nextFrom: { period: period!, unitId: unitId!, indicatorId: indicatorId!, id: id! },
    };
  }

  /** The JSON array text of one page (the first, by default). */
  async observationsJsonArray(q: ObservationQuery, page: ObservationPage = { limit: OBSERVATIONS_PAGE_MAX }): Promise<string> {
    return (await this.observationsPage(q, page)).json;
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
    analyze(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private jsonRows(sql: string, ...params: unknown[]): unknown[] {
    return (this.stmts.get(sql).all(...params) as JsonRow[]).map((r) => JSON.parse(r.json) as unknown);
  }
}
