/**
 * A resolution's list of targets pasted as the press prints it, one target a line ("Tỷ lệ bao
 * phủ bảo hiểm y tế đạt trên 95%"), read into candidate targets for an editor to accept or
 * correct: the type (from the words that say it: "bình quân … /năm", "mỗi năm", "dưới", "trong
 * nhiệm kỳ", "dự toán", "vào năm 2030"), the value (and the top of a range "8–9%"), its unit,
 * and a guess of the indicator whose figures measure it (by the words its name shares with the
 * line, of the same unit). Numbers are read as written in Vietnamese (decimal comma, thousands
 * dot). A line that has no number is returned with `problem` and no type.
 */
import type { Indicator, MeasureUnit, TargetType } from '../api/contract';
import { foldText } from './fold-text';

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
  /** Why the line could not be read as a target (in Vietnamese). */
  problem?: string;
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
const words = (folded: string) => new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w)));

/**
 * The indicator whose name shares the most words with the line (two at least, or all of a
 * short name's), among those of the target's unit (a growth: an amount, never a percent).
 */
function guessIndicator(folded: string, unit: MeasureUnit | undefined, type: TargetType, indicators: readonly Indicator[]): string | undefined {
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

/** One pasted line as a candidate target. */
export function parseTargetLine(line: string, indicators: readonly Indicator[] = []): TargetCandidate {
  const mark = LIST_MARK.exec(line);
  const sentence = (mark ? line.slice(mark[0].length) : line).trim().replace(/[;.]+$/, '');
  const number = mark?.[1] ? Number(mark[1]) : undefined;
  const folded = foldText(sentence);
  const base: TargetCandidate = { sentence, name: sentence, ...(number !== undefined ? { number } : {}) };
  const qs = quantities(folded);
  // the number with a unit (a percent first), else the first
  const q = qs.find((x) => x.unit === 'percent') ?? qs.find((x) => x.unit) ?? qs[0];
  if (!q) return { ...base, problem: 'Không thấy con số của chỉ tiêu trong dòng này: hãy nhập giá trị.' };
  const type = typeOf(folded, q.unit);
  const unit = q.unit ?? 'target';
  const candidate: TargetCandidate = { ...base, type, value: q.value, unit };
  if (q.valueMax !== undefined && q.valueMax !== q.value) {
    candidate.value = Math.min(q.value, q.valueMax);
    candidate.valueMax = Math.max(q.value, q.valueMax);
  }
  const indicatorId = guessIndicator(folded, q.unit, type, indicators);
  if (indicatorId) candidate.indicatorId = indicatorId;
  return candidate;
}

/** Every non-empty line of a pasted list; numbered from 1 where the lines carry no numbers of their own. */
export function parseTargetList(text: string, indicators: readonly Indicator[] = []): TargetCandidate[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && /\p{L}/u.test(l));
  return lines.map((l, i) => {
    const c = parseTargetLine(l, indicators);
    return c.number === undefined ? { ...c, number: i + 1 } : c;
  });
}
