/**
 * A panel's headline figures: one tile per chosen unit and headline indicator, with what the
 * figure is compared with (each tile names its unit); or, for many units compared, the highest
 * and the lowest of each.
 */
import type { Indicator, Observation, Unit } from '../../api/contract';
import { formatDate, formatNumber, formatQualified } from '../../lib/format';
import { benchmarkFor, pickHeadline, statusAgainst } from '../../lib/kpi';
import type { TileModel } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { exactNoun } from '../../lib/unit-count';
import { BASIS_COMPARISONS, ESTIMATED_NOTE, SCOPE_NOTES } from '../../lib/vocabulary';
import type { FamilyConfig } from './families';

export interface TileInput {
  config: FamilyConfig;
  chosen: readonly Unit[];
  period: string;
  observations: readonly Observation[];
  indicatorById: ReadonlyMap<string, Indicator>;
  /** Collects the sources of the figures shown. */
  used: Set<string>;
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

/** Each chosen ward's headline figures, in the config's order; an earlier period's says so. */
export function headlineTiles({ config, chosen, period, observations, indicatorById, used }: TileInput): TileModel[] {
  const many = chosen.length > 1;
  const tiles: TileModel[] = [];
  for (const unit of chosen) {
    for (const indicatorId of config.headline) {
      const indicator = indicatorById.get(indicatorId);
      const h = indicator && pickHeadline(observations, unit, indicatorId, period);
      if (!indicator || !h) continue;
      const o = h.observation;
      used.add(o.sourceId);
      const where = many ? `${unit.name} · ` : '';
      tiles.push({
        key: `${unit.id}-${indicatorId}`,
        unitId: unit.id,
        label: indicator.name,
        value: formatQualified(o.value, indicator.unit, o.qualifier, o.outOf),
        detail: h.isEarlier ? `${where}Số liệu ${periodLabel(o.period)}, chưa có số ${periodLabel(period)}` : many ? unit.name : undefined,
        earlier: h.isEarlier,
        ...comparisonOf(indicator, o),
      });
    }
  }
  return tiles;
}

/** For many wards: how many have the figure, and which are highest and lowest. */
export function summaryTiles({ config, chosen, period, observations, indicatorById, used }: TileInput): TileModel[] {
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
        detail: `${top.unit.name} · ${found.length}/${chosen.length} ${exactNoun(chosen)} có số liệu${earlier ? ' (có số của kỳ trước)' : ''}`,
        earlier,
      },
    ];
    if (found.length > 1) {
      tiles.push({ key: `${indicatorId}-bottom`, label: `${indicator.name}: thấp nhất`, value: show(bottom), detail: bottom.unit.name });
    }
    return tiles;
  });
}
