/** The queries a KPI panel needs, started together; one failing blanks only this panel. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { whenIdle } from '../../lib/when-idle';
import type { Family, Observation, Unit } from '../../api/contract';
import { parsePeriod } from '../../api/periods';
import { queries } from '../../api/queries';
import { comparesUnits } from './compare';
import { unitsToFetch } from './panel-model';
import { comparedSamePeriod, panelObservations } from './panel-query';
import { unitsInView } from './units-in-view';

const NONE: Observation[] = [];

export function usePanelData(family: Family, chosen: string[], period: string, lineage: boolean) {
  const unitsQuery = useQuery(queries.units());
  const known = unitsQuery.data;
  // the units shown and the ones asked for (units-in-view.ts), once the register says what the
  // chosen ids stand for (a province stands for its communes)
  const fetchIds = useMemo(() => unitsToFetch(chosen, period, known, lineage), [chosen, period, known, lineage]);
  const compared = useMemo(() => comparesUnits(unitsInView(chosen, period, known).length), [chosen, period, known]);
  // no period yet (the latest one with figures is being sought): nothing is asked, the panel waits
  const periodKnown = parsePeriod(period) !== null;
  const nothingToAsk = known !== undefined && periodKnown && fetchIds.length === 0;
  // built once per view: its key sorts and normalises the ids (102 with the province)
  const options = useMemo(() => panelObservations(family, fetchIds, period, compared), [family, fetchIds, period, compared]);
  const observations = useQuery({
    ...options,
    enabled: known !== undefined && periodKnown && fetchIds.length > 0,
    // keep the old figures on screen while the new view's load
    placeholderData: keepPreviousData,
  });
  // many units compared: the same spans a year earlier, for the cùng kỳ of the table's rows
  // alone; asked once this view's own figures are in and drawn, when the page is idle (never
  // competing with them or with the other panels' answers, nor waited for). The last view's
  // stand in meanwhile: figures as true as any, paired only by period.
  const ownIn = observations.data !== undefined && !observations.isPlaceholderData;
  const samePeriodOptions = useMemo(() => comparedSamePeriod(fetchIds, period), [fetchIds, period]);
  const [idleFor, setIdleFor] = useState<unknown>();
  useEffect(() => {
    if (!compared || !ownIn) return;
    return whenIdle(() => setIdleFor(samePeriodOptions.queryKey));
  }, [compared, ownIn, samePeriodOptions.queryKey]);
  const asked = idleFor === samePeriodOptions.queryKey;
  const samePeriod = useQuery({ ...samePeriodOptions, enabled: compared && ownIn && asked && samePeriodOptions.enabled, placeholderData: keepPreviousData });
  const indicators = useQuery(queries.indicators());
  const sources = useQuery(queries.sources());
  const all = nothingToAsk ? [unitsQuery, indicators, sources] : [observations, unitsQuery, indicators, sources];
  const failed = known ? all.find((q) => q.isError && !q.data) : unitsQuery.isError ? unitsQuery : undefined;
  const figures = nothingToAsk ? NONE : observations.data;
  // the same object while the same answers stand, so what is built from it can be memoised
  const data = useMemo(
    () =>
      figures && known && indicators.data && sources.data
        ? { observations: figures, units: known as Unit[], indicators: indicators.data, sources: sources.data }
        : undefined,
    [figures, known, indicators.data, sources.data],
  );
  return {
    data,
    /** Many units: the same spans a year earlier, apart from `data`, as they pair only the table's rows. */
    samePeriodFigures: (compared && samePeriod.data) || NONE,
    /** The units' names, known even when the figures failed to load. */
    knownUnits: known,
    error: failed?.error ?? null,
    isPending: all.some((q) => q.isPending),
    /** Old figures stay on screen while the new ones load. */
    isUpdating: !nothingToAsk && observations.isPlaceholderData,
    isRetrying: all.some((q) => q.isFetching),
    retry: () => all.filter((q) => q.isError).forEach((q) => void q.refetch()),
  };
}
