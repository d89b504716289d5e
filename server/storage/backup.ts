/**
 * A consistent copy of the database, taken while the server runs (npm run backup -- FILE).
 * SQLite's VACUUM INTO reads one snapshot through a read-only connection (WAL lets the server
 * write meanwhile) into a new file beside the target, which is checked, then linked to its name:
 * an existing file is never overwritten, and a failed copy leaves nothing under that name.
 */
import Database from 'libsql';
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkExistingDatabase } from './check';
import { DatabaseRefused, isDiskFull } from './errors';

export interface BackupResult {
  file: string;
  bytes: number;
  observations: number;
  sources: number;
}

export function backupDatabase(databaseFile: string, target: string): BackupResult {
  const file = resolve(target);
  if (existsSync(file)) throw new DatabaseRefused(`${file} already exists: a backup never overwrites a file. Choose a new name, or move that file away first.`);
  if (!existsSync(databaseFile)) throw new DatabaseRefused(`there is no database at ${databaseFile}: is DATA_DIR the server's?`);
  if (!existsSync(dirname(file))) throw new DatabaseRefused(`the folder ${dirname(file)} does not exist: create it first.`);
  // the copy must be of a sound database of ours
  checkExistingDatabase(databaseFile);
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    const db = new Database(`${pathToFileURL(databaseFile).href}?mode=ro`);
    try {
      db.exec('PRAGMA busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(partial);
    } finally {
      db.close();
    }
    const counts = countsOf(partial);
    linkSync(partial, file); // fails if the name was taken meanwhile: never overwrites
    return { file, bytes: statSync(file).size, ...counts };
  } catch (err) {
    if (isDiskFull(err)) throw new DatabaseRefused(`the disk holding ${file} is full: no backup was made. Free some space, or write the backup to another disk.`);
    throw err;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Checks the copy as the server will at start, and counts what it holds. */
function countsOf(copy: string): { observations: number; sources: number } {
  checkExistingDatabase(copy);
  const db = new Database(`${pathToFileURL(copy).href}?mode=ro`);
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { observations: count('observations'), sources: count('sources') };
  } finally {
    db.close();
  }
}
