/**
 * How each target of a resolution stands in a period, from the stored figures of its indicator,
 * in the words of lib/status.ts (Đạt, Đúng tiến độ, Có nguy cơ không đạt, Chưa đạt) and "Chưa có
 * số liệu", each with one plain sentence of why. Pure functions; the panel, its exports and the
 * per-unit counts read `TargetAssessment` only.
 *
 * A resolution is judged over its years (contract.ts, resolutionYears): a term 2025–2030 over
 * 2026–2030 from its base year 2025 (the congress's), a year's resolution over its year from the
 * year before. A period after them is judged as at their end; one before them has no status yet.
 *
 * Every type is a way from a start to a goal over a span, judged as status.ts judges the budget
 * against the even pace: the goal reached is Đạt; at or beyond the straight way from the start
 * (q/4 of the year's value after quarter q) is Đúng tiến độ; short of it, Có nguy cơ không đạt
 * while the rest of the way needs at most PACE_REACH (1,5) times the even pace, else Chưa đạt; at
 * the end of the span, short of the goal is Chưa đạt.
 * - `yearly_min`, `plan` (and `yearly_reduction` of a figure counted over the year, such as
 *   households lifted out of poverty): the year-to-date figure against q/4 of the year's value;
 *   a level (a percent of households, of cells) against the value itself, as status.ts judges a
 *   year's target (LEVEL_REACH_PER_QUARTER);
 * - `level_by_end` and `ceiling` (a level): the latest figure against the value, and against a
 *   straight path from the first figure (the base year's latest, else the first of the judged
 *   years) to the value at the end; a ceiling is a level that must come down to or stay under it;
 *   a ceiling of a yearly count must not be passed, and is at risk when the pace would pass it;
 * - `yearly_growth`: the figure against the same period of the base year, as an average yearly
 *   growth; short of the target, at risk while the remaining years at 1,5 times the target growth
 *   would still make it (in the last year: the rest of the year at 1,5 times the even pace);
 * - `term_total`: the figures of the judged years added up (each year's latest) against the share
 *   of the term elapsed;
 * - `yearly_reduction` (a level): less by the value every year from the base year's figure.
 * A range ("8–9%") is judged on its lower value. A figure of a span that ended before the unit's
 * last boundary change (or its formation) is of the former unit and is never joined to later
 * ones: for a ward that absorbed another on 1 July 2025, 6 tháng 2025 is no base, 9 tháng 2025 is.
 *
 * A target that the figures cannot judge (no indicator, no figure, no base to compare with)
 * takes the status an editor set by hand, saying so ("Đặt tay: …"), or else is Chưa có số liệu.
 */
import { resolutionYears, type Indicator, type ResolutionYears, type MeasureUnit, type Observation, type Resolution, type ResolutionTarget, type Unit } from '../api/contract';
import { formatPeriodId, parsePeriod, periodEnd, type Quarter } from '../api/periods';
import { formatDate, formatNumber, formatValue } from './format';
import { periodLabel } from './period-names';
import { LEVEL_REACH_PER_QUARTER, PACE_REACH } from './status';
import { QUALIFIER_WORDS, STATUS_WORDS } from './vocabulary';

export type TargetStatusKind = 'met' | 'on_track' | 'at_risk' | 'behind' | 'no_data';

/** status.ts's words, and "Chưa có số liệu" where neither the figures nor an editor say. */
export const TARGET_STATUS_WORDS: Record<TargetStatusKind, string> = {
  met: STATUS_WORDS.met,
  on_track: STATUS_WORDS.on_track,
  at_risk: STATUS_WORDS.at_risk,
  behind: STATUS_WORDS.behind,
  no_data: 'Chưa có số liệu',
};

/** What is at risk first, as status.ts's STATUS_ORDER. */
export const TARGET_STATUS_ORDER: readonly TargetStatusKind[] = ['behind', 'at_risk', 'on_track', 'met', 'no_data'];

