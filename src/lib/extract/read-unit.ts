/**
 * Which unit a report is about, among a unit list (the register: ~400 units, current and former).
 *
 * The names are matched in one scan of the folded text (see foldForMatch): its words are keyed
 * without regard to where a tone mark sits ("Hoà"/"Hòa", "Qúy"/"Quý") or to i/y after a consonant
 * ("Vĩ"/"Vỹ"), and looked up as word n-grams, longest first, in a map built once per list. Each
 * mention is then read with its surroundings:
 * - a kind word before it ("phường", "P.", "TP.", "thị trấn", "huyện", "Thành ủy"…) keeps the
 *   units of that kind; an organ before the kind word ("Đảng ủy", "UBND") makes it strong, a
 *   person's title ("Bí thư", "Chủ tịch") weak again;
 * - a place word ("chợ", "cầu", "trường THPT"), a person's name ("Nguyễn Thị") or a kind word a
 *   word or two before it ("xã Tân Mỹ Hòa") disqualifies a bare name, and so does a word that
 *   continues it ("Mỹ Thới Tây");
 * - of the units left, those valid on the report's date; of those, the one whose district or
 *   province is named nearby (or anywhere in the text).
 * The report's unit is the strongest in its first lines (a container before the units it
 * contains: a city's report names its wards), then the most mentioned; when two units are equally
 * likely the reading says it is unsure and gives them as candidates.
 */
import type { UnitKind } from '../../api/contract';
import { containersOf } from '../../api/units';
import { foldForMatch } from './normalize-text';

export interface UnitName {
  id: string;
  /** With its kind word: "Phường Mỹ Thới"; without one, any kind word fits it. */
  name: string;
  /** A UnitKind ("phuong", "xa"…); when missing, read from the name's kind word. */
  kind?: string;
  validFrom?: string | null;
  validTo?: string | null;
  /** Its district, province (see the contract's Unit). */
  parentIds?: readonly string[];
  /** Other spellings ("Phường Vĩnh Nguơn"). */
  otherNames?: readonly string[];
}

/** The day a report's units must be valid on: its period's end, else the day it was held. */
export interface UnitDate {
  on?: string;
  /** Tried when no unit of a name is valid `on`. */
  heldOn?: string;
  /** [first day, last day]: tried last. */
  range?: [string, string];
}

export type MentionStrength = 'organ' | 'kind' | 'bare';

export interface UnitMention {
  /** Offsets of the name in the folded text (without its kind word). */
  start: number;
  end: number;
  /** The units it may be, best reading first: one when sure. */
  unitIds: string[];
  /** False when none of them is valid on the date asked. */
  valid: boolean;
  strength: MentionStrength;
}

export interface UnitReading {
  /** The unit the report is about, when the reading is sure. */
  unitId?: string;
  /** When unsure: the units it may be about, in the order the text names them. */
  candidates: string[];
  mentions: UnitMention[];
}

/** What a report's first characters hold: its title and opening sentence. */
const HEAD_CHARS = 600;
/** How far a district or province named beside a commune decides between namesakes. */
const NEAR_CHARS = 200;

const KIND_WORDS: Record<string, { kinds: readonly UnitKind[]; organ?: true }> = {
  'phường': { kinds: ['phuong'] },
  'p.': { kinds: ['phuong'] },
  'xã': { kinds: ['xa'] },
  'x.': { kinds: ['xa'] },
  'thị trấn': { kinds: ['thi_tran'] },
  'tt.': { kinds: ['thi_tran'] },
  'tt': { kinds: ['thi_tran'] },
  'đặc khu': { kinds: ['dac_khu'] },
  'thành phố': { kinds: ['thanh_pho'] },
  'tp.': { kinds: ['thanh_pho'] },
  'tp': { kinds: ['thanh_pho'] },
  'thị xã': { kinds: ['thi_xa'] },
  'tx.': { kinds: ['thi_xa'] },
  'tx': { kinds: ['thi_xa'] },
  'huyện': { kinds: ['huyen'] },
  'h.': { kinds: ['huyen'] },
  'tỉnh': { kinds: ['tinh'] },
  'thành ủy': { kinds: ['thanh_pho'], organ: true },
  'thị ủy': { kinds: ['thi_xa'], organ: true },
  'huyện ủy': { kinds: ['huyen'], organ: true },
  'tỉnh ủy': { kinds: ['tinh'], organ: true },
};

