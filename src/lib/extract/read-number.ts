/**
 * Reading numbers as Vietnamese reports write them (DOMAIN.md, "Numbers as written"):
 * decimal comma and thousands dot, tỷ/tỉ/triệu/nghìn/ngàn, "7 tỷ 265 triệu", zero-padded
 * counts, percents, and the qualifier words kept with the value.
 */
import type { Qualifier } from '../../api/contract';
import { foldForMatch } from './normalize-text';

/** "88,44" → 88.44, "1.770" → 1770, "03" → 3, "1.234.567,8" → 1234567.8; null when not a number. */
export function parseViNumber(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // A dot before one or two digits can only be a decimal point typed the English way ("3.7 tỉ").
  if (/^\d+\.\d{1,2}$/.test(s)) return Number(s);
  return null;
}

/** True when `raw` uses a dot as decimal point, which the reader accepts but reports. */
export function usesDecimalDot(raw: string): boolean {
  return /^\d+\.\d{1,2}$/.test(raw.trim());
}

export type QuantityKind = 'money' | 'percent' | 'count' | 'fraction';

export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** For "x/y": the y (for an amount "x/y tỷ đồng", the amount planned). */
  outOf?: number;
  qualifier: Qualifier;
  /** "ước" before the number. */
  estimated: boolean;
  /** Offsets in the string that was scanned: the number with its unit (`start`, `end`)… */
  start: number;
  end: number;
  /** …and with the qualifier words before it. */
  qualifiedStart: number;
  /** The number as written, without its unit. */
  raw: string;
  /** Something a reader should know ("dot read as decimal point"). */
  note?: string;
  /** A range word that the contract cannot keep ("dưới", "từ … đến"). */
  unrepresentable?: boolean;
}

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const SCALES: Record<string, number> = { tỷ: 1e9, tỉ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };
const SCALE = String.raw`(?:tỷ|tỉ|triệu|nghìn|ngàn)(?![\p{L}])(?!\s*lệ)`;
const NUMBER_AT = new RegExp(String.raw`(?<![\p{L}\p{N}.,/\-–])(${NUM})(?:\s*/\s*(${NUM}))?(?![\p{N}/]|[.,]\d|\s*[-–]\s*\d)`, 'gu');
const SCALE_AT = new RegExp(String.raw`^\s*(${SCALE})`, 'u');
const MORE_SCALE_AT = new RegExp(String.raw`^\s*(${NUM})\s*(${SCALE})`, 'u');
const CURRENCY_AT = /^\s*(?:đồng(?!\s+chí)|vnđ|vnd|đ)(?![\p{L}])/u; // not "đồng chí" (comrade)
const PERCENT_AT = /^\s*%/u;

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:^|[^\p{L}])(?:trên|tren|hơn|hon|ngoài)\s*$/u, 'over'],
  [/(?:^|[^\p{L}])(?:gần|gan|ngót|xấp\s+xỉ\s+gần)\s*$/u, 'nearly'],
  [/(?:^|[^\p{L}])(?:khoảng|khoang|xấp\s+xỉ|chừng|trên\s+dưới|ước\s+khoảng)\s*$/u, 'about'],
];
const QUALIFIER_WORDS = /(?:(?:trên\s+dưới|xấp\s+xỉ|trên|tren|hơn|hon|gần|gan|ngót|khoảng|khoang|chừng|ngoài)\s*)$/u;
const ESTIMATE_WORDS = /(?:^|[^\p{L}])ước(?:\s+(?:tính|đạt|thực\s+hiện|thu|khoảng))?\s*(?:(?:đạt|được)\s*)?(?:(?:trên|hơn|gần|khoảng)\s*)?$/u;
const UNREPRESENTABLE_BEFORE = /(?:^|[^\p{L}])(?:dưới|chưa\s+tới|chưa\s+đến|từ)\s*$/u;
const RANGE_AFTER = new RegExp(String.raw`^\s*(?:-|–|đến|tới)\s*${NUM}`, 'u');

