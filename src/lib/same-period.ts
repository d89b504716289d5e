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
      /** "+12%", "+1,5 điểm %", "khoảng -25%", "không đổi" */
      words: string;
      /** "so với 9 tháng 2023: +12%" */
      text: string;
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

/**
 * What is said of a period, made once each (at most 404 periods, 2000-Q1 to 2100-Q4): the same
 * span a year earlier, its last day, its name. Many figures share a few periods.
 */
interface PeriodFacts {
  previous: string | null;
  end: string;
  label: string;
}
const periodFacts = new Map<string, PeriodFacts | null>();
function factsOf(period: string): PeriodFacts | null {
  let facts = periodFacts.get(period);
  if (facts === undefined) {
    const p = parsePeriod(period);
    facts = p ? { previous: p.year > 2000 ? formatPeriodId(p.year - 1, p.quarter) : null, end: periodEnd(period)!, label: periodLabel(period) } : null;
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
  const from = `${earlier.slice(0, 4)}-01-01`;
  const to = factsOf(later)?.end ?? '';
  // short: the chart's boundary note says what was absorbed
  const change = unit.changes?.find((c) => c.date > from && c.date <= to);
  if (change) return `địa giới thay đổi từ ${formatDate(change.date)}`;
  if (unit.validFrom && unit.validFrom > from && unit.validFrom <= to) return `đơn vị thành lập từ ${formatDate(unit.validFrom)}`;
  return null;
}

const signed = (n: number, digits: number) => `${n > 0 ? '+' : ''}${formatNumber(n, digits)}`;

/** How much the figure changed, in the words of its kind. */
function changeOf(current: Observation, previous: Observation, unit: MeasureUnit): { change: number; changeUnit: string; words: string } {
  const approx = current.qualifier !== 'exact' || previous.qualifier !== 'exact' ? 'khoảng ' : '';
  if (unit === 'percent') {
    const points = current.value - previous.value;
    return { change: points, changeUnit: 'điểm %', words: points === 0 ? 'không đổi' : `${approx}${signed(points, 2)} điểm %` };
  }
  if (previous.value === 0) {
    const diff = current.value - previous.value;
    const words = diff === 0 ? 'không đổi' : `${approx}${diff > 0 ? '+' : '-'}${formatValue(Math.abs(diff), unit)}`;
    return { change: diff, changeUnit: MEASURE_NAMES[unit], words };
  }
  const pct = ((current.value - previous.value) / previous.value) * 100;
  const rounded = Math.round(pct * 10) / 10;
  return { change: rounded, changeUnit: '%', words: rounded === 0 ? 'không đổi' : `${approx}${signed(rounded, 1)}%` };
}

/**
 * The figure beside the same unit's figure of the same span a year earlier, or null where there
 * is nothing to say (no figure a year earlier, or targets met, which are never paired).
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
  const notCompared = (why: string): SamePeriod => ({ kind: 'not_compared', period, previous, text: `Không so với ${label}: ${why}` });
  const boundary = boundaryBetween(unit, period, current.period);
  if (boundary) return notCompared(boundary);
  const year = Number(current.period.slice(0, 4));
  const standard = STANDARD_CHANGES.find((s) => s.indicatorIds.includes(indicator.id) && year >= s.fromYear && year - 1 < s.fromYear);
  if (standard) return notCompared(standard.reason);
  if (previous.basis && current.basis && previous.basis !== current.basis) {
    return notCompared(`năm trước tính ${BASIS_COMPARISONS[previous.basis]}, năm nay ${BASIS_COMPARISONS[current.basis]}`);
  }
  if (previous.scope && current.scope && previous.scope !== current.scope) {
    return notCompared(`năm trước ${SCOPE_NOTES[previous.scope]}, năm nay ${SCOPE_NOTES[current.scope]}`);
  }
  const { change, changeUnit, words } = changeOf(current, previous, indicator.unit);
  return { kind: 'compared', period, previous, change, changeUnit, words, text: `so với ${label}: ${words}` };
}
