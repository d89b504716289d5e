/**
 * What a KPI panel shows, computed from the API's data without React: headline tiles, the
 * chart (its series in their colours, and the legend), the table behind the chart and the
 * sources. The panel and its exports read the same model, so the image and the CSV say what
 * the screen says.
 */
import type { Indicator, MeasureUnit, Observation, SourceSummary, Unit } from '../../api/contract';
import type { ChartSeries } from '../../components/charts/kpi-chart';
import { formatDate, formatQualified } from '../../lib/format';
import { buildChart, buildComparison, type ChartModel } from '../../lib/kpi';
import type { ExportModel, FigureRow, SourceLine } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { MEASURE_NAMES, QUALIFIER_NAMES } from '../../lib/vocabulary';
import { chartLegend, drawnSeries } from './chart-series';
import { comparesUnits } from './compare';
import type { FamilyConfig } from './families';
import { headlineTiles, summaryTiles } from './panel-tiles';

export interface PanelModel extends ExportModel {
  chart: ChartModel;
  /** The chart's series as drawn (colour, lighter totals). */
  chartSeries: ChartSeries[];
  /** What the chart's first indicator measures, for its axis and tooltips. */
  measure: MeasureUnit;
  /** The latest period that has figures, when the chosen one has none. */
  latestPeriod?: string;
}

export interface PanelInput {
  config: FamilyConfig;
  unitIds: string[];
  period: string;
  observations: readonly Observation[];
  units: readonly Unit[];
  indicators: readonly Indicator[];
  sources: readonly SourceSummary[];
}

export function buildPanelModel({ config, unitIds, period, observations, units, indicators, sources }: PanelInput): PanelModel {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const chosen = unitIds.map((id) => unitById.get(id)).filter((u): u is Unit => Boolean(u));
  const compare = comparesUnits(chosen.length);
  const used = new Set<string>();
  const shown = observations.filter((o) => config.chart.includes(o.indicatorId) || config.headline.includes(o.indicatorId));
  const tiles = compare
    ? summaryTiles({ config, chosen, period, observations: shown, indicatorById, used })
    : headlineTiles({ config, chosen, period, observations, indicatorById, used });

  const first = indicatorById.get(config.chart[0] ?? '');
  const chart: ChartModel =
    compare && first
      ? buildComparison(shown, chosen, first, period)
      : buildChart({ observations: shown, units: chosen, indicators, indicatorIds: config.chart, withOutOf: config.withOutOf });
  const chartSeries = drawnSeries(chart, unitIds, config);

  const figures: FigureRow[] = shown
    .filter((o) => unitById.has(o.unitId) && unitIds.includes(o.unitId))
    .map((o) => {
      const indicator = indicatorById.get(o.indicatorId);
      const source = sourceById.get(o.sourceId);
      return {
        key: o.id,
        unit: unitById.get(o.unitId)!.name,
        period: periodLabel(o.period),
        indicator: indicator?.name ?? o.indicatorId,
        value: o.value,
        outOf: o.outOf,
        unitOfMeasure: indicator ? MEASURE_NAMES[indicator.unit] : '',
        qualifier: QUALIFIER_NAMES[o.qualifier],
        formatted: indicator ? formatQualified(o.value, indicator.unit, o.qualifier, o.outOf) : String(o.value),
        source: source ? `${source.title} (${formatDate(source.heldOn)})` : o.sourceId,
      };
    });

  const sourceIds = new Set([...used, ...shown.filter((o) => unitIds.includes(o.unitId)).map((o) => o.sourceId)]);
  const sourceLines = [...sourceIds]
    .map((id) => sourceById.get(id))
    .filter((s): s is SourceSummary => Boolean(s))
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
    .map((s): SourceLine => ({ id: s.id, title: s.title, date: formatDate(s.heldOn), reference: s.reference, ...(s.hasText ? { hasText: true as const } : {}) }));

  const latest = shown.map((o) => o.period).sort().at(-1);
  const unitNotes = chosen.flatMap((u) => {
    const notes: string[] = [];
    const successor = u.successorId ? unitById.get(u.successorId) : undefined;
    if (u.validTo && period.slice(0, 4) >= u.validTo.slice(0, 4) && successor) {
      notes.push(`${u.name} không còn từ ${formatDate(nextDay(u.validTo))}; nay thuộc ${successor.name}.`);
    }
    if (u.validFrom && period.slice(0, 4) <= u.validFrom.slice(0, 4)) {
      notes.push(`${u.name} được thành lập từ ${formatDate(u.validFrom)}.`);
    }
    return notes;
  });

  return {
    tiles,
    chart,
    chartSeries,
    legend: chartLegend(chartSeries, chart),
    measure: first?.unit ?? 'percent',
    figures,
    sources: sourceLines,
    latestPeriod: tiles.length === 0 ? latest : undefined,
    unitNotes,
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

