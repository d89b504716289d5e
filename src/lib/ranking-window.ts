/**
 * Which units of a long ranking are kept where room is short (an exported image, a printed
 * page): the top of the list, its bottom (the last units ranked), and the user's own units
 * wherever they stand, with a line for each run of units left out ("⋯ 80 xã, phường khác";
 * units without a rank "⋯ 6 xã chưa có số liệu"). The screen, the CSV and the Excel files list them all.
 */

/** A unit of a ranking: ranked units first, in rank order; those without a rank last. */
export interface RankedUnit {
  unitId?: string | number | null;
  rank?: string | number | null;
}

export type RankingLine<T> = { unit: T } | { gap: string; count: number };

/** How the runs left out are said. */
export interface GapWords<T> {
  /** The noun for the units of a run ("xã, phường"). */
  noun: (run: readonly T[]) => string;
  /** What a run of units without a rank lacks ("chưa có số liệu"). */
  unranked: string;
}

const isRanked = (u: RankedUnit) => typeof u.rank === 'number';

/** The noun for units by their names' kind words, the more numerous first ("xã, phường"). */
export function unitsNoun(labels: readonly string[]): string {
  const wards = labels.filter((l) => /^phường\s/i.test(l)).length;
  const communes = labels.filter((l) => /^(xã|đặc khu|thị trấn)\s/i.test(l)).length;
  if (wards === labels.length && wards > 0) return 'phường';
  if (communes === labels.length && communes > 0) return 'xã';
  return wards * 2 >= labels.length ? 'phường, xã' : 'xã, phường';
}

/** At most `maxLines` lines (units and gaps) of `units`; every unit when they fit. */
export function rankingWindow<T extends RankedUnit>(units: readonly T[], mine: readonly string[], maxLines: number, words: GapWords<T>): RankingLine<T>[] {
  if (units.length <= maxLines) return units.map((unit) => ({ unit }));
  const marked = new Set(mine);
  const keep = new Set<number>();
  // the user's own units first (at most a third of the lines)
  units
    .map((u, i) => (marked.has(String(u.unitId)) ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, Math.floor(maxLines / 3))
    .forEach((i) => keep.add(i));
  // then the top and the bottom of the ranked units (the first two from the top, then one from each end in turn) while the lines (gaps included) fit
  const ranked = units.filter(isRanked).length;
  const order: number[] = [];
  for (let h = 0, t = ranked - 1; h <= t; ) {
    order.push(h++);
    if (order.length > 1 && h <= t) order.push(t--);
  }
  for (const i of order) {
    if (keep.has(i)) continue;
    keep.add(i);
    if (linesOf(units, keep, words).length > maxLines) {
      keep.delete(i);
      break;
    }
  }
  return linesOf(units, keep, words);
}

function linesOf<T extends RankedUnit>(units: readonly T[], keep: ReadonlySet<number>, words: GapWords<T>): RankingLine<T>[] {
  const lines: RankingLine<T>[] = [];
  let run: T[] = [];
  const flush = () => {
    if (!run.length) return;
    const what = run.every((u) => !isRanked(u)) ? words.unranked : 'khác';
    lines.push({ gap: `⋯ ${run.length} ${words.noun(run)} ${what}`, count: run.length });
    run = [];
  };
  units.forEach((unit, i) => {
    if (keep.has(i)) {
      flush();
      lines.push({ unit });
    } else {
      run.push(unit);
    }
  });
  flush();
  return lines;
}
