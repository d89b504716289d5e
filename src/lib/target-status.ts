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
 * A range ("8–9%") is judged on its lower value. Figures from before a boundary change of the
 * unit (or its formation) are never joined to later ones (same-period.ts's rule).
 *
 * A target that the figures cannot judge (no indicator, no figure, no base to compare with)
 * takes the status an editor set by hand, saying so ("Đặt tay: …"), or else is Chưa có số liệu.
 */
import { resolutionYears, type Indicator, type MeasureUnit, type Observation, type Resolution, type ResolutionTarget, type Unit } from '../api/contract';
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

/** The figures of each unit, indicator and period: one per period (see indexFigures). */
export interface FigureIndex {
  get(unitId: string, indicatorId: string, period: string): Observation | undefined;
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
  const byKey = new Map<string, Observation>();
  for (const o of observations) {
    const key = `${o.unitId}\u0000${o.indicatorId}\u0000${o.period}`;
    const other = byKey.get(key);
    byKey.set(key, other ? preferred(other, o) : o);
  }
  const index: FigureIndex = { get: (u, i, p) => byKey.get(`${u}\u0000${i}\u0000${p}`) };
  indexCache.set(observations, { length: observations.length, index });
  return index;
}

// ---------------------------------------------------------------- periods as quarter numbers

/** A period as a count of quarters (2026-Q1 → 2026 × 4), so that spans are differences. */
const quarterIndex = (year: number, quarter: number) => year * 4 + quarter - 1;
const periodOf = (index: number) => formatPeriodId(Math.floor(index / 4), ((index % 4) + 1) as Quarter);
const indexOf = (period: string) => {
  const p = parsePeriod(period)!;
  return quarterIndex(p.year, p.quarter);
};
const yearOf = (period: string) => Number(period.slice(0, 4));
const quarterOf = (period: string) => Number(period.slice(-1)) as Quarter;

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
  unitId: string;
  figures: FigureIndex;
  years: { baseYear: number; firstYear: number; lastYear: number };
  /** The period judged, inside the years (a later one is judged as at their end). */
  at: number;
  /** The first day of the unit's present boundaries (its formation or last change up to the period), if any. */
  boundary?: string;
  /** Set when a figure was left out for being of the unit's former boundaries (the sentence says so). */
  leftOut?: boolean;
}

type Outcome = { status: Judged; reason: string; figure?: Observation; required?: number } | { status: 'no_data'; reason: string };

/** Whether a figure is of the unit's present boundaries: a year-to-date figure over its whole span, a level at its date. */
function ofPresentBoundaries(c: Case, o: Observation): boolean {
  if (!c.boundary) return true;
  const year = yearOf(o.period);
  if (c.indicator.aggregation === 'ytd') return `${year}-01-01` >= c.boundary;
  const ends = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;
  return `${year}-${ends[quarterOf(o.period)]}` >= c.boundary;
}