export interface TargetAssessment {
  targetId: string;
  status: TargetStatusKind;
  /** TARGET_STATUS_WORDS[status] */
  word: string;
  /** One plain sentence: "9 tháng 2026 đạt 15 đảng viên; theo tiến độ cần 18,75 đảng viên…". */
  reason: string;
  /** Judged on the figures, set by hand by an editor, or neither (Chưa có số liệu). */
  by: 'figures' | 'hand' | 'none';
  /** The latest figure it was judged on. */
  figure?: Observation;
  /** Where the figure should be now on the way to the goal (in the figure's unit), if there is a way. */
  required?: number;
}

// ---------------------------------------------------------------- figures, indexed once

/** A count of quarters (2026-Q1 → 2026 × 4), so that spans are differences; 2000-Q1 is 0. */
const FIRST_YEAR = 2000;
const quarterIndex = (year: number, quarter: number) => (year - FIRST_YEAR) * 4 + quarter - 1;
const periodOf = (index: number) => formatPeriodId(FIRST_YEAR + Math.floor(index / 4), ((index % 4) + 1) as Quarter);
const yearOfIndex = (index: number) => FIRST_YEAR + Math.floor(index / 4);
const quarterOfIndex = (index: number) => ((index % 4) + 1) as Quarter;
const periodIndexes = new Map<string, number>();
function indexOf(period: string): number {
  let i = periodIndexes.get(period);
  if (i === undefined) {
    const p = parsePeriod(period);
    if (!p) return -1;
    i = quarterIndex(p.year, p.quarter);
    periodIndexes.set(period, i);
  }
  return i;
}

/** One unit's figures of one indicator, by quarter index (one per period: see indexFigures). */
type Series = readonly (Observation | undefined)[];

/** The figures of each unit and indicator, by period. */
export interface FigureIndex {
  get(unitId: string, indicatorId: string, period: string): Observation | undefined;
  /** The unit's figures of the indicator by quarter index, if it has any. */
  series(unitId: string, indicatorId: string): Series | undefined;
}

const STATUS_RANK = { reported: 0, estimated: 1 } as const;
const BASIS_RANK = { estimate: 0, plan: 1, resolution: 2 } as const;
/** Which of two figures of one period a target reads: reported before estimated, of the estimate (dự toán) first, then by id. */
function preferred(a: Observation, b: Observation): Observation {
  const s = STATUS_RANK[a.status ?? 'reported'] - STATUS_RANK[b.status ?? 'reported'];
  if (s !== 0) return s < 0 ? a : b;
  const basis = (a.basis ? BASIS_RANK[a.basis] : 3) - (b.basis ? BASIS_RANK[b.basis] : 3);
  if (basis !== 0) return basis < 0 ? a : b;
  return a.id <= b.id ? a : b;
}

const indexCache = new WeakMap<readonly Observation[], { length: number; index: FigureIndex }>();

/** The figures indexed by unit, indicator and period; built once per array (taken as immutable, as the query cache's are). */
export function indexFigures(observations: readonly Observation[]): FigureIndex {
  const cached = indexCache.get(observations);
  if (cached && cached.length === observations.length) return cached.index;
  const byUnit = new Map<string, Map<string, (Observation | undefined)[]>>();
  for (const o of observations) {
    const i = indexOf(o.period);
    if (i < 0) continue;
    let byIndicator = byUnit.get(o.unitId);
    if (!byIndicator) byUnit.set(o.unitId, (byIndicator = new Map()));
    let series = byIndicator.get(o.indicatorId);
    if (!series) byIndicator.set(o.indicatorId, (series = []));
    const other = series[i];
    series[i] = other ? preferred(other, o) : o;
  }
  const index: FigureIndex = {
    get: (u, ind, p) => byUnit.get(u)?.get(ind)?.[indexOf(p)],
    series: (u, ind) => byUnit.get(u)?.get(ind),
  };
  indexCache.set(observations, { length: observations.length, index });
  return index;
}

// ---------------------------------------------------------------- the way to a goal

type Judged = Exclude<TargetStatusKind, 'no_data'>;

/**
 * A figure `current` on the way from `start` to `goal` (dir 1: up to it, -1: down to it), with
 * `share` of the span elapsed. `slip`: how far from a goal already passed at the start the figure
 * may fall back and still be at risk (else the reach is measured on the way).
 */
