/** Readable ids for new records, in the style of the dataset: "my-thoi-2024-q4-budget-revenue". Browser-safe (the msw handlers use it too). */
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

/**
 * The base, or the base with the first free "-2", "-3"... (from `start` when the caller knows
 * more). `taken` may ask the store (a promise).
 */
export async function firstFreeId(base: string, taken: (id: string) => boolean | Promise<boolean>, start = 2): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = start; ; n++) {
    const id = `${base}-${n}`;
    if (!(await taken(id))) return id;
  }
}

/** "my-thoi-nq-2025-2030" for a term's resolution, "my-thoi-nq-2026" for a year's. */
export function resolutionIdBase(r: { unitId: string; term?: string; year?: number }): string {
  return slug(`${r.unitId}-nq-${r.term ?? r.year ?? ''}`);
}
