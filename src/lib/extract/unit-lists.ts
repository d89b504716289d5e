/**
 * A report of a city or district often lists its wards' figures in one bracket after the topic
 * (or after a colon, to the sentence's end):
 * "thu ngân sách các phường đạt khá (phường Châu Phú A 5,2 tỷ đồng, phường Núi Sam 3,1 tỷ đồng)",
 * "tỷ lệ tham gia BHYT … (Vĩnh Mỹ 94,3%; Châu Phú B 93,1%)". Each item is a unit the report's unit
 * contains and one amount or percent: one figure per unit, of the topic said before the bracket
 * (or, when the sentence only names "các phường, xã", of the sentence before).
 */
import { scanQuantities, type Quantity } from './read-number';
import { findUnitMentions, type UnitDate, type UnitName } from './read-unit';
import { TOPICS } from './rules';
import type { Span } from './text-segments';

export interface ListFigure {
  indicatorId: string;
  unitId: string;
  q: Quantity;
  /** The item: the unit's name and its figure. */
  start: number;
  end: number;
  sentence: Span;
}

export interface UnitList {
  /** The bracket, brackets included: no figure in it is the report's own unit's. */
  start: number;
  end: number;
  figures: ListFigure[];
}

/** A sentence that speaks of its units together before the bracket: "các phường, xã đều …", "trong đó". */
const COLLECTIVE = /các\s+(?:phường|xã|đơn\s+vị|địa\s+phương)|phường\s*,\s*xã|xã\s*,\s*(?:phường|thị\s+trấn)|trong\s+đó/u;

interface TopicHit {
  end: number;
  money?: string;
  percent?: string;
}

function topicHits(match: string, from: number, to: number): TopicHit[] {
  const text = match.slice(0, to);
  const hits: (TopicHit & { start: number })[] = [];
  for (const t of TOPICS) {
    const re = new RegExp(t.re.source, 'gu');
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) break;
      const hit: TopicHit & { start: number } = { start: m.index, end: m.index + m[0].length };
      if (t.money) hit.money = t.money;
      if (t.percent) hit.percent = t.percent;
      hits.push(hit);
    }
  }
  // overlapping hits: the longer wins ("thu ngân sách địa phương" over "thu ngân sách")
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: typeof hits = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.end - b.end);
}

/**
 * The lists of units' figures in a folded text's sentences. `reportUnitId` is the report's unit:
 * only the units it contains are read; `date` says which of namesakes are meant.
 */
export function readUnitLists(
  match: string,
  sentences: readonly Span[],
  units: readonly UnitName[],
  reportUnitId: string | undefined,
  date: UnitDate,
): UnitList[] {
  if (!reportUnitId || !/[(:]/u.test(match)) return [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const inside = (id: string) => byId.get(id)?.parentIds?.includes(reportUnitId) ?? false;
  const mentions = findUnitMentions(match, units, date);
  const lists: UnitList[] = [];

  /** The items between `from` and `to`, separated by ";" or ", ": each a unit it contains and one figure, or null. */
  const itemsOf = (from: number, to: number, sentence: Span): { figures: ListFigure[]; items: number } => {
    const figures: ListFigure[] = [];
    let items = 0;
    let itemStart = from;
    for (const sep of [...match.slice(from, to).matchAll(/;|,(?=\s)/gu), null]) {
      const itemEnd = sep ? from + sep.index : to;
      items++;
      const named = mentions.filter((x) => x.start >= itemStart && x.end <= itemEnd);
      const qs = scanQuantities(match, itemStart, itemEnd).filter((q) => q.kind === 'money' || q.kind === 'percent');
      const ids = named.length === 1 ? named[0]!.unitIds.filter(inside) : [];
      if (ids.length === 1 && qs.length === 1 && named[0]!.end <= qs[0]!.qualifiedStart && !qs[0]!.unrepresentable) {
        figures.push({ indicatorId: '', unitId: ids[0]!, q: qs[0]!, start: named[0]!.start, end: qs[0]!.end, sentence });
      }
      itemStart = itemEnd + 1;
    }
    return { figures, items };
  };
  /** The topic said last before `at`; after "các phường, xã …" alone, the sentence before's. */
  const topicBefore = (at: number, sentence: Span, index: number) => {
    const topic = topicHits(match, sentence.start, at).pop();
    const previous = sentences[index - 1];
    if (!topic && previous && COLLECTIVE.test(match.slice(sentence.start, at))) return topicHits(match, previous.start, previous.end).pop();
    return topic;
  };
  const listOf = (start: number, end: number, figures: ListFigure[], topic: TopicHit | undefined): UnitList => ({
    start,
    end,
    figures: topic
      ? figures.flatMap((f) => {
          const indicatorId = f.q.kind === 'money' ? topic.money : topic.percent;
          return indicatorId ? [{ ...f, indicatorId }] : [];
        })
      : [],
  });

  sentences.forEach((sentence, index) => {
    const re = /\(([^()]{8,600})\)/gu;
    re.lastIndex = sentence.start;
    const text = match.slice(0, sentence.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const open = m.index;
      const close = m.index + m[0].length;
      const { figures, items } = itemsOf(open + 1, close - 1, sentence);
      // a bracket that names another unit before a figure holds that unit's figures, never the report's
      const foreign = mentions.some((x) => x.start > open && x.end < close && !x.unitIds.includes(reportUnitId));
      // a list: every item a unit and its figure, at least two of them
      if (figures.length < 2 || figures.length !== items) {
        if (foreign) lists.push({ start: open, end: close, figures: [] });
        continue;
      }
      // the topic said last before the bracket; a topic of no indicator ("chi ngân sách") owns the list too
      lists.push(listOf(open, close, figures, topicBefore(open, sentence, index)));
    }
    // "Thu ngân sách các phường: Châu Phú A 5,2 tỷ đồng; Núi Sam 3,1 tỷ đồng."
    const colon = match.indexOf(':', sentence.start);
    if (colon >= 0 && colon < sentence.end && !lists.some((l) => l.start > colon && l.start < sentence.end)) {
      const { figures, items } = itemsOf(colon + 1, sentence.end, sentence);
      if (figures.length >= 2 && figures.length === items) lists.push(listOf(colon, sentence.end + 1, figures, topicBefore(colon, sentence, index)));
    }
  });
  return lists;
}
