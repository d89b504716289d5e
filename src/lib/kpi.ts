/**
 * KPI arithmetic for the panels: which figure is the headline of a period, how series are cut
 * at boundary changes, and what each figure is compared with (targets, the even pace).
 */
import type { Indicator, Observation, Unit } from '../api/contract';
import { comparePeriods } from '../api/periods';
import { formatDate } from './format';
import { parsePeriod, periodEnd } from '../api/periods';
import { periodLabel } from './period-names';
import { countOnTrack, rankEntries, type OnTrack } from './ranking';
import { benchmarkLabel, benchmarkOf, benchmarkValue } from './status';
import { BENCHMARK_WORDS } from './vocabulary';

/** Each period's last day, worked out once (at most 404 periods): a headline asks it of every figure of a unit with boundary changes. */
const periodEnds = new Map<string, string | null>();
function endOf(period: string): string | null {
  let end = periodEnds.get(period);
  if (end === undefined) {
    end = periodEnd(period);
    if (end) periodEnds.set(period, end);
  }
  return end;
}

/** How many boundary changes of the unit lie before the end of the period (0 = as first recorded). */
export function unitEra(unit: Pick<Unit, 'changes'>, period: string): number {
  const end = endOf(period);
  if (!end || !unit.changes) return 0;
  let era = 0;
  for (const c of unit.changes) if (c.date <= end) era++;
  return era;
}

export interface Headline {
  observation: Observation;
  /** The figure is from an earlier period of the same year than the one chosen. */
  isEarlier: boolean;
}

/** Observations grouped by unit, then indicator, in their order; built once per array. */
const groupedCache = new WeakMap<readonly Observation[], { length: number; groups: Map<string, Map<string, Observation[]>> }>();

/**
 * One unit's observations of one indicator, in the array's order. Many wards compared means
 * a headline per ward and indicator over the same (large) array: the array is grouped once
 * (arrays are taken as immutable, as the query cache's are; a changed length regroups). The same
 * groups pair a figure with its same period a year earlier (same-period.ts).
 */
export function observationsOf(observations: readonly Observation[], unitId: string, indicatorId: string): readonly Observation[] {
  let cached = groupedCache.get(observations);
  if (!cached || cached.length !== observations.length) {
    // by unit, then indicator: no key string made per observation
    const groups = new Map<string, Map<string, Observation[]>>();
    for (const o of observations) {
      let byIndicator = groups.get(o.unitId);
      if (!byIndicator) groups.set(o.unitId, (byIndicator = new Map()));
      const group = byIndicator.get(o.indicatorId);
      if (group) group.push(o);
      else byIndicator.set(o.indicatorId, [o]);
    }
    cached = { length: observations.length, groups };
    groupedCache.set(observations, cached);
  }
  return cached.groups.get(unitId)?.get(indicatorId) ?? NO_OBSERVATIONS;
}
const NO_OBSERVATIONS: readonly Observation[] = [];

/**
 * The figure to show for a unit, indicator and period: the period's own, or else the latest
 * earlier one of the same year and the same boundaries, flagged as earlier. Never a figure
 * from another year, or from before a boundary change, passing for this period.
 */
export function pickHeadline(
  observations: readonly Observation[],
  unit: Pick<Unit, 'id' | 'changes'>,
  indicatorId: string,
  period: string,
): Headline | null {
  // periods are "YYYY-Qn" (the contract's pattern): the year is its first four characters
  const year = period.slice(0, 4);
  const changed = Boolean(unit.changes?.length);
  const era = changed ? unitEra(unit, period) : 0;
  let best: Observation | null = null;
  for (const o of observationsOf(observations, unit.id, indicatorId)) {
    if (comparePeriods(o.period, period) > 0 || !o.period.startsWith(year)) continue;
    if (changed && unitEra(unit, o.period) !== era) continue;
    if (!best || comparePeriods(o.period, best.period) > 0) best = o;
  }
  return best ? { observation: best, isEarlier: best.period !== period } : null;
}