/** The kind words a unit's own name starts with (folded), longest first. */
const NAME_KINDS: readonly (readonly [string, UnitKind])[] = [
  ['thành phố ', 'thanh_pho'],
  ['thị trấn ', 'thi_tran'],
  ['thị xã ', 'thi_xa'],
  ['đặc khu ', 'dac_khu'],
  ['phường ', 'phuong'],
  ['huyện ', 'huyen'],
  ['tỉnh ', 'tinh'],
  ['xã ', 'xa'],
];

const words = (list: readonly string[]) =>
  list
    .map((w) => w.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
/** Text ending with one of these (then spaces) before a name. */
const ending = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})[^\\S\\n]*$`, 'u');

const KIND_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${words(Object.keys(KIND_WORDS))})[^\\S\\n]*$`, 'u');
const ORGAN_BEFORE = ending(
  words([
    'đảng ủy', 'đảng bộ', 'thành ủy', 'thị ủy', 'huyện ủy', 'tỉnh ủy', 'ubnd', 'ủy ban nhân dân', 'hđnd', 'hội đồng nhân dân',
    'mttq', 'mttqvn', 'ủy ban mttq', 'mặt trận tổ quốc', 'ủy ban mặt trận tổ quốc', 'mặt trận tổ quốc việt nam',
  ]),
);
/** A person's title before an organ: "Bí thư Đảng ủy phường…" names a person, not the report's author. */
const TITLE_BEFORE = ending(
  `(?:${words(['bí thư', 'chủ tịch', 'ủy viên', 'trưởng ban', 'trưởng', 'phó', 'giám đốc', 'đại diện', 'lãnh đạo', 'cán bộ', 'công chức', 'thành viên'])})(?:\\s+(?:${words(['thường trực', 'ban thường vụ', 'btv', 'ban chấp hành', 'bch'])}))?`,
);
/** A plural before a kind word: the names listed after it share that kind ("các xã Vĩnh Phú, Định Thành"). */
const PLURAL_BEFORE = ending(words(['các', 'những', 'hai', 'ba', 'bốn', 'mười']) + '|\\d+');
const LIST_SEPARATOR = /^[^\S\n]*(?:,|;|và|,[^\S\n]*và|&)[^\S\n]*$/u;
/** Words naming a place after which a unit's name is the place's name ("chợ Mỹ Thới"). */
const PLACE_BEFORE = ending(
  [
    words([
      'công viên', 'chợ', 'cầu', 'đường', 'phố', 'hẻm', 'kênh', 'rạch', 'sông', 'bến', 'bến xe', 'bến phà', 'bến tàu', 'bến đò', 'phà', 'đò', 'cảng',
      'đại học', 'cao đẳng', 'bệnh viện', 'trung tâm', 'nhà văn hóa', 'sân vận động', 'siêu thị', 'chùa', 'nhà thờ', 'đình', 'miếu', 'ấp', 'khóm',
      'khu phố', 'tổ dân phố', 'khu dân cư', 'khu đô thị', 'khu công nghiệp', 'khu du lịch', 'khu vực', 'cụm dân cư', 'cụm công nghiệp', 'quốc lộ',
      'tỉnh lộ', 'lộ', 'ngã ba', 'ngã tư', 'ngã năm', 'vòng xoay', 'công ty', 'ngân hàng', 'khách sạn', 'nhà hàng', 'hợp tác xã', 'htx', 'nhà máy',
      'xí nghiệp', 'bưu điện', 'kho', 'đô thị',
    ]),
    `trường(?:\\s+(?:${words(['thpt', 'thcs', 'th', 'tiểu học', 'trung học', 'cơ sở', 'phổ thông', 'mầm non', 'mẫu giáo', 'chuyên', 'đại học', 'cao đẳng', 'trung cấp', 'dân tộc nội trú', 'ptdtnt', 'mn', 'mg'])}))*`,
  ].join('|'),
);
/** A person's name or form of address before a name ("Nguyễn Thị Mỹ Hòa", "ông Bình An"). */
const PERSON_BEFORE = ending(
  words([
    'thị', 'văn', 'đồng chí', 'đ/c', 'ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cô', 'chú', 'bác',
    'nguyễn', 'trần', 'lê', 'phạm', 'huỳnh', 'hoàng', 'võ', 'vũ', 'phan', 'trương', 'bùi', 'đặng', 'đỗ', 'ngô', 'hồ', 'dương', 'lý', 'lâm', 'đinh',
  ]),
);
/** Words that continue a name into a longer one ("Mỹ Thới Tây", "Long Điền C"). */
const CONTINUES = new Set(['tây', 'đông', 'nam', 'bắc', 'trung', 'thượng', 'hạ', 'a', 'b', 'c', 'd']);
/** Words that may follow a kind word without starting a name ("phường và xã…"). */
const FUNCTION_WORDS = new Set([
  'và', 'của', 'các', 'cùng', 'với', 'tại', 'trên', 'là', 'đã', 'được', 'có', 'đạt', 'thuộc', 'gồm', 'như', 'ở', 'nào', 'này', 'đó', 'mình', 'năm', 'lần',
]);
/** Names that are everyday words or other provinces' names: read only after a kind word. */
const NEEDS_KIND = [
  'thứ ba', 'thứ mười một', 'hòa bình', 'bình an', 'an bình', 'bình minh', 'hòa thuận', 'thuận hòa', 'tân lập',
  'long an', 'hội an', 'hưng yên', 'phú thọ', 'khánh hòa',
];

