/**
 * A panel's headline figures: one tile per chosen unit and headline indicator (each tile names
 * its unit), with its status against its benchmark in words and why (lib/status.ts) and the same
 * period a year earlier (lib/same-period.ts); or, for many units compared, the highest and the
 * lowest of each, said the same way.
 */
import type { Indicator, Observation, Unit } from '../../api/contract';
import { formatDate, formatQualified } from '../../lib/format';
import { pickHeadline } from '../../lib/kpi';
import { tileAnchor, type FigureAssessment, type TileModel } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { samePeriodOf } from '../../lib/same-period';
import { assess } from '../../lib/status';
import { exactNoun } from '../../lib/unit-count';
import { BASIS_COMPARISONS, ESTIMATED_NOTE, SCOPE_NOTES } from '../../lib/vocabulary';
import type { FamilyConfig } from './families';
import { COMPARED_HEADLINES } from './panel-query';

export interface TileInput {
  config: FamilyConfig;
  chosen: readonly Unit[];
  period: string;
  /** The figures of the units shown; those of the year before pair each tile with its same period. */
  observations: readonly Observation[];
  indicatorById: ReadonlyMap<string, Indicator>;
  /** Collects the sources of the figures shown. */
  used: Set<string>;
}

type TileWords = Pick<TileModel, 'status' | 'reason' | 'notes' | 'samePeriod' | 'comparison'>;

/** A figure's status and why, what else qualifies it, and its same period a year earlier. */
function wordsOf(indicator: Indicator, o: Observation, unit: Unit, observations: readonly Observation[]): TileWords {
  const assessed = assess(indicator, o);
  const notes: string[] = [];
  // a budget percent's status already says what it is of ("dự toán năm")
  if (o.basis && assessed?.benchmark.kind !== 'even_pace') notes.push(BASIS_COMPARISONS[o.basis]);
  if (o.scope) notes.push(SCOPE_NOTES[o.scope]);
  if (o.asOf) notes.push(`tính đến ${formatDate(o.asOf)}`);
  if (o.status === 'estimated') notes.push(ESTIMATED_NOTE);
  const same = samePeriodOf(o, indicator, unit, observations)?.text;
  const note = notes.join(' · ') || undefined;
  const comparison = [assessed?.reason, note, same].filter(Boolean).join(' · ') || undefined;
  return {
    ...(assessed ? { status: assessed.status, reason: assessed.reason } : {}),
    ...(note ? { notes: note } : {}),
    ...(same ? { samePeriod: same } : {}),
    ...(comparison ? { comparison } : {}),
  };
}

/**
 * A figure's status and its same period a year earlier, as a row of the table and the CSV
 * carries them (the panel's model adds these to each FigureRow).
 */
export function figureAssessment(
  o: Observation,
  indicator: Indicator,
  unit: Unit,
  observations: readonly Observation[],
): FigureAssessment {
  const assessed = assess(indicator, o);
  const same = samePeriodOf(o, indicator, unit, observations);
  const previous = same?.previous;
  return {
    ...(assessed ? { status: assessed.word, statusReason: assessed.reason } : {}),
    ...(same ? { previousPeriod: periodLabel(same.period), changeText: same.text } : {}),
    ...(previous
      ? { previousValue: previous.value, previousFormatted: formatQualified(previous.value, indicator.unit, previous.qualifier, previous.outOf) }
      : {}),
    ...(same?.kind === 'compared' ? { change: same.change, changeUnit: same.changeUnit } : {}),
  };
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
        anchor: tileAnchor(unit.id, indicatorId),
        ...wordsOf(indicator, o, unit, observations),
      });
    }
  }
  return tiles;
}

/** For many wards: how many have the figure, and which are highest and lowest. */
export function summaryTiles({ config, chosen, period, observations, indicatorById, used }: TileInput): TileModel[] {
  return config.headline.slice(0, COMPARED_HEADLINES).flatMap((indicatorId) => {
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
        anchor: tileAnchor(undefined, indicatorId),
        ...wordsOf(indicator, top.h.observation, top.unit, observations),
      },
    ];
    if (found.length > 1) {
      tiles.push({
        key: `${indicatorId}-bottom`,
        label: `${indicator.name}: thấp nhất`,
        value: show(bottom),
        detail: bottom.unit.name,
        ...wordsOf(indicator, bottom.h.observation, bottom.unit, observations),
      });
    }
    return tiles;
  });
}
