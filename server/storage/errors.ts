/**
 * Failures of the storage that a client should hear about plainly (a full disk, a damaged
 * database): the app turns them into the contract's error with this status and code, and the
 * server keeps running. Any other error stays a generic 500.
 */
export type StorageFailureCode = 'disk_full' | 'damaged_data' | 'storage_unavailable';

export class StorageFailure extends Error {
  constructor(
    readonly status: 500 | 503 | 507,
    readonly code: StorageFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
}

/** A database file the server will not open at start; the message says which, why, and what to do. */
export class DatabaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefused';
  }
}

export const DISK_FULL_MESSAGE = 'The server’s disk is full: nothing was written. Reads still work. Free some space on the disk, then try again.';

export function damagedData(what: string): StorageFailure {
  return new StorageFailure(
    500,
    'damaged_data',
    `Part of the stored data is damaged and cannot be read (${what}). Restore the database from a backup (server/README.md).`,
  );
}

/** SQLite's primary result code of an error from libsql (rawCode holds the extended one), if any. */
export function sqliteCode(err: unknown): number | undefined {
  const raw = (err as { rawCode?: unknown } | null)?.rawCode;
  return typeof raw === 'number' ? raw & 0xff : undefined;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
export const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** A SQLite error as what a client is told, or undefined for any other error. */
export function asStorageFailure(err: unknown): StorageFailure | undefined {
  if (err instanceof StorageFailure) return err;
  switch (sqliteCode(err)) {
    case SQLITE_FULL:
      return new StorageFailure(507, 'disk_full', DISK_FULL_MESSAGE);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return damagedData('SQLite: the database file is malformed');
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return new StorageFailure(503, 'storage_unavailable', 'The database cannot be used just now. Try again in a moment.');
    default:
      return undefined;
  }
}

/** A full disk, as SQLite (SQLITE_FULL) or Node (ENOSPC) says it. */
export function isDiskFull(err: unknown): boolean {
  return sqliteCode(err) === SQLITE_FULL || (err as { code?: unknown } | null)?.code === 'ENOSPC';
}
