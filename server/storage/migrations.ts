/**
 * Versioned schema migrations for SQLite. Each runs once, in its own transaction, and is
 * recorded in schema_migrations; a new schema change is a new entry at the end, never an edit.
 */
import { OBSERVATION_ORDER } from './order';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta (key, value) VALUES ('revision', '0');
      CREATE TABLE units (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
      );
      CREATE TABLE indicators (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        family TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE sources (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        unit_id TEXT NOT NULL REFERENCES units (id),
        json TEXT NOT NULL
      );
      CREATE TABLE observations (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units (id),
        indicator_id TEXT NOT NULL REFERENCES indicators (id),
        period TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        json TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'indexes for the observation filters',
    sql: `
      CREATE INDEX observations_unit_period ON observations (unit_id, period);
      CREATE INDEX observations_period ON observations (period);
      CREATE INDEX observations_indicator_period ON observations (indicator_id, period);
    `,
  },
  {
    version: 3,
    name: 'history of every change to an observation',
    sql: `
      CREATE TABLE observation_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        observation_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        json TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX observation_history_id ON observation_history (observation_id, version);
    `,
  },
  {
    // GET /api/sources lists sources without their texts (up to 200 kB each): the text moves
    // to a column of its own, after json, and json becomes the listed form (with hasText).
    version: 4,
    name: 'source texts out of the listed json',
    sql: `
      ALTER TABLE sources ADD COLUMN text TEXT;
      UPDATE sources SET text = json_extract(json, '$.text') WHERE json_type(json, '$.text') = 'text';
      UPDATE sources SET json = json_set(
        json_remove(json, '$.text'),
        '$.hasText',
        json(CASE WHEN coalesce(text, '') = '' THEN 'false' ELSE 'true' END)
      );
    `,
  },
  {
    // GET /api/observations reads one page at a time in observationOrder (server/storage/order.ts):
    // this index gives a page, and the place a cursor names, without sorting every row.
    version: 5,
    name: 'index in the order of the observation pages',
    sql: `CREATE INDEX observations_order ON observations (${OBSERVATION_ORDER});`,
  },
];
