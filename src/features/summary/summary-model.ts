/**
 * What is at risk, first: the status (lib/status.ts) of every headline figure that has a
 * benchmark, for the units shown and the period, counted in one line. A few units: the figures
 * counted ("2 chỉ tiêu có nguy cơ không đạt, 5 đạt hoặc đúng tiến độ"), those at risk or behind
 * listed, each with the anchor of its tile. Many units compared: per family, how many units are
 * behind, at risk, met or on track, without a target, without a figure. The figures are the
 * panels' own (the same queries), read the way the tiles read them (pickHeadline).
 */
import type { Family, Indicator, Observation, Unit } from '../../api/contract';
import { pickHeadline } from '../../lib/kpi';
import { tileAnchor } from '../../lib/panel-export';
import { assess, benchmarkOf, worstStatus, type StatusKind } from '../../lib/status';
import { communesNoun } from '../../lib/unit-count';
import { STATUS_COUNT_WORDS } from '../../lib/vocabulary';

/** A family as the summary reads it (kpi-panel's FamilyConfig has these). */
export interface SummaryFamily {
  family: Family;
  /** The panel's `data-panel` ("thu-ngan-sach"). */
  slug: string;
  title: string;
  headline: readonly string[];
}

/** The statuses counted together: met and on track are one count. */
export type CountKey = 'behind' | 'at_risk' | 'ok' | 'no_target';
export const COUNT_ORDER: readonly CountKey[] = ['behind', 'at_risk', 'ok', 'no_target'];
export const countKeyOf = (s: StatusKind): CountKey => (s === 'met' || s === 'on_track' ? 'ok' : s);

/** One figure with a benchmark. */
export interface SummaryItem {
  status: StatusKind;
  /** The id of its tile. */
  anchor: string;
  indicator: string;
  unitName: string;
  reason: string;
}

/** One family among many units: how many units are in each state (a unit counts by its worst figure). */
export interface FamilyCount {
  family: Family;
  slug: string;
  title: string;
  /** The family's first tile of a benchmarked figure (the highest of the units). */
  anchor: string;
  counts: Record<CountKey, number>;
  /** Units with no figure of the benchmarked indicators up to the period. */
  none: number;
  total: number;
  /** "xã, phường" */
  noun: string;
}

export type Summary =
  | { mode: 'figures'; items: SummaryItem[]; counts: Record<CountKey, number> }
  | { mode: 'units'; families: FamilyCount[] };

export interface SummaryInput {
  families: readonly SummaryFamily[];
  /** The units shown (a province or district chosen: its communes), in order. */
  units: readonly Unit[];
  period: string;
  /** Each family's figures, as its panel has them. */
  observations: ReadonlyMap<Family, readonly Observation[]>;
  indicators: readonly Indicator[];
  /** Many units compared (kpi-panel's compare.ts): counted by unit per family. */
  byUnit: boolean;
}

const zero = (): Record<CountKey, number> => ({ behind: 0, at_risk: 0, ok: 0, no_target: 0 });

/** Each family's headline indicators that have a benchmark in the period. */
function benchmarked(input: SummaryInput): { family: SummaryFamily; indicators: Indicator[] }[] {
  const byId = new Map(input.indicators.map((i) => [i.id, i]));
  return input.families
    .map((family) => ({
      family,
      indicators: family.headline.map((id) => byId.get(id)).filter((i): i is Indicator => Boolean(i && benchmarkOf(i, input.period))),
    }))
    .filter((f) => f.indicators.length > 0);
}

export function buildSummary(input: SummaryInput): Summary {
  const { units, period, byUnit } = input;
  const groups = benchmarked(input);
  if (byUnit) {
    const noun = communesNoun(units);
    const families = groups.map(({ family, indicators }): FamilyCount => {
      const observations = input.observations.get(family.family) ?? [];
      const counts = zero();
      let none = 0;
      for (const unit of units) {
        const statuses: StatusKind[] = [];
        for (const indicator of indicators) {
          const h = pickHeadline(observations, unit, indicator.id, period);
          const assessed = h && assess(indicator, h.observation);
          if (assessed) statuses.push(assessed.status);
        }
        const worst = worstStatus(statuses);
        if (worst) counts[countKeyOf(worst)]++;
        else none++;
      }
      return { family: family.family, slug: family.slug, title: family.title, anchor: tileAnchor(undefined, indicators[0]!.id), counts, none, total: units.length, noun };
    });
    return { mode: 'units', families };
  }
  const items: SummaryItem[] = [];
  for (const { family, indicators } of groups) {
    const observations = input.observations.get(family.family) ?? [];
    for (const unit of units) {
      for (const indicator of indicators) {
        const h = pickHeadline(observations, unit, indicator.id, period);
        const assessed = h && assess(indicator, h.observation);
        if (!assessed) continue;
        items.push({ status: assessed.status, anchor: tileAnchor(unit.id, indicator.id), indicator: indicator.name, unitName: unit.name, reason: assessed.reason });
      }
    }
  }
  const counts = zero();
  for (const item of items) counts[countKeyOf(item.status)]++;
  // what is at risk first; otherwise in page order (family, unit, indicator)
  const rank = (s: StatusKind) => COUNT_ORDER.indexOf(countKeyOf(s));
  items.sort((a, b) => rank(a.status) - rank(b.status));
  return { mode: 'figures', items, counts };
}

/** One count of the line, and the tile it leads to (the first figure it counts). */
export interface LinePart {
  key: CountKey | 'none';
  text: string;
  anchor?: string;
}

/** "1 chỉ tiêu chưa đạt", "2 có nguy cơ không đạt", "5 đạt hoặc đúng tiến độ": the counts that are not zero, at risk first. */
export function figureParts(summary: Extract<Summary, { mode: 'figures' }>): LinePart[] {
  const parts: LinePart[] = [];
  for (const key of COUNT_ORDER) {
    const n = summary.counts[key];
    if (n === 0) continue;
    const anchor = summary.items.find((i) => countKeyOf(i.status) === key)?.anchor;
    parts.push({ key, text: `${n}${parts.length === 0 ? ' chỉ tiêu' : ''} ${STATUS_COUNT_WORDS[key]}`, ...(anchor ? { anchor } : {}) });
  }
  return parts;
}

/** "12/102 xã, phường có nguy cơ không đạt", "3 chưa đạt", …, "7 chưa có số liệu": the counts that are not zero. */
export function familyParts(f: FamilyCount): LinePart[] {
  const parts: LinePart[] = [];
  const say = (n: number, words: string) => (parts.length === 0 ? `${n}/${f.total} ${f.noun} ${words}` : `${n} ${words}`);
  for (const key of COUNT_ORDER) if (f.counts[key] > 0) parts.push({ key, text: say(f.counts[key], STATUS_COUNT_WORDS[key]) });
  if (f.none > 0) parts.push({ key: 'none', text: say(f.none, 'chưa có số liệu') });
  return parts;
}
