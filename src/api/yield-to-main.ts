/**
 * Here, below everything, because the API's client checks a long answer in parts with it
 * (client.ts, apiRequestList); the app's start is cut with it too (main.tsx, app/mount.tsx).
 *
 * Resolves in a task of its own, letting the browser paint and answer input in between: where
 * a long start is cut in two (on a slow phone, each task over 50 ms blocks a tap: Lighthouse's
 * total blocking time). `scheduler.yield()` where the browser has it (the rest keeps its place
 * ahead of other tasks), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
