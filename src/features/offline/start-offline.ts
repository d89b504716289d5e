/**
 * Everything that keeps the dashboard readable without a connection, started once by app/mount.tsx
 * before the first request: the saved copies, the watch on the connection, and (in the
 * production build) the service worker with its update check.
 */
import type { QueryClient } from '@tanstack/react-query';
import { watchConnection } from './connection';
import type { CopyStore } from './copy-store';
import { keepSavedCopies, type SavedCopies } from './saved-copies';
import { registerServiceWorker } from './service-worker';

export interface Offline {
  copies: SavedCopies;
  stop(): void;
}

/** Nothing saved, nothing watched: what the server's first screen draws (src/app/first-screen.tsx), as a page does before it has read its copies. */
export const NO_OFFLINE: Offline = {
  copies: { shows: () => false, showsAny: () => false, subscribe: () => () => undefined, ready: Promise.resolve(), stop: () => undefined },
  stop: () => undefined,
};

export function startOffline(client: QueryClient, options: { store?: CopyStore; probe?: () => Promise<boolean> } = {}): Offline {
  const copies = keepSavedCopies(client, options.store);
  const stopWatch = watchConnection(client, { probe: options.probe, showsSavedCopy: (q) => copies.shows(q) });
  const stopWorker = registerServiceWorker();
  return {
    copies,
    stop() {
      stopWorker();
      stopWatch();
      copies.stop();
    },
  };
}
