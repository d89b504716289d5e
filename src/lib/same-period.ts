/**
 * The same period a year earlier (cùng kỳ): a figure of "9 tháng 2024" beside the same unit's
 * figure of "9 tháng 2023", the same cumulative span (periods run from 1 January, so Q3 is paired
 * with Q3). Amounts and counts change in percent ("so với 9 tháng 2023: +12%"), percentages in
 * points ("+1,5 điểm %").
 *
 * Only when both figures exist, of the same unit with the same boundaries over both spans: a
 * unit that absorbed another, or was formed, between 1 January of the earlier year and the end
 * of the later span is not compared, and says so where it has a figure a year earlier. Nor are
 * figures compared across a change of what they count (the poverty standard of 2027), of what a
 * percent is of (the estimate, the plan) or of scope (the year's targets, the term's); targets
 * met of different years' resolutions are never paired.
 */
import type { Indicator, MeasureUnit, Observation, Unit } from '../api/contract';
import { formatPeriodId, parsePeriod, periodEnd } from '../api/periods';
import { formatDate, formatNumber, formatValue } from './format';
import { observationsOf } from './kpi';
import { periodLabel } from './period-names';
import { BASIS_COMPARISONS, MEASURE_NAMES, SCOPE_NOTES } from './vocabulary';

export type SamePeriod =
  | {
      kind: 'compared';
      /** The earlier period: "2023-Q3". */
      period: string;
      previous: Observation;
      /** In points for a percentage, in percent for an amount or a count (absolute when the earlier figure is 0). */
      change: number;
      /** What `change` is in: "điểm %", "%", or the figure's unit ("hộ") when absolute. */
      changeUnit: string;
      /** "+12%", "+1,5 điểm %", "khoảng -25%", "không đổi" (made when first read) */
      readonly words: string;
      /** "so với 9 tháng 2023: +12%" */
      readonly text: string;
    }
  | {
      kind: 'not_compared';
      period: string;
      /** The earlier figure, when there is one (it is not comparable). */
      previous?: Observation;
      /** "Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025" */
      text: string;
    };

/**
 * Changes of what a figure counts: the multidimensional poverty standard of 2022–2025 stays in
 * force through 2026 and a new, higher one applies from 2027, so poor and near-poor households
 * of 2027 on are not compared with earlier years'.
 */
const STANDARD_CHANGES: readonly { indicatorIds: readonly string[]; fromYear: number; reason: string }[] = [
  { indicatorIds: ['poor_households_reduced', 'near_poor_households_reduced'], fromYear: 2027, reason: 'chuẩn nghèo mới áp dụng từ năm 2027' },
];
const standardChangesOf = new Map<string, (typeof STANDARD_CHANGES)[number][]>();
for (const change of STANDARD_CHANGES) {
  for (const id of change.indicatorIds) standardChangesOf.set(id, [...(standardChangesOf.get(id) ?? []), change]);
}

/**
 * What is said of a period, made once each (at most 404 periods, 2000-Q1 to 2100-Q4): the same
 * span a year earlier, its last day, its name. Many figures share a few periods.
 */
interface PeriodFacts {
  previous: string | null;
  year: number;
  /** 1 January of its year. */
  start: string;
  end: string;
  label: string;
}
const periodFacts = new Map<string, PeriodFacts | null>();
function factsOf(period: string): PeriodFacts | null {
  let facts = periodFacts.get(period);
  if (facts === undefined) {
    const p = parsePeriod(period);
    facts = p
      ? {
          previous: p.year > 2000 ? formatPeriodId(p.year - 1, p.quarter) : null,
          year: p.year,
          start: `${p.year}-01-01`,
          end: periodEnd(period)!,
          label: periodLabel(period),
        }
      : null;
    if (p) periodFacts.set(period, facts);
  }
  return facts;
}

/** The same span a year earlier: "2024-Q3" → "2023-Q3"; null before the first plausible year. */
export function previousYearPeriod(period: string): string | null {
  return factsOf(period)?.previous ?? null;
}

/**
 * Why the unit's boundaries differ between 1 January of the earlier year and the end of the later
 * span (a change on that 1 January itself leaves the whole earlier span with the new boundaries).
 */
function boundaryBetween(unit: Pick<Unit, 'name' | 'changes' | 'validFrom'>, earlier: string, later: string): string | null {
  if (!unit.changes?.length && !unit.validFrom) return null;
  const from = factsOf(earlier)?.start ?? '';
  const to = factsOf(later)?.end ?? '';
  // short: the chart's boundary note says what was absorbed
  for (const c of unit.changes ?? []) if (c.date > from && c.date <= to) return `địa giới thay đổi từ ${formatDate(c.date)}`;
  if (unit.validFrom && unit.validFrom > from && unit.validFrom <= to) return `đơn vị thành lập từ ${formatDate(unit.validFrom)}`;
  return null;
}

