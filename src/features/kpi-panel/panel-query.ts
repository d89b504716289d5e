/** The query of a panel's figures: the same options whoever asks (the panel, or the prefetch before it renders). */
import type { QueryClient } from '@tanstack/react-query';
import type { Family, Observation } from '../../api/contract';
import { queries } from '../../api/queries';
import { formatPeriodId, parsePeriod, type Quarter } from '../../api/periods';
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

/** The quarters of a period's year up to it ('2026-Q3': Quý I, II and III of 2026). */
function quartersOf(year: number, quarter: Quarter): string[] {
  return Array.from({ length: quarter }, (_, i) => formatPeriodId(year, (i + 1) as Quarter));
}

const COMPARED_ALL = PANEL_FAMILIES.flatMap(comparedIndicatorsOf);

/**
 * One quarter's figures of every family's compared indicators: what a comparison's queries are
 * made of, each kept while fresh (a change of quarter asks for the new quarter alone; the year
 * before, asked for the cùng kỳ, serves a change to that year).
 */
export function comparedQuarter(units: string[], quarter: string) {
  return queries.observationsPart({ units, family: PANEL_FAMILIES, from: quarter, to: quarter, indicators: COMPARED_ALL });
}

/** The figures of these quarters, quarter by quarter in period order (the API's), each quarter asked once while it is fresh. */
function fetchQuarters(client: QueryClient, units: string[], quarters: string[]): Promise<Observation[][]> {
  return Promise.all(quarters.map((q) => client.fetchQuery(comparedQuarter(units, q))));
}

/** A family's figures of a comparison, from its quarters' figures. */
function familyRows(family: Family, quarters: readonly Observation[][]): Observation[] {
  const wanted = new Set(comparedIndicatorsOf(family));
  return quarters.flat().filter((o) => wanted.has(o.indicatorId));
}

/**
 * `units`: the ids asked for (see units-in-view.ts); `compared`: the units shown are compared
 * (compare.ts). Not asked for while the period is not known yet ('' while the latest one is sought).
 * A comparison's figures are made of the year's quarters (comparedQuarter), each panel taking
 * its family's indicators.
 */
export function panelObservations(family: Family, units: string[], period: string, compared: boolean) {
  const p = parsePeriod(period);
  const options = queries.observations({
    units,
    family,
    from: firstPeriodNeeded(compared, period),
    to: period,
    ...(compared ? { indicators: comparedIndicatorsOf(family) } : {}),
  });
  if (!compared || !p) return { ...options, enabled: p !== null };
  return {
    ...options,
    queryFn: ({ client }: { client: QueryClient }) => fetchQuarters(client, units, quartersOf(p.year, p.quarter)).then((quarters) => familyRows(family, quarters)),
    enabled: true,
  };
}

/**
 * The same spans a year earlier of a comparison's figures (Quý I to 9 tháng 2025 for 9 tháng
 * 2026), of every family's compared indicators, made of that year's quarters: only for the cùng
 * kỳ of the rows of the panels' tables and CSV (their previous figure and the change). Never
 * drawn, counted or cited, and not waited for: a panel asks once its own figures are in
 * (use-panel-data.ts).
 */
export function comparedSamePeriod(units: string[], period: string) {
  const p = parsePeriod(period);
  const year = p ? p.year - 1 : 0;
  const options = queries.observations({
    units,
    family: PANEL_FAMILIES,
    from: p ? formatPeriodId(year, 1) : undefined,
    to: p ? formatPeriodId(year, p.quarter) : undefined,
    indicators: COMPARED_ALL,
  });
  if (!p) return { ...options, enabled: false };
  return {
    ...options,
    queryFn: ({ client }: { client: QueryClient }) => fetchQuarters(client, units, quartersOf(year, p.quarter)).then((quarters) => quarters.flat()),
    enabled: true,
  };
}

/**
 * The quarters a comparison's figures of a period are made of, when every one is in the cache
 * (a change back to a quarter seen, or to last year, whose quarters the cùng kỳ asked for), and
 * when the oldest came in.
 */
function cachedQuarters(client: QueryClient, view: string[], period: string): { quarters: Observation[][]; updatedAt: number } | undefined {
  const p = parsePeriod(period);
  if (!p) return undefined;
  const states = quartersOf(p.year, p.quarter).map((q) => client.getQueryState(comparedQuarter(view, q).queryKey));
  const quarters = states.map((s) => s?.data);
  if (!quarters.every((q) => q !== undefined)) return undefined;
  return { quarters, updatedAt: Math.min(...states.map((s) => s!.dataUpdatedAt)) };
}

/**
 * Starts the queries of every panel of a view before the panels ask (same keys: they find them
 * in flight, or already there). A comparison's quarters go out once each across the families
 * (panelObservations); where every quarter is in the cache, each panel's figures are put
 * together at once, as old as the oldest quarter (a stale one is asked again as ever): the panel
 * finds them as it draws the change, rather than draw the last view's once more, marked as
 * updating, and then the new ones. A trend's, one request per family.
 */
export function prefetchPanels(client: QueryClient, view: string[], period: string): void {
  if (view.length === 0 || !parsePeriod(period)) return;
  const compared = comparesUnits(view.length);
  const cached = compared ? cachedQuarters(client, view, period) : undefined;
  for (const family of PANEL_FAMILIES) {
    const options = panelObservations(family, view, period, compared);
    if (cached && client.getQueryData(options.queryKey) === undefined) {
      client.setQueryData(options.queryKey, familyRows(family, cached.quarters), { updatedAt: cached.updatedAt });
    }
    void client.prefetchQuery(options);
  }
}
