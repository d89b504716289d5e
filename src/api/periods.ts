/**
 * Period arithmetic, the bottom of the tree: "YYYY-Qn" is cumulative from 1 January to the
 * end of quarter n of year YYYY (DOMAIN.md), with a plausible year from 2000 to 2100.
 * The contract, the rules, the server and the app all read periods through this module;
 * what periods are called in Vietnamese is in lib/period-names.ts.
 */

/** "YYYY-Qn" with a plausible year, 2000 to 2100: queries and writes refuse any other. */
export const PERIOD_PATTERN = /^(20\d{2}|2100)-Q([1-4])$/;

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

/** Orders two periods; both must match PERIOD_PATTERN. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0; // "YYYY-Qn" sorts lexically for four-digit years
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