/**
 * What a figure is compared with on a chart: the year's target, or the even pace q/4 of an annual
 * amount (status.ts decides which), with its value and what the legend calls it ("Mức cần đạt
 * theo tiến độ: 75% sau 9 tháng"); null where there is none (or the year's target is unknown).
 */
export function benchmarkFor(indicator: Indicator, period: string): { value: number; label: string } | null {
  const b = benchmarkOf(indicator, period);
  const value = b && benchmarkValue(b);
  return b && value !== null ? { value, label: benchmarkLabel(b) ?? '' } : null;
}

export interface SeriesDef {
  key: string;
  label: string;
  unitId: string;
  indicatorId: string;
  era: number;
  metric: 'value' | 'outOf';
}

/** The figures of each series (by its key) and the benchmark, in one period of a trend. */
export type TrendRow = { period: string; label: string } & Record<string, number | string | null>;
/**
 * One unit of a comparison: its figure, the benchmark of that figure's period, that period when
 * it is an earlier one, and its rank (null: no figure of the period, not ranked).
 */
export type ComparisonRow = { unitId: string; label: string; asOf: string | null; rank: number | null } & Record<
  string,
  number | string | null
>;

interface ChartParts {
  series: SeriesDef[];
  /** Periods where a unit's boundaries changed: the series is cut there. */
  boundaries: { period: string; label: string }[];
  /** Benchmark per period (target or even pace), when the chart's first indicator has one. */
  benchmark?: { key: 'benchmark'; label: string };
}

/** Periods across (a trend), or one bar per ward (a comparison in one period). */
export type ChartModel =
  | (ChartParts & { layout: 'byPeriod'; rows: TrendRow[] })
  | (ChartParts & {
      layout: 'byUnit';
      /** In rank order. */
      rows: ComparisonRow[];
      /** How many meet the period's benchmark, where it has one. */
      onTrack?: OnTrack;
    });
export type TrendChartModel = Extract<ChartModel, { layout: 'byPeriod' }>;
export type ComparisonChartModel = Extract<ChartModel, { layout: 'byUnit' }>;

export interface ChartInput {
  observations: readonly Observation[];
  units: readonly Unit[];
  indicators: readonly Indicator[];
  /** Indicators drawn; with `withOutOf`, the totals (outOf) are drawn beside the values. */
  indicatorIds: readonly string[];
  withOutOf?: boolean;
}

/**
 * The trend over the periods that have data, one series per unit (and indicator), cut into
 * separate series at each boundary change so no line joins figures across it.
 */
export function buildChart({ observations, units, indicators, indicatorIds, withOutOf }: ChartInput): TrendChartModel {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const relevant = observations.filter((o) => indicatorIds.includes(o.indicatorId) && unitById.has(o.unitId));
  const periods = [...new Set(relevant.map((o) => o.period))].sort(comparePeriods);

  const series = new Map<string, SeriesDef>();
  const rows: TrendRow[] = periods.map((p) => ({ period: p, label: periodLabel(p) }));
  const rowOf = new Map(rows.map((r) => [r.period, r]));
  const many = indicatorIds.length > 1;

  for (const o of relevant) {
    const unit = unitById.get(o.unitId)!;
    const era = unitEra(unit, o.period);
    const change = era > 0 ? unit.changes?.[era - 1] : undefined;
    const unitLabel = change ? `${unit.name} (từ ${formatDate(change.date)})` : unit.name;
    const metrics: ('value' | 'outOf')[] = withOutOf && o.outOf !== undefined ? ['value', 'outOf'] : ['value'];
    for (const metric of metrics) {
      const key = `${o.unitId}~${era}~${o.indicatorId}~${metric}`;
      if (!series.has(key)) {
        const name = indicatorById.get(o.indicatorId)?.name ?? o.indicatorId;
        const what = metric === 'outOf' ? 'Tổng số chỉ tiêu' : many ? name : withOutOf ? 'Đạt' : '';
        series.set(key, {
          key,
          label: what ? `${what} – ${unitLabel}` : unitLabel,
          unitId: o.unitId,
          indicatorId: o.indicatorId,
          era,
          metric,
        });
      }
      rowOf.get(o.period)![key] = metric === 'outOf' ? o.outOf! : o.value;
    }
  }
  for (const row of rows) for (const key of series.keys()) row[key] ??= null;

  const boundaries: ChartModel['boundaries'] = [];
  for (const unit of units) {
    for (const change of unit.changes ?? []) {
      const first = periods.find((p) => (periodEnd(p) ?? '') >= change.date);
      const before = periods.some((p) => (periodEnd(p) ?? '') < change.date);
      if (first && before && series.size > 0 && relevant.some((o) => o.unitId === unit.id)) {
        boundaries.push({ period: first, label: boundaryLabel(unit, change) });
      }
    }
  }

  const first = indicatorById.get(indicatorIds[0] ?? '');
  let benchmark: ChartModel['benchmark'];
  if (first && (first.targets?.length || first.evenPace)) {
    for (const row of rows) row.benchmark = benchmarkFor(first, row.period)?.value ?? null;
    if (rows.some((r) => r.benchmark !== null)) {
      benchmark = { key: 'benchmark', label: first.evenPace ? BENCHMARK_WORDS.paceEveryQuarter : BENCHMARK_WORDS.yearTargets };
    }
  }
  return { series: [...series.values()].sort(seriesOrder), rows, boundaries, benchmark, layout: 'byPeriod' };
}

