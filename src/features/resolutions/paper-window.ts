/**
 * Which units of the ranking of many units' targets go on paper: the top of the ranking, its
 * bottom, and the user's own units wherever they stand, each run left out said in one line
 * ("⋯ 80 xã, phường khác"; units without a resolution "chưa có nghị quyết"). The same rule as
 * the printed and exported charts' (features/export/ranking-window.ts, which a feature may not
 * import); the screen, the CSV and the Excel file list every unit.
 */
import type { Unit } from '../../api/contract';
import { exactNoun } from '../../lib/unit-count';

export interface PaperUnit {
  unitId: string;
  kind?: Unit['kind'];
  /** Ranked units come first, in rank order; those without a rank (no resolution) last. */
  rank?: number;
}

export type PaperLine<T> = { unit: T } | { gap: string; count: number };

/** At most `maxLines` lines (units and gaps) of `units`; every unit when they fit. */
export function paperWindow<T extends PaperUnit>(units: readonly T[], mine: readonly string[], maxLines: number): PaperLine<T>[] {
  if (units.length <= maxLines) return units.map((unit) => ({ unit }));
  const keep = new Set<number>();
  // the user's own units first (at most a third of the lines)
  const marked = new Set(mine);
  units
    .map((u, i) => (marked.has(u.unitId) ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, Math.floor(maxLines / 3))
    .forEach((i) => keep.add(i));
  // then the top and the bottom of the ranked units (the first two from the top, then one from each end in turn) while the lines fit
  const ranked = units.filter((u) => u.rank !== undefined).length;
  const order: number[] = [];
  for (let h = 0, t = ranked - 1; h <= t; ) {
    order.push(h++);
    if (order.length > 1 && h <= t) order.push(t--);
  }
  for (const i of order) {
    if (keep.has(i)) continue;
    keep.add(i);
    if (linesOf(units, keep).length > maxLines) {
      keep.delete(i);
      break;
    }
  }
  return linesOf(units, keep);
}

function linesOf<T extends PaperUnit>(units: readonly T[], keep: ReadonlySet<number>): PaperLine<T>[] {
  const lines: PaperLine<T>[] = [];
  let run: T[] = [];
  const flush = () => {
    if (!run.length) return;
    const noun = exactNoun(run.map((u) => ({ kind: u.kind ?? 'xa' })));
    const what = run.every((u) => u.rank === undefined) ? 'chưa có nghị quyết' : 'khác';
    lines.push({ gap: `⋯ ${run.length} ${noun} ${what}`, count: run.length });
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
