/**
 * The units a report names that were in force on its date, for the editor to confirm or change
 * the report's unit: the importer's reading first (or, when it is unsure, the units it hesitates
 * between), then the others named, most named first, but not the district or province that
 * contains the unit read (a ward's report names its city without being the city's). The reading
 * is the importer's (src/lib/extract, readUnits); this only orders what it found.
 */
import type { Unit } from '../../api/contract';
import { periodEnd } from '../../api/periods';
import { containersOf } from '../../api/units';
import { normalizeText, readUnits, type ExtractResult } from '../../lib/extract';

/** At most this many choices: a report names its own unit, its district and a few neighbours. */
export const MOST_CHOICES = 6;

export function reportUnitChoices(
  text: string,
  result: Pick<ExtractResult, 'unitId' | 'period' | 'periodProposed' | 'asOf' | 'heldOn'>,
  units: readonly Unit[],
): string[] {
  // the day the importer reads the report's units on (read-report.ts): its figures' day, its period's end, else its held day
  const period = result.period ?? result.periodProposed;
  const end = period ? periodEnd(period) : null;
  const range: [string, string] | undefined = period && end ? [`${period.slice(0, 4)}-01-01`, end] : undefined;
  const reading = readUnits(normalizeText(text).match, units, { on: result.asOf ?? end ?? result.heldOn, heldOn: result.heldOn, range });
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of reading.mentions) {
    if (!m.valid) continue;
    for (const id of m.unitIds) {
      const c = counts.get(id) ?? { n: 0, first: m.start };
      c.n += 1;
      counts.set(id, c);
    }
  }
  const named = [...counts.entries()].sort(([, a], [, b]) => b.n - a.n || a.first - b.first).map(([id]) => id);
  const first = result.unitId ? [result.unitId] : reading.candidates;
  const around = new Set(first.flatMap(containersOf(units)));
  return [...new Set([...first, ...named.filter((id) => !around.has(id))])].slice(0, MOST_CHOICES);
}