function onTheWay(current: number, goal: number, start: number, share: number, dir: 1 | -1, slip: number): { status: Judged; required: number } {
  const required = start + (goal - start) * Math.min(1, share);
  // a figure equal to its goal after arithmetic in doubles is equal (96 = 91 + 5 × 1)
  const tolerance = 1e-9 * Math.max(1, Math.abs(goal), Math.abs(start));
  const gap = dir * (goal - current);
  if (gap <= tolerance) return { status: 'met', required: goal };
  if (share >= 1) return { status: 'behind', required: goal };
  if (dir * (current - required) >= -tolerance) return { status: 'on_track', required };
  const whole = dir * (goal - start);
  if (whole <= 0) return { status: gap <= slip ? 'at_risk' : 'behind', required };
  return { status: gap / (1 - share) <= PACE_REACH * whole ? 'at_risk' : 'behind', required };
}

/** How far a level may be from its goal and still be within reach with `quartersLeft` to go (status.ts's rule, at most a year). */
function levelReach(goal: number, unit: MeasureUnit, quartersLeft: number): number {
  const left = Math.max(0, Math.min(4, quartersLeft));
  return unit === 'percent' ? left * LEVEL_REACH_PER_QUARTER : (left * LEVEL_REACH_PER_QUARTER * Math.abs(goal)) / 100;
}

// ---------------------------------------------------------------- words

const say = (v: number, unit: MeasureUnit) => formatValue(v, unit);
const written = (f: Observation, unit: MeasureUnit) => {
  const word = QUALIFIER_WORDS[f.qualifier];
  return word ? `${word} ${say(f.value, unit)}` : say(f.value, unit);
};
/** A change a year: points for a percent ("1,41 điểm %"), else the unit's. */
const perYear = (v: number, unit: MeasureUnit) => (unit === 'percent' ? `${formatNumber(v)} điểm %` : say(v, unit));
const gapText = (gap: number, unit: MeasureUnit) => (unit === 'percent' ? `${formatNumber(gap)} điểm %` : say(gap, unit));
/** "8%", or the range "8–9%". */
const targetValue = (t: ResolutionTarget) =>
  t.valueMax !== undefined && t.valueMax !== t.value ? `${formatNumber(t.value)}–${say(t.valueMax, t.unit)}` : say(t.value, t.unit);
const restOfYear = (left: number, perQuarter: number, unit: MeasureUnit) =>
  left === 1 ? `quý IV cần ${say(perQuarter, unit)}` : `${left} quý còn lại cần bình quân ${say(perQuarter, unit)} mỗi quý`;

// ---------------------------------------------------------------- one target

/** What a rule needs: the target, its indicator, the unit's figures of it, the years and the period judged. */
interface Case {
  target: ResolutionTarget;
  indicator: Indicator;
  series: Series | undefined;
  years: ResolutionYears;
  /** The quarter index judged, inside the years (a later one is judged as at their end). */
  at: number;
  /** The first day of the unit's present boundaries (its formation or last change up to the period), if any. */
  boundary?: string;
  /** The first quarter index whose span ends within the present boundaries (figures before it are left out). */
  firstUsable: number;
  /** Set when a figure was left out for being of the unit's former boundaries (the sentence says so). */
  leftOut?: boolean;
}

/** Why a target has no status from its figures (the sentence says which). */
type Missing =
  | { what: 'period' }
  | { what: 'since_first'; base?: Observation }
  | { what: 'reduction_base' }
  | { what: 'missing_year'; year: number }
  | { what: 'growth_base'; base?: Observation; baseAt: number }
  | { what: 'not_yet' }
  | { what: 'unlinked' }
  | { what: 'invalid' };

/** What a rule found, in numbers: the sentence (sentenceOf) is made only when it is read. */
type Words =
  | ({ kind: 'none' } & Missing)
  | { kind: 'year_level'; f: Observation }
  | { kind: 'year_pace'; f: Observation; q: number }
  | { kind: 'year_ceiling'; f: Observation }
  | { kind: 'level'; f: Observation; start: Observation; dir: 1 | -1; share: number }
  | { kind: 'reduction'; f: Observation; base: Observation; goal: number; share: number }
  | { kind: 'total'; last: Observation; sum: number; partial: Observation[]; share: number }
  | { kind: 'growth'; f: Observation; base: Observation; k: number; final: boolean };

