/**
 * Opening a SQLite file through libsql: safe pragmas, migrations, and a cache of prepared
 * statements. Every statement takes its values as parameters, never spliced into the SQL.
 */
import Database from 'libsql';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = InstanceType<typeof Database>;
/** The part of a prepared statement we use. */
export interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: a committed write survives a power cut, not only a crash of the process.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  analyze(db);
  return db;
}

/**
 * Refreshes the planner's statistics (sampled, so quick at any size): without them SQLite
 * takes a unit's index for a page of 60 wards and sorts 20,000 rows instead of walking
 * the index in the pages' order.
 */
export function analyze(db: Db): void {
  db.exec('PRAGMA analysis_limit = 1000');
  db.exec('ANALYZE');
}

/** Applies the migrations not yet recorded, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}

/** Prepared statements by SQL text; the number of shapes is small (IN lists vary by length). */
export class StatementCache {
  private readonly cache = new Map<string, Statement>();
  constructor(private readonly db: Db, private readonly max = 256) {}

  get(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= this.max) this.cache.clear();
      stmt = this.db.prepare(sql) as Statement;
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

/** "?, ?, ?" for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
