/**
 * Reading periods, report kinds and dates from report text (DOMAIN.md, "Periods"):
 * quý I = Q1, "6 tháng đầu năm" = Q2, "9 tháng" = Q3, "tổng kết năm" / "cả năm" = Q4;
 * a mid-term review reports as the last quarter finished before it was held.
 */
import { formatPeriodId, type Quarter } from '../../api/periods';
import { foldForMatch } from './normalize-text';

export interface PeriodPhrase {
  start: number;
  end: number;
  year?: number;
  quarter: Quarter;
  /** False for spans that do not start on 1 January: "quý III", "6 tháng cuối năm". */
  cumulative: boolean;
  /** "năm 2022" alone: the whole year, but a weaker signal than "tổng kết năm". */
  yearOnly: boolean;
}

const ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const MONTH_WORDS: Record<string, number> = { '3': 3, '03': 3, ba: 3, '6': 6, '06': 6, sáu: 6, '9': 9, '09': 9, chín: 9 };

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<PeriodPhrase, 'start' | 'end'> | null }[] = [
  {
    re: /(?<![\p{L}])quý\s+(iv|i{1,3}|[1-4])(?![\p{L}\d])(?:\s*(?:\/|-|năm)\s*(\d{4}))?/gu,
    read: (m) => {
      const quarter = ROMAN[m[1]!]!;
      return { quarter, year: year(m[2]), cumulative: quarter === 1, yearOnly: false };
    },
  },
  {
    re: /(?<![\p{L}\d])(03|3|ba|06|6|sáu|09|9|chín)\s+tháng(?:\s+(đầu|cuối))?(?:\s+năm)?(?:\s*(?:năm\s+|\/\s*)?(\d{4}))?/gu,
    read: (m) => {
      const months = MONTH_WORDS[m[1]!]!;
      const last = m[2] === 'cuối';
      // "3 tháng cuối năm" is Q4 alone, "6 tháng cuối năm" the second half: neither starts in January.
      return { quarter: (last ? 4 : months / 3) as Quarter, year: year(m[3]), cumulative: !last, yearOnly: false };
    },
  },
  {
    re: /(?<![\p{L}])(?:tổng\s+kết(?:\s+[\p{L}\d,]+){0,12}?\s+năm|cả\s+năm)(?:\s+(\d{4}))?/gu,
    read: (m) => ({ quarter: 4, year: year(m[1]), cumulative: true, yearOnly: false }),
  },
  {
    re: /(?<![\p{L}])năm\s+(\d{4})(?!\s*[-–]\s*\d)/gu,
    read: (m) => ({ quarter: 4, year: year(m[1]), cumulative: true, yearOnly: true }),
  },
];

