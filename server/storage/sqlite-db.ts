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

export interface OpenOptions {
  /**
   * The most pages the file may grow to (SQLite's max_page_count): beyond it SQLite answers
   * SQLITE_FULL exactly as on a full disk, which is how the tests make a full disk.
   */
  maxPageCount?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file);
  try {
    if (options.maxPageCount !== undefined) db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(options.maxPageCount))}`);
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: a committed write survives a power cut, not only a crash of the process.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    analyze(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Runs `fn` in one transaction (IMMEDIATE: it takes the write lock at once). If anything
 * fails it is rolled back, unless SQLite already did (as it does on a full disk), and the
 * error thrown is the one that happened, never a failed ROLLBACK's "no transaction is active".
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    rollback(db);
    throw err;
  }
}

/**
 * inTransaction for a function that returns a promise (the write service's repository). The
 * caller makes sure no other statement runs on this connection until it settles: one
 * connection has one transaction (sqlite-write-repository.ts queues them).
 */
export async function inAsyncTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    rollback(db);
    throw err;
  }
}

/** Rolls back the open transaction, if SQLite has not already; the first error is the one to tell. */
function rollback(db: Db): void {
  if (!db.inTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // the first error is the one to tell
  }
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
    inTransaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    });
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
