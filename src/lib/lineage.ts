/**
 * Lineage on a trend chart: a unit formed on 2025-07-01 (or one that continued and absorbed
 * others) can show the figures of the former units that formed it, from before that day, each
 * as its own series labelled as the former unit ("Phường Mỹ Bình (cũ)"), never joined with the
 * unit's own. A sum of the former units ("cộng các đơn vị cũ") is added for a period only where
 * every part went in whole and every part reported that period, and only for figures that add
 * up (money and counts, not percents or targets met of different resolutions); a unit that was
 * split between new units is never summed.
 */
import type { Indicator, Observation, Unit } from '../api/contract';
import { comparePeriods, periodEnd } from '../api/periods';
import { formatDate } from './format';
import { benchmarkFor, boundaryLabel, type SeriesDef, type TrendChartModel, type TrendRow } from './kpi';
import { periodLabel } from './period-names';

export interface FormerPart {
  unit: Unit;
  /** The whole of the former unit went into this one (not a part of it). */
  whole: boolean;
}

/** The units that formed `unit` on `date`; for a continuing unit, the unit itself before that day counts in the sum. */
export interface LineageGroup {
  unit: Unit;
  date: string;
  formers: FormerPart[];
  /** The unit continued (kept its code and name): its own figures before `date` are part of the sum. */
  continuing: boolean;
}

/**
 * What formed a unit: a new unit's formedFrom (on its validFrom), or what a continuing unit
 * absorbed at each boundary change. Former units the register does not hold are left out.
 */
export function lineageOf(unit: Unit, unitById: ReadonlyMap<string, Unit>): LineageGroup[] {
  const links = new Map((unit.formedFrom ?? []).map((l) => [l.unitId, l.whole]));
  const part = (unitId: string | undefined): FormerPart[] => {
    const u = unitId ? unitById.get(unitId) : undefined;
    return u ? [{ unit: u, whole: links.get(u.id) ?? Boolean(u.becamePartOf?.some((b) => b.unitId === unit.id && b.whole)) }] : [];
  };
  if (unit.changes?.length) {
    return unit.changes
      .map((c) => ({ unit, date: c.date, formers: c.absorbed.flatMap((a) => part(a.unitId)), continuing: true }))
      .filter((g) => g.formers.length > 0);
  }
  if (unit.validFrom && unit.formedFrom?.length) {
    const formers = unit.formedFrom.flatMap((l) => part(l.unitId));
    return formers.length ? [{ unit, date: unit.validFrom, formers, continuing: false }] : [];
  }
  return [];
}

/** The ids of every former unit of these groups (to ask for their figures). */
export function formerIds(groups: readonly LineageGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.formers.map((f) => f.unit.id)))];
}

/** Money and counts add up across units; percents and targets met (of different resolutions) do not. */
export function isSummable(indicator: Pick<Indicator, 'unit'>): boolean {
  return indicator.unit !== 'percent' && indicator.unit !== 'target';
}

/** "Phường Mỹ Bình (cũ)", or "(cũ, một phần)" for a unit only part of which went in. */
export function formerLabel(part: FormerPart): string {
  return `${part.unit.name} (${part.whole ? 'cũ' : 'cũ, một phần'})`;
}

/** "Phường Long Xuyên: cộng các đơn vị cũ". */
export function sumLabel(group: Pick<LineageGroup, 'unit'>): string {
  return `${group.unit.name}: cộng các đơn vị cũ`;
}

/** A figure of the sum of former units, with the figures it adds. */
export interface LineageSum {
  group: LineageGroup;
  indicatorId: string;
  period: string;
  value: number;
  parts: Observation[];
}

const before = (period: string, date: string) => (periodEnd(period) ?? '') < date;

/**
 * The sums of each group, per indicator and period before the group's date: only where every
 * former unit went in whole and reported the period (and, for a continuing unit, the unit itself
 * too), and only for figures that add up.
 */
export function lineageSums(
  observations: readonly Observation[],
  groups: readonly LineageGroup[],
  indicators: readonly Indicator[],
  indicatorIds: readonly string[],
): LineageSum[] {
  const sums: LineageSum[] = [];
  const byKey = new Map<string, Observation>();
  for (const o of observations) byKey.set(`${o.unitId}\u0000${o.indicatorId}\u0000${o.period}`, o);
  for (const group of groups) {
    if (!group.formers.every((f) => f.whole)) continue;
    const members = [...(group.continuing ? [group.unit.id] : []), ...group.formers.map((f) => f.unit.id)];
    for (const indicatorId of indicatorIds) {
      const indicator = indicators.find((i) => i.id === indicatorId);
      if (!indicator || !isSummable(indicator)) continue;
      const periods = new Set(
        observations.filter((o) => o.indicatorId === indicatorId && members.includes(o.unitId) && before(o.period, group.date)).map((o) => o.period),
      );
      for (const period of [...periods].sort(comparePeriods)) {
        const parts = members.map((id) => byKey.get(`${id}\u0000${indicatorId}\u0000${period}`));
        if (parts.some((p) => !p)) continue;
        const found = parts as Observation[];
        sums.push({ group, indicatorId, period, value: found.reduce((t, o) => t + o.value, 0), parts: found });
      }
    }
  }
  return sums;
}

