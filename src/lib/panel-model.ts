/**
 * What a KPI panel shows, computed from the API's data without React: headline tiles, the
 * chart model, the table behind the chart and the sources. The panel and its exports read
 * the same model, so the image and the CSV say what the screen says.
 */
import type { Family, Indicator, Observation, SourceSummary, Unit } from '../api/contract';
import { formatDate, formatNumber, formatQualified } from './format';
import { benchmarkFor, buildChart, buildComparison, pickHeadline, statusAgainst, type ChartModel } from './kpi';
import { periodLabel } from './periods';
import { BASIS_COMPARISONS, ESTIMATED_NOTE, MEASURE_NAMES, QUALIFIER_NAMES, SCOPE_NOTES } from './vocabulary';

export interface FamilyConfig {
  family: Family;
  /** File-name form of the title: "thu-ngan-sach". */
  slug: string;
  title: string;
  /** Headline figures, in this order, for each chosen unit. */
  headline: string[];
  /** Indicators drawn in the chart; the first one's benchmark is drawn too. */
  chart: string[];
  withOutOf?: boolean;
}

export interface TileModel {
  key: string;
  label: string;
  value: string;
  detail?: string;
  comparison?: string;
  status?: 'met' | 'behind' | 'unknown';
  earlier?: boolean;
}

export interface FigureRow {
  key: string;
  unit: string;
  period: string;
  indicator: string;
  value: number;
  outOf?: number;
  unitOfMeasure: string;
  qualifier: string;
  formatted: string;
  source: string;
}

export interface PanelModel {
  tiles: TileModel[];
  chart: ChartModel;
  figures: FigureRow[];
  /** Where the figures came from; `hasText` where the report's own text was stored (fetched apart). */
  sources: { id: string; title: string; date: string; reference: string; hasText?: true }[];
  /** The latest period that has figures, when the chosen one has none. */
  latestPeriod?: string;
  /** Why chosen units have no figures: merged away, or not yet formed. */
  unitNotes: string[];
}

/** Above this many wards, a panel compares wards in the chosen period instead of drawing trends. */
export const COMPARE_FROM = 5;

export interface PanelInput {
  config: FamilyConfig;
  unitIds: string[];
  period: string;
  observations: readonly Observation[];
  units: readonly Unit[];
  indicators: readonly Indicator[];
  sources: readonly SourceSummary[];
}

function comparisonOf(indicator: Indicator, o: Observation): Pick<TileModel, 'comparison' | 'status'> {
  const parts: string[] = [];
  let status: TileModel['status'];
  const bench = benchmarkFor(indicator, o.period);
  if (bench) {
    status = statusAgainst(o.value, bench.value, indicator.higherIsBetter);
    parts.push(`${bench.label}: ${formatNumber(bench.value)}%`);
  } else if (indicator.targets) {
    parts.push(`Chưa có mục tiêu cho năm ${o.period.slice(0, 4)}`);
  }
  if (o.basis) parts.push(BASIS_COMPARISONS[o.basis]);
  if (o.scope) parts.push(SCOPE_NOTES[o.scope]);
  if (o.asOf) parts.push(`tính đến ${formatDate(o.asOf)}`);
  if (o.status === 'estimated') parts.push(ESTIMATED_NOTE);
  return { comparison: parts.join(' · ') || undefined, status };
}

export function buildPanelModel({ config, unitIds, period, observations, units, indicators, sources }: PanelInput): PanelModel {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const chosen = unitIds.map((id) => unitById.get(id)).filter((u): u is Unit => Boolean(u));
  const many = chosen.length > 1;

  const compare = chosen.length >= COMPARE_FROM;
  const tiles: TileModel[] = [];
  const used = new Set<string>();
  for (const unit of compare ? [] : chosen) {
    for (const indicatorId of config.headline) {
      const indicator = indicatorById.get(indicatorId);
      const h = indicator && pickHeadline(observations, unit, indicatorId, period);
      if (!indicator || !h) continue;
      const o = h.observation;
      used.add(o.sourceId);
      const where = many ? `${unit.name} · ` : '';
      tiles.push({
        key: `${unit.id}-${indicatorId}`,
        label: indicator.name,
        value: formatQualified(o.value, indicator.unit, o.qualifier, o.outOf),
        detail: h.isEarlier ? `${where}Số liệu ${periodLabel(o.period)}, chưa có số ${periodLabel(period)}` : many ? unit.name : undefined,
        earlier: h.isEarlier,
        ...comparisonOf(indicator, o),
      });
    }
  }

  const shown = observations.filter((o) => config.chart.includes(o.indicatorId) || config.headline.includes(o.indicatorId));
  const first = indicatorById.get(config.chart[0] ?? '');
  const chart =
    compare && first
      ? buildComparison(shown, chosen, first, period)
      : buildChart({ observations: shown, units: chosen, indicators, indicatorIds: config.chart, withOutOf: config.withOutOf });
  if (compare) tiles.push(...summaryTiles(config, chosen, shown, indicatorById, period, used));

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
    .map((s) => ({ id: s.id, title: s.title, date: formatDate(s.heldOn), reference: s.reference, ...(s.hasText ? { hasText: true as const } : {}) }));

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

/** For many wards: how many have the figure, and which are highest and lowest. */
function summaryTiles(
  config: FamilyConfig,
  chosen: Unit[],
  observations: readonly Observation[],
  indicatorById: ReadonlyMap<string, Indicator>,
  period: string,
  used: Set<string>,
): TileModel[] {
  return config.headline.slice(0, 2).flatMap((indicatorId) => {
    const indicator = indicatorById.get(indicatorId);
    if (!indicator) return [];
    const found = chosen
      .map((u) => ({ unit: u, h: pickHeadline(observations, u, indicatorId, period) }))
      .filter((x): x is { unit: Unit; h: NonNullable<typeof x.h> } => x.h !== null)
      .sort((a, b) => b.h.observation.value - a.h.observation.value);
    if (found.length === 0) return [];
    found.forEach((f) => used.add(f.h.observation.sourceId));
    const show = (x: (typeof found)[number]) =>
      formatQualified(x.h.observation.value, indicator.unit, x.h.observation.qualifier, x.h.observation.outOf);
    const top = found[0]!;
    const bottom = found[found.length - 1]!;
    const earlier = found.some((f) => f.h.isEarlier);
    const tiles: TileModel[] = [
      {
        key: `${indicatorId}-top`,
        label: `${indicator.name}: cao nhất`,
        value: show(top),
        detail: `${top.unit.name} · ${found.length}/${chosen.length} phường có số liệu${earlier ? ' (có số của kỳ trước)' : ''}`,
        earlier,
      },
    ];
    if (found.length > 1) {
      tiles.push({ key: `${indicatorId}-bottom`, label: `${indicator.name}: thấp nhất`, value: show(bottom), detail: bottom.unit.name });
    }
    return tiles;
  });
}