// ---------------------------------------------------------------- words

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const CONSONANT_Y = /^(ngh|ch|gh|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnpqrstvx])y$/u;
const keyCache = new Map<string, string>();

/** A word's key: its letters without tone mark, then the mark; "y" alone after a consonant is "i". */
function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key !== undefined) return key;
  const d = word.normalize('NFD');
  const tone = d.match(TONE_MARKS)?.at(-1) ?? '';
  const base = d.replace(TONE_MARKS, '').normalize('NFC').replace(CONSONANT_Y, '$1i');
  key = base + tone;
  if (keyCache.size > 20_000) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

const nameKey = (folded: string) => (folded.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(wordKey).join(' ');

// ---------------------------------------------------------------- the matcher of a unit list

interface Entry {
  unit: UnitName;
  kind: string | undefined;
}

interface Matcher {
  /** Key of a bare name ("mỹ thới" keyed) → the units so named. */
  names: Map<string, Entry[]>;
  /** Key of a first word → the most words of a name starting with it. */
  longest: Map<string, number>;
  byId: Map<string, UnitName>;
  containers: (id: string) => readonly string[];
  needsKind: Set<string>;
}

const matchers = new WeakMap<readonly UnitName[], Matcher>();

function matcherOf(units: readonly UnitName[]): Matcher {
  const known = matchers.get(units);
  if (known) return known;
  const names = new Map<string, Entry[]>();
  const longest = new Map<string, number>();
  for (const unit of units) {
    for (const name of [unit.name, ...(unit.otherNames ?? [])]) {
      const folded = foldForMatch(name.normalize('NFC')).trim();
      const prefix = NAME_KINDS.find(([word]) => folded.startsWith(word));
      const key = nameKey(prefix ? folded.slice(prefix[0].length) : folded);
      if (!key) continue;
      const list = names.get(key) ?? [];
      if (!list.some((e) => e.unit === unit)) list.push({ unit, kind: unit.kind ?? prefix?.[1] });
      names.set(key, list);
      const parts = key.split(' ');
      longest.set(parts[0]!, Math.max(longest.get(parts[0]!) ?? 0, parts.length));
    }
  }
  const matcher: Matcher = {
    names,
    longest,
    byId: new Map(units.map((u) => [u.id, u])),
    containers: containersOf(units.map((u) => ({ id: u.id, parentIds: u.parentIds ? [...u.parentIds] : undefined }))),
    needsKind: new Set(NEEDS_KIND.map(nameKey)),
  };
  matchers.set(units, matcher);
  return matcher;
}

// ---------------------------------------------------------------- mentions

/** The words of a folded text, as offsets: found by a loop over char codes, not a regex (200 kB in a few ms). */
interface Words {
  match: string;
  starts: number[];
  ends: number[];
}

const OTHER_WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0x1e00 && c <= 0x1eff) return true; // Vietnamese letters with two marks
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true; // combining marks
  return OTHER_WORD_CHAR.test(String.fromCharCode(c));
}

