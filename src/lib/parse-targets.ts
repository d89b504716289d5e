/**
 * A resolution's list of targets pasted as the press prints it, one target a line ("Tỷ lệ bao
 * phủ bảo hiểm y tế đạt trên 95%"), or a report's plan sentence in its prose ("Năm 2026, phấn đấu
 * thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ BHYT đạt trên 95%": one target a clause), read
 * into candidate targets for an editor to accept or correct: the type (from the words that say it: "bình quân … /năm", "mỗi năm", "dưới", "trong
 * nhiệm kỳ", "dự toán", "vào năm 2030"), the value (and the top of a range "8–9%"), its unit,
 * and a guess of the indicator whose figures measure it (by the words its name shares with the
 * line, of the same unit), and the year or term the words name ("năm 2026", "nhiệm kỳ 2025–2030",
 * "đến năm 2030"). Numbers are read as written in Vietnamese (decimal comma, thousands dot). A
 * line that has no number is returned with `problem` and no type; a clause of prose without a
 * number and its unit is no target.
 */
import type { Indicator, MeasureUnit, TargetType } from '../api/contract';
import { foldText } from './fold-text';
import { formatNumber, formatValue } from './format';

export interface TargetCandidate {
  /** The line as pasted (its list number and bullet removed). */
  sentence: string;
  /** The number the line gave itself ("3.", "3)", "- "), if any. */
  number?: number;
  name: string;
  type?: TargetType;
  value?: number;
  valueMax?: number;
  unit?: MeasureUnit;
  indicatorId?: string;
  /** The year it is set for, when the words say it ("Năm 2026, phấn đấu …"). */
  year?: number;
  /** The term it is set for, "2025-2030", when the words say it ("nhiệm kỳ 2025–2030", "đến năm 2030"). */
  term?: string;
  /** Why the line could not be read as a target (in Vietnamese). */
  problem?: string;
}

/** A target's value as a person reads it: "95%", "8–9%", "24 tỷ đồng", "15 đảng viên". */
export function formatTargetValue(t: { value: number; valueMax?: number; unit: MeasureUnit }): string {
  const top = formatValue(t.valueMax ?? t.value, t.unit);
  return t.valueMax === undefined ? top : t.unit === 'vnd' ? `${formatValue(t.value, t.unit)} – ${top}` : `${formatNumber(t.value)}–${top}`;
}

/** Units as written after a number, longest first; money in đồng. */
const UNIT_WORDS: { pattern: RegExp; unit: MeasureUnit; factor?: number }[] = [
  { pattern: /^(ty|ti) dong\b/, unit: 'vnd', factor: 1e9 },
  { pattern: /^(ty|ti)\b/, unit: 'vnd', factor: 1e9 },
  { pattern: /^trieu dong\b/, unit: 'vnd', factor: 1e6 },
  { pattern: /^trieu\b/, unit: 'vnd', factor: 1e6 },
  { pattern: /^dong\b/, unit: 'vnd' },
  { pattern: /^dang vien\b/, unit: 'party_member' },
  { pattern: /^chi bo\b/, unit: 'party_cell' },
  { pattern: /^to chuc\b/, unit: 'organization' },
  { pattern: /^doanh nghiep\b/, unit: 'enterprise' },
  { pattern: /^cong trinh\b/, unit: 'project' },
  { pattern: /^(can|ngoi) nha\b|^can\b/, unit: 'house' },
  { pattern: /^ho\b/, unit: 'household' },
  { pattern: /^(nguoi|lao dong|lao dong)\b/, unit: 'person' },
  { pattern: /^phan qua\b/, unit: 'gift' },
  { pattern: /^tap the\b/, unit: 'collective' },
  { pattern: /^chi tieu\b/, unit: 'target' },
];

/** A number as written: "1.770", "8,5", "95"; a year ("2030") is not a target's value. */
const NUMBER = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?/g;
const RANGE_JOIN = /^\s*(?:[-–—]|đến|den|tới|toi)\s*/;

