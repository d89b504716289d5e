/** The query of a panel's figures: the same options whoever asks (the panel, or the prefetch before it renders). */
import type { QueryClient } from '@tanstack/react-query';
import type { Family, Indicator } from '../../api/contract';
import { fetchObservations, queries } from '../../api/queries';
import { formatPeriodId, parsePeriod } from '../../api/periods';
import { comparesUnits } from './compare';
import { FAMILIES, type FamilyConfig } from './families';

/**
 * Many units compared are compared in the chosen period only (a headline per unit, which may
 * be an earlier figure of the same year): they need the year so far, not every year before it.
 * Their cùng kỳ is asked apart (comparedSamePeriod): asked here, last year's figures would be
 * the panel's own, listed, counted and cited (a province's printed list of sources grew from
 * 11 to 26 pages).
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

/**
 * The same spans a year earlier of a comparison's figures (Quý I to 9 tháng 2025 for 9 tháng
 * 2026), of every family's compared indicators in one request: only for the cùng kỳ of the rows
 * of the panels' tables and CSV (their previous figure and the change). Never drawn, counted or
 * cited, and not waited for: a panel asks once its own figures are in (use-panel-data.ts).
 */
export function comparedSamePeriod(units: string[], period: string) {
  const p = parsePeriod(period);
  const year = p ? p.year - 1 : 0;
  return {
    ...queries.observations({
      units,
      family: PANEL_FAMILIES,
      from: p ? formatPeriodId(year, 1) : undefined,
      to: p ? formatPeriodId(year, p.quarter) : undefined,
      indicators: PANEL_FAMILIES.flatMap(comparedIndicatorsOf),
    }),
    enabled: p !== null,
  };
}

/**
 * Starts the queries of every panel of a view before the panels ask (same keys: they find them
 * in flight). A comparison's go out as one request across the families (one answer to read
 * instead of one per family, and the panels drawn together), each panel's key taking its share
 * of it; a panel whose share failed asks again alone (its Retry, its own request). Trends, or
 * before the indicators are known (which family an indicator is of), one request per family.
 */
export function prefetchPanels(client: QueryClient, view: string[], period: string): void {
  if (view.length === 0 || !parsePeriod(period)) return;
  const compared = comparesUnits(view.length);
  const indicators = client.getQueryData<Indicator[]>(queries.indicators().queryKey);
  if (!compared || !indicators) {
    for (const family of PANEL_FAMILIES) void client.prefetchQuery(panelObservations(family, view, period, compared));
    return;
  }
  const asked = PANEL_FAMILIES.filter((family) => {
    const state = client.getQueryState(panelObservations(family, view, period, true).queryKey);
    return state?.data === undefined && state?.fetchStatus !== 'fetching';
  });
  if (asked.length === 0) return;
  const familyOf = new Map(indicators.map((i) => [i.id, i.family]));
  // not kept under a key of its own: its rows are the panels'
  const all = fetchObservations({
    units: view,
    family: asked,
    from: firstPeriodNeeded(true, period),
    to: period,
    indicators: asked.flatMap(comparedIndicatorsOf),
  });
  for (const family of asked) {
    void client.prefetchQuery({
      ...panelObservations(family, view, period, true),
      queryFn: () => all.then((rows) => rows.filter((o) => familyOf.get(o.indicatorId) === family)),
    });
  }
}
