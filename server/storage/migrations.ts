/**
 * Versioned schema migrations for SQLite. Each runs once, in its own transaction, and is
 * recorded in schema_migrations; a new schema change is a new entry at the end, never an edit.
 */
import { OBSERVATION_ORDER } from './order';

/**
 * SQLite's application_id of this server's databases ("KPI1"): set by migration 6, it tells our
 * file from another program's at start (check.ts). Older files of ours are known by their
 * schema_migrations rows.
 */
export const APPLICATION_ID = 0x4b504931;

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
  {
    version: 6,
    name: 'application id of the ward KPI server',
    sql: `PRAGMA application_id = ${APPLICATION_ID};`,
  },
  {
    // who changed a figure or added a report: the short id of the editor's token, never the token
    version: 7,
    name: 'who made each change',
    sql: `
      ALTER TABLE observation_history ADD COLUMN actor TEXT;
      ALTER TABLE sources ADD COLUMN added_by TEXT;
    `,
  },
  {
    // the same report imported twice is stored once (server/writes/report-text.ts): the hash of
    // each text, filled by the storage for the texts stored before (SqliteStorage.hashSourceTexts)
    version: 8,
    name: 'hash of each source text',
    sql: `
      ALTER TABLE sources ADD COLUMN text_hash TEXT;
      CREATE INDEX sources_text_hash ON sources (unit_id, text_hash) WHERE text_hash IS NOT NULL;
    `,
  },
  {
    // a unit's resolutions (term or year), each with its targets inside its contract JSON, and
    // the history of every change with who made it (as observation_history)
    version: 9,
    name: 'resolutions and their history',
    sql: `
      CREATE TABLE resolutions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        unit_id TEXT NOT NULL REFERENCES units (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        json TEXT NOT NULL
      );
      CREATE INDEX resolutions_unit ON resolutions (unit_id);
      CREATE TABLE resolution_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        resolution_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        json TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        actor TEXT
      );
      CREATE INDEX resolution_history_id ON resolution_history (resolution_id, version);
    `,
  },
];
