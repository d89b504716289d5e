/** What every part of the editor needs from the API: units, indicators, sources and their rules. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Indicator, SourceSummary, Unit } from '../../api/contract';
import { queries } from '../../api/queries';
import { ruleContext, type RuleContext } from '../../api/rules';
import { containersOf } from '../../api/units';
import type { RuleNames } from './field-errors';

export interface EditorData {
  units: Unit[];
  indicators: Indicator[];
  sources: SourceSummary[];
  ctx: RuleContext;
  names: RuleNames;
  /** The unit the editor opens on: the one with the most reports (sources), else the first. */
  defaultUnitId: string;
  unitName: (id: string) => string;
  indicatorOf: (id: string) => Indicator | undefined;
  sourceOf: (id: string) => SourceSummary | undefined;
}

export function useEditorData(): { data?: EditorData; error: unknown; isPending: boolean; retry: () => void } {
  const units = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());
  const sources = useQuery(queries.sources());
  const data = useMemo((): EditorData | undefined => {
    if (!units.data || !indicators.data || !sources.data) return undefined;
    const unitMap = new Map(units.data.map((u) => [u.id, u]));
    const indicatorMap = new Map(indicators.data.map((i) => [i.id, i]));
    const sourceMap = new Map(sources.data.map((s) => [s.id, s]));
    const unitName = (id: string) => unitMap.get(id)?.name ?? id;
    const reports = new Map<string, number>();
    for (const s of sources.data) reports.set(s.unitId, (reports.get(s.unitId) ?? 0) + 1);
    const mostReported = units.data.reduce<Unit | undefined>(
      (best, u) => ((reports.get(u.id) ?? 0) > (best ? (reports.get(best.id) ?? 0) : 0) ? u : best),
      undefined,
    );
    return {
      units: units.data,
      indicators: indicators.data,
      sources: sources.data,
      ctx: ruleContext(units.data, indicators.data, sources.data, containersOf(units.data)),
      names: { unitName },
      defaultUnitId: (mostReported ?? units.data[0])?.id ?? '',
      unitName,
      indicatorOf: (id) => indicatorMap.get(id),
      sourceOf: (id) => sourceMap.get(id),
    };
  }, [units.data, indicators.data, sources.data]);
  return {
    data,
    error: units.error ?? indicators.error ?? sources.error,
    isPending: units.isPending || indicators.isPending || sources.isPending,
    retry: () => {
      void units.refetch();
      void indicators.refetch();
      void sources.refetch();
    },
  };
}
