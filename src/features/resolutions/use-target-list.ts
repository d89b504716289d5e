/**
 * The queries the target list needs, asked only when it is drawn and only for the units shown:
 * their resolutions in force in the period's year, then the figures of the indicators their
 * targets name, from the earliest base year to the period. They are asked as soon as the view
 * changes, beside the panel's own figures; the list is worked out once, when its answers and the
 * report's counts of the new view are all in, and the last list stays on screen meanwhile. The
 * resolutions of the years before and after are asked once the page is idle: a change of year
 * then knows at once which figures its targets need, and asks for them beside the panel's
 * (with the province, the resolutions' answer alone had the change wait a round trip and a
 * few hundred kB read); so are the figures the same targets need a year earlier, the year a
 * leader turns to to compare (with the province, four quarters' requests the change to it
 * waited for).
 */
import { keepPreviousData, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Observation, Resolution } from '../../api/contract';
import { formatPeriodId, parsePeriod } from '../../api/periods';
import { queries, resolutionsQuery } from '../../api/queries';
import { useSameData } from '../../components/use-same-data';
import { whenIdle } from '../../lib/when-idle';
import { resolutionInForce, targetFigures, targetsAsk } from './target-figures';
import { buildTargetList, targetJudge, type TargetListModel } from './target-list-model';

export interface TargetListView {
  unitIds: readonly string[];
  period: string;
  /** The report's own counts of the view; undefined while the panel's figures of the view load. */
  reported: readonly Observation[] | undefined;
  byUnit: boolean;
}

const NO_FIGURES: Observation[] = [];
const NO_RESOLUTIONS: Resolution[] = [];

export function useTargetList({ unitIds, period, reported, byUnit }: TargetListView) {
  const year = parsePeriod(period)?.year;
  const resolutions = useQuery({ ...resolutionsQuery(unitIds, year), enabled: year !== undefined && unitIds.length > 0, placeholderData: keepPreviousData });
  const units = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());
  const client = useQueryClient();

  const ask = useMemo(() => targetsAsk(resolutions.data ?? NO_RESOLUTIONS, period), [resolutions.data, period]);

  const figuresOptions = useMemo(() => targetFigures(ask, period), [ask, period]);
  const needsFigures = ask.units.length > 0 && ask.indicators.length > 0;
  const settled = resolutions.data !== undefined && !resolutions.isPlaceholderData;
  // once the page is idle: the resolutions of the years before and after (asked again only when the year changes)
  useEffect(() => {
    if (!settled || year === undefined || unitIds.length === 0) return;
    return whenIdle(() => {
      for (const y of [year - 1, year + 1]) void client.prefetchQuery(resolutionsQuery(unitIds, y));
    });
  }, [settled, year, unitIds, client]);
  // asked for the resolutions of the view, not for the last view's that stand in meanwhile
  const parts = useQueries({ queries: figuresOptions.map((o) => ({ ...o, enabled: needsFigures && !resolutions.isPlaceholderData })) });
  const partData = useSameData(parts);
  const joined = useMemo(() => (partData.every(Boolean) ? partData.flatMap((d) => d!) : undefined), [partData]);
  const figures = { data: joined, ...partsStatus(parts) };

  const all = needsFigures ? [resolutions, units, indicators, figures] : [resolutions, units, indicators];
  const failed = all.find((q) => q.isError && !q.data);
  const ready = Boolean(resolutions.data && !resolutions.isPlaceholderData && (!needsFigures || figures.data));
  // once this view's figures are in and the page is idle (never competing with them): the
  // figures the same targets need a year earlier, so that a change to last year, to compare,
  // asks for nothing more than the panels' own cùng kỳ, already asked (use-panel-data.ts)
  const figuresIn = needsFigures && ready;
  useEffect(() => {
    const p = parsePeriod(period);
    if (!figuresIn || !p) return;
    return whenIdle(() => {
      for (const o of targetFigures(ask, formatPeriodId(p.year - 1, p.quarter))) void client.prefetchQuery(o);
    });
  }, [figuresIn, ask, period, client]);
  const judgeFigures = needsFigures ? figures.data : NO_FIGURES;
  // the targets judged as soon as their answers are in, while the panel's own figures may still
  // load (the resolution a report's count names is judged then, if it is another)
  const judge = useMemo(() => {
    if (!ready || !units.data || !indicators.data || !judgeFigures) return undefined;
    const judge = targetJudge({ period, figures: judgeFigures, indicators: indicators.data, units: units.data });
    for (const id of unitIds) {
      const r = resolutionInForce(resolutions.data!, id, period);
      if (r) judge(r);
    }
    return judge;
  }, [ready, units.data, indicators.data, judgeFigures, period, unitIds, resolutions.data]);
  const fresh = useMemo<TargetListModel | undefined>(() => {
    if (!judge || !reported) return undefined;
    const input = { unitIds, period, resolutions: resolutions.data!, figures: judgeFigures!, indicators: indicators.data!, units: units.data!, reported, byUnit };
    return buildTargetList(input, judge);
  }, [judge, reported, unitIds, period, resolutions.data, judgeFigures, indicators.data, units.data, byUnit]);
  // the last list worked out, on screen until the new view's is (kept as React keeps state that follows props)
  const [last, setLast] = useState(fresh);
  if (fresh && fresh !== last) setLast(fresh);
  // a view whose answers could not be had says so, rather than keep the last one's list unsaid
  const model = failed ? fresh : (fresh ?? last);

  return {
    model,
    /** The last view's list stands in while the new one's answers load (the panel's own figures are in). */
    updating: !fresh && model !== undefined && reported !== undefined && !failed,
    error: failed?.error ?? null,
    retry: () => all.filter((q) => q.isError).forEach((q) => void q.refetch()),
    retrying: all.some((q) => q.isFetching),
  };
}

/** The parts' state as one answer's: failed if any part is. */
function partsStatus(parts: UseQueryResult<Observation[]>[]) {
  const failed = parts.find((q) => q.isError);
  return {
    isError: failed !== undefined,
    error: failed?.error ?? null,
    isFetching: parts.some((q) => q.isFetching),
    refetch: () => Promise.all(parts.filter((q) => q.isError).map((q) => q.refetch())),
  };
}