const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${formatNumber(n, digits)}`;

/** How much the figure changed: in points for a percentage, in percent, or absolute from 0. */
function changeOf(current: Observation, previous: Observation, unit: MeasureUnit): { change: number; changeUnit: string } {
  if (unit === 'percent') return { change: current.value - previous.value, changeUnit: 'điểm %' };
  if (previous.value === 0) return { change: current.value, changeUnit: MEASURE_NAMES[unit] };
  return { change: Math.round(((current.value - previous.value) / previous.value) * 1000) / 10, changeUnit: '%' };
}

/** The change in words: "+12%", "+1,5 điểm %", "+3 hộ", "khoảng -25%", "không đổi". */
function changeWords(current: Observation, previous: Observation, unit: MeasureUnit, change: number): string {
  if (change === 0) return 'không đổi';
  const approx = current.qualifier !== 'exact' || previous.qualifier !== 'exact' ? 'khoảng ' : '';
  if (unit === 'percent') return `${approx}${signed(change, 2)} điểm %`;
  if (previous.value === 0) return `${approx}${change > 0 ? '+' : '-'}${formatValue(Math.abs(change), unit)}`;
  return `${approx}${signed(change, 1)}%`;
}

/** Why two figures a year apart are not compared, or null where they are. */
function whyNotCompared(current: Observation, previous: Observation, indicatorId: string, unit: Pick<Unit, 'name' | 'changes' | 'validFrom'>): string | null {
  const boundary = boundaryBetween(unit, previous.period, current.period);
  if (boundary) return boundary;
  for (const standard of standardChangesOf.get(indicatorId) ?? []) {
    const year = factsOf(current.period)?.year ?? 0;
    if (year >= standard.fromYear && year - 1 < standard.fromYear) return standard.reason;
  }
  if (previous.basis && current.basis && previous.basis !== current.basis) {
    return `năm trước tính ${BASIS_COMPARISONS[previous.basis]}, năm nay ${BASIS_COMPARISONS[current.basis]}`;
  }
  if (previous.scope && current.scope && previous.scope !== current.scope) {
    return `năm trước ${SCOPE_NOTES[previous.scope]}, năm nay ${SCOPE_NOTES[current.scope]}`;
  }
  return null;
}

/**
 * The figure beside the same unit's figure of the same span a year earlier, or null where there
 * is nothing to say (no figure a year earlier, or targets met, which are never paired). The
 * words are made when first read: pairing many units' figures formats none it does not show.
 */
export function samePeriodOf(
  current: Observation,
  indicator: Pick<Indicator, 'id' | 'unit'>,
  unit: Pick<Unit, 'id' | 'name' | 'changes' | 'validFrom'>,
  observations: readonly Observation[],
): SamePeriod | null {
  if (indicator.unit === 'target') return null;
  const period = previousYearPeriod(current.period);
  if (!period) return null;
  // the unit's own figure a year earlier (of the same basis, where it gave several): without it
  // there is no comparison to make or to refuse. Its figures of the indicator are grouped once
  // per array (kpi.ts), a few per year.
  let previous: Observation | undefined;
  for (const o of observationsOf(observations, unit.id, indicator.id)) {
    if (o.period !== period) continue;
    if (o.basis === current.basis) {
      previous = o;
      break;
    }
    previous ??= o;
  }
  if (!previous) return null;
  const label = factsOf(period)!.label;
  const why = whyNotCompared(current, previous, indicator.id, unit);
  if (why) return { kind: 'not_compared', period, previous, text: `Không so với ${label}: ${why}` };
  const { change, changeUnit } = changeOf(current, previous, indicator.unit);
  return new Compared(period, label, current, previous, indicator.unit, change, changeUnit);
}

/** A comparison made: its words made when first read (a class, so its getters are shared, not made per figure). */
class Compared {
  readonly kind = 'compared' as const;
  #words: string | undefined;
  constructor(
    readonly period: string,
    private readonly label: string,
    private readonly current: Observation,
    readonly previous: Observation,
    private readonly unit: MeasureUnit,
    readonly change: number,
    readonly changeUnit: string,
  ) {}
  get words(): string {
    return (this.#words ??= changeWords(this.current, this.previous, this.unit, this.change));
  }
  get text(): string {
    return `so với ${this.label}: ${this.words}`;
  }
}
