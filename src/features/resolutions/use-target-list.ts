/**
 * The queries the target list needs, asked only when it is drawn and only for the units shown:
 * their resolutions in force in the period's year, then the figures of the indicators their
 * targets name, from the earliest base year to the period.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resolutionYears, type Observation } from '../../api/contract';
import { formatPeriodId, parsePeriod } from '../../api/periods';
import { queries, resolutionsQuery } from '../../api/queries';
import { buildTargetList, resolutionInForce, type TargetListModel } from './target-list-model';

export interface TargetListView {
  unitIds: readonly string[];
  period: string;
  reported: readonly Observation[];
  byUnit: boolean;
}

export function useTargetList({ unitIds, period, reported, byUnit }: TargetListView) {
  const year = parsePeriod(period)?.year;
  const resolutions = useQuery({ ...resolutionsQuery(unitIds, year), enabled: year !== undefined && unitIds.length > 0, placeholderData: keepPreviousData });
  const units = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());

  // what the resolutions in force ask of the figures: which units, which indicators, since when
  const ask = useMemo(() => {
    const inForce = (resolutions.data ?? []).filter((r) => resolutionInForce(resolutions.data ?? [], r.unitId, period, r.kind) === r);
    const ids = new Set<string>();
    const withTargets = new Set<string>();
    let base: number | undefined;
    for (const r of inForce) {
      for (const t of r.targets) {
        if (!t.indicatorId) continue;
        ids.add(t.indicatorId);
        withTargets.add(r.unitId);
      }
      const y = resolutionYears(r)?.baseYear;
      if (y !== undefined && (base === undefined || y < base)) base = y;
    }
    return { units: [...withTargets], indicators: [...ids], from: base !== undefined ? formatPeriodId(base, 1) : undefined };
  }, [resolutions.data, period]);

  const figuresOptions = useMemo(
    () => queries.observations({ units: ask.units, indicators: ask.indicators, from: ask.from, to: period }),
    [ask, period],
  );
  const needsFigures = ask.units.length > 0 && ask.indicators.length > 0;
  const figures = useQuery({ ...figuresOptions, enabled: needsFigures, placeholderData: keepPreviousData });

  const all = needsFigures ? [resolutions, units, indicators, figures] : [resolutions, units, indicators];
  const failed = all.find((q) => q.isError && !q.data);
  const model = useMemo<TargetListModel | undefined>(() => {
    if (!resolutions.data || !units.data || !indicators.data) return undefined;
    if (needsFigures && !figures.data) return undefined;
    return buildTargetList({
      unitIds,
      period,
      resolutions: resolutions.data,
      figures: needsFigures ? (figures.data ?? []) : [],
      indicators: indicators.data,
      units: units.data,
      reported,
      byUnit,
    });
  }, [resolutions.data, units.data, indicators.data, figures.data, needsFigures, unitIds, period, reported, byUnit]);

  return {
    model,
    error: failed?.error ?? null,
    retry: () => all.filter((q) => q.isError).forEach((q) => void q.refetch()),
    retrying: all.some((q) => q.isFetching),
  };
}
