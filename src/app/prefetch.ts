/**
 * The dashboard's first requests, started before React's first render: the data for the filters
 * in the URL, then the chart code. The panels' queries find them in flight (same keys), so the
 * wait for the API overlaps the first render instead of following it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Unit } from '../api/contract';
import { queries } from '../api/queries';
import { preloadChart } from '../components/charts/use-kpi-chart';
import { isEditorPath } from '../features/editor/navigation';
import { useFilters } from '../features/filters/store';
import { comparesUnits } from '../features/kpi-panel/compare';
import { FAMILIES } from '../features/kpi-panel/families';
import { panelObservations } from '../features/kpi-panel/panel-query';
import { unitsInView } from '../features/kpi-panel/units-in-view';

function prefetchFigures(client: QueryClient, view: string[], period: string): void {
  if (view.length === 0) return;
  for (const { family } of FAMILIES) void client.prefetchQuery(panelObservations(family, view, period, comparesUnits(view.length)));
}

/** On the dashboard's path only (the editor asks for its own data). */
export function prefetchDashboard(client: QueryClient): void {
  if (isEditorPath()) return;
  const { units, period } = useFilters.getState();
  // the ids as they are (a few wards: the common case, asked for at once), and once the register
  // says what they stand for (a province: its communes), those if they differ (units-in-view.ts)
  const known = client.getQueryData<Unit[]>(queries.units().queryKey);
  const first = unitsInView(units, period, known);
  prefetchFigures(client, first, period);
  void client
    .fetchQuery(queries.units())
    .then((register) => {
      const view = unitsInView(units, period, register);
      if (view.join('\u0000') !== first.join('\u0000')) prefetchFigures(client, view, period);
    })
    .catch(() => undefined); // the panels say so
  void client.prefetchQuery(queries.indicators());
  void client.prefetchQuery(queries.sources());
  // trends are drawn with the chart code; a comparison of many units is drawn without it
  if (!comparesUnits(first.length)) preloadChart();
}
