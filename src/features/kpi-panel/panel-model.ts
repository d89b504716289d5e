/**
 * What a KPI panel shows, computed from the API's data without React: headline tiles (by unit),
 * the chart (a trend, with the former units' figures when asked; or many units ranked), the
 * legend, the table behind the chart, what the figures add up to in words, and the sources.
 * The panel and its exports read the same model, so the image and the CSV say what the screen
 * says.
 */
import type { Indicator, MeasureUnit, Observation, SourceSummary, Unit } from '../../api/contract';
import { formatPeriodId, periodEnd } from '../../api/periods';
import type { ChartSeries } from '../../components/charts/kpi-chart';
import { formatDate, formatNumber, formatQualified } from '../../lib/format';
import { benchmarkFor, buildChart, buildComparison, type ChartModel } from '../../lib/kpi';
import { formerIds, formerLabel, lineageOf, lineageSums, sumLabel, withLineage, type LineageGroup } from '../../lib/lineage';
import type { ExportChart, ExportModel, FigureRow, SourceLine, TileModel, ValueAxis } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { countCommunes } from '../../lib/unit-count';
import { groupUnitNotes } from '../../lib/unit-notes';
import { MEASURE_NAMES, QUALIFIER_NAMES } from '../../lib/vocabulary';
import { chartLegend, drawnSeries, valueAxis } from './chart-series';
import { comparesUnits } from './compare';
import type { FamilyConfig } from './families';
import { figureAssessment, headlineTiles, summaryTiles } from './panel-tiles';
import { chosenContainers, unitIndex, unitsInView } from './units-in-view';

/** One chosen unit's headline figures, titled with its name; or, when it has none for the period, a line that says so. */
export interface TileGroup {
  unitId: string;
  name: string;
  tiles: TileModel[];
  /** "Phường Mỹ Bình: chưa có số liệu Cả năm 2024"; "Chưa có số liệu của Xã Mỹ Hòa Hưng" for a unit with none at all. */
  missing?: string;
  /** No figure of this family at all (up to the period): an editor may add them. */
  empty?: true;
}

/** A unit with no figure of this family up to the period: an editor may add them. */
export interface UnitToFill {
  unitId: string;
  name: string;
}

/**
 * One chart of a panel: the figures of one unit of measure, on one value axis that says it. A
 * panel whose figures are counted in several units (households and houses) draws one small
 * chart per unit, never two units on one axis.
 */
export interface PanelChart extends ExportChart {
  /** The chart's indicators, in the config's order (each measured in `axis.measure`). */
  indicatorIds: string[];
  /** Its series as drawn (colour, lighter totals). */
  series: ChartSeries[];
}

export interface PanelModel extends ExportModel {
  /**
   * The charts, one per unit of measure (many units compared: one, of the first indicator); none
   * when there is nothing to draw. `chart`, `chartSeries`, `legend` and `measure` are the first's
   * (with the boundary changes of all of them), as the exports read them.
   */
  charts: PanelChart[];
  chart: ChartModel;
  /** The first chart's series as drawn (colour, lighter totals). */
  chartSeries: ChartSeries[];
  /** What the first chart measures, for its axis and tooltips. */
  measure: MeasureUnit;
  /** The latest period that has figures, when the chosen one has none. */
  latestPeriod?: string;
  /** The units shown, in order: the chosen ones, a province or district chosen standing for its communes. */
  viewIds: string[];
  /** The units as the subtitle says them: named, or counted ("Tỉnh An Giang · 102 xã, phường"). */
  unitsLabel: string;
  /** Two to four units: the tiles of each, titled with its name. */
  tileGroups?: TileGroup[];
  /** The units shown that the user marked as theirs. */
  mine: string[];
  /** A unit drawn as a trend was formed from former units (their figures can be shown). */
  hasLineage: boolean;
  /** Units with no figure of this family up to the period (for an editor's link to add them). */
  toFill: UnitToFill[];
  /** How many rows `figures` has (read without writing them out). */
  figureCount: number;
  /**
   * The same model whose table rows are paired with these figures of a year earlier (PanelInput's
   * samePeriodFigures): everything drawn is the same objects, so an answer that only pairs rows
   * draws nothing again.
   */
  withSamePeriod(samePeriodFigures: readonly Observation[]): PanelModel;
}

