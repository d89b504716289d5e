/**
 * Saved copies of the dashboard's answers, so that the wards and periods a person has viewed
 * stay readable without a connection. Every answer of a dashboard read (the register, the
 * indicators, the sources, each view's figures) is kept in the browser with the time the server
 * gave it. A copy is used only when its query gets no answer at all: the query is given the copy
 * with that time as its own (dataUpdatedAt), so nothing on screen looks newer than it is, and the
 * page says it shows a saved copy (saved-banner.tsx). A view never viewed has no copy: its panels
 * say it is not saved. A copy made with another build's contract is dropped unread.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import { whenIdle } from '../../lib/when-idle';
import { isNetworkFailure } from './connection';
import { indexedDbStore, type CopyStore, type SavedCopy } from './copy-store';

declare const __KPI_SAVED_COPY_FORMAT__: string;

/** Bumped by the build whenever src/api/contract.ts changes (vite.config.ts). */
export const SAVED_COPY_FORMAT = typeof __KPI_SAVED_COPY_FORMAT__ === 'string' ? __KPI_SAVED_COPY_FORMAT__ : 'dev';
/** The most answers kept; the oldest go first. A ward's view is 5 answers, the register 1. */
export const MAX_COPIES = 400;
/** At the latest this long after an answer, its copy is written even if the page is never idle. */
const WRITE_WITHIN_MS = 3000;

const SAVED_KEYS: ReadonlySet<unknown> = new Set(Object.values(queryKeys).map((key) => key[0]));

/**
 * The dashboard's reads: these are kept (not the editor's session or anything with a token), but
 * not a part that views are made of (`meta: { saved: false }`): the views themselves are kept.
 */
export const isSavedQuery = (query: Pick<Query, 'queryKey' | 'meta'>) => SAVED_KEYS.has(query.queryKey[0]) && query.meta?.saved !== false;

export interface SavedCopies {
  /** The query shows a saved copy now (its answer did not come in this session). */
  shows(query: Pick<Query, 'queryHash'>): boolean;
  /** Any query shows a saved copy now. */
  showsAny(): boolean;
  /** Called whenever a query starts or stops showing a saved copy. */
  subscribe(listener: () => void): () => void;
  /** Resolves once the copies kept earlier are read. */
  ready: Promise<void>;
  stop(): void;
}

/** Keeps and uses the client's saved copies; `store` is the browser's IndexedDB by default. */
export function keepSavedCopies(client: QueryClient, store: CopyStore = indexedDbStore()): SavedCopies {
  const copies = new Map<string, SavedCopy>();
  const shown = new Set<string>();
  const listeners = new Set<() => void>();
  const pending = new Map<string, SavedCopy>();
  let cancelWrite: (() => void) | undefined;
  let stopped = false;
  const notify = () => listeners.forEach((l) => l());

  const ready = store.load().then((kept) => {
    const stale: string[] = [];
    for (const copy of kept) {
      if (copy.format !== SAVED_COPY_FORMAT) stale.push(copy.hash);
      // an answer of this session is newer than anything kept
      else if (!copies.has(copy.hash)) copies.set(copy.hash, copy);
    }
    if (stale.length) void store.remove(stale);
  });

  /**
   * Writes the copies waiting: one per idle period (storing an answer clones it, some 15 ms for
   * a province's figures, never to land in the frame of a filter change), or with `all` every
   * one now (stopping).
   */
  const flush = (all = false) => {
    cancelWrite = undefined;
    const batch = all ? [...pending.values()] : [...pending.values()].slice(0, 1);
    for (const copy of batch) pending.delete(copy.hash);
    if (pending.size) cancelWrite = whenIdle(() => flush(), { within: WRITE_WITHIN_MS });
    const evicted: string[] = [];
    if (copies.size > MAX_COPIES) {
      const oldest = [...copies.values()].sort((a, b) => a.savedAt - b.savedAt).slice(0, copies.size - MAX_COPIES);
      for (const copy of oldest) {
        copies.delete(copy.hash);
        evicted.push(copy.hash);
      }
    }
    void store.put(batch.filter((copy) => copies.has(copy.hash)));
    if (evicted.length) void store.remove(evicted);
  };

  const save = (query: Query) => {
    const copy: SavedCopy = {
      hash: query.queryHash,
      key: query.queryKey,
      data: query.state.data,
      savedAt: query.state.dataUpdatedAt,
      format: SAVED_COPY_FORMAT,
    };
    copies.set(copy.hash, copy);
    pending.set(copy.hash, copy);
    cancelWrite ??= whenIdle(() => flush(), { within: WRITE_WITHIN_MS });
  };

  /** A query that got no answer and has nothing to show: its saved copy, if there is one. */
  const useCopy = async (query: Query) => {
    await ready;
    const copy = copies.get(query.queryHash);
    if (stopped || !copy || query.state.data !== undefined || client.getQueryCache().get(query.queryHash) !== query) return;
    client.setQueryData(query.queryKey, copy.data, { updatedAt: copy.savedAt });
    shown.add(query.queryHash);
    notify();
  };

  const unsubscribe = client.getQueryCache().subscribe((event) => {
    const { query } = event;
    if (event.type === 'removed') {
      if (shown.delete(query.queryHash)) notify();
      return;
    }
    if (event.type !== 'updated' || !isSavedQuery(query)) return;
    const { action } = event;
    // a copy put in place is not an answer: it is neither saved again nor shown as new
    if (action.type === 'success' && !action.manual) {
      save(query);
      if (shown.delete(query.queryHash)) notify();
    }
    if (action.type === 'error' && isNetworkFailure(action.error) && query.state.data === undefined) void useCopy(query);
  });

  return {
    shows: (query) => shown.has(query.queryHash),
    showsAny: () => shown.size > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    stop() {
      stopped = true;
      unsubscribe();
      if (cancelWrite) {
        cancelWrite();
        flush(true);
      }
    },
  };
}