function figureAt(c: Case, index: number): Observation | undefined {
  const o = c.figures.get(c.unitId, c.indicator.id, periodOf(index));
  if (!o || ofPresentBoundaries(c, o)) return o;
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

/** The latest figure of a year up to a quarter index of it. */
function latestOfYear(c: Case, year: number, upTo = quarterIndex(year, 4)): Observation | undefined {
  return latestBetween(c, Math.min(upTo, quarterIndex(year, 4)), quarterIndex(year, 1));
}

const boundaryWords = (c: Case) => (c.leftOut && c.boundary ? `; số liệu trước ${formatDate(c.boundary)} (địa giới khác) không được tính` : '');

function noFigure(c: Case, what = `Chưa có số liệu ${periodLabel(periodOf(c.at))} của chỉ tiêu này`): Outcome {
  return { status: 'no_data', reason: `${what}${boundaryWords(c)}` };
}

/** yearly_min, plan and a yearly reduction counted over the year: the year so far against q/4 of its value. */
function yearSoFar(c: Case): Outcome {
  const { target: t } = c;
  const f = latestOfYear(c, yearOf(periodOf(c.at)), c.at);
  if (!f) return noFigure(c);
  const q = quarterOf(f.period);
  const label = periodLabel(f.period);
  if (c.indicator.aggregation === 'level') {
    const got = `${label} đạt ${written(f, t.unit)}; chỉ tiêu năm là ${targetValue(t)}`;
    const gap = t.value - f.value;
    if (gap <= 0) return { status: 'met', reason: got, figure: f, required: t.value };
    const status = gap <= levelReach(t.value, t.unit, 4 - q) ? 'at_risk' : 'behind';
    return { status, reason: `${got}, còn thiếu ${gapText(gap, t.unit)}`, figure: f, required: t.value };
  }
  const { status, required } = onTheWay(f.value, t.value, 0, q / 4, 1, 0);
  const goal = `${t.type === 'plan' ? 'kế hoạch' : 'chỉ tiêu'} cả năm ${t.type === 'yearly_min' ? 'ít nhất ' : ''}${targetValue(t)}`;
  const got = `${label} đạt ${written(f, t.unit)}`;
  if (status === 'met') return { status, reason: q === 4 ? `${got}; ${goal}` : `${got}, đã đủ mức ${goal}`, figure: f, required };
  if (q === 4) return { status, reason: `${got}; ${goal}, còn thiếu ${gapText(t.value - f.value, t.unit)}`, figure: f, required };
  const pace = `${got}; theo tiến độ cần ${say(required, t.unit)} (${goal})`;
  if (status === 'on_track') return { status, reason: pace, figure: f, required };
  return { status, reason: `${pace}, ${restOfYear(4 - q, (t.value - f.value) / (4 - q), t.unit)}`, figure: f, required };
}

/** A ceiling of a figure counted over the year: never passed, at risk when the pace would pass it. */
function yearCeiling(c: Case): Outcome {
  const { target: t } = c;
  const f = latestOfYear(c, yearOf(periodOf(c.at)), c.at);
  if (!f) return noFigure(c);
  const q = quarterOf(f.period);
  const got = `${periodLabel(f.period)} là ${written(f, t.unit)}; mức trần cả năm ${targetValue(t)}`;
  if (f.value > t.value) return { status: 'behind', reason: `${got}, đã vượt ${gapText(f.value - t.value, t.unit)}`, figure: f, required: t.value };
  if (q === 4) return { status: 'met', reason: got, figure: f, required: t.value };
  const pace = (t.value * q) / 4;
  if (f.value > pace) return { status: 'at_risk', reason: `${got}; theo tiến độ cả năm sẽ vượt mức trần`, figure: f, required: pace };
  return { status: 'on_track', reason: got, figure: f, required: pace };
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
  if (!f) {
    const base = latestOfYear(c, years.baseYear);
    return noFigure(c, `Chưa có số liệu từ năm ${years.firstYear}${base ? ` (gần nhất: ${periodLabel(base.period)}, ${written(base, t.unit)})` : ''}`);
  }
  const start = latestOfYear(c, years.baseYear) ?? earliestBetween(c, first, indexOf(f.period))!;
  const from = indexOf(start.period);
  const share = end === from ? 1 : (indexOf(f.period) - from) / (end - from);
  const left = end - indexOf(f.period);
  const { status, required } = onTheWay(f.value, t.value, start.value, share, dir, levelReach(t.value, t.unit, left));
  const aim = dir === 1 ? `mục tiêu ${targetValue(t)} vào năm ${years.lastYear}` : `mức trần ${targetValue(t)}${t.type === 'ceiling' ? '' : ` vào năm ${years.lastYear}`}`;
  const got = `${periodLabel(f.period)} ${dir === 1 ? 'đạt' : 'là'} ${written(f, t.unit)}; ${aim}`;
  if (status === 'met') return { status, reason: got, figure: f, required: t.value };
  const gap = `, ${dir === 1 ? 'còn thiếu' : 'còn cao hơn'} ${gapText(Math.abs(t.value - f.value), t.unit)}`;
  if (share >= 1) return { status, reason: `${got}${gap}`, figure: f, required: t.value };
  const path = start === f ? '' : `; theo lộ trình đều từ ${written(start, t.unit)} (${periodLabel(start.period)}) cần ${say(required, t.unit)}`;
  return { status, reason: `${got}${path}${status === 'on_track' ? '' : gap}`, figure: f, required };
}

function earliestBetween(c: Case, from: number, to: number): Observation | undefined {
  for (let i = from; i <= to; i++) {
    const o = figureAt(c, i);
    if (o) return o;
  }
  return undefined;
}

/** Less by the value every year, from the base year's figure (a level). */
function reductionOfLevel(c: Case): Outcome {
  const { target: t, years } = c;
  const base = latestOfYear(c, years.baseYear);
  if (!base) return noFigure(c, `Chưa có số liệu năm gốc ${years.baseYear} để tính mức giảm`);
  const f = latestBetween(c, c.at, quarterIndex(years.firstYear, 1));
  if (!f) return noFigure(c);
  const from = indexOf(base.period);
  const end = quarterIndex(years.lastYear, 4);
  const spanYears = (end - from) / 4;
  const goal = base.value - t.value * spanYears;
  const share = (indexOf(f.period) - from) / (end - from);
  const { status, required } = onTheWay(f.value, goal, base.value, share, -1, levelReach(goal, t.unit, end - indexOf(f.period)));
  const got = `${periodLabel(f.period)} là ${written(f, t.unit)}; giảm bình quân ${perYear(t.value, t.unit)} mỗi năm từ ${written(base, t.unit)} (${periodLabel(base.period)})`;
  const need = share >= 1 ? ` thì cuối kỳ cần ${say(goal, t.unit)}` : ` thì nay cần ${say(required, t.unit)}`;
  if (status === 'met') return { status, reason: `${got}: đã xuống ${say(goal, t.unit)} của cuối kỳ`, figure: f, required: goal };
  const gap = status === 'on_track' ? '' : `, còn cao hơn ${gapText(f.value - required, t.unit)}`;
  return { status, reason: `${got}${need}${gap}`, figure: f, required };
}

/** The judged years' figures added up (each year's latest) against the term's elapsed share. */
function termTotal(c: Case): Outcome {
  const { target: t, years } = c;
  const atYear = yearOf(periodOf(c.at));
  let asOf: Observation | undefined;
  for (let y = atYear; y >= years.firstYear && !asOf; y--) asOf = latestOfYear(c, y, c.at);
  if (!asOf) return noFigure(c, `Chưa có số liệu từ năm ${years.firstYear}`);
  let sum = 0;
  const partial: string[] = [];
  for (let y = years.firstYear; y <= yearOf(asOf.period); y++) {
    const f = y === yearOf(asOf.period) ? asOf : latestOfYear(c, y);
    if (!f) return noFigure(c, `Thiếu số liệu năm ${y} để cộng dồn cả nhiệm kỳ`);
    if (y < yearOf(asOf.period) && quarterOf(f.period) < 4) partial.push(`năm ${y} mới có số liệu ${periodLabel(f.period)}`);
    sum += f.value;
  }
  const total = (years.lastYear - years.firstYear + 1) * 4;
  const share = (indexOf(asOf.period) - quarterIndex(years.firstYear, 1) + 1) / total;
  const { status, required } = onTheWay(sum, t.value, 0, share, 1, 0);
  const notes = partial.length > 0 ? ` (${partial.join('; ')})` : '';
  const got = `Từ năm ${years.firstYear} đến ${periodLabel(asOf.period)} đạt ${say(sum, t.unit)}${notes}; chỉ tiêu cả nhiệm kỳ ${targetValue(t)}`;
  if (status === 'met' || share >= 1) {
    return { status, reason: status === 'met' ? got : `${got}, còn thiếu ${gapText(t.value - sum, t.unit)}`, figure: asOf, required };
  }
  return { status, reason: `${got}, theo tiến độ cần ${say(required, t.unit)}`, figure: asOf, required };
}

/** An average yearly growth: the figure against the same period of the base year. */
function growth(c: Case): Outcome {
  const { target: t, years, indicator } = c;
  const unit = indicator.unit;
  const f = latestOfYear(c, yearOf(periodOf(c.at)), c.at);
  if (!f) return noFigure(c);
  const q = quarterOf(f.period);
  const basePeriod = formatPeriodId(years.baseYear, q);
  const base = figureAt(c, indexOf(basePeriod));
  if (!base || base.value <= 0) {
    const why = base ? `${periodLabel(basePeriod)} là 0` : `chưa có số liệu ${periodLabel(basePeriod)}`;
    return noFigure(c, `Không tính được tăng trưởng: ${why} (cùng kỳ năm gốc)`);
  }
  const k = yearOf(f.period) - years.baseYear;
  const span = years.lastYear - years.baseYear;
  const v = t.value / 100;
  const ratio = f.value / base.value;
  const average = (Math.pow(ratio, 1 / k) - 1) * 100;
  const required = base.value * Math.pow(1 + v, k);
  const final = k === span && q === 4;
  const since = k === 1 ? `so với ${periodLabel(basePeriod)}` : `so với ${periodLabel(basePeriod)}, bình quân`;
  const got = `${periodLabel(f.period)} đạt ${written(f, unit)}, ${since} ${average >= 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(average), 1)}%/năm; chỉ tiêu tăng bình quân ${targetValue(t)}/năm`;
  if (f.value >= required * (1 - 1e-9)) return { status: final ? 'met' : 'on_track', reason: got, figure: f, required };
  const need = `, cần ${say(required, unit)}`;
  if (final) return { status: 'behind', reason: `${got}${need}`, figure: f, required };
  let reachable: boolean;
  if (k < span) {
    // the remaining years at 1,5 times the target growth
    reachable = f.value * Math.pow(1 + PACE_REACH * v, span - k) >= base.value * Math.pow(1 + v, span);
  } else if (indicator.aggregation === 'ytd') {
    // the last year: its rest at 1,5 times the even pace of the year's required amount
    const year = (required * 4) / q;
    reachable = (year - f.value) / (4 - q) <= (PACE_REACH * year) / 4;
  } else {
    reachable = required - f.value <= levelReach(required, unit, 4 - q);
  }
  return { status: reachable ? 'at_risk' : 'behind', reason: `${got}${need}`, figure: f, required };
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

/** The first day of the unit's present boundaries at the end of the period judged: its formation or its last change. */
function boundaryOf(unit: Pick<Unit, 'validFrom' | 'changes'> | undefined, at: number): string | undefined {
  if (!unit) return undefined;
  const limit = periodEnd(periodOf(at))!;
  const dates = [unit.validFrom, ...(unit.changes ?? []).map((ch) => ch.date)].filter((d): d is string => !!d && d <= limit);
  return dates.length > 0 ? dates.sort().at(-1) : undefined;
}

export interface TargetContext {
  figures: FigureIndex;
  indicators: ReadonlyMap<string, Indicator>;
  /** The resolution's unit (its formation and boundary changes); without it, every figure counts. */
  unit?: Pick<Unit, 'validFrom' | 'changes'>;
}

/** How one target of the resolution stands in the period. */
export function targetStatus(resolution: Resolution, target: ResolutionTarget, period: string, ctx: TargetContext): TargetAssessment {
  const outcome = outcomeOf(resolution, target, period, ctx);
  const base = { targetId: target.id };
  if (outcome.status !== 'no_data') {
    return { ...base, ...outcome, word: TARGET_STATUS_WORDS[outcome.status], by: 'figures' };
  }
  const hand = target.manualStatus;
  if (hand && (!hand.period || hand.period <= period)) {
    return { ...base, status: hand.status, word: TARGET_STATUS_WORDS[hand.status], reason: `Đặt tay: ${hand.note}`, by: 'hand' };
  }
  return { ...base, status: 'no_data', word: TARGET_STATUS_WORDS.no_data, reason: outcome.reason, by: 'none' };
}

function outcomeOf(resolution: Resolution, target: ResolutionTarget, period: string, ctx: TargetContext): Outcome {
  const years = resolutionYears(resolution);
  const p = parsePeriod(period);
  if (!years || !p) return { status: 'no_data', reason: 'Kỳ không hợp lệ' };
  if (p.year < years.firstYear) {
    const from = years.firstYear === years.lastYear ? `năm ${years.firstYear}` : `từ năm ${years.firstYear} (năm ${years.baseYear} là năm gốc)`;
    return { status: 'no_data', reason: `Chưa đến kỳ đánh giá: Nghị quyết được đánh giá ${from}` };
  }
  const indicator = target.indicatorId ? ctx.indicators.get(target.indicatorId) : undefined;
  if (!indicator) return { status: 'no_data', reason: 'Chỉ tiêu chưa gắn với số liệu nào để tính; chưa được đặt trạng thái' };
  const at = Math.min(quarterIndex(p.year, p.quarter), quarterIndex(years.lastYear, 4));
  return judge({ target, indicator, unitId: resolution.unitId, figures: ctx.figures, years, at, boundary: boundaryOf(ctx.unit, at) });
}

/** Every target of the resolution in the period, in the resolution's order. */
export function resolutionStatus(resolution: Resolution, period: string, ctx: TargetContext): TargetAssessment[] {
  return resolution.targets.map((t) => targetStatus(resolution, t, period, ctx));
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
