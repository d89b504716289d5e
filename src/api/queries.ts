/**
 * The one query-key factory: every query's key and fetcher live together here.
 * Invalidate through these keys, never a retyped one.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiRequestList, apiRequestPages } from './client';
import {
  IndicatorsResponse,
  RESOLUTION_LIMITS,
  ResolutionsResponse,
  resolutionsPath,
  ObservationsResponse,
  SourceResponse,
  SourcesResponse,
  Unit,
  observationsPath,
  type Family,
  type Observation,
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
      // 400 units: checked a part at a time (client.ts)
      queryFn: ({ signal }) => apiRequestList('/api/units', 'units', Unit, { signal }),
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
    const normalized = normalizeFilter(filter);
    return queryOptions({
      queryKey: [...queryKeys.observations, normalized] as const,
      queryFn: ({ signal }) => fetchNormalized(normalized, signal),
      staleTime: 30_000,
    });
  },
  /**
   * The same answer as `observations`, kept as a part that other queries are made of: under a
   * key of its own (a query made of one part is not that part), and not saved for offline use
   * (saved-copies.ts: the queries made of it are).
   */
  observationsPart: (filter: ObservationFilter) => {
    const normalized = normalizeFilter(filter);
    return queryOptions({
      queryKey: [...queryKeys.observations, normalized, 'part'] as const,
      queryFn: ({ signal }) => fetchNormalized(normalized, signal),
      staleTime: 30_000,
      meta: { saved: false },
    });
  },
};

/** A filter as its key holds it. */
interface NormalizedFilter {
  units: string[];
  from?: string;
  to?: string;
  family?: Family | Family[];
  indicators?: string[];
}

/** One key per set of units, families and indicators, whatever their order (an empty list of indicators is none given). */
function normalizeFilter(filter: ObservationFilter): NormalizedFilter {
  const { indicators, family, ...rest } = filter;
  const families = typeof family === 'string' ? [family] : [...new Set(family ?? [])].sort();
  return {
    ...rest,
    units: [...new Set(filter.units)].sort(),
    // one family keeps the key it always had
    ...(typeof family === 'string' ? { family } : families.length ? { family: families } : {}),
    ...(indicators?.length ? { indicators: [...new Set(indicators)].sort() } : {}),
  };
}

function fetchNormalized(filter: NormalizedFilter, signal?: AbortSignal): Promise<Observation[]> {
  const family = typeof filter.family === 'string' ? [filter.family] : (filter.family ?? []);
  const path = observationsPath({ unit: filter.units, family, indicator: filter.indicators ?? [], from: filter.from, to: filter.to });
  return apiRequestPages(path, ObservationsResponse, { signal }).then((pages) => pages.flatMap((p) => p.observations));
}

// ---------------------------------------------------------------- resolutions

/** The resolutions' keys: invalidate `resolutionKeys.all` after a resolution is written. */
export const resolutionKeys = { all: ['resolutions'] as const };

/**
 * The resolutions (term and year) of these units, with their targets: one request per
 * RESOLUTION_LIMITS.queryUnits units. A `year` asks only for those in force that year.
 */
export function resolutionsQuery(units: readonly string[], year?: number) {
  const unit = [...new Set(units)].sort();
  return queryOptions({
    queryKey: [...resolutionKeys.all, { unit, year }] as const,
    queryFn: async ({ signal }) => {
      const chunks: string[][] = [];
      for (let i = 0; i < unit.length; i += RESOLUTION_LIMITS.queryUnits) chunks.push(unit.slice(i, i + RESOLUTION_LIMITS.queryUnits));
      const answers = await Promise.all(chunks.map((c) => apiRequest(resolutionsPath({ unit: c, year }), ResolutionsResponse, { signal })));
      return answers.flatMap((a) => a.resolutions);
    },
    staleTime: 60_000,
  });
}