export interface PanelInput {
  config: FamilyConfig;
  /** The chosen ids (a province or district stands for its communes in force at the period's end). */
  unitIds: readonly string[];
  period: string;
  observations: readonly Observation[];
  /**
   * Many units compared: figures of the same spans a year earlier (panel-query.ts,
   * comparedSamePeriod), only for the cùng kỳ of the table's and the CSV's rows: never drawn,
   * listed, counted or cited. Any family's may be among them.
   */
  samePeriodFigures?: readonly Observation[];
  units: readonly Unit[];
  indicators: readonly Indicator[];
  sources: readonly SourceSummary[];
  /** The units the user marked as theirs. */
  mine?: readonly string[];
  /** Show the figures of the former units that formed a unit drawn as a trend. */
  lineage?: boolean;
}

/** The lineage groups of the units drawn as a trend (none when many are compared). */
export function lineageGroups(view: readonly Unit[], units: readonly Unit[]): LineageGroup[] {
  if (comparesUnits(view.length)) return [];
  const index = unitIndex(units);
  return view.flatMap((u) => lineageOf(u, index));
}

/** The ids whose figures a panel asks for: the units shown, and with `lineage` the former units that formed them. */
export function unitsToFetch(chosen: readonly string[], period: string, units: readonly Unit[] | undefined, lineage: boolean): string[] {
  const view = unitsInView(chosen, period, units);
  if (!lineage || !units) return view;
  const index = unitIndex(units);
  const groups = lineageGroups(view.map((id) => index.get(id)).filter((u): u is Unit => Boolean(u)), units);
  const formers = formerIds(groups).filter((id) => !view.includes(id));
  return formers.length ? [...view, ...formers] : view;
}

