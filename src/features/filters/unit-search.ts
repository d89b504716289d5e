/**
 * Searching the unit register as a person types: diacritics, case and punctuation ignored
 * ("my thoi", "MỸ THỚI", "P. Mỹ Thới" and "30301" all find Phường Mỹ Thới; "Hoà" finds "Hòa"),
 * every spelling in otherNames counted. Each unit is normalised once, when the index is built;
 * a keystroke normalises only the query. Matches are ranked: exact code, then a name that starts
 * with the query, then a word of a name that does, then a name that contains it anywhere.
 */
import type { Unit } from '../../api/contract';
import { foldText } from '../../lib/fold-text';

export const MatchRank = { exactCode: 0, nameStart: 1, wordStart: 2, contains: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export interface UnitMatch {
  unit: Unit;
  rank: MatchRank;
}

interface Entry {
  unit: Unit;
  /** Every name in its normalised form, with its kind ("phuong my thoi") and without it ("my thoi"). */
  names: string[];
  /** Position in Vietnamese alphabetical order of the name without its kind. */
  order: number;
}

export interface UnitIndex {
  readonly entries: readonly Entry[];
}

/** Lower case, without diacritics (đ → d), every run of other characters one space. */
export function normalizeText(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words a name begins with to say its kind, normalised, longest first. */
const KIND_WORDS = ['thanh pho', 'thi tran', 'dac khu', 'thi xa', 'phuong', 'huyen', 'tinh', 'xa'];

/** Abbreviations of a kind written before a name ("P. Mỹ Thới", "TP Long Xuyên"). */
const ABBREVIATIONS: Record<string, string> = {
  p: 'phuong',
  x: 'xa',
  tt: 'thi tran',
  tx: 'thi xa',
  tp: 'thanh pho',
  h: 'huyen',
  dk: 'dac khu',
};

/** A name without its kind word: "phuong my thoi" → "my thoi". */
function withoutKind(name: string): string {
  for (const kind of KIND_WORDS) if (name.startsWith(`${kind} `)) return name.slice(kind.length + 1);
  return name;
}

/** A name as written, without its kind word: "Phường Mỹ Thới" → "Mỹ Thới" (for sorting and short labels). */
export function bareName(name: string): string {
  const normal = normalizeText(name);
  const kind = KIND_WORDS.find((k) => normal.startsWith(`${k} `));
  return kind ? name.trim().split(/\s+/).slice(kind.split(' ').length).join(' ') : name;
}

/** The query as the index holds names: normalised, a leading kind abbreviation written out. */
export function normalizeQuery(query: string): string {
  const q = normalizeText(query);
  const space = q.indexOf(' ');
  if (space < 0) return q;
  const full = ABBREVIATIONS[q.slice(0, space)];
  return full ? `${full}${q.slice(space)}` : q;
}

/**
 * The index of a list of units (every name of every unit normalised), built on its first search:
 * the page's first render holds the register without paying for it (tens of ms on a phone).
 */
export function buildUnitIndex(units: readonly Unit[]): UnitIndex {
  let entries: readonly Entry[] | undefined;
  return {
    get entries() {
      return (entries ??= indexEntries(units));
    },
  };
}

function indexEntries(units: readonly Unit[]): Entry[] {
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const bare = new Map(units.map((u) => [u, bareName(u.name)]));
  const sorted = [...units].sort((a, b) => collator.compare(bare.get(a)!, bare.get(b)!) || a.code.localeCompare(b.code));
  const order = new Map(sorted.map((u, i) => [u, i]));
  return units.map((unit) => {
    const names = new Set<string>();
    for (const name of [unit.name, ...(unit.otherNames ?? [])]) {
      const full = normalizeText(name);
      names.add(full);
      names.add(withoutKind(full));
    }
    return { unit, names: [...names], order: order.get(unit) ?? 0 };
  });
}

function rankOf(entry: Entry, q: string): MatchRank | undefined {
  if (entry.unit.code === q) return MatchRank.exactCode;
  let best: MatchRank | undefined;
  for (const name of entry.names) {
    if (name.startsWith(q)) return MatchRank.nameStart;
    const at = name.indexOf(q);
    if (at < 0) continue;
    const rank = name[at - 1] === ' ' ? MatchRank.wordStart : MatchRank.contains;
    if (best === undefined || rank < best) best = rank;
  }
  // a code typed in part ("3030"): after the names
  if (best === undefined && /^\d{2,}$/.test(q) && entry.unit.code.startsWith(q)) best = MatchRank.contains;
  return best;
}

/**
 * The units that match the query, best first (rank, then alphabetical order of the name); a
 * blank query matches every unit, in alphabetical order, at the lowest rank.
 */
export function searchUnits(index: UnitIndex, query: string): UnitMatch[] {
  const q = normalizeQuery(query);
  const found: { entry: Entry; rank: MatchRank }[] = [];
  for (const entry of index.entries) {
    const rank = q === '' ? MatchRank.contains : rankOf(entry, q);
    if (rank !== undefined) found.push({ entry, rank });
  }
  found.sort((a, b) => a.rank - b.rank || a.entry.order - b.entry.order);
  return found.map(({ entry, rank }) => ({ unit: entry.unit, rank }));
}
