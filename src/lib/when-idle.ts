/**
 * Runs `work` when the page is idle (no frame or input waiting), at the latest `within` ms from
 * now; where idle callbacks are missing (Safari, jsdom), after `fallback` ms. Returns the
 * function that cancels it.
 */
export function whenIdle(work: () => void, { within = 3000, fallback = 400 }: { within?: number; fallback?: number } = {}): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: within });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, fallback);
  return () => clearTimeout(id);
}
