/**
 * The one query-key factory: every query's key and fetcher live together here.
 * Invalidate through these keys, never a retyped one.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiRequestPages } from './client';
import {
  IndicatorsResponse,
  ObservationsResponse,
  SourceResponse,
  SourcesResponse,
  UnitsResponse,
  observationsPath,
  type Family,
  type ObservationQuery,
} from './contract';

/**
 * What a panel asks for: the contract's query, by its units, with one family (or several,
 * for one request across panels) and, when given, only these indicators (the API's
 * `indicator` parameter).
 */
export type ObservationFilter = Partial<Pick<ObservationQuery, 'from' | 'to'>> & {
  units: ObservationQuery['unit'];
  family?: Family | readonly Family[];
  indicators?: ObservationQuery['indicator'];
};

export const queryKeys = {
  units: ['units'] as const,
  indicators: ['indicators'] as const,
  sources: ['sources'] as const,
  observations: ['observations'] as const,
};

export const queries = {
  units: () =>
    queryOptions({
      queryKey: queryKeys.units,
      queryFn: ({ signal }) => apiRequest('/api/units', UnitsResponse, { signal }).then((r) => r.units),
      staleTime: 5 * 60_000,
    }),
  indicators: () =>
    queryOptions({
      queryKey: queryKeys.indicators,
      queryFn: ({ signal }) =>
        apiRequest('/api/indicators', IndicatorsResponse, { signal }).then((r) => r.indicators),
      staleTime: 5 * 60_000,
    }),
  sources: () =>
    queryOptions({
      queryKey: queryKeys.sources,
      queryFn: ({ signal }) => apiRequest('/api/sources', SourcesResponse, { signal }).then((r) => r.sources),
      staleTime: 60_000,
    }),
  /**
   * One source with its report's text (the list leaves texts out). Its key starts with
   * queryKeys.sources, so invalidating the sources after a write covers it too.
   */
  source: (id: string) =>
    queryOptions({
      queryKey: [...queryKeys.sources, id] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/api/sources/${encodeURIComponent(id)}`, SourceResponse, { signal }).then((r) => r.source),
      staleTime: 60_000,
    }),
  /** Every observation of a filter: the answer comes in pages, and every page is fetched. */
  observations: (filter: ObservationFilter) => {
    // one key per set of units and indicators, whatever their order (an empty list of indicators is none given)
    const { indicators, family, ...rest } = filter;
    const families = typeof family === 'string' ? [family] : [...new Set(family ?? [])].sort();
    const normalized = {
      ...rest,
      units: [...new Set(filter.units)].sort(),
      // one family keeps the key it always had
      ...(typeof family === 'string' ? { family } : families.length ? { family: families } : {}),
      ...(indicators?.length ? { indicators: [...new Set(indicators)].sort() } : {}),
    };
    const path = observationsPath({
      unit: normalized.units,
      family: families,
      indicator: normalized.indicators ?? [],
      from: normalized.from,
      to: normalized.to,
    });
    return queryOptions({
      queryKey: [...queryKeys.observations, normalized] as const,
      queryFn: ({ signal }) =>
        apiRequestPages(path, ObservationsResponse, { signal }).then((pages) => pages.flatMap((p) => p.observations)),
      staleTime: 30_000,
    });
  },
};
