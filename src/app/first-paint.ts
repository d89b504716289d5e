/**
 * The first paint waits for what it would otherwise draw twice, at most FIRST_PAINT_WAIT_MS:
 * the answers already asked for (the register, then the view's figures: prefetch.ts), so that
 * it shows the page filled in instead of loading states that the figures would then push down
 * (issue 17: desktop layout shift 0.214). A slow network still sees the loading states after
 * that wait. It does not wait for the web fonts: they are `font-display: optional` (fonts.css),
 * used from the first paint if they came in time, else not on this page, and never reflow it.
 */
import type { QueryClient } from '@tanstack/react-query';

export const FIRST_PAINT_WAIT_MS = 1000;

/**
 * Resolves when no query is fetching but `held()` of them (requests that are not to be answered
 * now: the server's first screen, first-screen.tsx), looked at a task after each change (an
 * answer's callbacks may ask for more).
 */
export function answered(client: QueryClient, held: () => number = () => 0): Promise<void> {
  return new Promise((resolve) => {
    const check = () =>
      setTimeout(() => {
        if (client.isFetching() > held()) return;
        unsubscribe();
        resolve();
      }, 0);
    const unsubscribe = client.getQueryCache().subscribe(check);
    check();
  });
}

export function firstPaintReady(client: QueryClient, { timeoutMs = FIRST_PAINT_WAIT_MS } = {}): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  const ready = answered(client);
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}