function toNumber(whole: string, fraction: string | undefined): number {
  return Number(`${whole.replace(/\./g, '')}${fraction ? `.${fraction}` : ''}`);
}

interface Quantity {
  value: number;
  valueMax?: number;
  unit?: MeasureUnit;
  /** Where the number starts in the folded line. */
  at: number;
}

/** The numbers of the line with what follows each (%, a unit word), leaving out years and list numbers. */
function quantities(folded: string): Quantity[] {
  const found: Quantity[] = [];
  const matches = [...folded.matchAll(NUMBER)];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const start = m.index!;
    const value = toNumber(m[1]!, m[2]);
    let end = start + m[0].length;
    // a year: "năm 2030", "đến 2030", "2025-2030"
    const before = folded.slice(Math.max(0, start - 8), start);
    if (!m[2] && /^(19|20)\d{2}$/.test(m[1]!) && (/(nam|den|toi|ky)\s*$/.test(before) || /^\s*[-–]\s*20\d{2}/.test(folded.slice(end)) || /20\d{2}\s*[-–]\s*$/.test(before))) continue;
    let valueMax: number | undefined;
    const join = RANGE_JOIN.exec(folded.slice(end));
    const next = matches[i + 1];
    if (join && next && next.index === end + join[0].length) {
      valueMax = toNumber(next[1]!, next[2]);
      end = next.index + next[0].length;
      i++;
    }
    const rest = folded.slice(end).replace(/^\s+/, '');
    let unit: MeasureUnit | undefined;
    let factor = 1;
    if (rest.startsWith('%')) unit = 'percent';
    else {
      const word = UNIT_WORDS.find((w) => w.pattern.test(rest));
      if (word) {
        unit = word.unit;
        factor = word.factor ?? 1;
      }
    }
    found.push({ value: value * factor, valueMax: valueMax !== undefined ? valueMax * factor : undefined, unit, at: start });
  }
  return found;
}

const has = (folded: string, ...patterns: RegExp[]) => patterns.some((p) => p.test(folded));

/** The type a line's words say, in order of what is most telling. */
function typeOf(folded: string, unit: MeasureUnit | undefined): TargetType {
  const perYear = has(folded, /\/\s*nam\b/, /\bmoi nam\b/, /\b(hang|hằng) nam\b/, /\bhang nam\b/, /\btung nam\b/, /\bbinh quan\b/);
  if (has(folded, /\bdu toan\b/, /\bke hoach\b/) && unit === 'percent') return 'plan';
  if (has(folded, /\bgiam\b/) && perYear) return 'yearly_reduction';
  if (has(folded, /\btang\b/) && has(folded, /\bbinh quan\b/, /\/\s*nam\b/) && unit === 'percent') return 'yearly_growth';
  if (has(folded, /\bduoi\b/, /\bkhong qua\b/, /\bkhong vuot\b/, /\btoi da\b/, /\bkhong de\b.*\bvuot\b/)) return 'ceiling';
  if (has(folded, /\b(trong|ca|suot) nhiem ky\b/, /\bnhiem ky\b.*\b(tong|tong cong)\b/) && !has(folded, /\bcuoi nhiem ky\b/)) return 'term_total';
  if (perYear || has(folded, /\bit nhat\b/)) return 'yearly_min';
  return 'level_by_end';
}

