/**
 * When a figure is already stored: one for the same unit, indicator and period (the form warns
 * before it adds a second), or one stating the same thing (an imported candidate is "đã có" and
 * not saved again). What a figure states is its value with its total and qualifier ("trên 12
 * tỷ đồng", "10/11"); its basis, date and notes describe it.
 */
import type { ObservationFields } from './contract';

type Slot = Pick<ObservationFields, 'unitId' | 'indicatorId' | 'period'>;
type Stated = Slot & Pick<ObservationFields, 'value' | 'outOf' | 'qualifier'>;

export function sameSlot(a: Slot, b: Slot): boolean {
  return a.unitId === b.unitId && a.indicatorId === b.indicatorId && a.period === b.period;
}

/** Numbers read from text and typed back (88,44; 4,2 tỷ) compare within rounding. */
function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sameFigure(a: Stated, b: Stated): boolean {
  return sameSlot(a, b) && sameNumber(a.value, b.value) && sameNumber(a.outOf, b.outOf) && a.qualifier === b.qualifier;
}
