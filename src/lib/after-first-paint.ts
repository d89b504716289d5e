/**
 * Runs `run` once the page has painted its first content (its figures: the first render waits
 * for them, app/first-paint.ts), or at once where the browser does not say; the answer cancels
 * it. For what the first paint does not need and a slow phone's network should not share with
 * it: the service worker and its precache, the picker's code.
 */
export function afterFirstContentfulPaint(run: () => void): () => void {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    run();
    return () => undefined;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    run();
  });
  observer.observe({ type: 'paint', buffered: true });
  return () => observer.disconnect();
}
