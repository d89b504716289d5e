/**
 * The dashboard's requests started ahead of React: at the start, before the first render, the
 * register, indicators and sources, and the figures of the view in the URL as
 * soon as the register says what its ids stand for; then at every change of the filters, the
 * figures of the new view at once (and those its resolutions' targets ask for, when those
 * resolutions are known), before React draws the change. The panels' queries find
 * them in flight (the same keys: panel-query.ts), so the wait for the API overlaps the
 * rendering instead of following it.
 *
 * Figures are asked for only once the register is known, as the panels do: a province or
 * district chosen stands for its communes (units-in-view.ts), so figures asked for its own id
 * would be thrown away (four requests on a cold load of the province's link).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Unit } from '../api/contract';
import { queries } from '../api/queries';
import { isEditorPath } from '../features/editor/navigation';
import { resolveLatestPeriod } from '../features/filters/latest-period';
import { useFilters } from '../features/filters/store';
import type { Filters } from '../features/filters/url-state';
import { comparesUnits } from '../features/kpi-panel/compare';
import { prefetchPanels } from '../features/kpi-panel/panel-query';
import { unitIndex, unitsInView } from '../features/kpi-panel/units-in-view';
import { prefetchTargetFigures } from '../features/resolutions/target-figures';

/**
 * The units each panel shows for the chosen ids, as its data hook computes them: the known ids
 * only (the filters drop the others), a container standing for its communes.
 */
function viewOf(units: readonly string[], period: string, register: readonly Unit[]): string[] {
  const index = unitIndex(register);
  return unitsInView(
    units.filter((id) => index.has(id)),
    period,
    register,
  );
}

/**
 * On every change of the units or the period, the new view's figures, asked before React
 * renders the change. Only for a comparison: a panel drawing a trend may show its former units'
 * figures too (its own choice, which this cannot see), and then asks for other ids; a comparison
 * never does, and its many units are where an early start counts.
 */
function prefetchOnChange(client: QueryClient): () => void {
  return useFilters.subscribe((state, prev) => {
    if (state.units === prev.units && state.period === prev.period) return;
    const register = client.getQueryData<Unit[]>(queries.units().queryKey);
    if (!register) return;
    const view = viewOf(state.units, state.period, register);
    if (!comparesUnits(view.length)) return;
    prefetchPanels(client, view, state.period);
    prefetchTargetFigures(client, view, state.period);
  });
}

/**
 * The register, indicators and sources, and the figures of the view `filters` gives once the
 * register is known (it is read then: the person may have chosen meanwhile). Also the server's
 * first screen's (first-screen.tsx).
 */
export function prefetchView(client: QueryClient, filters: () => Pick<Filters, 'units' | 'period' | 'latest'> = useFilters.getState): void {
  void client
    .fetchQuery(queries.units())
    .then((register) => {
      const { units, period, latest } = filters();
      // a link without a period: the search for the latest one asks for (and keeps) the panels' figures
      if (latest && period === '') void resolveLatestPeriod(client, register);
      else prefetchPanels(client, viewOf(units, period, register), period);
    })
    .catch(() => undefined); // the panels say so
  void client.prefetchQuery(queries.indicators());
  void client.prefetchQuery(queries.sources());
}

/**
 * On the dashboard's path only (the editor asks for its own data). Returns the function that
 * stops the prefetch on change.
 */
export function prefetchDashboard(client: QueryClient): () => void {
  if (isEditorPath()) return () => undefined;
  prefetchView(client);
  return prefetchOnChange(client);
}
