/**
 * The span a report reviews, read from its own words (DOMAIN.md, "Periods"):
 * - a named span: "sơ kết 9 tháng đầu năm 2024", "quý I/2026", "tổng kết … năm 2025", "cả năm";
 * - a year said as the subject of a review: "đánh giá tình hình thực hiện nhiệm vụ năm 2025",
 *   or opening a sentence: "Năm 2023, tuy …", "Trong năm 2022, …";
 * - a month: "Nghị quyết tháng 10 …", "Trong tháng 10 năm 2024", "giao ban tháng 04/2025".
 * Spans named for the plan ("phương hướng, nhiệm vụ năm 2026", "phấn đấu …") or as a comparison
 * ("so với năm 2022") are not the report's. The title and opening lines are read first.
 */
import { formatPeriodId, type Quarter } from '../../api/periods';
import { endOfMonth, findMonthPhrases, findPeriodPhrases, type DayMonth, type PeriodPhrase } from './read-period';

export interface ReportSpan {
  /** Set when the span ends a quarter: "2024-Q3". */
  period?: string;
  /** A month that ends no quarter: the quarter it falls in, for the person to confirm or change. */
  periodProposed?: string;
  /** The last day of the month reported on, for a monthly report. */
  asOf?: string;
  monthly: boolean;
  /** A quarter alone ("quý III năm 2024"): its counts and sums are the quarter's, not from 1 January. */
  quarterOnly?: true;
  /** Where the phrase that names it starts. */
  at: number;
}

/** The title and opening lines. */
const HEAD_CHARS = 700;

/** Words that make a span the plan, a target or a comparison, not the reviewed one. */
const PLAN_WORDS =
  /phương\s+hướng|kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|triển\s+khai|dự\s+kiến|giải\s+pháp|định\s+hướng|trọng\s+tâm|đề\s+ra|so\s+với|cùng\s+kỳ|(?<![\p{L}])(?:cho|sẽ|tới|sau|trước|từ|đến)(?![\p{L}])/u;
/** Words that make a span the one reviewed. */
const REVIEW_WORDS =
  /tổng\s+kết|sơ\s+kết|đánh\s+giá|kiểm\s+điểm|kết\s+quả|thực\s+hiện|báo\s+cáo|tình\s+hình|giao\s+ban|hội\s+nghị|định\s+kỳ|(?<![\p{L}])họp(?![\p{L}])/u;
/** Words just before a span that make it the reviewed one: "trong 6 tháng đầu năm", "qua quý I". */
const REVIEW_JUST_BEFORE = /(?<![\p{L}])(?:trong|qua)\s*$/u;
/** Where the words that decide a span's role stop: a clause, "và", a bracket. */
const SEGMENT_BREAK = /[,;:()]|(?<![\p{L}])và(?![\p{L}])|\s[–-]\s(?=\p{L}+\s+\p{L})/gu;
/** A sentence that states a plan in its first words: "Năm 2024, Đảng bộ xã phấn đấu: …". */
const PLAN_AFTER = /^[^.;:\n]{0,80}?(?:phấn\s+đấu|dự\s+kiến|(?<![\p{L}])sẽ(?![\p{L}]))/u;

type Role = 'review' | 'plan' | 'none';

interface Found {
  start: number;
  end: number;
  year?: number;
  quarter?: Quarter;
  month?: number;
  /** A named span ("9 tháng", "tổng kết năm", a month), not a bare year. */
  strong: boolean;
  /** A quarter alone ("quý III"): weaker than a span from 1 January. */
  quarterOnly?: true;
  role: Role;
}

/** The start of the sentence around `at`. */
function sentenceStart(match: string, at: number): number {
  const before = match.slice(Math.max(0, at - 400), at);
  const m = /(?:\n|[.!?…]\s)(?![\s\S]*(?:\n|[.!?…]\s))/u.exec(before);
  return m ? at - before.length + m.index + m[0].length : Math.max(0, at - 400);
}

/**
 * The role of the span at `start`: the nearest words before it decide, clause by clause back to
 * the sentence's start or the span named before it; a plan word in a clause wins over a review word.
 */
function roleOf(match: string, start: number, end: number, from: number): Role {
  const lead = match.slice(from, start);
  // "tổng kết … năm 2024", "cả năm": the span says it is reviewed, unless its clause plans
  if (REVIEW_WORDS.test(match.slice(start, end))) {
    const last = lead.slice(Math.max(0, ...[...lead.matchAll(SEGMENT_BREAK)].map((m) => m.index + m[0].length)));
    return PLAN_WORDS.test(last) ? 'plan' : 'review';
  }
  const cuts = [0, ...[...lead.matchAll(SEGMENT_BREAK)].map((m) => m.index + m[0].length)];
  for (let i = cuts.length - 1; i >= 0; i--) {
    const part = lead.slice(cuts[i], i + 1 < cuts.length ? cuts[i + 1] : undefined);
    if (PLAN_WORDS.test(part)) return 'plan';
    if (REVIEW_WORDS.test(part) || (i === cuts.length - 1 && REVIEW_JUST_BEFORE.test(part))) return 'review';
  }
  // the span opens its sentence ("Năm 2023, tuy …"): the report's, unless the sentence plans
  if (/^\s*(?:(?:trong|qua|cả)\s+)?$/u.test(lead) && from === sentenceStart(match, start)) {
    return PLAN_AFTER.test(match.slice(end)) ? 'plan' : 'review';
  }
  return 'none';
}

