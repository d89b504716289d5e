/**
 * The service worker of the production build (sw.js, made by vite-plugin-pwa: vite.config.ts),
 * registered through workbox-window once the page has loaded and painted its figures (its
 * precache would share a slow phone's network with them), and checked for a new version
 * every UPDATE_CHECK_MS while the page stays open. A new version waits (Workbox's "waiting"
 * worker) until the person chooses to reload (update-prompt.tsx): it is offered, never forced in
 * the middle of a meeting. Not in `npm run dev` or tests, where msw's worker owns the scope.
 */
import { create } from 'zustand';
import { afterFirstContentfulPaint } from '../../lib/after-first-paint';

export const SERVICE_WORKER_URL = '/sw.js';
const UPDATE_CHECK_MS = 30 * 60_000;

interface UpdateState {
  /** Set while a new version waits: activates it, then reloads the page. */
  apply?: () => void;
}

export const useAppUpdate = create<UpdateState>(() => ({}));

/** Registers the worker once the page has loaded and painted; returns the function that stops the checks. */
export function registerServiceWorker(): () => void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  let interval: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const start = async () => {
    const { Workbox } = await import('workbox-window');
    if (stopped) return;
    const wb = new Workbox(SERVICE_WORKER_URL);
    wb.addEventListener('waiting', () => {
      useAppUpdate.setState({
        apply: () => {
          // the new worker takes over, then the page loads again under it
          wb.addEventListener('controlling', () => window.location.reload());
          wb.messageSkipWaiting();
        },
      });
    });
    await wb.register();
    interval = setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
  };

  let cancelPaint: (() => void) | undefined;
  // no worker: the page works without one
  const onLoad = () => (cancelPaint = afterFirstContentfulPaint(() => void start().catch(() => undefined)));
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad, { once: true });
  return () => {
    stopped = true;
    clearInterval(interval);
    cancelPaint?.();
    window.removeEventListener('load', onLoad);
  };
}
