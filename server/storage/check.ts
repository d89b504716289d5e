/**
 * The checks made at start, before the server writes anything to an existing file: SQLite's
 * quick_check of every page. A file that fails is refused with a message that says which file,
 * what is wrong and what to do, and is left as it was.
 */
import Database from 'libsql';
import { existsSync, rmSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DatabaseRefused, sqliteCode } from './errors';

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
/** How many of quick_check's findings the message quotes. */
const QUOTED = 3;

const restore = (file: string) =>
  `Stop here and restore ${file} from a backup (server/README.md, "Backups"); the file was left as it was.`;

/** Opens an existing database read-only, runs `check` on it, and leaves no file behind. */
function readOnly<T>(file: string, check: (db: InstanceType<typeof Database>) => T): T {
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

/** Refuses an existing database file that SQLite finds damaged; a missing or empty file passes. */
export function checkExistingDatabase(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  readOnly(file, (db) => {
    let findings: string[];
    try {
      findings = (db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (err) {
      const code = sqliteCode(err);
      if (code === SQLITE_NOTADB) {
        throw new DatabaseRefused(`${file} is not a SQLite database (SQLite: ${(err as Error).message}). ${restore(file)}`);
      }
      if (code === SQLITE_CORRUPT) {
        throw new DatabaseRefused(`${file} is damaged (SQLite: ${(err as Error).message}). ${restore(file)}`);
      }
      throw err;
    }
    if (findings.length !== 1 || findings[0] !== 'ok') {
      const quoted = findings.slice(0, QUOTED).join('; ');
      const more = findings.length > QUOTED ? ` (and ${findings.length - QUOTED} more)` : '';
      throw new DatabaseRefused(`${file} is damaged: SQLite's integrity check found ${quoted}${more}. ${restore(file)}`);
    }
  });
}
