/** The query of a panel's figures: the same options whoever asks (the panel, or the prefetch before it renders). */
import type { Family } from '../../api/contract';
import { queries } from '../../api/queries';
import { formatPeriodId, parsePeriod } from '../../api/periods';

/**
 * Many units compared are compared in the chosen period only (a headline per unit, which may
 * be an earlier figure of the same year): they need the year so far, not every year before it.
 */
function firstPeriodNeeded(compared: boolean, period: string): string | undefined {
  const year = parsePeriod(period)?.year;
  return compared && year ? formatPeriodId(year, 1) : undefined;
}

/** `units`: the ids asked for (see units-in-view.ts); `compared`: the units shown are compared (compare.ts). */
export function panelObservations(family: Family, units: string[], period: string, compared: boolean) {
  return queries.observations({ units, family, from: firstPeriodNeeded(compared, period), to: period });
}
