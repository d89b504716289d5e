/**
 * Figures a report's text states, as candidates an editor confirms before they become
 * observations. Precision first: a figure is proposed only when a topic or a counted noun
 * and its verb say unambiguously what it is; anything doubtful is left out.
 */
import type { Basis, Indicator, MeasureUnit, ObservationFields, Qualifier, TargetType } from '../../api/contract';
import { formatPeriodId, parsePeriod, periodEnd } from '../../api/periods';
import { foldText } from '../fold-text';
import { formatNumber } from '../format';
import { parseTargetSentence, readTargetTime, type TargetCandidate } from '../parse-targets';
import { normalizeText, type NormalizedText } from './normalize-text';
import { scanQuantities, type Quantity } from './read-number';
import { findPeriodPhrases, periodPhraseAt, type PeriodPhrase } from './read-period';
import { readAsOf, readReportFacts, type ReportKind } from './read-report';
import type { UnitName } from './read-unit';
import { ASIDE, CONNECTOR, COUNT_BY_VERB, FILLER, FUTURE, FUTURE_NEAR, NOUNS, TARGETS_SET, TOPICS, VERBS, type Topic } from './rules';
import { splitClauses, splitSentences, type Span } from './text-segments';
import { readUnitLists } from './unit-lists';

export type Scope = NonNullable<ObservationFields['scope']>;
export type Status = NonNullable<ObservationFields['status']>;

export interface TextRange {
  /** Offsets in the text as given to extractCandidates (before normalisation), end exclusive. */
  start: number;
  end: number;
}

export interface Candidate {
  indicatorId: string;
  value: number;
  outOf?: number;
  /** The plan a count was set against, which is not its total: "hộ cận nghèo giảm 200/119 hộ" → 119. */
  plan?: number;
  qualifier: Qualifier;
  basis?: Basis;
  scope?: Scope;
  status?: Status;
  asOf?: string;
  /** Another unit than the report's: a ward in its city's list ("(phường Châu Phú A 5,2 tỷ đồng, …)"). */
  unitId?: string;
  /** The figure's period: the report's, or the one the phrase names ("đạt 103,9% năm 2022"). */
  period?: string;
  /**
   * Of a monthly report whose month ends no quarter: the quarter proposed for the figure, which the
   * person confirms or changes (`period` is then unset and `asOf` says the month's last day).
   */
  periodProposed?: string;
  /** What was inferred rather than read (Vietnamese, for the editor). */
  note?: string;
  /** The sentence the figure came from, and where it is. */
  sentence: string;
  sentenceRange: TextRange;
  /** The matched phrase ("thu ngân sách đạt trên 12 tỉ đồng"), and where it is. */
  phrase: string;
  range: TextRange;
  /** Which rule read it, for debugging. */
  rule: string;
}

/**
 * A target a plan sentence sets ("Năm 2026, phấn đấu thu ngân sách đạt 100% dự toán"): never a
 * figure, a candidate target of the unit's resolution for its year (or term) instead.
 */
export interface PlanTarget extends Pick<TargetCandidate, 'name' | 'valueMax' | 'indicatorId' | 'year' | 'term'> {
  type: TargetType;
  value: number;
  unit: MeasureUnit;
  /** What was inferred rather than read (Vietnamese): a year the sentence does not say. */
  note?: string;
  /** The sentence it came from, and where it is. */
  sentence: string;
  sentenceRange: TextRange;
  /** The target's own words in it ("thu ngân sách đạt 100% dự toán"), and where they are. */
  phrase: string;
  range: TextRange;
}

export interface ExtractOptions {
  units: readonly UnitName[];
  /** The indicators figures are read for; their names and units also guess a target's indicator. */
  indicators: readonly Pick<Indicator, 'id' | 'aggregation' | 'max' | 'name' | 'unit' | 'family'>[];
}

export interface ExtractResult {
  unitId?: string;
  period?: string;
  /** See ReportFacts.periodProposed: a monthly report's quarter, to be confirmed. */
  periodProposed?: string;
  /** The last day of the month a monthly report covers. */
  asOf?: string;
  heldOn?: string;
  kind: ReportKind;
  candidates: Candidate[];
  /** What the plan sentences set, refused as figures: candidate targets (see PlanTarget). */
  targetCandidates: PlanTarget[];
  /** Notes about the report as a whole (what was inferred). */
  notes: string[];
}

interface Found {
  indicatorId: string;
  value: number;
  outOf?: number;
  plan?: number;
  unitId?: string;
  q: Quantity;
  start: number;
  end: number;
  rule: string;
  basis?: Basis;
  notes: string[];
  period?: PeriodPhrase | null;
}

interface Hit {
  id: string;
  start: number;
  end: number;
}

interface Context {
  nt: NormalizedText;
  match: string;
  clause: Span;
  sentence: Span;
  quantities: Quantity[];
}

