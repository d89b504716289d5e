/**
 * The one owner of the filters' URL (`?unit=…&period=…`, its form in url-state.ts): it reads
 * the URL into the store when the app starts and at every back or forward onto the dashboard,
 * writes each change of the filters as a new history entry while the dashboard is shown,
 * rewrites in place a URL that had to be corrected, and drops the wards the API does not know.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { queries } from '../../api/queries';
import type { Unit } from '../../api/contract';
import { useLatestPeriod } from './latest-period';
import { useFilters } from './store';
import { DEFAULT_FILTERS, parseFilters, serializeFilters, type Filters } from './url-state';

function readUrl(): void {
  const { filters, notices } = parseFilters(window.location.search);
  useFilters.setState({ ...filters, latest: filters.latest ?? false, latestFound: undefined, notices });
}

function replaceUrl(filters: Filters): void {
  const search = serializeFilters(filters);
  if (window.location.search !== search) window.history.replaceState(null, '', search);
}

/**
 * At the app's start: the filters come from the URL, now and at every back or forward onto an
 * address that `isDashboard` says is the dashboard's (onto the editor, they stay as they were).
 * Returns the function that stops following.
 */
export function followFilterUrl(isDashboard: () => boolean): () => void {
  readUrl();
  const onPop = () => {
    if (isDashboard()) readUrl();
  };
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

/**
 * While the dashboard is shown, a change of the filters becomes a new URL; returns the function
 * that stops it. A new history entry costs the browser some 10 ms: it is written in the next
 * task, once the change's own work is done (the panels' requests sent), each change its own
 * entry, in order. Back or forward, or leaving the dashboard, drops those not written yet (the
 * address is then another's).
 */
function writeFiltersToUrl(): () => void {
  // a URL that was corrected on load is rewritten in place, not pushed
  replaceUrl(useFilters.getState());
  const queued: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    for (const search of queued.splice(0)) if (window.location.search !== search) window.history.pushState(null, '', search);
  };
  const drop = () => {
    clearTimeout(timer);
    timer = undefined;
    queued.length = 0;
  };
  window.addEventListener('popstate', drop);
  const unsubscribe = useFilters.subscribe((state, prev) => {
    if (state.period === prev.period && state.units === prev.units) return;
    queued.push(serializeFilters(state));
    timer ??= setTimeout(write, 0);
  });
  return () => {
    drop();
    window.removeEventListener('popstate', drop);
    unsubscribe();
  };
}

/** Drops ids the API does not know, with a notice; falls back to the default if none is left. */
function dropUnknownUnits(known: readonly Unit[]): void {
  const { units, notices } = useFilters.getState();
  const names = new Map(known.map((u) => [u.id, u.name]));
  const unknown = units.filter((u) => !names.has(u));
  if (unknown.length === 0) return;
  const kept = units.filter((u) => names.has(u));
  const fallback = kept.length > 0 ? kept : DEFAULT_FILTERS.units;
  useFilters.setState({
    units: fallback,
    notices: [...notices, `Không tìm thấy phường “${unknown.join('”, “')}”; đang hiển thị ${fallback.map((id) => names.get(id) ?? id).join(', ')}.`],
  });
  replaceUrl(useFilters.getState());
}

/**
 * The dashboard's filters, kept in the URL while it is shown. Once the wards' list is known,
 * a ward from a bad link is dropped (with a notice) and never asked for: the wards returned are
 * the known ones (all of them until the list is there). A link without a period gets the latest
 * one with figures (latest-period.ts); until it is known the period is '' and the panels wait.
 */
export function useDashboardFilters(): Filters {
  const units = useFilters((s) => s.units);
  const period = useFilters((s) => s.period);
  const known = useQuery(queries.units()).data;
  useLatestPeriod(useQueryClient(), known);
  useEffect(() => writeFiltersToUrl(), []);
  useEffect(() => {
    if (known) dropUnknownUnits(known);
  }, [known, units]);
  const knownUnits = useMemo(() => {
    const kept = known ? units.filter((id) => known.some((u) => u.id === id)) : units;
    return kept.length === units.length ? units : kept;
  }, [known, units]);
  return { units: knownUnits, period };
}
