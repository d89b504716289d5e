/**
 * Ranking many units by one figure: best first in the indicator's direction, dense ranks for
 * ties (1, 2, 2, 3), and how many of them are on track against the period's benchmark.
 * Only a figure of the chosen period itself is ranked: an earlier one of the same year (a
 * 9-month figure in a whole-year ranking) is shown, after the ranked ones and unranked, and
 * units without a figure come last.
 */

export interface RankEntry {
  unitId: string;
  name: string;
  /** The figure shown (the period's own, or an earlier one of the same year); null: none. */
  value: number | null;
  /** The period that figure is from. */
  period: string | null;
}

export interface Ranked<T extends RankEntry> {
  entry: T;
  /** 1 for the best; ties share a rank; null: not ranked (no figure of the period). */
  rank: number | null;
}

const collator = new Intl.Collator('vi');

/** The entries in rank order, with their dense ranks. */
export function rankEntries<T extends RankEntry>(entries: readonly T[], period: string, higherIsBetter: boolean): Ranked<T>[] {
  const better = (a: number, b: number) => (higherIsBetter ? b - a : a - b);
  const own = (e: T) => e.value !== null && e.period === period;
  const ranked = entries.filter(own).sort((a, b) => better(a.value!, b.value!) || collator.compare(a.name, b.name));
  const earlier = entries.filter((e) => e.value !== null && !own(e)).sort((a, b) => better(a.value!, b.value!) || collator.compare(a.name, b.name));
  const none = entries.filter((e) => e.value === null).sort((a, b) => collator.compare(a.name, b.name));
  let rank = 0;
  let last: number | null = null;
  const out: Ranked<T>[] = ranked.map((entry) => {
    if (entry.value !== last) {
      rank += 1;
      last = entry.value;
    }
    return { entry, rank };
  });
  for (const entry of [...earlier, ...none]) out.push({ entry, rank: null });
  return out;
}

export interface OnTrack {
  /** Units whose figure of the period meets its benchmark. */
  met: number;
  /** Every unit compared. */
  total: number;
  /** What the benchmark is: "tiến độ" (the even pace), "mục tiêu" (the year's target). */
  word: 'tiến độ' | 'mục tiêu';
}

/**
 * How many units meet the period's benchmark (a budget percent the even pace q/4, coverage the
 * province's target for the year), counting only figures of the period itself.
 */
export function countOnTrack(
  entries: readonly RankEntry[],
  period: string,
  benchmark: { value: number; isTarget: boolean },
  higherIsBetter: boolean,
): OnTrack {
  const meets = (v: number) => (higherIsBetter ? v >= benchmark.value : v <= benchmark.value);
  const met = entries.filter((e) => e.value !== null && e.period === period && meets(e.value)).length;
  return { met, total: entries.length, word: benchmark.isTarget ? 'mục tiêu' : 'tiến độ' };
}