/** "01/07/2025: Phường Mỹ Thới nhận Mỹ Thạnh". */
export function boundaryLabel(unit: Pick<Unit, 'name'>, change: NonNullable<Unit['changes']>[number]): string {
  const absorbed = change.absorbed.map((a) => a.name.replace(/^Phường /, '')).join(', ');
  return `${formatDate(change.date)}: ${unit.name} nhận ${absorbed}`;
}

/**
 * Many units at once: one bar per unit for the chosen period (its headline figure), each with
 * the benchmark of the period its figure is from (a 9-month figure against the 9-month pace),
 * and `asOf` naming that period when it is an earlier one. The rows are in rank order (best
 * first in the indicator's direction, dense ties; see ranking.ts); units with no figure for the
 * period are kept, last, as gaps, not zeros.
 */
export function buildComparison(
  observations: readonly Observation[],
  units: readonly Unit[],
  indicator: Indicator,
  period: string,
): ComparisonChartModel {
  const bench = benchmarkFor(indicator, period);
  const key = `compare~${indicator.id}`;
  const entries = units.map((u) => {
    const h = pickHeadline(observations, u, indicator.id, period);
    return { unitId: u.id, name: u.name, value: h ? h.observation.value : null, period: h ? h.observation.period : null };
  });
  const rows: ComparisonRow[] = rankEntries(entries, period, indicator.higherIsBetter).map(({ entry, rank }) => {
    const from = entry.period ?? period;
    return {
      unitId: entry.unitId,
      label: entry.name,
      [key]: entry.value,
      benchmark: benchmarkFor(indicator, from)?.value ?? null,
      asOf: from === period ? null : periodLabel(from),
      rank,
    };
  });
  const year = parsePeriod(period)?.year;
  const isTarget = Boolean(indicator.targets?.some((t) => t.year === year));
  return {
    series: [{ key, label: `${indicator.name} – ${periodLabel(period)}`, unitId: '', indicatorId: indicator.id, era: 0, metric: 'value' }],
    rows,
    boundaries: [],
    benchmark: bench ? { key: 'benchmark', label: bench.label } : undefined,
    onTrack: bench ? countOnTrack(entries, period, { value: bench.value, isTarget }, indicator.higherIsBetter) : undefined,
    layout: 'byUnit',
  };
}

/** By unit and era, then by indicator id, values before their totals. */
function seriesOrder(a: SeriesDef, b: SeriesDef): number {
  return (
    a.unitId.localeCompare(b.unitId) || a.era - b.era || a.indicatorId.localeCompare(b.indicatorId) ||
    (a.metric === b.metric ? 0 : a.metric === 'value' ? -1 : 1)
  );
}