/**
 * Every number in `match` (a folded, lower-case string; see foldForMatch) from `from` to `to`,
 * read with its unit and qualifier. Dates ("30/12/2024", "08-7") and term spans ("2020-2025")
 * are not read; "30/12" alone reads as a fraction and is left to the rules to ignore.
 */
export function scanQuantities(match: string, from = 0, to = match.length): Quantity[] {
  const out: Quantity[] = [];
  const re = new RegExp(NUMBER_AT.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(match)) && m.index < to) {
    const raw = m[1]!;
    const value = parseViNumber(raw);
    if (value === null) continue;
    const start = m.index;
    let end = m.index + m[0].length;
    let kind: QuantityKind = 'count';
    let total = value;
    let outOf: number | undefined;
    if (m[2] !== undefined) {
      const y = parseViNumber(m[2]);
      if (y === null) continue;
      kind = 'fraction';
      outOf = y;
      // "5.460/5.000 triệu đồng": an amount done against one planned
      const scale = SCALE_AT.exec(match.slice(end, to));
      if (scale) {
        kind = 'money';
        const unit = SCALES[scale[1]!]!;
        total = value * unit;
        outOf = Math.round(y * unit);
        end += scale[0].length;
        const cur = CURRENCY_AT.exec(match.slice(end, to));
        if (cur) end += cur[0].length;
      }
    } else {
      const rest = match.slice(end, to);
      const scale = SCALE_AT.exec(rest);
      if (scale) {
        kind = 'money';
        total = value * SCALES[scale[1]!.replace(/\s+.*/, '')]!;
        end += scale[0].length;
        // "7 tỷ 265 triệu": smaller units that follow add up.
        let last = SCALES[scale[1]!]!;
        for (;;) {
          const more = MORE_SCALE_AT.exec(match.slice(end, to));
          const n = more ? parseViNumber(more[1]!) : null;
          const unit = more ? SCALES[more[2]!]! : 0;
          if (!more || n === null || unit >= last) break;
          total += n * unit;
          last = unit;
          end += more[0].length;
        }
        const cur = CURRENCY_AT.exec(match.slice(end, to));
        if (cur) end += cur[0].length;
      } else if (PERCENT_AT.test(rest)) {
        kind = 'percent';
        end += PERCENT_AT.exec(rest)![0].length;
      } else if (CURRENCY_AT.test(rest)) {
        kind = 'money';
        end += CURRENCY_AT.exec(rest)![0].length;
      }
    }
    const before = match.slice(Math.max(from, start - 40), start);
    const qualifier = QUALIFIERS.find(([re]) => re.test(before))?.[1] ?? 'exact';
    const words = QUALIFIER_WORDS.exec(before);
    const estimated = ESTIMATE_WORDS.test(before.replace(QUALIFIER_WORDS, ''));
    const q: Quantity = {
      kind,
      value: kind === 'money' ? Math.round(total) : total,
      qualifier,
      estimated,
      start,
      end,
      qualifiedStart: start - (words ? words[0].length : 0),
      raw,
    };
    if (outOf !== undefined) q.outOf = outOf;
    if (usesDecimalDot(raw)) q.note = `“${raw}” có dấu chấm, đọc là dấu thập phân`;
    if (UNREPRESENTABLE_BEFORE.test(before) || RANGE_AFTER.test(match.slice(end, to))) q.unrepresentable = true;
    out.push(q);
    re.lastIndex = end; // "7 tỷ 265 triệu" is one quantity
  }
  return out;
}

/**
 * Reads one written quantity: "trên 12 tỉ đồng" → money 12e9 over, "88,44%" → percent 88.44,
 * "03 hộ" → count 3, "7 tỷ 265 triệu" → 7.265e9, "10/11" → fraction. Null when there is none.
 * The text is NFC-normalised first.
 */
export function readQuantity(text: string): Quantity | null {
  const match = foldForMatch(text.normalize('NFC'));
  return scanQuantities(match)[0] ?? null;
}

/** The value of a written quantity, or null: "6,1 tỉ" → 6.1e9, "1.770" → 1770. */
export function readViValue(text: string): number | null {
  return readQuantity(text)?.value ?? null;
}