function year(s: string | undefined): number | undefined {
  const y = s === undefined ? NaN : Number(s);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** Every period phrase in a folded string (see foldForMatch), in order; overlapping ones keep the first. */
export function findPeriodPhrases(match: string, from = 0, to = match.length): PeriodPhrase[] {
  const found: PeriodPhrase[] = [];
  const slice = match.slice(0, to);
  for (const p of PATTERNS) {
    const re = new RegExp(p.re.source, 'gu');
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      const r = p.read(m);
      if (r) found.push({ ...r, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((p, i) => !found.slice(0, i).some((q) => p.start < q.end && q.start < p.end));
}

/** The period phrase that starts `match` at `at` (after "trong", "của"…), if any. */
export function periodPhraseAt(match: string, at: number, to = match.length): PeriodPhrase | null {
  const lead = /^\s*(?:(?:trong|của|vào|cho|tính\s+riêng)\s+)?/u.exec(match.slice(at, to))![0].length;
  const p = findPeriodPhrases(match, at + lead, to)[0];
  return p && p.start === at + lead ? p : null;
}

/** "9 tháng đầu năm 2024" → "2024-Q3", "quý I/2026" → "2026-Q1", "tổng kết năm 2024" → "2024-Q4". */
export function readPeriod(text: string, fallbackYear?: number): string | null {
  const match = foldForMatch(text.normalize('NFC'));
  const p = findPeriodPhrases(match).find((x) => x.cumulative);
  if (!p) return null;
  const y = p.year ?? match.slice(p.end).match(/(?<![\p{L}])năm\s+(\d{4})|\/(\d{4})/u)?.slice(1).find(Boolean);
  const yearNumber = y === undefined ? fallbackYear : Number(y);
  return yearNumber ? formatPeriodId(yearNumber, p.quarter) : null;
}

export interface DayMonth {
  day: number;
  month: number;
  year?: number;
  start: number;
  end: number;
}

/**
 * A document cited by its number just before a date: "Quyết định số 1269/QĐ-UBND ngày 23/6/2022",
 * "Kế hoạch 85-KH/ĐU ngày 02/12", "Nghị quyết số 05-NQ/TU, ngày …", "ban hành ngày …".
 */
const CITATION_BEFORE =
  /(?:\d+(?:\/\d{4})?[/-]\p{L}[\p{L}\d/-]*|(?:ban\s+hành|ký|kí)(?:\s+[\p{L}]+){0,2}?)[\s,]*(?:của\s+[^,.;\n]{0,40}?[\s,]*)?$/u;
/** A date a figure was measured at, or a span starts or ends: "tính đến ngày 30/11", "từ ngày …". */
const SPAN_BEFORE = /(?:(?<![\p{L}])(?:đến|tới|từ|hết|trước|sau)|tính\s+đến(?:\s+hết)?)\s*$/u;

/**
 * The conference date: "Sáng ngày 30/12", "ngày 17/7/2024", "Sáng ngày 08-7", "ngày 5 tháng 10 năm 2024",
 * "chiều 27/12/2023". Dates of documents cited by number ("Quyết định số 1269/QĐ-UBND ngày 23/6/2022")
 * and dates a figure was measured at ("tính đến ngày 30/11") are not the day it was held.
 */
export function findHeldDate(match: string): DayMonth | null {
  const patterns = [
    /(?:(?:sáng|chiều|tối|trưa)\s+(?:ngày\s+)?|(?<![\p{L}])ngày\s+)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d])/gu,
    /(?:(?:sáng|chiều|tối|trưa)\s+)?(?<![\p{L}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/gu,
  ];
  const hits = patterns
    .flatMap((re) => [...match.matchAll(re)])
    .sort((a, b) => a.index - b.index);
  for (const m of hits) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const before = match.slice(Math.max(0, m.index - 80), m.index);
    if (CITATION_BEFORE.test(before) || SPAN_BEFORE.test(before)) continue;
    const d: DayMonth = { day, month, start: m.index, end: m.index + m[0].length };
    const y = year(m[3]);
    if (y) d.year = y;
    return d;
  }
  return null;
}

export interface MonthPhrase {
  start: number;
  end: number;
  month: number;
  year?: number;
}

/**
 * Months named as such: "tháng 10 năm 2024", "tháng 04/2025", "tháng 10" — not a span of months
 * ("6 tháng đầu năm") and not a day's date ("ngày 5 tháng 10").
 */
export function findMonthPhrases(match: string, from = 0, to = match.length): MonthPhrase[] {
  const out: MonthPhrase[] = [];
  const re = /(?<![\p{L}])tháng\s+(\d{1,2})(?![\d/.,-]\d{1,2}(?!\d))(?:\s*(?:\/|-|năm)\s*(\d{4}))?(?![\d\p{L}])/gu;
  re.lastIndex = from;
  const slice = match.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) continue;
    const before = match.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:ngày\s+)?\d{1,2}\s*$|(?<![\p{L}])(?:ba|sáu|chín|mười|hai|mấy|các|những)\s+$/u.test(before)) continue;
    const p: MonthPhrase = { start: m.index, end: m.index + m[0].length, month };
    const y = year(m[2]);
    if (y) p.year = y;
    out.push(p);
  }
  return out;
}

export function isoDate(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last day of a month, as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, day);
}

/** The last quarter finished before a date in `month`: July → Q2 of the same year, February → Q4 of the year before. */
export function lastFinishedQuarter(year: number, month: number): string {
  const q = Math.floor((month - 1) / 3);
  return q === 0 ? formatPeriodId(year - 1, 4) : formatPeriodId(year, q as Quarter);
}