interface Outcome {
  status: TargetStatusKind;
  figure?: Observation;
  required?: number;
  words: Words;
}

function figureAt(c: Case, index: number): Observation | undefined {
  const o = c.series?.[index];
  if (!o || index >= c.firstUsable) return o;
  c.leftOut = true;
  return undefined;
}

/** The latest figure from `from` back to `to` (quarter indexes, inclusive). */
function latestBetween(c: Case, from: number, to: number): Observation | undefined {
  for (let i = from; i >= to; i--) {
    const o = figureAt(c, i);
    if (o) return o;
  }
  return undefined;
}

function earliestBetween(c: Case, from: number, to: number): Observation | undefined {
  for (let i = from; i <= to; i++) {
    const o = figureAt(c, i);
    if (o) return o;
  }
  return undefined;
}

/** The latest figure of a year up to a quarter index of it. */
function latestOfYear(c: Case, year: number, upTo = quarterIndex(year, 4)): Observation | undefined {
  return latestBetween(c, Math.min(upTo, quarterIndex(year, 4)), quarterIndex(year, 1));
}

const yearOf = (o: Observation) => yearOfIndex(indexOf(o.period));
const quarterOf = (o: Observation) => quarterOfIndex(indexOf(o.period));
const none = (missing: Missing): Outcome => ({ status: 'no_data', words: { kind: 'none', ...missing } });
const PERIOD_MISSING = none({ what: 'period' });

/** yearly_min, plan and a yearly reduction counted over the year: the year so far against q/4 of its value. */
function yearSoFar(c: Case): Outcome {
  const { target: t } = c;
  const f = latestOfYear(c, yearOfIndex(c.at), c.at);
  if (!f) return PERIOD_MISSING;
  const q = quarterOf(f);
  if (c.indicator.aggregation === 'level') {
    const gap = t.value - f.value;
    const status = gap <= 0 ? 'met' : gap <= levelReach(t.value, t.unit, 4 - q) ? 'at_risk' : 'behind';
    return { status, figure: f, required: t.value, words: { kind: 'year_level', f } };
  }
  const { status, required } = onTheWay(f.value, t.value, 0, q / 4, 1, 0);
  return { status, figure: f, required, words: { kind: 'year_pace', f, q } };
}

/** A ceiling of a figure counted over the year: never passed, at risk when the pace would pass it. */
function yearCeiling(c: Case): Outcome {
  const { target: t } = c;
  const f = latestOfYear(c, yearOfIndex(c.at), c.at);
  if (!f) return PERIOD_MISSING;
  const q = quarterOf(f);
  const pace = (t.value * q) / 4;
  const status = f.value > t.value ? 'behind' : q === 4 ? 'met' : f.value > pace ? 'at_risk' : 'on_track';
  return { status, figure: f, required: status === 'behind' || q === 4 ? t.value : pace, words: { kind: 'year_ceiling', f } };
}

/**
 * A level to reach (or, for a ceiling, to come down to) by the end: the latest figure against
 * the straight path from the first one.
 */
function levelByEnd(c: Case, dir: 1 | -1): Outcome {
  const { target: t, years } = c;
  const first = quarterIndex(years.firstYear, 1);
  const end = quarterIndex(years.lastYear, 4);
  const f = latestBetween(c, c.at, first);
  if (!f) return none({ what: 'since_first', base: latestOfYear(c, years.baseYear) });
  const at = indexOf(f.period);
  const start = latestOfYear(c, years.baseYear) ?? earliestBetween(c, first, at)!;
  const from = indexOf(start.period);
  const share = end === from ? 1 : (at - from) / (end - from);
  const { status, required } = onTheWay(f.value, t.value, start.value, share, dir, levelReach(t.value, t.unit, end - at));
  return { status, figure: f, required, words: { kind: 'level', f, start, dir, share } };
}

