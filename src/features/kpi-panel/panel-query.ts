/** The query of a panel's figures: the same options whoever asks (the panel, or the prefetch before it renders). */
import type { Family } from '../../api/contract';
import { queries } from '../../api/queries';
import { formatPeriodId, parsePeriod } from '../../api/periods';
import { FAMILIES, type FamilyConfig } from './families';

/**
 * Many units compared are compared in the chosen period only (a headline per unit, which may
 * be an earlier figure of the same year): they need the year so far, not every year before it.
 */
function firstPeriodNeeded(compared: boolean, period: string): string | undefined {
  const year = parsePeriod(period)?.year;
  return compared && year ? formatPeriodId(year, 1) : undefined;
}

/** How many headline indicators a comparison sums up in tiles (the highest and lowest of each: panel-tiles.ts, summaryTiles). */
export const COMPARED_HEADLINES = 2;

/**
 * The indicators a comparison of many units draws and shows in one region: the chart's first
 * (ranked) and the first COMPARED_HEADLINES headline ones.
 */
export function comparedIndicators(config: Pick<FamilyConfig, 'chart' | 'headline'>): string[] {
  return [...new Set([...config.chart.slice(0, 1), ...config.headline.slice(0, COMPARED_HEADLINES)])];
}

/**
 * What a comparison asks for of a family: the indicators its regions draw and show (the themes
 * of family `other` share one query). Only these: with the province, the poverty panel's 2 of
 * 7 indicators, a fifth of the rows.
 */
export function comparedIndicatorsOf(family: Family): string[] {
  return [...new Set(FAMILIES.filter((f) => f.family === family).flatMap(comparedIndicators))];
}

/** The families the page's regions show, each once, in page order. */
export const PANEL_FAMILIES: readonly Family[] = [...new Set(FAMILIES.map((f) => f.family))];

/**
 * `units`: the ids asked for (see units-in-view.ts); `compared`: the units shown are compared
 * (compare.ts). Not asked for while the period is not known yet ('' while the latest one is sought).
 */
export function panelObservations(family: Family, units: string[], period: string, compared: boolean) {
  return {
    ...queries.observations({
      units,
      family,
      from: firstPeriodNeeded(compared, period),
      to: period,
      ...(compared ? { indicators: comparedIndicatorsOf(family) } : {}),
    }),
    enabled: parsePeriod(period) !== null,
  };
}
