/**
 * A figure's status against its benchmark, in words (STATUS_WORDS: Đạt, Đúng tiến độ, Có nguy
 * cơ không đạt, Chưa đạt, Chưa có mục tiêu) with one plain sentence of why. The tiles, the table,
 * the CSV, the exports and the at-risk summary all ask here.
 *
 * A benchmark is one of a few kinds, each with its rule (RULES). Today:
 * - `even_pace`: a year-to-date percent of an annual amount (the budget collected against the
 *   year's estimate, indicators with `evenPace`) against the even pace q/4: 25%, 50%, 75%, 100%.
 * - `year_target`: a figure against the year's target of its indicator (`targets`: the
 *   province's BHYT coverage targets, Decision 1269/QĐ-UBND).
 * - `missing_target`: the indicator has yearly targets, but none for this year (BHYT 2026):
 *   unknown, never zero.
 * A resolution's targets (level by the end of the term, yearly minimum, growth, term total,
 * ceiling, reduction, the year's plan) add a kind to `Benchmark`, its rule (judge, explain) to
 * RULES and where `benchmarkOf` finds it; the words, the summary and the exports read only
 * `Assessment`.
 *
 * The value is taken as written: "trên 50,17%" is judged as 50,17 (the sentence keeps "trên").
 */
import type { Basis, Indicator, Observation } from '../api/contract';
import { evenPacePercent, parsePeriod, type Quarter } from '../api/periods';
import { formatNumber, formatValue } from './format';
import { BENCHMARK_WORDS, QUALIFIER_WORDS, QUARTER_NAMES, STATUS_WORDS, type StatusKind } from './vocabulary';

export type { StatusKind } from './vocabulary';

/** What a figure is measured against. */
export type Benchmark =
  | { kind: 'even_pace'; year: number; quarter: Quarter; /** q × 25, in percent of the year's amount */ required: number }
  | { kind: 'year_target'; year: number; quarter: Quarter; value: number; source: string }
  | { kind: 'missing_target'; year: number; quarter: Quarter; /** The latest earlier year's target, to say beside it. */ latest?: { year: number; value: number } };

/** The part of a figure a status reads. */
export type AssessedFigure = Pick<Observation, 'value' | 'period' | 'qualifier'> & Partial<Pick<Observation, 'basis'>>;

export interface Assessment {
  status: StatusKind;
  /** STATUS_WORDS[status] */
  word: string;
  /** One plain sentence: "Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%" (made when first read). */
  readonly reason: string;
  benchmark: Benchmark;
}

/**
 * Below the even pace, "within reach" (Có nguy cơ không đạt) means the rest of the year needs on
 * average at most 1.5 times the even pace per remaining quarter, i.e. at most 37,5% of the year's
 * amount per quarter: after Quý I every figure is still within reach (100% in three quarters is
 * 33,3% a quarter); after 6 tháng from 25% on; after 9 tháng from 62,5% on. Further behind is
 * "Chưa đạt". At the year's end (Cả năm) there is no rest of the year: 100% or more is Đạt,
 * less is Chưa đạt. 100% or more before the end is Đạt (the year's amount is already collected).
 */
export const PACE_REACH = 1.5;

/**
 * A level against the year's target (coverage): below it, "within reach" means a gap of at most
 * 0,5 percentage points per quarter left in the year (1,5 after Quý I, 1 after 6 tháng, 0,5 after
 * 9 tháng); coverage moves slowly (the province's own targets rise about 1 point a year, 92% in
 * 2022 to 95% in 2025), so a larger gap is "Chưa đạt". At the year's end any gap is Chưa đạt.
 * For a level in other units, the same share of the target (0,5% of it per remaining quarter).
 */
export const LEVEL_REACH_PER_QUARTER = 0.5;

/** Periods parsed once each (at most 404 of them, 2000-Q1 to 2100-Q4): many figures share a few. */
const parsedPeriods = new Map<string, ReturnType<typeof parsePeriod>>();
function partsOf(period: string) {
  let p = parsedPeriods.get(period);
  if (p === undefined) {
    p = parsePeriod(period);
    if (p) parsedPeriods.set(period, p);
  }
  return p;
}