function splitWords(match: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = match.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(match.charCodeAt(i))) i++;
    if (i >= n) break;
    starts.push(i);
    while (i < n && isWordChar(match.charCodeAt(i))) i++;
    ends.push(i);
  }
  return { match, starts, ends };
}

const wordAt = (w: Words, i: number) => w.match.slice(w.starts[i], w.ends[i]);

/** Only spaces or tabs between word i and word i + 1. */
function spacedAfter(w: Words, i: number): boolean {
  const from = w.ends[i]!;
  const to = w.starts[i + 1]!;
  for (let k = from; k < to; k++) {
    const c = w.match.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return to > from;
}

interface Found {
  start: number;
  end: number;
  /** Where the kind word or organ before it starts (= start when none). */
  from: number;
  entries: Entry[];
  kinds?: readonly string[];
  strength: MentionStrength;
  /** A plural kind word: the names listed after it share its kinds. */
  listKinds?: readonly string[];
}

/** Every name of the list the folded text mentions, read with what stands around it. */
function scanNames(match: string, m: Matcher): Found[] {
  const w = splitWords(match);
  const count = w.starts.length;
  const keys: (string | undefined)[] = new Array<string | undefined>(count);
  const key = (i: number) => (keys[i] ??= wordKey(wordAt(w, i)));
  const found: Found[] = [];

  for (let i = 0; i < count; i++) {
    const most = m.longest.get(key(i));
    if (!most) continue;
    // the longest name starting here, its words separated by spaces only
    let gram = key(i);
    const grams = [gram];
    while (grams.length < most && i + grams.length < count && spacedAfter(w, i + grams.length - 1)) {
      gram += ' ' + key(i + grams.length);
      grams.push(gram);
    }
    let len = grams.length;
    while (len > 0 && !m.names.has(grams[len - 1]!)) len--;
    if (len === 0) continue;
    const j = i + len - 1;
    const gramKey = grams[len - 1]!;
    const f = readAround(w, i, j, m.names.get(gramKey)!, m.needsKind.has(gramKey), found.at(-1));
    if (f) found.push(f);
    i = j;
  }
  return found;
}

function readAround(
  w: Words,
  i: number,
  j: number,
  entries: Entry[],
  needsKind: boolean,
  previous: Found | undefined,
): Found | null {
  const match = w.match;
  const start = w.starts[i]!;
  const end = w.ends[j]!;
  if (j + 1 < w.starts.length && spacedAfter(w, j) && CONTINUES.has(wordAt(w, j + 1))) return null;

  const before = match.slice(Math.max(0, start - 64), start);
  const kind = KIND_BEFORE.exec(before);
  if (kind) {
    const word = KIND_WORDS[kind[1]!.replace(/\s+/gu, ' ')]!;
    const lead = before.slice(0, kind.index);
    const organ = word.organ ? null : ORGAN_BEFORE.exec(lead);
    const isOrgan = Boolean(word.organ || organ);
    const titled = isOrgan && TITLE_BEFORE.test(lead.slice(0, organ ? organ.index : lead.length));
    const f: Found = {
      start,
      end,
      from: start - before.length + (organ ? organ.index : kind.index),
      entries,
      kinds: word.kinds,
      strength: titled ? 'bare' : isOrgan ? 'organ' : 'kind',
    };
    if (PLURAL_BEFORE.test(lead)) f.listKinds = word.kinds;
    return f;
  }
  if (needsKind || PLACE_BEFORE.test(before) || PERSON_BEFORE.test(before)) return null;
  if (afterUnknownName(w, i)) return null;
  const f: Found = { start, end, from: start, entries, strength: 'bare' };
  if (previous?.listKinds && LIST_SEPARATOR.test(match.slice(previous.end, start))) {
    f.kinds = previous.listKinds;
    f.listKinds = previous.listKinds;
  }
  return f;
}

/** "xã Tân Mỹ Hòa": a kind word one or two words before a name that did not follow it. */
function afterUnknownName(w: Words, i: number): boolean {
  for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
    if (!spacedAfter(w, t) || FUNCTION_WORDS.has(wordAt(w, t))) return false;
    const start = w.starts[t]!;
    if (KIND_BEFORE.test(w.match.slice(Math.max(0, start - 16), start))) return true;
  }
  return false;
}

