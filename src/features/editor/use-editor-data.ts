/**
 * What every part of the editor needs from the API: units, indicators, sources and their rules,
 * and which units the signed-in token may write (its session's units; every unit if it names none).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Indicator, SourceSummary, Unit } from '../../api/contract';
import { queries } from '../../api/queries';
import { ruleContext, type RuleContext } from '../../api/rules';
import { containersOf } from '../../api/units';
import type { RuleNames } from './field-errors';
import { unitGroups, unitLabels, type UnitGroup } from './unit-labels';

export interface EditorData {
  /** Every unit (to name them, and to read reports of any unit). */
  units: Unit[];
  /** The units the token may write: the pickers offer only these. */
  writableUnits: Unit[];
  /** The writable units in the pickers' groups (current, former, districts, provinces). */
  writableGroups: UnitGroup[];
  mayWrite: (unitId: string) => boolean;
  indicators: Indicator[];
  sources: SourceSummary[];
  ctx: RuleContext;
  names: RuleNames;
  /** The unit the editor opens on: the one with the most reports (sources), else the first. */
  defaultUnitId: string;
  unitName: (id: string) => string;
  /** The name with what tells it apart: its validity, its level, a namesake's district. */
  unitLabel: (id: string) => string;
  indicatorOf: (id: string) => Indicator | undefined;
  sourceOf: (id: string) => SourceSummary | undefined;
}

export function useEditorData(allowed: readonly string[] | null = null): { data?: EditorData; error: unknown; isPending: boolean; retry: () => void } {
  const units = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());
  const sources = useQuery(queries.sources());
  const data = useMemo((): EditorData | undefined => {
    if (!units.data || !indicators.data || !sources.data) return undefined;
    const unitMap = new Map(units.data.map((u) => [u.id, u]));
    const indicatorMap = new Map(indicators.data.map((i) => [i.id, i]));
    const sourceMap = new Map(sources.data.map((s) => [s.id, s]));
    const unitName = (id: string) => unitMap.get(id)?.name ?? id;
    const labels = unitLabels(units.data);
    const mayWrite = (id: string) => !allowed || allowed.includes(id);
    const writableUnits = allowed ? units.data.filter((u) => mayWrite(u.id)) : units.data;
    const reports = new Map<string, number>();
    for (const s of sources.data) reports.set(s.unitId, (reports.get(s.unitId) ?? 0) + 1);
    const mostReported = writableUnits.reduce<Unit | undefined>(
      (best, u) => ((reports.get(u.id) ?? 0) > (best ? (reports.get(best.id) ?? 0) : 0) ? u : best),
      undefined,
    );
    return {
      units: units.data,
      indicators: indicators.data,
      sources: sources.data,
      ctx: ruleContext(units.data, indicators.data, sources.data, containersOf(units.data)),
      names: { unitName },
      writableUnits,
      writableGroups: unitGroups(writableUnits, labels),
      mayWrite,
      defaultUnitId: (mostReported ?? writableUnits[0])?.id ?? '',
      unitName,
      unitLabel: (id) => labels.get(id) ?? id,
      indicatorOf: (id) => indicatorMap.get(id),
      sourceOf: (id) => sourceMap.get(id),
    };
  }, [units.data, indicators.data, sources.data, allowed]);
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