export function buildPanelModel(input: PanelInput): PanelModel {
  const { config, period, observations, units, indicators, sources } = input;
  const unitById = unitIndex(units);
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const viewIds = unitsInView(input.unitIds, period, units).filter((id) => unitById.has(id));
  const chosen = viewIds.map((id) => unitById.get(id)!);
  const inView = new Set(viewIds);
  const mineSet = new Set((input.mine ?? []).filter((id) => inView.has(id)));
  const compare = comparesUnits(chosen.length);
  const allGroups = lineageGroups(chosen, units);
  const groups = input.lineage ? allGroups : [];
  const formerSet = new Set(formerIds(groups));
  const used = new Set<string>();
  const family = new Set([...config.chart, ...config.headline]);
  const ofFamily = (o: Observation) => family.has(o.indicatorId);
  const shown = observations.filter((o) => ofFamily(o) && (inView.has(o.unitId) || formerSet.has(o.unitId)));
  const own = formerSet.size ? shown.filter((o) => inView.has(o.unitId)) : shown;
  const tiles = compare
    ? summaryTiles({ config, chosen, period, observations: own, indicatorById, used })
    : headlineTiles({ config, chosen, period, observations: own, indicatorById, used });

  const first = indicatorById.get(config.chart[0] ?? '');
  const colourIds = [...viewIds, ...formerSet, ...groups.map((g) => `sum:${g.unit.id}`)];
  const trendOf = (ids: readonly string[]) =>
    withLineage(buildChart({ observations: own, units: chosen, indicators, indicatorIds: ids, withOutOf: config.withOutOf }), {
      observations: shown,
      groups,
      indicators,
      indicatorIds: ids,
      withOutOf: config.withOutOf,
    });
  let charts: PanelChart[];
  if (compare && first) {
    const chart = buildComparison(own, chosen, first, period);
    const series = drawnSeries(chart, colourIds, [first.id]);
    charts = [{ indicatorIds: [first.id], chart, series, legend: chartLegend(series, chart, mineSet.size > 0), axis: axisOf(chart, first.unit) }];
  } else {
    // a panel that draws several indicators names each series by its indicator, in every chart
    const naming = config.chart.length > 1 && !config.withOutOf;
    charts = chartGroups(config, indicatorById, shown, tiles.length > 0).map(({ ids, unit, instead }) => {
      const chart = (naming || instead) && ids.length === 1 ? named(trendOf(ids), indicatorById.get(ids[0]!)!.name) : trendOf(ids);
      const series = drawnSeries(chart, colourIds, ids);
      return { indicatorIds: ids, chart, series, legend: chartLegend(series, chart), axis: axisOf(chart, unit) };
    });
  }
  const lead = charts[0];
  const boundaries = uniqueBoundaries(charts.flatMap((c) => c.chart.boundaries));
  const chart: ChartModel = lead ? { ...lead.chart, boundaries } : trendOf(config.chart);
  const chartSeries = lead?.series ?? [];

  // the table: every figure behind the chart; ranked, in rank order with each unit's rank
  const rankOf = new Map<string, number | null>(chart.layout === 'byUnit' ? chart.rows.map((r) => [r.unitId, r.rank]) : []);
  const order = new Map(chart.layout === 'byUnit' ? chart.rows.map((r, i) => [r.unitId, i]) : viewIds.map((id, i) => [id, i]));
  const nameOf = (o: Observation) => {
    const unit = unitById.get(o.unitId)!;
    if (!formerSet.has(o.unitId)) return unit.name;
    const part = groups.flatMap((g) => g.formers).find((f) => f.unit.id === o.unitId)!;
    return formerLabel(part);
  };
  const figureOf = (o: Observation, paired: readonly Observation[]): FigureRow => {
    const indicator = indicatorById.get(o.indicatorId);
    const source = sourceById.get(o.sourceId);
    const rank = rankOf.get(o.unitId);
    return {
      key: o.id,
      unit: nameOf(o),
      period: periodLabel(o.period),
      indicator: indicator?.name ?? o.indicatorId,
      value: o.value,
      outOf: o.outOf,
      unitOfMeasure: indicator ? MEASURE_NAMES[indicator.unit] : '',
      qualifier: QUALIFIER_NAMES[o.qualifier],
      formatted: indicator ? formatQualified(o.value, indicator.unit, o.qualifier, o.outOf) : String(o.value),
      source: source ? `${source.title} (${formatDate(source.heldOn)})` : o.sourceId,
      ...(rank ? { rank } : {}),
      ...(mineSet.has(o.unitId) ? { mine: true as const } : {}),
      // its status and the same period a year earlier, as its tile says them
      ...(indicator ? figureAssessment(o, indicator, unitById.get(o.unitId)!, paired) : {}),
    };
  };
  // the figures a row is paired with a year earlier: many units' come apart from their own
  const pairingOf = (samePeriod: readonly Observation[] | undefined) =>
    samePeriod?.length ? [...shown, ...samePeriod.filter((o) => ofFamily(o) && inView.has(o.unitId))] : shown;
  const ownRows = shown.filter((o) => inView.has(o.unitId));
  const formerRows = groups.length ? shown.filter((o) => formerSet.has(o.unitId)) : [];
  const sums = groups.length ? lineageSums(shown, groups, indicators, config.chart) : [];
  // the rows are written out only when read (the table opened, an export): thousands among many units
  const buildFigures = (samePeriod: readonly Observation[] | undefined): FigureRow[] => {
    const sorted = compare ? [...ownRows].sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0)) : ownRows;
    const paired = pairingOf(samePeriod);
    const figures: FigureRow[] = [...sorted, ...formerRows].map((o) => figureOf(o, paired));
    for (const sum of sums) {
      const indicator = indicatorById.get(sum.indicatorId)!;
      const exact = sum.parts.every((p) => p.qualifier === 'exact');
      figures.push({
        key: `${sum.group.unit.id}-sum-${sum.indicatorId}-${sum.period}`,
        unit: sumLabel(sum.group),
        period: periodLabel(sum.period),
        indicator: indicator.name,
        value: sum.value,
        unitOfMeasure: MEASURE_NAMES[indicator.unit],
        qualifier: QUALIFIER_NAMES[exact ? 'exact' : 'about'],
        formatted: formatQualified(sum.value, indicator.unit, exact ? 'exact' : 'about'),
        source: `Cộng ${sum.parts.length} số liệu: ${sum.parts.map((p) => nameOf(p)).join(', ')}`,
      });
    }
    return figures;
  };

  const sourceIds = new Set(used);
  for (const o of shown) sourceIds.add(o.sourceId);
  const sourceLines = [...sourceIds]
    .map((id) => sourceById.get(id))
    .filter((s): s is SourceSummary => Boolean(s))
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
    .map((s): SourceLine => ({ id: s.id, title: s.title, date: formatDate(s.heldOn), reference: s.reference, ...(s.hasText ? { hasText: true as const } : {}) }));

  let latest: string | undefined;
  for (const o of own) if (!latest || o.period > latest) latest = o.period;
  const containers = chosenContainers(input.unitIds, units);
  // the same note of many units once ("102 xã, phường được thành lập từ 01/07/2025."): on screen and in every file
  const unitNotes = groupUnitNotes(
    [...containers.flatMap((c) => containerNotes(c, period)), ...chosen.flatMap((u) => unitNotesOf(u, period, unitById))],
    chosen.map((u) => u.name),
  );

  // tiles by unit, and the units that have none, by name
  const withFigures = new Set<string>();
  for (const o of own) withFigures.add(o.unitId);
  const toFill = chosen.filter((u) => !withFigures.has(u.id)).map((u) => ({ unitId: u.id, name: u.name }));
  const summaryLines: string[] = [];
  let tileGroups: TileGroup[] | undefined;
  if (!compare && chosen.length > 1) {
    tileGroups = chosen.map((u) => {
      const mineTiles = tiles.filter((t) => t.unitId === u.id);
      const none = !withFigures.has(u.id);
      const missing = mineTiles.length ? undefined : none ? `Chưa có số liệu của ${u.name}` : `${u.name}: chưa có số liệu ${periodLabel(period)}`;
      if (missing) summaryLines.push(missing);
      return { unitId: u.id, name: u.name, tiles: mineTiles, ...(missing ? { missing } : {}), ...(none ? { empty: true as const } : {}) };
    });
  }
  if (chart.layout === 'byUnit' && first) {
    const noun = countCommunes(chosen).replace(/^\d+ /, '');
    const bench = benchmarkFor(first, period);
    if (chart.onTrack && bench) {
      summaryLines.push(
        `${chart.onTrack.met}/${chart.onTrack.total} ${noun} đạt ${chart.onTrack.word}: ${first.name} từ ${formatNumber(bench.value)}%`,
      );
    }
    const unranked = chart.rows.filter((r) => r.rank === null).map((r) => unitById.get(r.unitId)!);
    if (unranked.length) summaryLines.push(`${countCommunes(unranked)} chưa có số liệu ${periodLabel(period)}`);
  }

  const drawn = {
    tiles,
    tileGroups,
    charts,
    chart,
    chartSeries,
    legend: lead?.legend ?? [],
    measure: lead?.axis.measure ?? first?.unit ?? 'percent',
    figureCount: ownRows.length + formerRows.length + sums.length,
    ranked: chart.layout === 'byUnit',
    sources: sourceLines,
    latestPeriod: tiles.length === 0 ? latest : undefined,
    unitNotes,
    summaryLines,
    viewIds,
    unitsLabel: unitsLabel(chosen, containers),
    mine: viewIds.filter((id) => mineSet.has(id)),
    hasLineage: allGroups.length > 0,
    toFill,
  };
  const withPairs = (samePeriod: readonly Observation[] | undefined): PanelModel => {
    let figures: FigureRow[] | undefined;
    return {
      ...drawn,
      get figures() {
        return (figures ??= buildFigures(samePeriod));
      },
      withSamePeriod: withPairs,
    };
  };
  return withPairs(input.samePeriodFigures);
}

