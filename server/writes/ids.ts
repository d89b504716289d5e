/** Readable ids for new records, in the style of the dataset: "my-thoi-2024-q4-budget-revenue". */
import type { NewSource, ObservationFields } from '../../src/api/contract';

const MAX_BASE = 70; // leaves room for a "-NNN" suffix under the contract's 80

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/, '');
}

export function observationIdBase(o: Pick<ObservationFields, 'unitId' | 'period' | 'indicatorId'>): string {
  return slug(`${o.unitId}-${o.period}-${o.indicatorId}`);
}

export function sourceIdBase(s: Pick<NewSource, 'unitId' | 'heldOn'>): string {
  return slug(`${s.unitId}-${s.heldOn}`);
}

/** The base, or the base with the first free "-2", "-3"... (from `start` when the caller knows more). */
export function firstFreeId(base: string, taken: (id: string) => boolean, start = 2): string {
  if (!taken(base)) return base;
  for (let n = start; ; n++) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