const STOP = new Set(['ty', 'le', 'dat', 'tren', 'duoi', 'tu', 'tro', 'len', 'it', 'nhat', 'moi', 'nam', 'hang', 'binh', 'quan', 'tang', 'giam', 'vao', 'cuoi', 'nhiem', 'ky', 'trong', 'ca', 'cac', 'cua', 'va', 'co', 'so', 'voi', 'duoc', 'phan', 'dau', 'den', 'khong', 'qua', 'so', 'muc', 'tong', 'toan', 'ke', 'hoach', 'du', 'giao', 'chi', 'tieu']);
/** Abbreviations the reports use, spelt out to match the indicators' names. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bbhyt\b/g, 'bao hiem y te'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\bnsnn\b/g, 'ngan sach nha nuoc'],
];
const spelt = (folded: string) => ABBREVIATIONS.reduce((t, [re, full]) => t.replace(re, full), folded);
const words = (folded: string) => new Set(spelt(folded).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w)));

/** What the guess of an indicator reads of it. */
export type TargetIndicator = Pick<Indicator, 'id' | 'name' | 'unit' | 'family'>;

/**
 * The indicator whose name shares the most words with the line (two at least, or all of a
 * short name's), among those of the target's unit (a growth: an amount, never a percent).
 */
function guessIndicator(folded: string, unit: MeasureUnit | undefined, type: TargetType, indicators: readonly TargetIndicator[]): string | undefined {
  const line = words(folded);
  let best: { id: string; score: number } | undefined;
  for (const ind of indicators) {
    if (ind.family === 'resolution_targets') continue;
    if (type === 'yearly_growth' ? ind.unit === 'percent' : unit !== undefined && ind.unit !== unit) continue;
    const name = words(foldText(ind.name));
    let shared = 0;
    for (const w of name) if (line.has(w)) shared++;
    const score = shared / Math.max(1, name.size) + shared;
    if (shared >= Math.min(2, name.size) && (!best || score > best.score)) best = { id: ind.id, score };
  }
  return best?.id;
}

const LIST_MARK = /^\s*(?:[-–•*+]\s*|\(?(\d{1,3})[.)]\s+)/;

/** A Party committee's terms run 2020–2025, 2025–2030…: a level "đến năm 2030" is the term's. */
const termEnding = (year: number) => (year % 5 === 0 ? `${year - 5}-${year}` : undefined);

/**
 * The year or term the words name: "nhiệm kỳ 2025–2030", "giai đoạn 2026-2030", "đến năm 2030"
 * (a term's last year), "năm 2026"; never a base year ("so với năm 2025", "cùng kỳ năm 2025").
 */
export function readTargetTime(folded: string): Pick<TargetCandidate, 'year' | 'term'> {
  const span = /(?:nhiem ky|giai doan)\s*(20\d{2})\s*[-–—]\s*(20\d{2})/.exec(folded);
  if (span && Number(span[2]) - Number(span[1]) === 5) return { term: `${span[1]}-${span[2]}` };
  const by = /\b(?:den|toi|vao)\s+(?:cuoi\s+)?(?:nam\s+)?(20\d{2})\b/.exec(folded);
  const term = by ? termEnding(Number(by[1])) : undefined;
  if (term) return { term };
  for (const m of folded.matchAll(/\bnam\s+(20\d{2})\b/g)) {
    if (!/(?:so voi|cung ky|hon|bang)\s*$/.test(folded.slice(Math.max(0, m.index - 12), m.index))) return { year: Number(m[1]) };
  }
  return {};
}

/** The type, value, unit and indicator a target's words say, from `q`, the quantity it is about. */
function readTarget(
  folded: string,
  quantity: Quantity,
  indicators: readonly TargetIndicator[],
  /** Words before the target's own that also say its type ("Trong nhiệm kỳ 2025–2030, …"). */
  opening = '',
): Pick<TargetCandidate, 'type' | 'value' | 'valueMax' | 'unit' | 'indicatorId'> {
  let q = quantity;
  const type = typeOf(`${opening} ${folded}`, q.unit);
  const out: Pick<TargetCandidate, 'type' | 'value' | 'valueMax' | 'unit' | 'indicatorId'> = { type, value: q.value, unit: q.unit ?? 'target' };
  // "vượt 5% dự toán": 105% of it
  if (type === 'plan' && /\bvuot\s*(?:muc\s*)?$/.test(folded.slice(0, q.at))) {
    out.value = q.value + 100;
    if (q.valueMax !== undefined) q = { ...q, valueMax: q.valueMax + 100, value: out.value };
  }
  if (q.valueMax !== undefined && q.valueMax !== q.value) {
    out.value = Math.min(q.value, q.valueMax);
    out.valueMax = Math.max(q.value, q.valueMax);
  }
  const indicatorId = guessIndicator(folded, q.unit, type, indicators);
  if (indicatorId) out.indicatorId = indicatorId;
  return out;
}

