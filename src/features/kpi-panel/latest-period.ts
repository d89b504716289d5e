/**
 * The latest period that has figures in the panels for the chosen ids (a link without a period
 * opens on it), found from the figures the panels will draw: one request across the four
 * families, whose rows are then put in the cache under each panel's own key for that period
 * (the same rows the panel's request would get), so that finding the period costs no request
 * the panels would not make.
 *
 * Year by year from the newest: in a year, the units shown in each quarter (a province stands
 * for its communes in force then: units-in-view.ts) and the figures each panel shows (a
 * comparison only its drawn indicators: panel-query.ts). A trend's request has every year up
 * to the end of the year asked; a comparison's, that year only. With no province or district
 * chosen the units are the same every year, so a trend's one request answers for all of them.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Family, Observation, Unit } from '../../api/contract';
import { formatPeriodId, type Quarter } from '../../api/periods';
import { queries } from '../../api/queries';
import { comparesUnits } from './compare';
import { FAMILIES } from './families';
import { comparedIndicatorsOf, PANEL_FAMILIES, panelObservations } from './panel-query';
import { isContainer, unitIndex, unitsInView } from './units-in-view';

/** What a trend shows of each family: its regions' chart and headline indicators. */
const TREND_INDICATORS = new Set(FAMILIES.flatMap((f) => [...f.chart, ...f.headline]));
/** What a comparison shows of each family. */
const COMPARED_INDICATORS = new Map(PANEL_FAMILIES.map((family) => [family, new Set(comparedIndicatorsOf(family))]));
const COMPARED_SET = new Set([...COMPARED_INDICATORS.values()].flatMap((ids) => [...ids]));

export interface YearRange {
  first: number;
  last: number;
}

/**
 * Puts the rows each panel's query for `period` would get under its key (only where nothing is
 * cached): the panels then draw at once. `rows` must hold every figure those queries ask for.
 */
function seedPanels(client: QueryClient, rows: readonly Observation[], view: readonly string[], period: string, familyOf: ReadonlyMap<string, Family>) {
  const compared = comparesUnits(view.length);
  const inView = new Set(view);
  const from = formatPeriodId(Number(period.slice(0, 4)), 1);
  for (const family of PANEL_FAMILIES) {
    const options = panelObservations(family, [...view], period, compared);
    if (client.getQueryData(options.queryKey)) continue;
    const wanted = COMPARED_INDICATORS.get(family);
    const answer = rows.filter(
      (o) =>
        inView.has(o.unitId) &&
        familyOf.get(o.indicatorId) === family &&
        o.period <= period &&
        (!compared || (o.period >= from && wanted!.has(o.indicatorId))),
    );
    client.setQueryData(options.queryKey, answer);
  }
}

/** The latest period with a figure shown for the chosen ids, or null when no year has one. */
export async function findLatestPeriod(client: QueryClient, chosen: readonly string[], register: readonly Unit[], years: YearRange): Promise<string | null> {
  const index = unitIndex(register);
  const ids = chosen.filter((id) => index.has(id));
  if (ids.length === 0) return null;
  const containers = ids.some((id) => isContainer(index.get(id)));
  const indicators = await client.fetchQuery(queries.indicators());
  const familyOf = new Map(indicators.map((i) => [i.id, i.family]));

  for (let year = years.last; year >= years.first; year--) {
    const periods = ([1, 2, 3, 4] as Quarter[]).map((q) => formatPeriodId(year, q));
    const views = periods.map((p) => unitsInView(ids, p, register));
    const asked = [...new Set(views.flat())];
    if (asked.length === 0) continue;
    const trend = views.some((v) => v.length > 0 && !comparesUnits(v.length));
    const rows = await client.fetchQuery(
      queries.observations({
        units: asked,
        family: [...PANEL_FAMILIES],
        to: periods[3],
        ...(trend ? {} : { from: periods[0], indicators: [...COMPARED_SET] }),
      }),
    );
    // the periods to look at, newest first: this year's, or every one asked for when the units never change
    const candidates =
      trend && !containers ? [...new Set(rows.map((o) => o.period))].filter((p) => Number(p.slice(0, 4)) >= years.first).sort().reverse() : [...periods].reverse();
    for (const period of candidates) {
      const view = containers ? views[periods.indexOf(period)]! : ids;
      const inView = new Set(view);
      const shown = comparesUnits(view.length) ? COMPARED_SET : TREND_INDICATORS;
      if (rows.some((o) => o.period === period && inView.has(o.unitId) && shown.has(o.indicatorId))) {
        seedPanels(client, rows, view, period, familyOf);
        return period;
      }
    }
    // a trend's request had every earlier year too, for units that never change
    if (trend && !containers) return null;
  }
  return null;
}