/** The benchmark of an indicator's figure of a period, or null where it has none. */
export function benchmarkOf(indicator: Pick<Indicator, 'targets' | 'evenPace'>, period: string): Benchmark | null {
  if (!indicator.targets && !indicator.evenPace) return null;
  const p = partsOf(period);
  if (!p) return null;
  const target = indicator.targets?.find((t) => t.year === p.year);
  if (target) return { kind: 'year_target', year: p.year, quarter: p.quarter, value: target.value, source: target.source };
  if (indicator.evenPace) return { kind: 'even_pace', year: p.year, quarter: p.quarter, required: evenPacePercent(period)! };
  if (indicator.targets?.length) {
    const earlier = indicator.targets.filter((t) => t.year < p.year).sort((a, b) => b.year - a.year)[0];
    return { kind: 'missing_target', year: p.year, quarter: p.quarter, ...(earlier ? { latest: { year: earlier.year, value: earlier.value } } : {}) };
  }
  return null;
}

/** The benchmark's value drawn on a chart (none for a missing target). */
export function benchmarkValue(b: Benchmark): number | null {
  return b.kind === 'even_pace' ? b.required : b.kind === 'year_target' ? b.value : null;
}

/** "Mức cần đạt theo tiến độ: 75% sau 9 tháng", "Mục tiêu năm 2024: 94%"; none for a missing target. */
export function benchmarkLabel(b: Benchmark): string | null {
  if (b.kind === 'even_pace') {
    const when = b.quarter === 4 ? 'cả năm' : `sau ${b.quarter === 1 ? 'quý I' : QUARTER_NAMES[b.quarter]}`;
    return `${BENCHMARK_WORDS.pace}: ${formatNumber(b.required)}% ${when}`;
  }
  if (b.kind === 'year_target') return `Mục tiêu năm ${b.year}: ${formatNumber(b.value)}%`;
  return null;
}

/**
 * The status of a figure of this indicator, or null where it has no benchmark. The sentence is
 * made when it is first read: counting the statuses of many units (the summary) formats none.
 */
export function assess(indicator: Indicator, figure: AssessedFigure): Assessment | null {
  const benchmark = benchmarkOf(indicator, figure.period);
  if (!benchmark) return null;
  const rule = RULES[benchmark.kind] as Rule<Benchmark['kind']>;
  return new Assessed(rule, figure, benchmark, indicator, rule.judge(figure, benchmark, indicator));
}