/** The number a target is about: the one with a unit (a percent first), else the first. */
const mainQuantity = (qs: Quantity[]) => qs.find((x) => x.unit === 'percent') ?? qs.find((x) => x.unit) ?? qs[0];

/** One pasted line as a candidate target. */
export function parseTargetLine(line: string, indicators: readonly TargetIndicator[] = []): TargetCandidate {
  const mark = LIST_MARK.exec(line);
  const sentence = (mark ? line.slice(mark[0].length) : line).trim().replace(/[;.]+$/, '');
  const number = mark?.[1] ? Number(mark[1]) : undefined;
  const folded = foldText(sentence);
  const base: TargetCandidate = { sentence, name: sentence, ...(number !== undefined ? { number } : {}), ...readTargetTime(folded) };
  const q = mainQuantity(quantities(folded));
  if (!q) return { ...base, problem: 'Không thấy con số của chỉ tiêu trong dòng này: hãy nhập giá trị.' };
  return { ...base, ...readTarget(folded, q, indicators) };
}

/** Every non-empty line of a pasted list; numbered from 1 where the lines carry no numbers of their own. */
export function parseTargetList(text: string, indicators: readonly TargetIndicator[] = []): TargetCandidate[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && /\p{L}/u.test(l));
  return lines.map((l, i) => {
    const c = parseTargetLine(l, indicators);
    return c.number === undefined ? { ...c, number: i + 1 } : c;
  });
}

// ---------------------------------------------------------------- a plan sentence of a report

/** A target read from a report's plan sentence: `sentence` is the whole sentence, `start`–`end` its own words in it. */
export interface SentenceTarget extends TargetCandidate {
  start: number;
  end: number;
}

/** foldText char by char, so that offsets in the folded text are those of the sentence. */
function foldKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldText(ch);
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

interface Piece {
  start: number;
  end: number;
}

/** The clauses of a sentence: at ";", ":" and at commas that are no decimal comma ("92,5"), outside brackets. */
function pieces(folded: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /[\s\-–•*+.]/.test(folded[s]!)) s++;
    while (e > s && /[\s.;,:/]/.test(folded[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ';' || ch === ':' || (ch === ',' && !(/\d/.test(folded[i - 1] ?? '') && /\d/.test(folded[i + 1] ?? ''))))) {
      push(i);
      start = i + 1;
    }
  }
  push(folded.length);
  return out;
}

/**
 * The words that open a plan before what it plans (folded): "Năm 2026,", "Đảng bộ phường phấn đấu",
 * "chỉ tiêu năm 2026 là", "cụ thể:".
 */
const PLAN_LEAD =
  /^(?:(?:[-–•*+]|va|ve|dong thoi|cu the|trong do|(?:trong |den het )?nam 20\d{2})[\s,:]*)*(?:(?:(?:dang bo|dang uy|ubnd|uy ban nhan dan|chinh quyen|xa|phuong|thi tran)(?:\s+[a-z]+){0,3}?\s+)?(?:tap trung\s+)?(?:phan dau|du kien)\b[\s,:]*)?(?:(?:cac\s+)?(?:chi tieu|muc tieu|ke hoach)(?:\s+chu yeu)?(?:\s+(?:cua\s+)?(?:nam\s+20\d{2}|nhiem ky\s+20\d{2}\s*[-–]\s*20\d{2})\s*(?:la\b|:)?|\s*(?:la\b|:))[\s,:]*)?/;