function spans(match: string): Found[] {
  // spans from 1 January, and a quarter alone ("quý III năm 2024"), but not "6 tháng cuối năm"
  const named: Found[] = findPeriodPhrases(match)
    .filter((p: PeriodPhrase) => p.cumulative || /^quý/u.test(match.slice(p.start, p.end)))
    .map((p) => {
      const f: Found = { start: p.start, end: p.end, quarter: p.quarter, strong: !p.yearOnly, role: 'none' };
      if (!p.cumulative) f.quarterOnly = true;
      if (p.year) f.year = p.year;
      return f;
    });
  const months: Found[] = findMonthPhrases(match).map((p) => {
    const f: Found = { start: p.start, end: p.end, month: p.month, strong: true, role: 'none' };
    if (p.year) f.year = p.year;
    return f;
  });
  // "tháng 10 năm 2024" is a month, not the year it names; a month inside a named span stays out
  const overlaps = (a: Found, b: Found) => a.start < b.end && b.start < a.end;
  const keptMonths = months.filter((m) => !named.some((n) => n.strong && overlaps(m, n)));
  const all = [...named.filter((n) => n.strong || !keptMonths.some((m) => overlaps(m, n))), ...keptMonths].sort((a, b) => a.start - b.start);
  const spansBefore = [...findPeriodPhrases(match).map((p) => p.end), ...findMonthPhrases(match).map((p) => p.end)].sort((a, b) => a - b);
  let last: Found | undefined;
  for (const f of all) {
    const sentence = sentenceStart(match, f.start);
    const previous = spansBefore.filter((e) => e <= f.start && e > sentence).pop();
    // "quý III và 9 tháng đầu năm": a span joined to the one before shares its role
    const joined = last && last.end > sentence && /^\s*(?:và|,)\s*$/u.test(match.slice(last.end, f.start));
    f.role = joined ? last!.role : roleOf(match, f.start, f.end, previous ?? sentence);
    last = f;
  }
  return all;
}

/** "9 tháng đầu năm và nhiệm vụ 3 tháng cuối năm 2024": a year said later in the same sentence. */
function yearLater(match: string, end: number): number | undefined {
  const rest = match.slice(end, end + 200);
  const stop = rest.search(/\n|[.!?]\s/u);
  const m = /(?<![\p{L}])năm\s+(\d{4})(?!\s*[-–])|(?:quý\s+[ivx\d]+|tháng\s+\d{1,2})\s*\/\s*(\d{4})/u.exec(stop < 0 ? rest : rest.slice(0, stop));
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Whether a span fits the day the report was held: not a later year's plan, not an old year's
 * figures, not a month after the meeting ("giao ban tháng 11" held on 31/10 reviews October).
 */
function fitsHeld(f: Found, held: DayMonth | null): boolean {
  if (!held) return true;
  if (f.year !== undefined && held.year !== undefined && (f.year > held.year || f.year < held.year - 1)) return false;
  if (f.month === undefined) return true;
  const heldYear = held.year ?? f.year;
  if (f.year !== undefined && heldYear !== undefined) return f.year * 12 + f.month <= heldYear * 12 + held.month;
  return f.month <= held.month || held.month <= 2; // a December meeting may be held in January or February
}

/**
 * "Trong năm qua, …" at a meeting held from November to February, with no span named: the year
 * that ends (or has just ended) then.
 */
function yearPast(match: string, held: DayMonth | null): ReportSpan | null {
  if (!held?.year || (held.month < 11 && held.month > 2)) return null;
  const m = /(?<![\p{L}])(?:trong\s+)?năm\s+qua(?![\p{L}])/u.exec(match);
  if (!m) return null;
  return { period: formatPeriodId(held.month <= 2 ? held.year - 1 : held.year, 4), monthly: false, at: m.index };
}

/**
 * The report's span. `held` is the day it was held, when known; `fallbackYear` a year for a span
 * named without one (the most frequent year in the text).
 */
export function readReportSpan(match: string, held: DayMonth | null, fallbackYear?: number): ReportSpan | null {
  const found = spans(match).filter((f) => f.role === 'review' && fitsHeld(f, held));
  const inHead = (f: Found) => f.start < HEAD_CHARS;
  const pick =
    found.find((f) => inHead(f) && f.strong && !f.quarterOnly) ??
    found.find((f) => inHead(f) && f.strong) ??
    found.find((f) => inHead(f)) ??
    found.find((f) => f.strong && !f.quarterOnly) ??
    found.find((f) => !f.quarterOnly);
  if (!pick) return yearPast(match, held);
  let year = pick.year ?? yearLater(match, pick.end);
  if (year === undefined && held?.year) {
    // a year review or a December meeting may be held in the first months of the next year
    const late = pick.month !== undefined ? held.month < pick.month : pick.quarter === 4 && held.month <= 3;
    year = late ? held.year - 1 : held.year;
  }
  year ??= fallbackYear;
  if (year === undefined) return null;
  const at = pick.start;
  if (pick.month === undefined) {
    const span: ReportSpan = { period: formatPeriodId(year, pick.quarter!), monthly: false, at };
    if (pick.quarterOnly) span.quarterOnly = true;
    return span;
  }
  const quarter = Math.ceil(pick.month / 3) as Quarter;
  const asOf = endOfMonth(year, pick.month);
  if (pick.month % 3 === 0) return { period: formatPeriodId(year, quarter), asOf, monthly: true, at };
  return { periodProposed: formatPeriodId(year, quarter), asOf, monthly: true, at };
}