/**
 * The trend charts of a panel: its chart indicators grouped by unit of measure (in the config's
 * order), each group of which some indicator has figures. A panel whose headline figures are all
 * outside its charts (a ward that reported other things) draws the headline indicators of the
 * first unit among them that has figures, rather than no chart.
 */
function chartGroups(
  config: FamilyConfig,
  indicatorById: ReadonlyMap<string, Indicator>,
  shown: readonly Observation[],
  hasTiles: boolean,
): { ids: string[]; unit: MeasureUnit; instead?: true }[] {
  const reported = new Set(shown.map((o) => o.indicatorId));
  const byUnit = (ids: readonly string[]) => {
    const groups = new Map<MeasureUnit, string[]>();
    for (const id of ids) {
      const indicator = indicatorById.get(id);
      if (!indicator) continue;
      const group = groups.get(indicator.unit);
      if (group) group.push(id);
      else groups.set(indicator.unit, [id]);
    }
    return [...groups].filter(([, groupIds]) => groupIds.some((id) => reported.has(id))).map(([unit, groupIds]) => ({ ids: groupIds, unit }));
  };
  const drawn = byUnit(config.chart);
  if (drawn.length > 0 || !hasTiles) return drawn;
  // drawn in place of the region's charts: its series say what they are
  return byUnit(config.headline)
    .slice(0, 1)
    .map((g) => ({ ...g, instead: true as const }));
}