/** Less by the value every year, from the base year's figure (a level). */
function reductionOfLevel(c: Case): Outcome {
  const { target: t, years } = c;
  const base = latestOfYear(c, years.baseYear);
  if (!base) return none({ what: 'reduction_base' });
  const f = latestBetween(c, c.at, quarterIndex(years.firstYear, 1));
  if (!f) return PERIOD_MISSING;
  const from = indexOf(base.period);
  const at = indexOf(f.period);
  const end = quarterIndex(years.lastYear, 4);
  const goal = base.value - (t.value * (end - from)) / 4;
  const share = (at - from) / (end - from);
  const { status, required } = onTheWay(f.value, goal, base.value, share, -1, levelReach(goal, t.unit, end - at));
  return { status, figure: f, required, words: { kind: 'reduction', f, base, goal, share } };
}

/** The judged years' figures added up (each year's latest) against the term's elapsed share. */
function termTotal(c: Case): Outcome {
  const { target: t, years } = c;
  let last: Observation | undefined;
  for (let y = yearOfIndex(c.at); y >= years.firstYear && !last; y--) last = latestOfYear(c, y, c.at);
  if (!last) return none({ what: 'since_first' });
  const lastYear = yearOf(last);
  let sum = 0;
  const partial: Observation[] = [];
  for (let y = years.firstYear; y <= lastYear; y++) {
    const f = y === lastYear ? last : latestOfYear(c, y);
    if (!f) return none({ what: 'missing_year', year: y });
    if (y < lastYear && quarterOf(f) < 4) partial.push(f);
    sum += f.value;
  }
  const share = (indexOf(last.period) - quarterIndex(years.firstYear, 1) + 1) / ((years.lastYear - years.firstYear + 1) * 4);
  const { status, required } = onTheWay(sum, t.value, 0, share, 1, 0);
  return { status, figure: last, required, words: { kind: 'total', last, sum, partial, share } };
}

/** An average yearly growth: the figure against the same period of the base year. */
function growth(c: Case): Outcome {
  const { target: t, years, indicator } = c;
  const f = latestOfYear(c, yearOfIndex(c.at), c.at);
  if (!f) return PERIOD_MISSING;
  const q = quarterOf(f);
  const baseAt = quarterIndex(years.baseYear, q);
  const base = figureAt(c, baseAt);
  if (!base || base.value <= 0) return none({ what: 'growth_base', base, baseAt });
  const k = yearOf(f) - years.baseYear;
  const span = years.lastYear - years.baseYear;
  const v = t.value / 100;
  const required = base.value * Math.pow(1 + v, k);
  const final = k === span && q === 4;
  const words: Words = { kind: 'growth', f, base, k, final };
  if (f.value >= required * (1 - 1e-9)) return { status: final ? 'met' : 'on_track', figure: f, required, words };
  let reachable: boolean;
  if (final) reachable = false;
  else if (k < span) {
    // the remaining years at 1,5 times the target growth
    reachable = f.value * Math.pow(1 + PACE_REACH * v, span - k) >= base.value * Math.pow(1 + v, span);
  } else if (indicator.aggregation === 'ytd') {
    // the last year: its rest at 1,5 times the even pace of the year's required amount
    const year = (required * 4) / q;
    reachable = (year - f.value) / (4 - q) <= (PACE_REACH * year) / 4;
  } else {
    reachable = required - f.value <= levelReach(required, indicator.unit, 4 - q);
  }
  return { status: reachable ? 'at_risk' : 'behind', figure: f, required, words };
}

function judge(c: Case): Outcome {
  const ytd = c.indicator.aggregation === 'ytd';
  switch (c.target.type) {
    case 'yearly_min':
    case 'plan':
      return yearSoFar(c);
    case 'yearly_reduction':
      return ytd ? yearSoFar(c) : reductionOfLevel(c);
    case 'level_by_end':
      return levelByEnd(c, c.indicator.higherIsBetter ? 1 : -1);
    case 'ceiling':
      return ytd ? yearCeiling(c) : levelByEnd(c, -1);
    case 'term_total':
      return termTotal(c);
    case 'yearly_growth':
      return growth(c);
  }
}