export function extractCandidates(text: string, options: ExtractOptions): ExtractResult {
  const nt = normalizeText(text);
  const match = nt.match;
  const facts = readReportFacts(match, options.units);
  const indicators = new Map(options.indicators.map((i) => [i.id, i]));
  const docPeriod = facts.period ? parsePeriod(facts.period) : facts.periodProposed ? parsePeriod(facts.periodProposed) : null;
  const monthly = facts.kind === 'month';
  // a month or a quarter alone: counts and sums are that span's, not from 1 January
  const partial = monthly || facts.quarterOnly === true;
  const termReview = facts.kind === 'midterm' || facts.kind === 'term';
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  const title = titleEnd(nt.original);

  const sentences = splitSentences(nt.text);
  const end = facts.asOf ?? (facts.period ?? facts.periodProposed ? periodEnd((facts.period ?? facts.periodProposed)!) : undefined);
  const lists = readUnitLists(match, sentences, options.units, facts.unitId, end ? { on: end, heldOn: facts.heldOn } : facts.heldOn ? { on: facts.heldOn } : {});
  const inList = (at: number) => lists.some((l) => at > l.start && at < l.end);
  const fromLists = new Map(lists.flatMap((l) => l.figures).map((f) => [f.q.start, f] as const));
  // a review of a year (its last quarter) or of a term plans the next year; any other, the rest of its year
  const planYear = docPeriod ? (termReview || (!monthly && docPeriod.quarter === 4) ? docPeriod.year + 1 : docPeriod.year) : undefined;
  const plans = new PlanReader(nt, options.indicators, docPeriod?.year, planYear);
  let planSection = false;
  let planParagraph = false;
  for (const sentence of sentences) {
    const sentenceHead = match.slice(sentence.start, Math.min(sentence.end, sentence.start + 80));
    // "Phương hướng, nhiệm vụ năm 2025:" heads a plan: its lines are targets until the next heading
    const heading = headingOf(nt.text, match, sentence);
    if (heading) {
      planSection = heading === 'plan';
      if (planSection) plans.open(sentence);
    }
    if (planSection) {
      plans.read(sentence.start, sentence.end, sentence);
      continue;
    }
    // "Năm 2026, phấn đấu … . Thu ngân sách đạt …": a paragraph that opens on the plan stays the plan
    if (/\n\s*$/u.test(match.slice(Math.max(0, sentence.start - 4), sentence.start)) || sentence.start === 0) planParagraph = false;
    if (opensPlan(match, sentence, docPeriod?.year)) {
      planParagraph = true;
      plans.open(sentence);
    }
    if (planParagraph) {
      plans.read(sentence.start, sentence.end, sentence);
      continue;
    }
    // "… thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025. Cụ thể, …": what follows lists the targets set
    const set = TARGETS_SET.exec(match.slice(sentence.start, sentence.end));
    const setsTargets = set !== null && !/(?<![\p{L}])(?:đạt|hoàn\s+thành|vượt|thực\s+hiện\s+được)(?![\p{L}])/u.test(match.slice(sentence.start + set.index + set[0].length, sentence.end));
    for (const clause of splitClauses(nt.text, sentence)) {
      // "…, phấn đấu cả năm đạt 100%": from its plan's words on, a clause sets targets
      const planAt = planStart(match, clause);
      if (planAt !== undefined) plans.read(pieceStart(match, clause, planAt), clause.end, sentence, true);
      const quantities = scanQuantities(match, clause.start, clause.end);
      const ctx: Context = { nt, match, clause, sentence, quantities };
      const listed: Found[] = [...fromLists.values()]
        .filter((l) => l.q.start >= clause.start && l.q.end <= clause.end)
        .map((l) => ({ indicatorId: l.indicatorId, value: l.q.value, q: l.q, start: l.start, end: l.end, rule: 'list:unit', notes: [], unitId: l.unitId }));
      const found = [...readTopicFigures(ctx), ...readCountFigures(ctx)].filter((f) => !inList(f.q.start)).concat(listed);
      for (const f of found.sort((a, b) => a.q.start - b.q.start)) {
        const indicator = indicators.get(f.indicatorId);
        if (!indicator || f.q.unrepresentable) continue;
        if (indicator.max !== undefined && f.value > indicator.max) continue;
        const before = match.slice(clause.start, f.q.qualifiedStart);
        const headFuture = FUTURE.test(sentenceHead.slice(0, Math.max(0, f.q.start - sentence.start)));
        const setBefore = f.rule !== TARGETS_OF_TOTAL && TARGETS_SET.test(match.slice(sentence.start, f.q.qualifiedStart));
        if (FUTURE.test(before) || FUTURE_NEAR.test(before) || headFuture || setBefore) continue;
        // "chỉ tiêu … năm 2024 là 100%" in a report on 2023: a later year named before the figure is a plan
        if (docPeriod && findPeriodPhrases(match, sentence.start, f.q.qualifiedStart).some((p) => p.year !== undefined && p.year > docPeriod.year)) continue;

        const notes = [...f.notes];
        if (f.q.note) notes.push(f.q.note);
        // The figure's own period, when the phrase names one.
        let period = facts.period;
        let ownPeriod = false;
        const phrase = f.period ?? clauseLeadPeriod(match, clause, f.q);
        if (phrase) {
          const year = phrase.year ?? docPeriod?.year;
          if (!year) continue;
          if (!phrase.cumulative) {
            if (indicator.aggregation === 'ytd') continue; // a single quarter cannot be stored as a span from January
          }
          if (docPeriod && year > docPeriod.year) continue; // a plan for a later year
          const p = formatPeriodId(year, phrase.quarter);
          if (!(phrase.yearOnly && docPeriod && year === docPeriod.year)) {
            ownPeriod = p !== facts.period;
            period = p;
          }
        } else if (docPeriod && docPeriod.quarter !== 1 && indicator.aggregation === 'ytd' && /trong\s+quý(?!\s+(?:i|1)(?![\p{L}\d]))/u.test(before)) {
          continue; // "trong quý": this quarter alone
        } else if (partial && indicator.aggregation === 'ytd' && f.q.kind !== 'percent' && !CUMULATIVE.test(match.slice(sentence.start, f.q.qualifiedStart))) {
          continue; // a monthly or quarterly report's counts and sums are its span's alone unless it says "lũy kế"
        }

        const c: Candidate = {
          indicatorId: f.indicatorId,
          value: f.value,
          qualifier: f.q.qualifier,
          status: f.q.estimated || estimatedBefore(before) ? 'estimated' : 'reported',
          sentence: nt.original.slice(nt.toOriginal(sentence.start), nt.toOriginal(sentence.end)),
          sentenceRange: { start: nt.toOriginal(sentence.start), end: nt.toOriginal(sentence.end) },
          phrase: nt.original.slice(nt.toOriginal(f.start), nt.toOriginal(f.end)),
          range: { start: nt.toOriginal(f.start), end: nt.toOriginal(f.end) },
          rule: f.rule,
        };
        if (f.outOf !== undefined) c.outOf = f.outOf;
        if (f.plan !== undefined) c.plan = f.plan;
        if (f.unitId) c.unitId = f.unitId;
        if (f.basis) c.basis = f.basis;
        if (period) c.period = period;
        else if (facts.periodProposed && !phrase) c.periodProposed = facts.periodProposed;
        if (f.indicatorId === 'resolution_targets_met') {
          c.scope = termReview || /nhiệm\s+kỳ|đại\s+hội/u.test(match.slice(clause.start, clause.end)) ? 'term' : 'year';
        } else if (termReview && indicator.aggregation === 'ytd' && !phrase) {
          c.scope = 'term';
          notes.push('Lũy kế từ đầu nhiệm kỳ');
        }
        const asOf = readAsOf(before, docPeriod?.year) ?? (monthly && !ownPeriod ? facts.asOf : undefined);
        if (asOf) c.asOf = asOf;
        if (ownPeriod) notes.push(`Kỳ của số liệu theo câu: ${period}`);
        if (notes.length > 0) c.note = notes.join('. ');

        const key = `${c.indicatorId}|${c.unitId}|${c.period}|${c.value}|${c.outOf}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          // said in the title and again in the body: the body's
          if (candidates[earlier]!.range.start < title && c.range.start >= title) candidates[earlier] = c;
          continue;
        }
        seen.set(key, candidates.length);
        candidates.push(c);
      }
    }
    if (setsTargets) {
      planParagraph = true;
      plans.open(sentence);
    }
  }

  const result: ExtractResult = {
    kind: facts.kind,
    candidates: withoutTitleRepeats(candidates, title).sort((a, b) => a.range.start - b.range.start),
    targetCandidates: plans.targets,
    notes: facts.notes,
  };
  if (facts.unitId) result.unitId = facts.unitId;
  if (facts.period) result.period = facts.period;
  if (facts.periodProposed) result.periodProposed = facts.periodProposed;
  if (facts.asOf) result.asOf = facts.asOf;
  if (facts.heldOn) result.heldOn = facts.heldOn;
  return result;
}

/** Where a report's title ends: its first line, when that is short enough to be one. */
function titleEnd(original: string): number {
  const start = original.search(/\S/u);
  if (start < 0) return 0;
  const newline = original.indexOf('\n', start);
  const end = newline < 0 ? original.length : newline;
  return end - start <= 250 && newline >= 0 ? end : 0;
}

/**
 * A figure the title states and the body repeats ("… hơn 182 tỷ đồng" above "… đạt 182,6 tỷ đồng")
 * is one figure: the body's, which says it in full. Values within 1% agree (5% when the title
 * says "hơn", "gần", "khoảng").
 */
function withoutTitleRepeats(candidates: Candidate[], end: number): Candidate[] {
  if (end === 0) return candidates;
  const same = (t: Candidate, b: Candidate) =>
    t.indicatorId === b.indicatorId &&
    t.unitId === b.unitId &&
    t.period === b.period &&
    t.periodProposed === b.periodProposed &&
    t.outOf === b.outOf &&
    Math.abs(t.value - b.value) <= Math.abs(b.value) * (t.qualifier === 'exact' ? 0.01 : 0.05);
  return candidates.filter((c) => c.range.start >= end || !candidates.some((b) => b.range.start >= end && same(c, b)));
}

/** A sentence whose first words are a plan: "Năm 2026, …" in a report on 2025, "Phấn đấu …", "Phương hướng …". */
function opensPlan(match: string, sentence: Span, year: number | undefined): boolean {
  const head = match.slice(sentence.start, Math.min(sentence.end, sentence.start + 40));
  if (/^(?:[-–•*]\s*)?(?:(?:năm|trong\s+năm)\s+\d{4}\s*,?\s*)?(?:(?:đảng\s+bộ|xã|phường|thành\s+phố|huyện)(?:\s+[\p{L}]+){0,3}?\s+)?(?:tập\s+trung\s+)?(?:phấn\s+đấu|phương\s+hướng|dự\s+kiến)/u.test(head)) return true;
  const p = periodPhraseAt(match, sentence.start, Math.min(sentence.end, sentence.start + 40));
  return year !== undefined && p !== null && p.year !== undefined && p.year > year;
}

/** Where a clause's plan begins: its first words of a plan ("phấn đấu", "chỉ tiêu năm 2026 là", "mục tiêu", "đề ra các chỉ tiêu"), if any. */
function planStart(match: string, clause: Span): number | undefined {
  const text = match.slice(clause.start, clause.end);
  const at = [FUTURE.exec(text)?.index, TARGETS_SET.exec(text)?.index, /mục\s+tiêu/u.exec(text)?.index].filter((i) => i !== undefined);
  return at.length > 0 ? clause.start + Math.min(...at) : undefined;
}

/**
 * Where the words of a clause's plan begin: the start of its comma-separated part ("tỷ lệ bao phủ
 * bảo hiểm y tế phấn đấu đạt 94%"), unless a figure comes between (a result, then the plan).
 */
function pieceStart(match: string, clause: Span, planAt: number): number {
  const comma = match.lastIndexOf(',', planAt - 1);
  const start = comma >= clause.start && !/\d/u.test(match[comma + 1] ?? '') ? comma + 1 : clause.start;
  return /\d/u.test(match.slice(start, planAt).replace(/(?<![\p{L}\d])(?:19|20)\d{2}(?!\d)/gu, '')) ? planAt : start;
}

/** "năm tới", "năm sau": the plan is for the year after the report's. */
const NEXT_YEAR = /\bnam\s+(?:toi|sau|ke\s+tiep)\b/;

/**
 * The targets of a report's plan sentences, each read once: its year or term is the one its
 * words name, else the one the plan's heading or opening sentence names, else the report's next
 * year (a year's review, a term's, or "năm tới") or the report's own (the rest of its year).
 */
class PlanReader {
  readonly targets: PlanTarget[] = [];
  private readonly seen = new Set<string>();
  private context: { year?: number; term?: string } = {};

  constructor(
    private readonly nt: NormalizedText,
    private readonly indicators: ExtractOptions['indicators'],
    private readonly reportYear: number | undefined,
    /** The year a plan that names none is for. */
    private readonly planYear: number | undefined,
  ) {}

  /** A plan begins (its heading, its opening sentence): the year or term it names holds for what follows. */
  open(sentence: Span): void {
    this.context = readTargetTime(foldText(this.nt.text.slice(sentence.start, sentence.end)));
  }

  /** The targets set from `start` to `end` (offsets in the report), in `sentence`; `alone`: only this clause's own year. */
  read(start: number, end: number, sentence: Span, alone = false): void {
    const { nt } = this;
    const folded = foldText(nt.text.slice(sentence.start, sentence.end));
    const context = alone ? readTargetTime(folded.slice(0, start - sentence.start)) : this.context;
    for (const t of parseTargetSentence(nt.text.slice(start, end), this.indicators)) {
      if (t.type === undefined || t.value === undefined || t.unit === undefined) continue;
      const target: PlanTarget = {
        name: t.name,
        type: t.type,
        value: t.value,
        unit: t.unit,
        sentence: nt.original.slice(nt.toOriginal(sentence.start), nt.toOriginal(sentence.end)),
        sentenceRange: { start: nt.toOriginal(sentence.start), end: nt.toOriginal(sentence.end) },
        phrase: nt.original.slice(nt.toOriginal(start + t.start), nt.toOriginal(start + t.end)),
        range: { start: nt.toOriginal(start + t.start), end: nt.toOriginal(start + t.end) },
      };
      if (t.valueMax !== undefined) target.valueMax = t.valueMax;
      if (t.indicatorId) target.indicatorId = t.indicatorId;
      const own = t.year !== undefined || t.term !== undefined ? t : context;
      if (own.term) target.term = own.term;
      else if (own.year !== undefined) target.year = own.year;
      else if (this.reportYear !== undefined && this.planYear !== undefined) {
        target.year = NEXT_YEAR.test(folded) ? this.reportYear + 1 : this.planYear;
        const next = target.year > this.reportYear;
        target.note = `Câu không nói năm của chỉ tiêu: đề xuất năm ${target.year} (${next ? 'năm sau năm của báo cáo' : 'năm của báo cáo'}); hãy xác nhận hoặc sửa.`;
      }
      // a figure counted from 1 January is no level to reach: planned for a year, it is that year's
      // minimum (a percent of it, the year's plan); by the end of a term, no figure of one year measures it
      const summed = this.indicators.find((i) => i.id === target.indicatorId)?.aggregation === 'ytd';
      if (target.type === 'level_by_end' && summed) {
        if (target.term) delete target.indicatorId;
        else target.type = target.unit === 'percent' ? 'plan' : 'yearly_min';
      }
      const key = [target.indicatorId ?? foldText(target.name), target.type, target.value, target.valueMax, target.unit, target.year, target.term].join('|');
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.targets.push(target);
    }
  }
}

/** Words that open a section of plans. */
const PLAN_HEADING = /^(?:[\divxlc]+\s*[.)/-]\s*|[-–•*]\s*)?(?:phương\s+hướng|nhiệm\s+vụ(?:\s+trọng\s+tâm|\s+và\s+giải\s+pháp|\s+chủ\s+yếu)?|mục\s+tiêu|các\s+chỉ\s+tiêu|chỉ\s+tiêu\s+chủ\s+yếu|kế\s+hoạch)(?![\p{L}])/u;

/**
 * A line that heads a section: short, alone on its line, with no figure but a year or its number.
 * 'plan' when it opens the plans ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"), 'other' for any other heading.
 */
function headingOf(text: string, match: string, sentence: Span): 'plan' | 'other' | null {
  const start = match.lastIndexOf('\n', sentence.start - 1) + 1;
  const newline = match.indexOf('\n', sentence.start);
  const end = newline < 0 ? match.length : newline;
  const line = match.slice(start, end).trim();
  if (line.length === 0 || line.length > 150) return null;
  if (/\d/u.test(line.replace(/(?<![\p{L}\d])(?:19|20)\d{2}(?!\d)/gu, '').replace(/^[\divxlc]+\s*[.)/-]/u, ''))) return null;
  if (PLAN_HEADING.test(line)) return 'plan';
  // a numbered line, a line ending with a colon, or one in capitals
  return /:\s*$|^[\divxlc]+\s*[.)]/u.test(line) || !/\p{Ll}/u.test(text.slice(start, end)) ? 'other' : null;
}

/** A sum from 1 January in a monthly report: "lũy kế", "từ đầu năm", "đến hết tháng 4". */
const CUMULATIVE = /lũy\s+kế|luỹ\s+kế|từ\s+đầu\s+năm|(?:tính\s+)?đến\s+(?:hết|cuối)\s+tháng|tính\s+đến/u;

// ---------------------------------------------------------------- topics: money and percents

function findHits(match: string, clause: Span, patterns: readonly { id: string; re: RegExp }[]): Hit[] {
  const text = match.slice(0, clause.end);
  const hits: Hit[] = [];
  for (const p of patterns) {
    const re = new RegExp(p.re.source, 'gu');
    re.lastIndex = clause.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ id: p.id, start: m.index, end: m.index + m[0].length });
    }
  }
  // Overlapping hits: the longer wins ("bảo hiểm xã hội tự nguyện" over "bảo hiểm xã hội").
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

const topicById = new Map(TOPICS.map((t) => [t.id, t]));

function readTopicFigures(ctx: Context): Found[] {
  const { match, clause, quantities } = ctx;
  const clauseText = match.slice(clause.start, clause.end);
  const hits = findHits(match, clause, TOPICS.map((t) => ({ id: t.id, re: t.re }))).filter((h) => {
    const t = topicById.get(h.id)!;
    return !t.notAfter || !t.notAfter.test(match.slice(Math.max(clause.start, h.start - 20), h.start));
  });
  const owner = new Map<Quantity, Hit>();
  const out: Found[] = [];
  const perTopic = new Map<Hit, Found[]>();

  for (const q of quantities) {
    if (hits.some((h) => q.start >= h.start && q.end <= h.end)) continue; // "lớp 01" inside a topic
    let hit: Hit | undefined;
    let topic: Topic | undefined;
    let indicatorId: string | undefined;
    const notes: string[] = [];
    let value = q.value;

    if (q.kind === 'percent') {
      const next = hits.find((h) => h.start >= q.end && h.start - q.end <= 45);
      if (next && !/[,;.:()\d]/u.test(match.slice(q.end, next.start)) && topicById.get(next.id)!.after) {
        hit = next;
      } else {
        hit = [...hits].reverse().find((h) => h.end <= q.qualifiedStart && !topicById.get(h.id)!.transparent);
      }
      topic = hit && topicById.get(hit.id);
      indicatorId = topic?.percent;
      if (!indicatorId || !hit) continue;
      const before = match.slice(clause.start, q.qualifiedStart);
      const after = match.slice(q.end, clause.end);
      if (/(?<![\p{L}])vượt(?:\s+mức)?\s*$/u.test(before) && BASIS_AFTER.test(after) && indicatorId === 'budget_revenue_pct') {
        // "vượt 12,4% dự toán": 112,4% of it
        value = 100 + q.value;
        notes.push(`Báo cáo ghi “vượt ${q.raw}%”: ghi nhận ${formatPercent(value)}% so với mức giao`);
      } else if (/(?:tăng|giảm|vượt|cao\s+hơn|thấp\s+hơn|chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:\s+(?:thêm|trưởng|là))?\s*$/u.test(before)) continue;
      // "đạt 70% so với chỉ tiêu": how much of a target was done, not a share of the population
      if (indicatorId === 'health_insurance_coverage' && BASIS_AFTER.test(after)) continue;
      if (/^\s*so\s+với\s+cùng\s+kỳ/u.test(match.slice(q.end, clause.end))) continue;
    } else if (q.kind === 'money' || q.kind === 'count') {
      hit = [...hits].reverse().find((h) => h.end <= q.qualifiedStart);
      if (!hit) continue;
      topic = topicById.get(hit.id)!;
      if (topic.transparent) {
        // "quỹ Vì người nghèo với số tiền gần 2,6 tỉ": the money belongs to the topic before.
        const prev = [...hits].reverse().find((h) => h.end <= hit!.start && !topicById.get(h.id)!.transparent);
        const prevTopic = prev && topicById.get(prev.id);
        if (prev && prevTopic?.money && !/[,;]/u.test(match.slice(prev.end, hit.start)) && hit.start - prev.end <= 80) {
          topic = prevTopic;
        }
      }
      if (q.kind === 'count') {
        // "Thu ngân sách Nhà nước trên 8 đạt tỷ lệ 74%": the unit was left out.
        const gap = match.slice(hit.end, q.qualifiedStart);
        const after = match.slice(q.end, clause.end);
        const bare = q.value > 0 && q.value < 1000 && !/^\s*[\p{L}]/u.test(after.replace(/^\s*(?:đạt|được)(?![\p{L}])/u, ',')) && /^\s*(?:[,.;]|$)/u.test(after.replace(/^\s*(?:đạt|được)(?![\p{L}])/u, ','));
        if (!topic.inferBillions || !bare || !/^\s*(?:nhà\s+nước\s*)?(?:(?:đạt|được|thu|ước|ước\s+đạt)\s*)*$/u.test(gap)) continue;
        value = q.value * 1e9;
        notes.push(`Báo cáo ghi “${q.raw}” không kèm đơn vị; suy ra là tỷ đồng từ ngữ cảnh`);
      }
      indicatorId = topic.money;
      if (!indicatorId) continue;
      if (topic.requires && !topic.requires.every((re) => re.test(clauseText))) continue;
      if (/(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|so\s+với|cùng\s+kỳ|giao|tăng|giảm|vượt|bình\s+quân|còn)(?:\s+là)?\s*$/u.test(match.slice(clause.start, q.qualifiedStart))) continue;
    } else {
      continue;
    }

    const gapCheck = topicGapOk(match, hit, q, quantities, owner);
    if (!gapCheck.ok) continue;
    if (gapCheck.alsoNamed) notes.push(`Gồm cả ${gapCheck.alsoNamed}`);
    const period = periodPhraseAt(match, q.end, clause.end);
    const earlier = perTopic.get(hit) ?? [];
    // A topic owns one figure of each kind, unless each names its own period ("103,9% năm 2022 và 87,8% trong 6 tháng…").
    const sameKind = earlier.filter((f) => f.q.kind === q.kind || (f.q.kind !== 'percent' && q.kind !== 'percent'));
    if (sameKind.length > 0 && (!period || sameKind.some((f) => !f.period))) continue;

    const f: Found = {
      indicatorId,
      value,
      q,
      start: Math.min(hit.start, q.qualifiedStart),
      end: Math.max(hit.end, q.end),
      rule: `topic:${topic!.id}:${q.kind}`,
      notes,
      period,
    };
    if (q.kind === 'money' && q.outOf !== undefined) {
      // "thu ngân sách 5.460/5.000 triệu đồng": done against the plan
      f.plan = q.outOf;
      f.notes.push(`Báo cáo ghi “${ctx.nt.text.slice(q.start, q.end)}”: số thực hiện so với kế hoạch`);
    }
    if (indicatorId === 'budget_revenue_pct') {
      const basis = readBasis(match.slice(q.end, clause.end)) ?? readBasis(match.slice(hit.end, q.qualifiedStart));
      if (basis) f.basis = basis;
    }
    owner.set(q, hit);
    perTopic.set(hit, [...earlier, f]);
    out.push(f);
  }
  return out;
}

/**
 * Between a topic and its figure: free words, then after each comma only connecting words
 * or further quoted names ("quỹ “Vì người nghèo”, “cây mùa xuân” được…"), which are reported.
 */
function topicGapOk(
  match: string,
  hit: Hit,
  q: Quantity,
  quantities: Quantity[],
  owner: Map<Quantity, Hit>,
): { ok: boolean; alsoNamed?: string } {
  const no = { ok: false };
  if (hit.start >= q.end) return { ok: true }; // the topic follows the percent, checked by the caller
  let gap = match.slice(hit.end, q.qualifiedStart);
  if (gap.length > 120) return no;
  const blank = (s: number, e: number) => {
    const a = Math.max(0, s - hit.end);
    const b = Math.min(gap.length, e - hit.end);
    if (b > a) gap = gap.slice(0, a) + ' '.repeat(b - a) + gap.slice(b);
  };
  for (const other of quantities) {
    if (other.start < hit.end || other.end > q.qualifiedStart) continue;
    if (owner.get(other) === hit) blank(other.qualifiedStart, other.end);
    else if (other.kind === 'money' || other.kind === 'percent') return no;
  }
  for (const p of findPeriodPhrases(match, hit.end, q.qualifiedStart)) blank(p.start, p.end);
  const [first, ...rest] = gap.replace(ASIDE, (a) => ' '.repeat(a.length)).split(',');
  if ((first ?? '').length > 80) return no;
  const named: string[] = [];
  const ok = rest.every((part) =>
    CONNECTOR.test(
      part.replace(/[“"][^“”"]{1,40}[”"]/gu, (name) => {
        named.push(name);
        return ' ';
      }),
    ),
  );
  if (!ok) return no;
  if (named.length === 0) return { ok };
  const start = hit.end + gap.indexOf(named[0]!);
  return { ok, alsoNamed: match.slice(start, start + named.join(', ').length) };
}

/** What a percent is of, said just after it: "dự toán", "kế hoạch", "Nghị quyết", "chỉ tiêu". */
const BASIS_AFTER = /^\s*(?:so\s+(?:với\s+)?)?(?:dự\s+toán|kế\s+hoạch|nghị\s+quyết|chỉ\s+tiêu)/u;

function formatPercent(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

function readBasis(text: string): Basis | undefined {
  const near = text.split(/[,;]/u)[0]!.slice(0, 50);
  if (/dự\s+toán/u.test(near)) return 'estimate';
  if (/kế\s+hoạch/u.test(near)) return 'plan';
  if (/nghị\s+quyết/u.test(near)) return 'resolution';
  return undefined;
}

function estimatedBefore(before: string): boolean {
  return /(?<!(?:quy|hương|công|điều|mơ)\s+)(?<![\p{L}])ước(?:\s+(?:tính|đạt|thực\s+hiện|thu|cả\s+năm|khoảng))(?![\p{L}])/u.test(before);
}

/** "Năm 2022, thu ngân sách đạt…": a period phrase that opens the clause. */
function clauseLeadPeriod(match: string, clause: Span, q: Quantity): PeriodPhrase | null {
  const p = periodPhraseAt(match, clause.start, q.qualifiedStart);
  return p && p.end <= q.qualifiedStart && p.start - clause.start <= 10 ? p : null;
}

// ---------------------------------------------------------------- counted nouns

/** The rule of targets met counted against a total said before them, which may follow "đề ra 20 chỉ tiêu". */
const TARGETS_OF_TOTAL = 'count:targets-of-total';

/** "Trong 20 chỉ tiêu Nghị quyết, có …", "Nghị quyết đề ra 20 chỉ tiêu, đạt …": the last total of targets said. */
function targetsTotal(lead: string): number | undefined {
  const all = [...lead.matchAll(/(?:trong|trên\s+tổng\s+số|tổng\s+số|đề\s+ra|thông\s+qua|có)\s+(\d{1,3})\s+chỉ\s+tiêu(?![\p{L}])/gu)];
  const last = all.pop();
  if (!last) return undefined;
  // no other count of targets between it and the figure
  if (/\d\s+chỉ\s+tiêu/u.test(lead.slice(last.index + last[0].length))) return undefined;
  return Number(last[1]);
}

/** Counts whose "x/y" is x done against a plan of y (which may be exceeded), not x out of y. */
const PLANNED: ReadonlySet<string> = new Set(['poor', 'near_poor', 'household']);

/**
 * The verbs of targets met, just before "x/y chỉ tiêu": "đạt", "hoàn thành", "vượt", "đạt và vượt",
 * "hoàn thành và hoàn thành vượt mức", "thực hiện thắng lợi", "hoàn thành, vượt".
 */
const TARGETS_MET_BEFORE =
  /(?:đạt|hoàn\s+thành|vượt|thắng\s+lợi)(?:\s*(?:và|,)\s*(?:hoàn\s+thành\s+)?(?:vượt|đạt))?(?:\s+mức)?(?:\s+(?:được|tốt))?\s*$/u;


interface Counted {
  q: Quantity;
  noun: string;
  nounEnd: number;
  verb?: Hit;
}

function readCountFigures(ctx: Context): Found[] {
  const { match, clause, quantities } = ctx;
  const clauseText = match.slice(clause.start, clause.end);
  const verbs = findHits(match, clause, VERBS.map(([id, re]) => ({ id, re })));
  const counted: Counted[] = [];
  for (const q of quantities) {
    if (q.kind !== 'count' && q.kind !== 'fraction') continue;
    const after = match.slice(q.end, clause.end);
    const noun = NOUNS.find(([, re]) => re.test(after));
    if (!noun) continue;
    counted.push({ q, noun: noun[0], nounEnd: q.end + noun[1].exec(after)![0].length });
  }
  for (const c of counted) {
    const verb = [...verbs].reverse().find((v) => v.end <= c.q.qualifiedStart);
    if (!verb) continue;
    let gap = match.slice(verb.end, c.q.qualifiedStart);
    for (const o of counted) {
      if (o.q.qualifiedStart >= verb.end && o.nounEnd <= c.q.qualifiedStart) {
        const a = o.q.qualifiedStart - verb.end;
        gap = gap.slice(0, a) + ' '.repeat(o.nounEnd - o.q.qualifiedStart) + gap.slice(o.nounEnd - verb.end);
      }
    }
    if (FILLER.test(gap.replace(ASIDE, (a) => ' '.repeat(a.length)))) c.verb = verb;
  }

  const out: Found[] = [];
  const make = (c: Counted, indicatorId: string, rule: string, extra: Partial<Found> = {}): Found => {
    const f: Found = {
      indicatorId,
      value: c.q.value,
      q: c.q,
      start: Math.min(c.verb?.start ?? c.q.qualifiedStart, c.q.qualifiedStart),
      end: c.nounEnd,
      rule,
      notes: [],
      period: periodPhraseAt(match, c.nounEnd, clause.end),
      ...extra,
    };
    if (c.q.outOf !== undefined) {
      if (PLANNED.has(c.noun)) {
        // "giảm 200/119 hộ cận nghèo": 200 against a plan of 119, not 200 out of 119
        f.plan = c.q.outOf;
        f.notes.push(`Thực hiện ${formatNumber(c.q.value, 3)} so với kế hoạch ${formatNumber(c.q.outOf, 3)} (đạt ${formatPercent((c.q.value / c.q.outOf) * 100)}%)`);
      } else {
        f.outOf = c.q.outOf;
      }
    }
    return f;
  };
  const isFraction = (c: Counted) => c.q.kind === 'fraction';
  const fractionOk = (c: Counted) => !isFraction(c) || (c.q.outOf! > 0 && (c.q.value <= c.q.outOf! || PLANNED.has(c.noun)));

  // Houses: "cất 13 căn, sửa 02 căn nhà" adds up; if any house count in the clause is unclear, none is proposed.
  const houses = counted.filter((c) => c.noun === 'house' && !isFraction(c));
  const fire = houses.filter((c) => /^(?:\s+[\p{L}]+){0,3}?\s+bị\s+(?:hỏa\s+hoạn|cháy)/u.test(match.slice(c.nounEnd, clause.end)));
  for (const c of fire) {
    if (c.verb?.id === 'support' || c.verb?.id === 'build') out.push(make(c, 'fire_damaged_houses_supported', 'count:fire'));
  }
  const built = houses.filter((c) => !fire.includes(c));
  if (built.length > 0 && built.every((c) => c.verb?.id === 'build')) {
    const first = built[0]!;
    const f = make(first, 'houses_built_or_repaired', 'count:houses', { end: built[built.length - 1]!.nounEnd });
    if (built.length > 1) {
      f.value = built.reduce((s, c) => s + c.q.value, 0);
      f.notes.push(`Cộng ${built.map((c) => c.q.value).join(' + ')} căn (cất mới và sửa chữa)`);
    }
    out.push(f);
  }

  const projects = counted.filter((c) => c.noun === 'project');
  if (projects.length === 1 && !isFraction(projects[0]!) && /xã\s+hội\s+hóa/u.test(clauseText)) {
    out.push(make(projects[0]!, 'socialized_projects', 'count:projects'));
  }

  for (const c of counted) {
    const after = match.slice(c.nounEnd, clause.end);
    const before = match.slice(clause.start, c.q.qualifiedStart);
    if (!fractionOk(c)) continue;
    const byVerb = c.verb ? COUNT_BY_VERB[c.noun]?.[c.verb.id] : undefined;

    if (byVerb) {
      if (c.noun === 'member' && c.verb!.id === 'party_has' && /^\s*(?:được|bị|vi\s+phạm|mới|dự\s+bị|đạt|hoàn\s+thành|tham\s+gia)/u.test(after)) continue;
      if (c.verb!.id === 'commend' && /(?:đề\s+nghị|đề\s+xuất|trình)\s+(?:[\p{L}]+\s+){0,4}$/u.test(match.slice(clause.start, c.verb!.start))) continue;
      if (isFraction(c) && !['poor', 'near_poor', 'member', 'cell'].includes(c.noun)) continue;
      const f = make(c, byVerb, `count:${c.noun}:${c.verb!.id}`);
      if (byVerb === 'new_party_members') {
        const basis = readBasis(after);
        if (basis) f.basis = basis;
      }
      out.push(f);
      continue;
    }

    switch (c.noun) {
      case 'household': {
        // "Hộ nghèo giảm 12 hộ", "giảm 5/7 hộ nghèo": which households comes from just before the verb.
        if (c.verb?.id !== 'reduce') break;
        const subject = match.slice(Math.max(clause.start, c.verb.start - 40), c.verb.start);
        const near = /hộ\s+cận\s+nghèo\s*$/u.test(subject) ? 'near_poor' : /hộ\s+nghèo\s*$/u.test(subject) ? 'poor' : null;
        if (near) out.push(make(c, COUNT_BY_VERB[near]!.reduce!, `count:household:${near}`));
        break;
      }
      case 'gift':
        if (!isFraction(c)) out.push(make(c, 'gifts_given', 'count:gifts'));
        break;
      case 'enterprise':
      case 'business': {
        // "133 doanh nghiệp và 2.487 hộ kinh doanh đang hoạt động"
        const active = /^(?:\s*(?:và|,)\s*[\d.,]+\s*(?:doanh\s+nghiệp|hộ\s+kinh\s+doanh))*\s*(?:hiện\s+)?đang\s+hoạt\s+động/u.test(after);
        if (isFraction(c) || !(active || c.verb?.id === 'has_now')) break;
        if (/thành\s+lập|mới|giải\s+thể|ngừng|phá\s+sản/u.test(before.slice(-40))) break;
        out.push(make(c, c.noun === 'enterprise' ? 'enterprises_active' : 'business_households_active', `count:${c.noun}`));
        break;
      }
      case 'cell': {
        const status = /^(?:\s+[\p{L}]+){0,5}?\s+(hoàn\s+thành\s+tốt\s+nhiệm\s+vụ|trong\s+sạch\s+vững\s+mạnh\s+tiêu\s+biểu)/u.exec(after);
        if (!status) break;
        const id = status[1]!.startsWith('hoàn') ? 'party_cells_completed_well' : 'party_cells_exemplary';
        out.push(make(c, id, `count:cell:${id}`, { end: c.nounEnd + status[0].length }));
        break;
      }
      case 'target': {
        // "đạt 10/11 chỉ tiêu", "8/20 chỉ tiêu hoàn thành và vượt"; never "x/y tiêu chí".
        // Without a fraction, the total must be said before: "Trong 20 chỉ tiêu …, có 18 chỉ tiêu đạt và vượt".
        const total = isFraction(c) ? undefined : targetsTotal(match.slice(ctx.sentence.start, c.q.qualifiedStart));
        if (!isFraction(c) && (total === undefined || total < c.q.value)) break;
        if (/^\s*(?:giao\s+quân|tuyển\s+quân|thu|ngân\s+sách|thuế)/u.test(after)) break;
        if (/^(?:\s+[\p{L}]+){0,2}?\s+(?:không|chưa)\s+(?:đạt|hoàn\s+thành)/u.test(after)) break;
        if (/(?:không|chưa)\s+(?:đạt|hoàn\s+thành)(?:\s+được)?\s*$/u.test(before)) break;
        const achieved = TARGETS_MET_BEFORE.test(before) || /^(?:\s*[\p{L}]+(?:\s*-\s*[\p{L}]+)?){0,4}?\s+(?:đạt|hoàn\s+thành|vượt)/u.test(after);
        if (!achieved) break;
        out.push(total === undefined ? make(c, 'resolution_targets_met', 'count:targets') : make(c, 'resolution_targets_met', TARGETS_OF_TOTAL, { outOf: total }));
        break;
      }
      case 'collective_and_person':
      case 'model': {
        if (isFraction(c) || !/dân\s+vận\s+khéo/u.test(clauseText)) break;
        const registered = /^\s*(?:[\p{L}]+\s+){0,2}?đăng\s+k[ýí]/u.test(after) || /đăng\s+k[ýí](?:\s+(?:thực\s+hiện|mới|được))?\s*$/u.test(before);
        if (registered) out.push(make(c, 'dan_van_kheo_registrations', 'count:dan_van_kheo'));
        break;
      }
    }
  }
  return out;
}
