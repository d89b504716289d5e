/** For tests: a CopyStore in memory, as IndexedDB keeps it between two page loads (the real one is driven in tests/e2e/offline.test.ts). */
import type { CopyStore, SavedCopy } from './copy-store';

export function memoryStore(initial: SavedCopy[] = []): { store: CopyStore; rows: Map<string, SavedCopy> } {
  const rows = new Map(initial.map((c) => [c.hash, structuredClone(c)]));
  const store: CopyStore = {
    load: () => Promise.resolve([...rows.values()].map((c) => structuredClone(c))),
    put: (copies) => {
      for (const c of copies) rows.set(c.hash, structuredClone(c));
      return Promise.resolve();
    },
    remove: (hashes) => {
      for (const h of hashes) rows.delete(h);
      return Promise.resolve();
    },
  };
  return { store, rows };
}
