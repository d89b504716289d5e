/** What periods are called: "Cả năm 2024", and their file-name form (arithmetic: api/periods.ts). */
import { parsePeriod } from '../api/periods';
import { QUARTER_NAMES, QUARTER_SLUGS } from './vocabulary';

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
