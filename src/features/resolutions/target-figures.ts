/**
 * What a view's resolutions ask of the figures, and the queries that ask for them: small, apart
 * from the list's model, so that the page's start (app/prefetch.ts) can ask for them before the
 * list's code has come.
 */
import type { QueryClient } from '@tanstack/react-query';
import { resolutionYears, type Resolution } from '../../api/contract';
import { formatPeriodId, parsePeriod, type Quarter } from '../../api/periods';
import { queries, resolutionsQuery } from '../../api/queries';

/** The resolution in force for the period: the year's resolution of its year, else the term's covering it (base year included). */
export function resolutionInForce(resolutions: readonly Resolution[], unitId: string, period: string, prefer?: 'year' | 'term'): Resolution | undefined {
  const p = parsePeriod(period);
  if (!p) return undefined;
  const mine = resolutions.filter((r) => r.unitId === unitId);
  const year = mine.find((r) => r.kind === 'year' && r.year === p.year);
  const term = mine.find((r) => {
    const y = r.kind === 'term' ? resolutionYears(r) : null;
    return y !== null && p.year >= y.baseYear && p.year <= y.lastYear;
  });
  return prefer === 'term' ? (term ?? year) : (year ?? term);
}

/** What the resolutions in force in a period ask of the figures: which units, which indicators, since when. */
export function targetsAsk(resolutions: readonly Resolution[], period: string) {
  const inForce = resolutions.filter((r) => resolutionInForce(resolutions, r.unitId, period, r.kind) === r);
  const ids = new Set<string>();
  const withTargets = new Set<string>();
  let base: number | undefined;
  for (const r of inForce) {
    for (const t of r.targets) {
      if (!t.indicatorId) continue;
      ids.add(t.indicatorId);
      withTargets.add(r.unitId);
    }
    const y = resolutionYears(r)?.baseYear;
    if (y !== undefined && (base === undefined || y < base)) base = y;
  }
  return { units: [...withTargets], indicators: [...ids], from: base !== undefined ? formatPeriodId(base, 1) : undefined };
}

/**
 * Before React draws a change of view (app/prefetch.ts): the figures its targets ask for, when
 * the view's resolutions of that year are in the cache already (the year's, or one asked when
 * the page was idle). They go out with the panels' own, instead of once the list is drawn with
 * the change (with the province, a change of quarter waited for them a round trip longer).
 */
export function prefetchTargetFigures(client: QueryClient, unitIds: readonly string[], period: string): void {
  const year = parsePeriod(period)?.year;
  if (year === undefined || unitIds.length === 0) return;
  const resolutions = client.getQueryData(resolutionsQuery(unitIds, year).queryKey);
  if (!resolutions) return;
  const ask = targetsAsk(resolutions, period);
  if (ask.units.length === 0 || ask.indicators.length === 0) return;
  for (const options of targetFigures(ask, period)) void client.prefetchQuery(options);
}

/**
 * The figures the targets ask of a period, in parts that stay the same as the period moves:
 * the years before the period's, then each quarter of its year up to the period (a change of
 * quarter asks for that quarter alone).
 */
export function targetFigures(ask: { units: string[]; indicators: string[]; from?: string }, period: string) {
  const p = parsePeriod(period);
  if (!p) return [];
  const filter = { units: ask.units, indicators: ask.indicators };
  const quarters = Array.from({ length: p.quarter }, (_, i) => formatPeriodId(p.year, (i + 1) as Quarter)).filter((q) => ask.from === undefined || q >= ask.from);
  const before = ask.from === undefined || ask.from < formatPeriodId(p.year, 1) ? [{ from: ask.from, to: formatPeriodId(p.year - 1, 4) }] : [];
  return [...before, ...quarters.map((q) => ({ from: q, to: q }))].map((span) => queries.observations({ ...filter, ...span }));
}
