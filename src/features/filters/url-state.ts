/**
 * The filters' shareable form: `?unit=my-thoi&unit=my-binh&period=2024-Q4`; `?unit=` (the unit
 * named as nothing) is a choice cleared by "Bỏ chọn tất cả": no unit, the page says to choose
 * one. No `unit` at all is the default unit. No `period` is the latest period that has figures
 * for the units (latest-period.ts): such a link follows the figures as they come.
 * The URL is an edge like any other: it is parsed, and what does not parse falls back to the
 * default with a notice, never a blank page.
 */
import { z } from 'zod/mini';
import { Id, Period } from '../../api/contract';
import { parsePeriod } from '../../api/periods';

export interface Filters {
  units: string[];
  /** '' while the latest period is sought. */
  period: string;
  /** The URL names no period: the period shown is the latest with figures. */
  latest?: boolean;
}

export const FIRST_YEAR = 2020;
/** Enough for every ward of a province (about 100) and more; the URL stays well under 8 kB. */
export const MAX_UNITS = 200;
export const DEFAULT_FILTERS: Filters = { units: ['my-thoi'], period: '', latest: true };
const SHOWN_INSTEAD = 'đang hiển thị kỳ gần nhất có số liệu';

const UrlUnits = z.array(Id).check(z.minLength(1), z.maxLength(MAX_UNITS));

export function lastYear(now = new Date()): number {
  return now.getFullYear();
}

export interface ParsedFilters {
  filters: Filters;
  notices: string[];
}

export function parseFilters(search: string, now = new Date()): ParsedFilters {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const filters: Filters = { ...DEFAULT_FILTERS };

  const rawUnits = params.getAll('unit');
  if (rawUnits.length > 0 && rawUnits.every((u) => u === '')) {
    filters.units = [];
  } else if (rawUnits.length > 0) {
    const units = UrlUnits.safeParse([...new Set(rawUnits.filter((u) => u !== ''))]);
    if (units.success) filters.units = units.data;
    else notices.push('Danh sách phường trong đường dẫn không hợp lệ; đang hiển thị phường mặc định.');
  }

  const rawPeriods = params.getAll('period');
  if (rawPeriods.length > 0) {
    const period = Period.safeParse(rawPeriods[0]);
    const year = period.success ? parsePeriod(period.data)?.year ?? 0 : 0;
    if (rawPeriods.length > 1 || !period.success) {
      notices.push(`Kỳ báo cáo “${rawPeriods.join(', ')}” không hợp lệ; ${SHOWN_INSTEAD}.`);
    } else if (year < FIRST_YEAR || year > lastYear(now)) {
      notices.push(`Không có kỳ báo cáo năm ${year}; ${SHOWN_INSTEAD}.`);
    } else {
      filters.period = period.data;
      filters.latest = false;
    }
  }

  const unknown = [...new Set(params.keys())].filter((k) => k !== 'unit' && k !== 'period');
  if (unknown.length > 0) notices.push(`Đã bỏ qua tham số không dùng đến: ${unknown.join(', ')}.`);
  return { filters, notices };
}

export function serializeFilters(filters: Filters): string {
  const params = new URLSearchParams();
  for (const u of filters.units) params.append('unit', u);
  // nothing chosen is said, or the link would open on the default unit
  if (filters.units.length === 0) params.append('unit', '');
  if (!filters.latest && filters.period) params.set('period', filters.period);
  return `?${params.toString()}`;
}