export interface LineageInput {
  observations: readonly Observation[];
  groups: readonly LineageGroup[];
  indicators: readonly Indicator[];
  indicatorIds: readonly string[];
  withOutOf?: boolean;
}

/**
 * The trend with the former units' series added (each from before its group's date) and the
 * sums where they may be made. New periods are added in order; nothing of the unit's own
 * series changes.
 */
export function withLineage(chart: TrendChartModel, { observations, groups, indicators, indicatorIds, withOutOf }: LineageInput): TrendChartModel {
  if (groups.length === 0) return chart;
  const indicatorName = (id: string) => indicators.find((i) => i.id === id)?.name ?? id;
  const many = indicatorIds.length > 1;
  const rows = new Map<string, TrendRow>(chart.rows.map((r) => [r.period, { ...r }]));
  const rowOf = (period: string) => {
    let row = rows.get(period);
    if (!row) {
      row = { period, label: periodLabel(period) };
      rows.set(period, row);
    }
    return row;
  };
  const added: SeriesDef[] = [];
  const series = new Map<string, SeriesDef>();
  const describe = (what: string, label: string) => (what ? `${what} – ${label}` : label);

  // in the order of the groups, of their former units, then of the indicators
  for (const group of groups) {
    for (const part of group.formers) {
      for (const indicatorId of indicatorIds) {
        for (const o of observations) {
          if (o.unitId !== part.unit.id || o.indicatorId !== indicatorId || !before(o.period, group.date)) continue;
          const metrics: ('value' | 'outOf')[] = withOutOf && o.outOf !== undefined ? ['value', 'outOf'] : ['value'];
          for (const metric of metrics) {
            const key = `${group.unit.id}~former~${part.unit.id}~${o.indicatorId}~${metric}`;
            if (!series.has(key)) {
              const what = metric === 'outOf' ? 'Tổng số chỉ tiêu' : many ? indicatorName(o.indicatorId) : withOutOf ? 'Đạt' : '';
              const def: SeriesDef = { key, label: describe(what, formerLabel(part)), unitId: part.unit.id, indicatorId: o.indicatorId, era: 0, metric };
              series.set(key, def);
              added.push(def);
            }
            rowOf(o.period)[key] = metric === 'outOf' ? o.outOf! : o.value;
          }
        }
      }
    }
  }
  for (const sum of lineageSums(observations, groups, indicators, indicatorIds)) {
    const key = `${sum.group.unit.id}~sum~${sum.indicatorId}~value`;
    if (!series.has(key)) {
      const def: SeriesDef = {
        key,
        label: describe(many ? indicatorName(sum.indicatorId) : '', sumLabel(sum.group)),
        unitId: `sum:${sum.group.unit.id}`,
        indicatorId: sum.indicatorId,
        era: 0,
        metric: 'value',
      };
      series.set(key, def);
      added.push(def);
    }
    rowOf(sum.period)[key] = sum.value;
  }
  if (added.length === 0) return chart;

  const allKeys = [...chart.series, ...added].map((s) => s.key);
  const sorted = [...rows.values()].sort((a, b) => comparePeriods(a.period, b.period));
  const first = indicators.find((i) => i.id === indicatorIds[0]);
  for (const row of sorted) {
    for (const key of allKeys) row[key] ??= null;
    if (chart.benchmark && first) row.benchmark ??= benchmarkFor(first, row.period)?.value ?? null;
  }
  // the day the unit was formed (or absorbed the others) is marked where figures lie on both sides
  const boundaries = [...chart.boundaries];
  for (const group of groups) {
    const after = sorted.find((r) => !before(r.period, group.date));
    if (!after || !sorted.some((r) => before(r.period, group.date))) continue;
    const change = group.unit.changes?.find((c) => c.date === group.date);
    const label = change ? boundaryLabel(group.unit, change) : `${formatDate(group.date)}: thành lập ${group.unit.name}`;
    if (!boundaries.some((b) => b.label === label)) boundaries.push({ period: after.period, label });
  }
  return { ...chart, rows: sorted, series: [...chart.series, ...added], boundaries };
}