// ---------------------------------------------------------------- the sentences

/** What a target's sentence reads beside its outcome: the target, its indicator, the years and period, the unit's boundary. */
interface Frame {
  target: ResolutionTarget;
  indicator?: Indicator;
  years: ResolutionYears | null;
  at: number;
  boundary?: string;
  leftOut?: boolean;
}

function missingSentence(m: Missing, c: Frame): string {
  const years = c.years!;
  const t = c.target;
  switch (m.what) {
    case 'period':
      return `Chưa có số liệu ${periodLabel(periodOf(c.at))} của chỉ tiêu này`;
    case 'since_first':
      return `Chưa có số liệu từ năm ${years.firstYear}${m.base ? ` (gần nhất: ${periodLabel(m.base.period)}, ${written(m.base, t.unit)})` : ''}`;
    case 'reduction_base':
      return `Chưa có số liệu năm gốc ${years.baseYear} để tính mức giảm`;
    case 'missing_year':
      return `Thiếu số liệu năm ${m.year} để cộng dồn cả nhiệm kỳ`;
    case 'growth_base':
      return `Không tính được tăng trưởng: ${m.base ? `${periodLabel(m.base.period)} là 0` : `chưa có số liệu ${periodLabel(periodOf(m.baseAt))}`} (cùng kỳ năm gốc)`;
    case 'not_yet': {
      const from = years.firstYear === years.lastYear ? `năm ${years.firstYear}` : `từ năm ${years.firstYear} (năm ${years.baseYear} là năm gốc)`;
      return `Chưa đến kỳ đánh giá: Nghị quyết được đánh giá ${from}`;
    }
    case 'unlinked':
      return 'Chỉ tiêu chưa gắn với số liệu nào để tính; chưa được đặt trạng thái';
    case 'invalid':
      return 'Kỳ không hợp lệ';
  }
}

