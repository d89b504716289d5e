/**
 * Whether the server can be reached, as the page finds out from its own requests: a request that
 * got no answer at all (no HTTP status: the network is down, the server stopped, or, through the
 * service worker, nothing within its timeout) has the server asked directly (GET /api/health,
 * given up after PROBE_TIMEOUT_MS). If that fails too, or the browser says it is offline, the
 * connection is lost: panels say so, and the server is asked again every few seconds (2 s,
 * growing to 10 s); once it answers, the page's queries that failed or show a saved copy ask
 * again by themselves. A request that stays unanswered for SLOW_MS has the server asked too, so
 * a connection that hangs is said to be lost before any timeout of the request's own.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { ApiRequestError } from '../../api/client';

export const PROBE_PATH = '/api/health';
export const PROBE_TIMEOUT_MS = 1500;
/** A request unanswered this long has the server checked. */
export const SLOW_MS = 2000;
const FIRST_INTERVAL_MS = 2000;
const MAX_INTERVAL_MS = 10_000;

interface ConnectionState {
  /** The server cannot be reached now. */
  lost: boolean;
  /** Since when (ms since the epoch), while lost. */
  since?: number;
}

export const useConnection = create<ConnectionState>(() => ({ lost: false }));

export const useConnectionLost = () => useConnection((s) => s.lost);

/** A failure of the request itself: no answer from the server (an HTTP error is an answer). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiRequestError && error.kind === 'network';
}

/** Whether a failed read is worth asking again at once: not while the connection is known to be lost. */
export function connectionLost(): boolean {
  return useConnection.getState().lost || (typeof navigator !== 'undefined' && navigator.onLine === false);
}

/** GET /api/health answered with 2xx within the timeout. */
export async function probeServer(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    const res = await fetch(PROBE_PATH, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

export interface WatchOptions {
  probe?: () => Promise<boolean>;
  /** Which queries ask again when the server answers (besides those that failed). */
  showsSavedCopy?: (query: Query) => boolean;
}

/**
 * Watches the client's queries and the browser's online/offline events; returns the function
 * that stops it. One watcher per page (app/mount.tsx starts it through app.tsx).
 */
export function watchConnection(client: QueryClient, { probe = () => probeServer(), showsSavedCopy = () => false }: WatchOptions = {}): () => void {
  let stopped = false;
  let probing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let interval = FIRST_INTERVAL_MS;
  const slow = new Map<string, ReturnType<typeof setTimeout>>();

  const setLost = (lost: boolean) => {
    if (useConnection.getState().lost === lost) return;
    useConnection.setState(lost ? { lost, since: Date.now() } : { lost, since: undefined });
  };

  const askAgain = () => {
    void client.refetchQueries({
      type: 'active',
      predicate: (q) => q.state.status === 'error' || showsSavedCopy(q) || q.state.fetchStatus === 'fetching',
    });
  };

  const schedule = () => {
    clearTimeout(timer);
    if (stopped || !useConnection.getState().lost) return;
    timer = setTimeout(() => void check(), interval);
    interval = Math.min(MAX_INTERVAL_MS, Math.round(interval * 1.5));
  };

  /** Asks the server; lost or found again accordingly. */
  const check = async () => {
    if (stopped || probing) return;
    probing = true;
    const answered = navigator.onLine !== false && (await probe());
    probing = false;
    if (stopped) return;
    const wasLost = useConnection.getState().lost;
    setLost(!answered);
    if (answered && wasLost) {
      interval = FIRST_INTERVAL_MS;
      askAgain();
    }
    schedule();
  };

  const onFailure = () => {
    if (navigator.onLine === false) setLost(true);
    void check();
  };

  /** A read that is still unanswered after SLOW_MS has the server checked. */
  const watchSlow = (query: Query) => {
    const hash = query.queryHash;
    if (slow.has(hash)) return;
    slow.set(
      hash,
      setTimeout(() => {
        slow.delete(hash);
        if (query.state.fetchStatus === 'fetching') void check();
      }, SLOW_MS),
    );
  };
  const unwatchSlow = (hash: string) => {
    clearTimeout(slow.get(hash));
    slow.delete(hash);
  };

  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') return unwatchSlow(event.query.queryHash);
    if (event.type !== 'updated') return;
    const { query, action } = event;
    if (action.type === 'fetch') watchSlow(query);
    if (action.type === 'success' || action.type === 'error') unwatchSlow(query.queryHash);
    if (action.type === 'success' && !action.manual && useConnection.getState().lost) {
      // an answer: the server is there again
      setLost(false);
      interval = FIRST_INTERVAL_MS;
      askAgain();
    }
    if (action.type === 'error' && isNetworkFailure(action.error)) onFailure();
  });

  const onOffline = () => setLost(true);
  const onOnline = () => void check();
  const onVisible = () => {
    if (document.visibilityState === 'visible' && useConnection.getState().lost) void check();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  for (const query of client.getQueryCache().getAll()) if (query.state.fetchStatus === 'fetching') watchSlow(query);
  if (navigator.onLine === false) setLost(true);
  schedule();

  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const t of slow.values()) clearTimeout(t);
    unsubscribe();
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    setLost(false);
  };
}

