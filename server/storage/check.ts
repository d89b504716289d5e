/**
 * The checks made at start, before the server writes anything to an existing file: SQLite's
 * quick_check of every page, and that the database is this server's (its application_id, or
 * for older files its schema_migrations). A file that fails is refused with a message that
 * says which file, what is wrong and what to do, and is left as it was.
 */
import Database from 'libsql';
import { existsSync, rmSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DatabaseRefused, StorageFailure, sqliteCode } from './errors';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import { textOf } from './rows';

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
/** How many of quick_check's findings the message quotes. */
const QUOTED = 3;

type Db = InstanceType<typeof Database>;

const restore = (file: string) =>
  `Stop here and restore ${file} from a backup (server/README.md, "Backups"); the file was left as it was.`;

/** Opens an existing database read-only, runs `check` on it, and leaves no file behind. */
function readOnly<T>(file: string, check: (db: Db) => T): T {
  // a read-only connection to a WAL database makes -wal and -shm if they are missing: remove
  // those it made (they are empty of data), so that a refused file stays exactly as it was
  const made = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix));
  const db = new Database(`${pathToFileURL(file).href}?mode=ro`);
  try {
    return check(db);
  } finally {
    db.close();
    for (const suffix of made) {
      const extra = file + suffix;
      if (existsSync(extra) && (suffix === '-shm' || statSync(extra).size === 0)) rmSync(extra, { force: true });
    }
  }
}

/**
 * Refuses an existing database file that SQLite finds damaged, or that is not this server's;
 * a missing or empty file passes (it becomes a new database).
 */
export function checkExistingDatabase(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  readOnly(file, (db) => {
    try {
      checkPages(db, file);
      checkOwner(db, file);
    } catch (err) {
      if (err instanceof DatabaseRefused) throw err;
      const code = sqliteCode(err);
      if (code === SQLITE_NOTADB) {
        throw new DatabaseRefused(`${file} is not a SQLite database (SQLite: ${(err as Error).message}). ${restore(file)}`);
      }
      if (code === SQLITE_CORRUPT || err instanceof StorageFailure) {
        throw new DatabaseRefused(`${file} is damaged (${(err as Error).message}). ${restore(file)}`);
      }
      throw err;
    }
  });
}

/** The first column of every row, a text read as bytes (rows.ts): a damaged name must not abort the process. */
function texts(db: Db, sql: string, what: string): string[] {
  return (db.prepare(sql).raw().all() as unknown[][]).map((r) => textOf(r[0], what));
}

function checkPages(db: Db, path: string): void {
  const findings = texts(db, 'SELECT CAST(quick_check AS BLOB) FROM pragma_quick_check', 'quick_check');
  if (findings.length !== 1 || findings[0] !== 'ok') {
    const quoted = findings.slice(0, QUOTED).join('; ');
    const more = findings.length > QUOTED ? ` (and ${findings.length - QUOTED} more)` : '';
    throw new DatabaseRefused(`${path} is damaged: SQLite's integrity check found ${quoted}${more}. ${restore(path)}`);
  }
}

/** Ours: our application_id, or (older files) our schema_migrations; an empty file is new. */
function checkOwner(db: Db, path: string): void {
  const tables = texts(db, "SELECT CAST(name AS BLOB) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", 'the tables');
  if (tables.length === 0) return;
  const { application_id: appId } = db.prepare('PRAGMA application_id').get() as { application_id: number };
  const notOurs = (why: string) =>
    new DatabaseRefused(
      `${path} is not a database of this server: ${why}. It was left as it was. Move it away, or set DATA_DIR ` +
        'to another folder, and start again (a new database is made there).',
    );
  const listed = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
  if (appId !== APPLICATION_ID && appId !== 0) {
    throw notOurs(`its application_id is ${appId}, not this server's ${APPLICATION_ID} (tables: ${listed})`);
  }
  if (!tables.includes('schema_migrations')) throw notOurs(`it has tables (${listed}) but not this server's schema_migrations`);
  const applied = (db.prepare('SELECT version, CAST(name AS BLOB) AS name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: unknown;
  }[]).map((r) => ({ version: r.version, name: textOf(r.name, 'schema_migrations') }));
  const known = new Map(MIGRATIONS.map((m) => [m.version, m.name]));
  const foreign = applied.find((m) => known.has(m.version) && known.get(m.version) !== m.name);
  if (foreign || applied[0]?.version !== 1) {
    const shown = foreign ?? applied[0];
    throw notOurs(
      shown
        ? `its schema_migrations has ${shown.version} "${shown.name}", where this server's is "${known.get(shown.version) ?? '(none)'}"`
        : 'its schema_migrations is empty',
    );
  }
  const newer = applied.find((m) => !known.has(m.version));
  if (newer) {
    throw new DatabaseRefused(
      `${path} was made by a newer version of this server (migration ${newer.version} "${newer.name}" is unknown here). ` +
        'Start the newer version, or restore a backup made by this one; the file was left as it was.',
    );
  }
}