/** The plain sentence of why a target has its status. */
function sentenceOf(o: Outcome, c: Frame): string {
  const t = c.target;
  const w = o.words;
  const required = o.required ?? 0;
  switch (w.kind) {
    case 'none': {
      const leftOut = c.leftOut && c.boundary ? `; số liệu trước ${formatDate(c.boundary)} (địa giới khác) không được tính` : '';
      return `${missingSentence(w, c)}${leftOut}`;
    }
    case 'year_level': {
      const got = `${periodLabel(w.f.period)} đạt ${written(w.f, t.unit)}; chỉ tiêu năm là ${targetValue(t)}`;
      return o.status === 'met' ? got : `${got}, còn thiếu ${gapText(t.value - w.f.value, t.unit)}`;
    }
    case 'year_pace': {
      const goal = `${t.type === 'plan' ? 'kế hoạch' : 'chỉ tiêu'} cả năm ${t.type === 'yearly_min' ? 'ít nhất ' : ''}${targetValue(t)}`;
      const got = `${periodLabel(w.f.period)} đạt ${written(w.f, t.unit)}`;
      if (o.status === 'met') return w.q === 4 ? `${got}; ${goal}` : `${got}, đã đủ mức ${goal}`;
      if (w.q === 4) return `${got}; ${goal}, còn thiếu ${gapText(t.value - w.f.value, t.unit)}`;
      const pace = `${got}; theo tiến độ cần ${say(required, t.unit)} (${goal})`;
      return o.status === 'on_track' ? pace : `${pace}, ${restOfYear(4 - w.q, (t.value - w.f.value) / (4 - w.q), t.unit)}`;
    }
    case 'year_ceiling': {
      const got = `${periodLabel(w.f.period)} là ${written(w.f, t.unit)}; mức trần cả năm ${targetValue(t)}`;
      if (o.status === 'behind') return `${got}, đã vượt ${gapText(w.f.value - t.value, t.unit)}`;
      return o.status === 'at_risk' ? `${got}; theo tiến độ cả năm sẽ vượt mức trần` : got;
    }
    case 'level': {
      const years = c.years!;
      const aim = w.dir === 1 ? `mục tiêu ${targetValue(t)} vào năm ${years.lastYear}` : `mức trần ${targetValue(t)}${t.type === 'ceiling' ? '' : ` vào năm ${years.lastYear}`}`;
      const got = `${periodLabel(w.f.period)} ${w.dir === 1 ? 'đạt' : 'là'} ${written(w.f, t.unit)}; ${aim}`;
      if (o.status === 'met') return got;
      const gap = `, ${w.dir === 1 ? 'còn thiếu' : 'còn cao hơn'} ${gapText(Math.abs(t.value - w.f.value), t.unit)}`;
      if (w.share >= 1) return `${got}${gap}`;
      const path = w.start === w.f ? '' : `; theo lộ trình đều từ ${written(w.start, t.unit)} (${periodLabel(w.start.period)}) cần ${say(required, t.unit)}`;
      return `${got}${path}${o.status === 'on_track' ? '' : gap}`;
    }
    case 'reduction': {
      const got = `${periodLabel(w.f.period)} là ${written(w.f, t.unit)}; giảm bình quân ${perYear(t.value, t.unit)} mỗi năm từ ${written(w.base, t.unit)} (${periodLabel(w.base.period)})`;
      if (o.status === 'met') return `${got}: đã xuống ${say(w.goal, t.unit)} của cuối kỳ`;
      const need = w.share >= 1 ? ` thì cuối kỳ cần ${say(w.goal, t.unit)}` : ` thì nay cần ${say(required, t.unit)}`;
      return `${got}${need}${o.status === 'on_track' ? '' : `, còn cao hơn ${gapText(w.f.value - required, t.unit)}`}`;
    }
    case 'total': {
      const notes = w.partial.map((f) => `năm ${yearOf(f)} mới có số liệu ${periodLabel(f.period)}`).join('; ');
      const got = `Từ năm ${c.years!.firstYear} đến ${periodLabel(w.last.period)} đạt ${say(w.sum, t.unit)}${notes ? ` (${notes})` : ''}; chỉ tiêu cả nhiệm kỳ ${targetValue(t)}`;
      if (o.status === 'met') return got;
      return w.share >= 1 ? `${got}, còn thiếu ${gapText(t.value - w.sum, t.unit)}` : `${got}, theo tiến độ cần ${say(required, t.unit)}`;
    }
    case 'growth': {
      // the figures are in the indicator's unit (the target's is percent a year)
      const unit = c.indicator?.unit ?? t.unit;
      const average = (Math.pow(w.f.value / w.base.value, 1 / w.k) - 1) * 100;
      const since = w.k === 1 ? `so với ${periodLabel(w.base.period)}` : `so với ${periodLabel(w.base.period)}, bình quân`;
      const got = `${periodLabel(w.f.period)} đạt ${written(w.f, unit)}, ${since} ${average >= 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(average), 1)}%/năm; chỉ tiêu tăng bình quân ${targetValue(t)}/năm`;
      return o.status === 'met' || o.status === 'on_track' ? got : `${got}, cần ${say(required, unit)}`;
    }
  }
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/**
 * The first day of the unit's present boundaries at the end of the period judged (its formation
 * or its last change), and the first quarter whose span ends on or after it: a figure of a span
 * that ended before it is of the former boundaries.
 */
function boundaryOf(unit: Pick<Unit, 'validFrom' | 'changes'> | undefined, at: number): { boundary?: string; firstUsable: number } {
  if (!unit || (!unit.validFrom && !unit.changes?.length)) return { firstUsable: 0 };
  const limit = periodEnd(periodOf(at))!;
  let boundary: string | undefined;
  for (const d of [unit.validFrom, ...(unit.changes ?? []).map((ch) => ch.date)]) if (d && d <= limit && (!boundary || d > boundary)) boundary = d;
  if (!boundary) return { firstUsable: 0 };
  const year = Number(boundary.slice(0, 4));
  const quarter = QUARTER_ENDS.findIndex((end) => `${year}-${end}` >= boundary);
  return { boundary, firstUsable: quarterIndex(year, quarter + 1) };
}

export interface TargetContext {
  figures: FigureIndex;
  indicators: ReadonlyMap<string, Indicator>;
  /** The resolution's unit (its formation and boundary changes); without it, every figure counts. */
  unit?: Pick<Unit, 'validFrom' | 'changes'>;
}

/** What every target of a resolution shares in a period, worked out once: its years, the quarter judged, the unit's boundary. */
interface Setting {
  years: ResolutionYears | null;
  at: number;
  boundary?: string;
  firstUsable: number;
  /** Set when no target of the resolution can be judged in the period (before its years, or no period). */
  none?: Outcome;
}

function settingOf(resolution: Resolution, period: string, ctx: TargetContext): Setting {
  const years = resolutionYears(resolution);
  const p = parsePeriod(period);
  if (!years || !p) return { years, at: 0, firstUsable: 0, none: none({ what: 'invalid' }) };
  if (p.year < years.firstYear) return { years, at: 0, firstUsable: 0, none: none({ what: 'not_yet' }) };
  const at = Math.min(quarterIndex(p.year, p.quarter), quarterIndex(years.lastYear, 4));
  return { years, at, ...boundaryOf(ctx.unit, at) };
}

const UNLINKED = none({ what: 'unlinked' });

function assessIn(resolution: Resolution, setting: Setting, target: ResolutionTarget, period: string, ctx: TargetContext): TargetAssessment {
  const indicator = target.indicatorId ? ctx.indicators.get(target.indicatorId) : undefined;
  let frame: Frame;
  let outcome: Outcome;
  if (setting.none || !setting.years || !indicator) {
    frame = { target, indicator, years: setting.years, at: setting.at };
    outcome = setting.none ?? UNLINKED;
  } else {
    const c: Case = { target, indicator, series: ctx.figures.series(resolution.unitId, indicator.id), years: setting.years, at: setting.at, boundary: setting.boundary, firstUsable: setting.firstUsable };
    outcome = judge(c);
    frame = c;
  }
  const hand = target.manualStatus;
  // an editor's status speaks of the resolution's years, never of a period before them
  if (outcome.status === 'no_data' && !setting.none && hand && (!hand.period || hand.period <= period)) {
    return { targetId: target.id, status: hand.status, word: TARGET_STATUS_WORDS[hand.status], reason: `Đặt tay: ${hand.note}`, by: 'hand' };
  }
  let reason: string | undefined;
  const assessment: TargetAssessment = {
    targetId: target.id,
    status: outcome.status,
    word: TARGET_STATUS_WORDS[outcome.status],
    get reason() {
      return (reason ??= sentenceOf(outcome, frame));
    },
    by: outcome.status === 'no_data' ? 'none' : 'figures',
  };
  if (outcome.figure) assessment.figure = outcome.figure;
  if (outcome.required !== undefined) assessment.required = outcome.required;
  return assessment;
}

/** How one target of the resolution stands in the period. Its `reason` is worked out when first read. */
export function targetStatus(resolution: Resolution, target: ResolutionTarget, period: string, ctx: TargetContext): TargetAssessment {
  return assessIn(resolution, settingOf(resolution, period, ctx), target, period, ctx);
}

/** Every target of the resolution in the period, in the resolution's order. */
export function resolutionStatus(resolution: Resolution, period: string, ctx: TargetContext): TargetAssessment[] {
  const setting = settingOf(resolution, period, ctx);
  return resolution.targets.map((t) => assessIn(resolution, setting, t, period, ctx));
}

/** At risk first (TARGET_STATUS_ORDER), then by the target's number. */
export function byRisk<T extends { status: TargetStatusKind; number: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => TARGET_STATUS_ORDER.indexOf(a.status) - TARGET_STATUS_ORDER.indexOf(b.status) || a.number - b.number);
}

/** How many targets have each status. */
export function countTargetStatuses(assessments: Iterable<Pick<TargetAssessment, 'status'>>): Record<TargetStatusKind, number> {
  const counts: Record<TargetStatusKind, number> = { met: 0, on_track: 0, at_risk: 0, behind: 0, no_data: 0 };
  for (const a of assessments) counts[a.status]++;
  return counts;
}
