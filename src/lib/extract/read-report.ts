/**
 * What a report is about as a whole: its ward, its period, the day it was held and its kind
 * (a period review, a mid-term review, a term review).
 */
import { parsePeriod, periodEnd } from '../../api/periods';
import { periodLabel } from '../period-names';
import { normalizeText } from './normalize-text';
import { endOfMonth, findHeldDate, findPeriodPhrases, isoDate, lastFinishedQuarter } from './read-period';
import { readReportSpan } from './report-period';
import { readUnits, unitLabel, type UnitName } from './read-unit';

/** A review of a span from 1 January, a monthly meeting, a mid-term or a term review. */
export type ReportKind = 'period' | 'month' | 'midterm' | 'term' | 'unknown';

export interface ReportFacts {
  kind: ReportKind;
  unitId?: string;
  /** When the text may be about several units (namesakes, or equally named ones): them, for the editor to choose. */
  unitCandidates?: string[];
  period?: string;
  /**
   * A monthly report of a month that ends no quarter ("tháng 10 năm 2024"): the quarter it falls
   * in, for the person to confirm or change; `period` is then left unset.
   */
  periodProposed?: string;
  /** The last day of the month a monthly report covers. */
  asOf?: string;
  /** A report of a quarter alone ("sơ kết quý III năm 2024"): `period` is its end. */
  quarterOnly?: true;
  heldOn?: string;
  /** Term span for mid-term and term reviews ("nhiệm kỳ 2020-2025"). */
  term?: [number, number];
  notes: string[];
}

const HEAD_CHARS = 600;

/** Reads the facts of a whole report from its folded text (see normalizeText). */
export function readReportFacts(match: string, units: readonly UnitName[]): ReportFacts {
  const notes: string[] = [];
  const head = match.slice(0, HEAD_CHARS);
  const termMatch = /nhiệm\s+kỳ\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(match);
  const term: [number, number] | undefined = termMatch ? [Number(termMatch[1]), Number(termMatch[2])] : undefined;
  const held = findHeldDate(match);

  let kind: ReportKind = 'unknown';
  let period: string | undefined;
  let periodProposed: string | undefined;
  let asOf: string | undefined;
  let quarterOnly = false;
  let heldOn: string | undefined;

  const span = readReportSpan(match, held, mostFrequentYear(match));
  // a congress named in the head is the report's subject unless the head reviews a span of its own
  // ("tổng kết năm 2025 … sau Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030")
  const congress = /đại\s+hội\s+(?:đại\s+biểu\s+)?đảng\s+bộ[^.\n]{0,60}nhiệm\s+kỳ/u.test(head) && !(span && span.at < HEAD_CHARS);
  if (/giữa\s+nhiệm\s+kỳ/u.test(head) || /tổng\s+kết\s+nhiệm\s+kỳ/u.test(head) || congress) {
    kind = /giữa\s+nhiệm\s+kỳ/u.test(head) ? 'midterm' : 'term';
    const year = held?.year ?? termYear(match, term, kind);
    if (held && year) {
      heldOn = isoDate(year, held.month, held.day);
      period = lastFinishedQuarter(year, held.month);
      if (!held.year) notes.push(`Năm họp (${year}) suy ra từ các năm nêu trong báo cáo`);
    }
  } else {
    if (span) {
      kind = span.monthly ? 'month' : 'period';
      period = span.period;
      periodProposed = span.periodProposed;
      asOf = span.asOf;
      if (span.quarterOnly) quarterOnly = true;
      if (periodProposed && asOf) {
        notes.push(`Báo cáo tháng: số liệu đến ngày ${viDate(asOf)}, chưa trọn một quý. Đề xuất ghi vào kỳ “${periodLabel(periodProposed)}” kèm ngày số liệu; hãy xác nhận hoặc chọn kỳ khác.`);
      }
    }
    if (held) {
      const known = period ?? periodProposed;
      const parts = known ? parsePeriod(known) : null;
      let year = held.year;
      if (!year && parts) {
        // a year review (or a December meeting) may be held in the first months of the next year
        year = parts.quarter === 4 && held.month <= 3 ? parts.year + 1 : parts.year;
      }
      if (year) heldOn = isoDate(year, held.month, held.day);
    }
  }

  const spanOf = period ?? periodProposed;
  const end = asOf ?? (spanOf ? periodEnd(spanOf) : null);
  const range: [string, string] | undefined = spanOf && end ? [`${spanOf.slice(0, 4)}-01-01`, end] : undefined;
  // the units valid at the end of the period reported on, else on the day it was held
  const unit = readUnits(match, units, { on: end ?? heldOn, heldOn, range });
  if (unit.candidates.length > 1) {
    notes.push(`Chưa rõ báo cáo của đơn vị nào: ${unit.candidates.map((id) => unitLabel(id, units)).join('; ')}. Hãy chọn đơn vị.`);
  }
  const facts: ReportFacts = { kind, notes };
  if (unit.unitId) facts.unitId = unit.unitId;
  if (unit.candidates.length > 1) facts.unitCandidates = unit.candidates;
  if (period) facts.period = period;
  if (periodProposed) facts.periodProposed = periodProposed;
  if (asOf) facts.asOf = asOf;
  if (quarterOnly) facts.quarterOnly = true;
  if (heldOn) facts.heldOn = heldOn;
  if (term) facts.term = term;
  return facts;
}

/** The year of a mid-term or term review held without a year: from the periods the text reports. */
function termYear(match: string, term: [number, number] | undefined, kind: ReportKind): number | undefined {
  const years = findPeriodPhrases(match)
    .filter((p) => p.year && (!term || (p.year >= term[0] && p.year <= term[1])))
    .map((p) => p.year!);
  if (years.length > 0) return Math.max(...years);
  if (!term) return undefined;
  return kind === 'midterm' ? Math.ceil((term[0] + term[1]) / 2) : term[1];
}

/** "2024-10-31" → "31/10/2024". */
function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function mostFrequentYear(match: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of match.matchAll(/(?<![\d\-–])(20\d{2})(?![\d\-–])/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** "tính đến cuối tháng 5", "tính đến ngày 30/6/2024": the date a level figure was measured. */
export function readAsOf(before: string, year: number | undefined): string | undefined {
  const date = /(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?|tính\s+đến\s+(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/u.exec(before);
  if (date) {
    const d = Number(date[1] ?? date[4]);
    const m = Number(date[2] ?? date[5]);
    const y = Number(date[3] ?? date[6] ?? year);
    if (y && m >= 1 && m <= 12 && d >= 1 && d <= 31) return isoDate(y, m, d);
  }
  const month = /(?:tính\s+đến|đến\s+(?:hết|cuối))\s+(?:(?:hết|cuối)\s+)?tháng\s+(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?/u.exec(before);
  if (month) {
    const m = Number(month[1]);
    const y = Number(month[2] ?? year);
    if (y && m >= 1 && m <= 12) return endOfMonth(y, m);
  }
  return undefined;
}

/** Reads the ward, period and held date of a report text. */
export function readReport(text: string, units: readonly UnitName[]): ReportFacts {
  return readReportFacts(normalizeText(text).match, units);
}