// ---------------------------------------------------------------- which units a mention is

/** In force on some day of [from, to] (a day: from = to). */
const validIn = (u: UnitName, [from, to]: readonly [string, string]) => (!u.validFrom || u.validFrom <= to) && (!u.validTo || u.validTo >= from);

/** The units of a mention that fit its kind word and the date; null when none fits its kind word. */
function fitting(f: Found, date: UnitDate): { entries: Entry[]; valid: boolean } | null {
  const entries = f.kinds ? f.entries.filter((e) => !e.kind || f.kinds!.includes(e.kind)) : f.entries;
  if (entries.length === 0) return null;
  const tries: ((u: UnitName) => boolean)[] = [];
  if (date.on) tries.push((u) => validIn(u, [date.on!, date.on!]));
  if (date.heldOn) tries.push((u) => validIn(u, [date.heldOn!, date.heldOn!]));
  if (date.range) tries.push((u) => validIn(u, date.range!));
  if (tries.length === 0) {
    const current = entries.filter((e) => !e.unit.validTo);
    return { entries: current.length > 0 ? current : entries, valid: true };
  }
  for (const ok of tries) {
    const valid = entries.filter((e) => ok(e.unit));
    if (valid.length > 0) return { entries: valid, valid: true };
  }
  return { entries, valid: false };
}

/** Of namesakes, those whose district or province is among `named`; all of them when that decides nothing. */
function byContainer(ids: string[], named: ReadonlySet<string>, m: Matcher): string[] {
  // a namesake that contains another (huyện and thị trấn Chợ Mới) is no evidence for it
  const inside = ids.filter((id) => m.containers(id).some((c) => named.has(c) && !ids.includes(c)));
  return inside.length > 0 && inside.length < ids.length ? inside : ids;
}

/** Every mention of a unit of the list in the folded text, each with the units it may be. */
export function findUnitMentions(match: string, units: readonly UnitName[], date: UnitDate = {}): UnitMention[] {
  const m = matcherOf(units);
  const read = scanNames(match, m).flatMap((f) => {
    const fit = fitting(f, date);
    return fit ? [{ f, ids: [...new Set(fit.entries.map((e) => e.unit.id))], valid: fit.valid }] : [];
  });
  // the units named for sure are the evidence for namesakes
  const sure = read.filter((r) => r.ids.length === 1);
  const everywhere = new Set(sure.map((r) => r.ids[0]!));
  return read.map(({ f, ids, valid }) => {
    let unitIds = ids;
    if (ids.length > 1) {
      const near = new Set(sure.filter((r) => Math.abs(r.f.start - f.start) <= NEAR_CHARS).map((r) => r.ids[0]!));
      unitIds = byContainer(ids, near, m);
      if (unitIds.length > 1) unitIds = byContainer(unitIds, everywhere, m);
    }
    return { start: f.from, end: f.end, unitIds, valid, strength: f.strength };
  });
}

// ---------------------------------------------------------------- the report's unit

