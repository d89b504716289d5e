/** The queries a KPI panel needs, started together; one failing blanks only this panel. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Family } from './contract';
import { queries } from './queries';

export function usePanelData(family: Family, units: string[], period: string) {
  // keep the old figures on screen while the new filters' ones load
  const observations = useQuery({ ...queries.observations({ units, family, to: period }), placeholderData: keepPreviousData });
  const unitsQuery = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());
  const sources = useQuery(queries.sources());
  const all = [observations, unitsQuery, indicators, sources];
  const failed = all.find((q) => q.isError && !q.data);
  return {
    data:
      observations.data && unitsQuery.data && indicators.data && sources.data
        ? { observations: observations.data, units: unitsQuery.data, indicators: indicators.data, sources: sources.data }
        : undefined,
    error: failed?.error ?? null,
    isPending: all.some((q) => q.isPending),
    /** Old figures stay on screen while the new ones load. */
    isUpdating: observations.isPlaceholderData,
    isRetrying: all.some((q) => q.isFetching),
    retry: () => all.filter((q) => q.isError).forEach((q) => void q.refetch()),
  };
}
