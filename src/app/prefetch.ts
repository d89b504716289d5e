/**
 * The dashboard's first requests, started before React's first render: the data for the filters
 * in the URL, then the chart code. The panels' queries find them in flight (same keys), so the
 * wait for the API overlaps the first render instead of following it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { preloadChart } from '../components/charts/use-kpi-chart';
import { isEditorPath } from '../features/editor/navigation';
import { useFilters } from '../features/filters/store';
import { comparesUnits } from '../features/kpi-panel/compare';
import { FAMILIES } from '../features/kpi-panel/families';
import { panelObservations } from '../features/kpi-panel/panel-query';

/** On the dashboard's path only (the editor asks for its own data). */
export function prefetchDashboard(client: QueryClient): void {
  if (isEditorPath()) return;
  const { units, period } = useFilters.getState();
  void client.prefetchQuery(queries.units());
  if (units.length > 0) for (const { family } of FAMILIES) void client.prefetchQuery(panelObservations(family, units, period));
  void client.prefetchQuery(queries.indicators());
  void client.prefetchQuery(queries.sources());
  // trends are drawn with the chart code; a comparison of many wards is drawn without it
  if (!comparesUnits(units.length)) preloadChart();
}
