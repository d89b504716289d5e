/**
 * Where saved copies of the API's answers are kept in the browser: one IndexedDB database with
 * one record per query. Where IndexedDB is missing or refused (a private window may refuse it),
 * nothing is kept and the page works as before.
 */
import type { QueryKey } from '@tanstack/react-query';

export interface SavedCopy {
  /** The query's hash (TanStack Query's key of the key). */
  hash: string;
  key: QueryKey;
  data: unknown;
  /** When the server gave this answer (ms since the epoch). */
  savedAt: number;
  /** The build's contract it was parsed with (vite.config.ts, SAVED_COPY_FORMAT). */
  format: string;
}

export interface CopyStore {
  load(): Promise<SavedCopy[]>;
  put(copies: readonly SavedCopy[]): Promise<void>;
  remove(hashes: readonly string[]): Promise<void>;
}

const DB_NAME = 'kpi-saved-copies';
const STORE = 'answers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'hash' });
  };
  return request(open);
}

/** The store nothing is kept in. */
export const noCopyStore: CopyStore = {
  load: () => Promise.resolve([]),
  put: () => Promise.resolve(),
  remove: () => Promise.resolve(),
};

/** The browser's IndexedDB, or noCopyStore where there is none. */
export function indexedDbStore(): CopyStore {
  if (typeof indexedDB === 'undefined') return noCopyStore;
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= openDatabase());
  const write = async (change: (store: IDBObjectStore) => void) => {
    const tx = (await database()).transaction(STORE, 'readwrite');
    change(tx.objectStore(STORE));
    await done(tx);
  };
  return {
    async load() {
      try {
        const tx = (await database()).transaction(STORE, 'readonly');
        return (await request(tx.objectStore(STORE).getAll())) as SavedCopy[];
      } catch {
        return [];
      }
    },
    put: (copies) => write((store) => copies.forEach((copy) => store.put(copy))).catch(() => undefined),
    remove: (hashes) => write((store) => hashes.forEach((hash) => store.delete(hash))).catch(() => undefined),
  };
}
