/**
 * Periods "YYYY-Qn": cumulative from 1 January to the end of quarter n (DOMAIN.md).
 */
import { PERIOD_PATTERN } from '../api/contract';
import { QUARTER_NAMES, QUARTER_SLUGS } from './vocabulary';

export type Quarter = 1 | 2 | 3 | 4;
export interface PeriodParts { year: number; quarter: Quarter }

export function parsePeriod(period: string): PeriodParts | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter };
}

export function formatPeriodId(year: number, quarter: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** "Cả năm 2024", "9 tháng 2024", "Quý I 2026". */
export function periodLabel(period: string): string {
  const p = parsePeriod(period);
  return p ? `${QUARTER_NAMES[p.quarter]} ${p.year}` : period;
}

/** "ca-nam-2024" style, for file names. */
export function periodSlug(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period.toLowerCase();
  return `${p.year}-${QUARTER_SLUGS[p.quarter]}`;
}

/** The last day of the span, as an ISO date. */
export function periodEnd(period: string): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const ends = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;
  return `${p.year}-${ends[p.quarter]}`;
}

/** The share of the year elapsed at the end of the period: the even pace q/4, in percent. */
export function evenPacePercent(period: string): number | null {
  const p = parsePeriod(period);
  return p ? p.quarter * 25 : null;
}
