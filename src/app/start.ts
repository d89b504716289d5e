/**
 * What the app does once, before its first render (mount.tsx, and each page test): the filters
 * follow the URL, read now and again at every back or forward onto the dashboard's address,
 * and a link without a period is given the latest one with figures, by the panels' rule (the
 * filters do not know the panels: the app gives it). Nothing is read from the URL when a module
 * is imported.
 */
import { isEditorPath } from '../features/editor/navigation';
import { provideLatestPeriod } from '../features/filters/latest-period';
import { followFilterUrl } from '../features/filters/url-sync';
import { findLatestPeriod } from '../features/kpi-panel/latest-period';

/** Returns the function that stops it all. */
export function startApp(): () => void {
  const stopRule = provideLatestPeriod(findLatestPeriod);
  const stopUrl = followFilterUrl(() => !isEditorPath());
  return () => {
    stopUrl();
    stopRule();
  };
}
