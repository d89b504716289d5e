/** The queries a KPI panel needs, started together; one failing blanks only this panel. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Family } from '../../api/contract';
import { queries } from '../../api/queries';
import { panelObservations } from './panel-query';

export function usePanelData(family: Family, units: string[], period: string) {
  const unitsQuery = useQuery(queries.units());
  // The figures are asked for at once, alongside the wards' list (not after it). The wards come
  // from the filters, which leave out the ones the list does not know (useDashboardFilters).
  const known = unitsQuery.data;
  const observations = useQuery({
    ...panelObservations(family, units, period),
    enabled: units.length > 0,
    // keep the old figures on screen while the new filters' ones load
    placeholderData: keepPreviousData,
  });
  const indicators = useQuery(queries.indicators());
  const sources = useQuery(queries.sources());
  const all = [observations, unitsQuery, indicators, sources];
  const failed = known ? all.find((q) => q.isError && !q.data) : unitsQuery.isError ? unitsQuery : undefined;
  // the same object while the same answers stand, so what is built from it can be memoised
  const data = useMemo(
    () => (observations.data && known && indicators.data && sources.data ? { observations: observations.data, units: known, indicators: indicators.data, sources: sources.data } : undefined),
    [observations.data, known, indicators.data, sources.data],
  );
  return {
    data,
    /** The wards' names, known even when the figures failed to load. */
    knownUnits: known,
    error: failed?.error ?? null,
    isPending: all.some((q) => q.isPending),
    /** Old figures stay on screen while the new ones load. */
    isUpdating: observations.isPlaceholderData,
    isRetrying: all.some((q) => q.isFetching),
    retry: () => all.filter((q) => q.isError).forEach((q) => void q.refetch()),
  };
}