/** The chart's series named by their indicator too ("Nhà cất mới và sửa chữa – Phường Mỹ Thới"), as a chart of several indicators names them. */
function named<C extends ChartModel>(chart: C, indicatorName: string): C {
  return { ...chart, series: chart.series.map((s) => (s.label.startsWith(indicatorName) ? s : { ...s, label: `${indicatorName} – ${s.label}` })) };
}

/** The axis of a chart of one unit of measure, counted for its highest value. */
function axisOf(chart: ChartModel, unit: MeasureUnit): ValueAxis {
  let highest = 0;
  const keys = chart.series.map((s) => s.key);
  for (const row of chart.rows) {
    for (const key of keys) {
      const v = row[key];
      if (typeof v === 'number' && Math.abs(v) > highest) highest = Math.abs(v);
    }
  }
  return valueAxis(unit, highest);
}

function uniqueBoundaries(all: readonly ChartModel['boundaries'][number][]): ChartModel['boundaries'] {
  const seen = new Set<string>();
  return all.filter((b) => !seen.has(b.period + b.label) && (seen.add(b.period + b.label), true));
}

/** Named for a few units; counted for many, after the province or district chosen. */
function unitsLabel(chosen: readonly Unit[], containers: readonly Unit[]): string {
  if (!comparesUnits(chosen.length)) {
    const names = chosen.map((u) => u.name);
    return names.length ? names.join(', ') : containers.map((c) => c.name).join(', ');
  }
  const count = countCommunes(chosen);
  return containers.length === 1 ? `${containers[0]!.name} · ${count}` : count;
}

/**
 * The units of a view as the subtitle says them, and their names (known or not yet: before the
 * register is there, the ids as they are).
 */
export function describeUnits(chosenIds: readonly string[], period: string, units: readonly Unit[] | undefined): { label: string; names: string[] } {
  if (!units) return { label: chosenIds.join(', '), names: [...chosenIds] };
  const index = unitIndex(units);
  const chosen = unitsInView(chosenIds, period, units)
    .map((id) => index.get(id))
    .filter((u): u is Unit => Boolean(u));
  return { label: unitsLabel(chosen, chosenContainers(chosenIds, units)), names: chosen.map((u) => u.name) };
}

/** A province or district chosen for a period it was not in force: why it shows no communes. */
function containerNotes(container: Unit, period: string): string[] {
  const end = periodEnd(period) ?? '';
  if (container.validFrom && container.validFrom > end) {
    const from = firstPeriodFrom(container.validFrom);
    return [`${container.name} được thành lập từ ${formatDate(container.validFrom)}${from ? `: chọn kỳ từ ${periodLabel(from)} trở đi.` : '.'}`];
  }
  if (container.validTo && container.validTo < end) return [`${container.name} không còn từ ${formatDate(nextDay(container.validTo))}.`];
  return [];
}

/** The first period that ends on or after a day (a unit formed on 2025-07-01: 9 tháng 2025). */
function firstPeriodFrom(day: string): string | undefined {
  const year = Number(day.slice(0, 4));
  return ([1, 2, 3, 4] as const).map((q) => formatPeriodId(year, q)).find((p) => (periodEnd(p) ?? '') >= day);
}

/** Why a chosen unit may have no figures: merged away, or not yet formed. */
function unitNotesOf(u: Unit, period: string, unitById: ReadonlyMap<string, Unit>): string[] {
  const notes: string[] = [];
  const successor = u.successorId ? unitById.get(u.successorId) : undefined;
  if (u.validTo && period.slice(0, 4) >= u.validTo.slice(0, 4) && successor) {
    notes.push(`${u.name} không còn từ ${formatDate(nextDay(u.validTo))}; nay thuộc ${successor.name}.`);
  }
  if (u.validFrom && period.slice(0, 4) <= u.validFrom.slice(0, 4)) {
    notes.push(`${u.name} được thành lập từ ${formatDate(u.validFrom)}.`);
  }
  return notes;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
