/**
 * Which units of a long ranking an image shows: the top of the list, its bottom (the last
 * units ranked), and the user's own units wherever they stand, with a line for each run of
 * units left out ("⋯ 80 xã, phường khác"; units with no figure "chưa có số liệu") — so an
 * image of the province's 102 communes stays a readable size. The CSV and Excel files list them all.
 */
import type { ChartRow } from './chart-data';

export type WindowItem = { row: ChartRow } | { gap: string; count: number };

/** The noun for units by their names' kind words, the more numerous first ("xã, phường"). */
export function unitsNoun(labels: readonly string[]): string {
  const wards = labels.filter((l) => /^phường\s/i.test(l)).length;
  const communes = labels.filter((l) => /^(xã|đặc khu|thị trấn)\s/i.test(l)).length;
  if (wards === labels.length && wards > 0) return 'phường';
  if (communes === labels.length && communes > 0) return 'xã';
  return wards * 2 >= labels.length ? 'phường, xã' : 'xã, phường';
}

const isRanked = (r: ChartRow) => typeof r.rank === 'number';

/**
 * At most `maxItems` lines (rows and gaps) of `rows` (in rank order, the units with no figure
 * last); every row when they fit.
 */
export function rankingWindow(rows: readonly ChartRow[], mine: readonly string[], maxItems: number): WindowItem[] {
  if (rows.length <= maxItems) return rows.map((row) => ({ row }));
  const marked = new Set(mine);
  const keep = new Set<number>();
  const rankedCount = rows.filter(isRanked).length;
  // the user's own units first (at most a third of the lines), then the top and the bottom of the ranked list
  const mineIdx = rows.map((r, i) => (marked.has(String(r.unitId)) ? i : -1)).filter((i) => i >= 0).slice(0, Math.floor(maxItems / 3));
  for (const i of mineIdx) keep.add(i);
  // then the top and the bottom of the ranked list (the first two from the top, then one from each end in turn) while the lines (gaps included) fit
  const order: number[] = [];
  for (let h = 0, t = rankedCount - 1; h <= t; ) {
    order.push(h++);
    if (order.length > 1 && h <= t) order.push(t--);
  }
  for (const i of order) {
    if (keep.has(i)) continue;
    keep.add(i);
    if (itemsOf(rows, keep).length > maxItems) {
      keep.delete(i);
      break;
    }
  }
  return itemsOf(rows, keep);
}

function itemsOf(rows: readonly ChartRow[], keep: ReadonlySet<number>): WindowItem[] {
  const items: WindowItem[] = [];
  let run: ChartRow[] = [];
  const flush = () => {
    if (!run.length) return;
    const noun = unitsNoun(run.map((r) => String(r.label ?? '')));
    const gap = run.every((r) => !isRanked(r)) ? `⋯ ${run.length} ${noun} chưa có số liệu` : `⋯ ${run.length} ${noun} khác`;
    items.push({ gap, count: run.length });
    run = [];
  };
  rows.forEach((row, i) => {
    if (keep.has(i)) {
      flush();
      items.push({ row });
    } else {
      run.push(row);
    }
  });
  flush();
  return items;
}