const STRENGTH: Record<MentionStrength, number> = { organ: 3, kind: 2, bare: 1 };

interface Tally {
  id: string;
  head: number;
  /** Where the head names it with that strength first. */
  headFirst: number;
  organ: number;
  named: number;
  total: number;
  first: number;
}

/** The unit a folded text is about, or the units it may be about when unsure. */
export function readUnits(match: string, units: readonly UnitName[], date: UnitDate = {}): UnitReading {
  const m = matcherOf(units);
  const mentions = findUnitMentions(match, units, date);
  const pool = mentions.some((x) => x.valid) ? mentions.filter((x) => x.valid) : mentions;
  const tallies = new Map<string, Tally>();
  for (const x of pool) {
    for (const id of x.unitIds) {
      const t = tallies.get(id) ?? { id, head: 0, headFirst: Infinity, organ: 0, named: 0, total: 0, first: x.start };
      // the head counts what it names with a kind word: a bare name there may be anything
      if (x.start < HEAD_CHARS && x.strength !== 'bare' && STRENGTH[x.strength] > t.head) {
        t.head = STRENGTH[x.strength];
        t.headFirst = x.start;
      }
      if (x.strength === 'organ') t.organ++;
      if (x.strength !== 'bare') t.named++;
      t.total++;
      tallies.set(id, t);
    }
  }
  let ranked = [...tallies.values()];
  if (ranked.length === 0) return { candidates: [], mentions };
  const top = Math.max(...ranked.map((t) => t.head));
  if (top > 0) {
    // what the head names most strongly; a city or district named first before the wards it
    // lists ("UBND thành phố Long Xuyên … phường Mỹ Bình"), not the district a commune names after
    // itself ("xã Vĩnh Phú, huyện Giồng Riềng")
    ranked = ranked.filter((t) => t.head === top);
    const headFirst = new Map(ranked.map((t) => [t.id, t.headFirst]));
    ranked = ranked.filter((t) => !m.containers(t.id).some((c) => (headFirst.get(c) ?? Infinity) < t.headFirst));
  }
  const order = (a: Tally, b: Tally) => b.organ - a.organ || b.named - a.named || b.total - a.total || a.first - b.first;
  ranked.sort(order);
  // only namesakes read from the same mentions tie
  const best = ranked.filter((t) => order(t, ranked[0]!) === 0);
  if (best.length === 1) return { unitId: best[0]!.id, candidates: [], mentions };
  return { candidates: best.map((t) => t.id), mentions };
}

/**
 * The unit a report is about, or undefined (none named, or unsure: see readUnits). `range`
 * ([first day, last day] as ISO dates), when known, keeps the units valid on its last day.
 */
export function findUnit(match: string, units: readonly UnitName[], range?: [string, string]): string | undefined {
  return readUnits(match, units, range ? { on: range[1], range } : {}).unitId;
}

/** "phường Mỹ Thới" → "my-thoi", given the units; the text is normalised first. */
export function readUnit(text: string, units: readonly UnitName[], date: UnitDate = {}): string | undefined {
  return readUnits(foldForMatch(text.normalize('NFC')), units, date).unitId;
}

/** "Xã Vĩnh Phú (Huyện Thoại Sơn)", "Huyện Châu Thành (Tỉnh Kiên Giang)": a name and what tells it from its namesakes. */
export function unitLabel(id: string, units: readonly UnitName[]): string {
  const m = matcherOf(units);
  const unit = m.byId.get(id);
  if (!unit) return id;
  const parents = (unit.parentIds ?? []).map((p) => m.byId.get(p)).filter((p) => p !== undefined);
  const within = DISTRICT_KINDS.has(unit.kind ?? '')
    ? parents.find((p) => p.kind === 'tinh')
    : parents.find((p) => DISTRICT_KINDS.has(p.kind ?? ''));
  return within ? `${unit.name} (${within.name})` : unit.name;
}

const DISTRICT_KINDS: ReadonlySet<string> = new Set(['thanh_pho', 'thi_xa', 'huyen']);