/** A plan's verb inside the words ("thu ngân sách phấn đấu đạt …"): left out of the target's name. */
const PLAN_VERB = /[,\s]+(?:phấn\s+đấu|dự\s+kiến)(?=\s)/giu;
/** Before its number, a clause of only these words has no subject of its own: "bằng 100% dự toán", "đạt trên 95%". */
const NO_SUBJECT = /^(?:(?:dat|bang|tuong duong|chiem|vuot|tren|hon|khoang|it nhat|toi thieu|tu|muc|la|phan dau|du kien)\s*)*$/;
/** A part of a year ("đến ngày 30/6", "quý II", "6 tháng"): no target of a resolution, which is set for years. */
const PART_OF_YEAR = /\bngay\s+\d{1,2}\s*\/\s*\d{1,2}\b|\b\d+\s+thang\b(?!\s+cuoi\s+nam)|\bquy\s+(?:[ivx]+|[1-4])\b|\bthang\s+\d{1,2}\b/;
/** Words of a result, not a plan: "đã thu được 18 tỷ", "ước thực hiện", "lũy kế". */
const RESULT = /\b(?:da|uoc|luy ke)\b/;

/**
 * The targets a report's plan sentence sets, one per clause that has a number with its unit
 * (a percent, "tỷ đồng", "đảng viên"…): "Năm 2026, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ
 * bao phủ BHYT đạt trên 95%" gives two. A clause with no subject of its own ("bằng 100% dự toán")
 * belongs to the one before; a clause of a result ("đã thu được …") is none. Each target's name
 * is its words without the plan's opening ("Năm 2026, phấn đấu"), and its year or term is its
 * own, else the one the sentence opens with.
 */
export function parseTargetSentence(sentence: string, indicators: readonly TargetIndicator[] = []): SentenceTarget[] {
  const folded = foldKeepingOffsets(sentence);
  const found: { start: number; end: number; q: Quantity; lead?: number }[] = [];
  let lead: number | undefined;
  for (const p of pieces(folded)) {
    const text = folded.slice(p.start, p.end);
    if (RESULT.test(text)) break;
    // a count of targets ("đề ra 19 chỉ tiêu") is none of them
    const qs = quantities(text).filter((q) => q.unit && q.unit !== 'target');
    if (PART_OF_YEAR.test(text)) {
      lead = undefined;
      continue;
    }
    if (qs.length === 0) {
      lead ??= p.start;
      continue;
    }
    const q = mainQuantity(qs)!;
    const subjectless = NO_SUBJECT.test(text.slice(0, qs[0]!.at).replace(PLAN_LEAD, '').trim());
    const last = found.at(-1);
    if (subjectless && last && lead === undefined && q.unit === 'percent' && last.q.unit !== 'percent') {
      // "…12 tỷ đồng, bằng 100% dự toán": one target, of the estimate
      last.end = p.end;
      last.q = { ...q, at: q.at + p.start };
      continue;
    }
    found.push({ start: subjectless && lead !== undefined ? lead : p.start, end: p.end, q: { ...q, at: q.at + p.start } });
    lead = undefined;
  }
  const openingWords = folded.slice(0, found[0]?.start ?? 0);
  const opening = readTargetTime(openingWords);
  return found.map((f) => {
    const own = folded.slice(f.start, f.end);
    const cut = f.start + (PLAN_LEAD.exec(own)?.[0].length ?? 0);
    const words = sentence.slice(cut, f.end).replace(PLAN_VERB, '').trim();
    const name = words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
    const time = readTargetTime(own);
    const target: SentenceTarget = { sentence, name, start: cut, end: f.end, ...readTarget(folded.slice(cut, f.end), { ...f.q, at: f.q.at - cut }, indicators, openingWords) };
    const when = time.year !== undefined || time.term !== undefined ? time : opening;
    if (when.year !== undefined) target.year = when.year;
    if (when.term !== undefined) target.term = when.term;
    return target;
  });
}
