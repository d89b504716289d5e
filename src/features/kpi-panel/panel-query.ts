/** The query of a panel's figures: the same options whoever asks (the panel, or the prefetch before it renders). */
import type { Family } from '../../api/contract';
import { queries } from '../../api/queries';
import { formatPeriodId, parsePeriod } from '../../api/periods';
import { comparesUnits } from './compare';

/**
 * Many wards are compared in the chosen period only (a headline per ward, which may be an
 * earlier figure of the same year): they need the year so far, not every year before it.
 */
function firstPeriodNeeded(units: string[], period: string): string | undefined {
  const year = parsePeriod(period)?.year;
  return comparesUnits(units.length) && year ? formatPeriodId(year, 1) : undefined;
}

export function panelObservations(family: Family, units: string[], period: string) {
  return queries.observations({ units, family, from: firstPeriodNeeded(units, period), to: period });
}