/** An assessment: its sentence made when first read (a class, so its getter is shared, not made per figure). */
class Assessed implements Assessment {
  readonly word: string;
  #reason: string | undefined;
  constructor(
    private readonly rule: Rule<Benchmark['kind']>,
    private readonly figure: AssessedFigure,
    readonly benchmark: Benchmark,
    private readonly indicator: Indicator,
    readonly status: StatusKind,
  ) {
    this.word = STATUS_WORDS[status];
  }
  get reason(): string {
    return (this.#reason ??= this.rule.explain(this.figure, this.benchmark, this.indicator, this.status));
  }
}

/** A kind of benchmark: how a figure is judged against it, and the sentence that says why. */
interface Rule<K extends Benchmark['kind']> {
  judge: (figure: AssessedFigure, benchmark: Extract<Benchmark, { kind: K }>, indicator: Indicator) => StatusKind;
  explain: (figure: AssessedFigure, benchmark: Extract<Benchmark, { kind: K }>, indicator: Indicator, status: StatusKind) => string;
}

/** What a budget percent is of, in the sentence ("dự toán năm"); unknown: the year's amount as assigned. */
const BASIS_OF: Record<Basis, string> = { estimate: 'dự toán năm', plan: 'kế hoạch năm', resolution: 'chỉ tiêu Nghị quyết năm' };

const percent = (v: number) => `${formatNumber(v)}%`;
const written = (f: AssessedFigure, text: string) => (QUALIFIER_WORDS[f.qualifier] ? `${QUALIFIER_WORDS[f.qualifier]} ${text}` : text);

const evenPace: Rule<'even_pace'> = {
  judge: (f, b) => {
    if (f.value >= 100) return 'met';
    if (b.quarter === 4) return 'behind';
    if (f.value >= b.required) return 'on_track';
    return (100 - f.value) / (4 - b.quarter) <= 25 * PACE_REACH ? 'at_risk' : 'behind';
  },
  explain: (f, b, _indicator, status) => {
    const got = `${QUARTER_NAMES[b.quarter]} đạt ${written(f, percent(f.value))} ${f.basis ? BASIS_OF[f.basis] : 'mức giao cả năm'}`;
    if (status === 'met') return b.quarter === 4 ? got : `${got}, đã đủ mức cả năm`;
    if (b.quarter === 4) return `${got}; cả năm cần 100%`;
    const pace = `theo tiến độ cần ${percent(b.required)}`;
    if (status === 'on_track') return `${got}; ${pace}`;
    const left = 4 - b.quarter;
    const perQuarter = percent((100 - f.value) / left);
    return `${got}; ${pace}, ${left === 1 ? `quý IV cần ${perQuarter}` : `${left} quý còn lại cần bình quân ${perQuarter} mỗi quý`}`;
  },
};

const yearTarget: Rule<'year_target'> = {
  judge: (f, b, indicator) => {
    if (indicator.higherIsBetter ? f.value >= b.value : f.value <= b.value) return 'met';
    const left = 4 - b.quarter;
    const reach = indicator.unit === 'percent' ? left * LEVEL_REACH_PER_QUARTER : (left * LEVEL_REACH_PER_QUARTER * Math.abs(b.value)) / 100;
    return left > 0 && Math.abs(b.value - f.value) <= reach ? 'at_risk' : 'behind';
  },
  explain: (f, b, indicator, status) => {
    const say = (v: number) => formatValue(v, indicator.unit);
    const got = `${QUARTER_NAMES[b.quarter]} đạt ${written(f, say(f.value))}; mục tiêu năm ${b.year} là ${say(b.value)}`;
    if (status === 'met') return got;
    const gap = Math.abs(b.value - f.value);
    const gapText = indicator.unit === 'percent' ? `${formatNumber(gap)} điểm %` : say(gap);
    return `${got}, ${indicator.higherIsBetter ? 'còn thiếu' : 'còn vượt'} ${gapText}`;
  },
};

const missingTarget: Rule<'missing_target'> = {
  judge: () => 'no_target',
  explain: (_f, b, indicator) => {
    const latest = b.latest ? `; mục tiêu năm ${b.latest.year} là ${formatValue(b.latest.value, indicator.unit)}` : '';
    return `Không tìm thấy mục tiêu năm ${b.year}${latest}`;
  },
};

const RULES: { [K in Benchmark['kind']]: Rule<K> } = {
  even_pace: evenPace,
  year_target: yearTarget,
  missing_target: missingTarget,
};

/** The order in which statuses are listed, what is at risk first. */
export const STATUS_ORDER: readonly StatusKind[] = ['behind', 'at_risk', 'on_track', 'met', 'no_target'];

/** The worst of several statuses (a unit's, over its figures), in STATUS_ORDER; null for none. */
export function worstStatus(statuses: Iterable<StatusKind>): StatusKind | null {
  let worst: StatusKind | null = null;
  for (const s of statuses) if (worst === null || STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(worst)) worst = s;
  return worst;
}

/** The colour a status is drawn in, beside its word: met or on track, at risk or behind, none. */
export function statusTone(status: StatusKind | undefined): 'met' | 'behind' | undefined {
  if (status === 'met' || status === 'on_track') return 'met';
  if (status === 'at_risk' || status === 'behind') return 'behind';
  return undefined;
}
