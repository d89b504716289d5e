/**
 * Where a legend's entries go under a chart: centred rows of entries (a swatch, then the label)
 * that fit the chart's width; an entry wider than the whole width has a row of its own, its
 * label wrapped onto as many lines as it needs (never cut). The image, the slide and the
 * printed page draw their legends from this, each at its own size.
 */
import type { LegendItem } from '../../lib/panel-export';
import type { MeasureText } from '../../components/charts/text-width';
import { wrapText } from './measure-text';

export interface LegendStyle {
  size: number;
  /** The swatch's size, and the space after it. */
  box: number;
  boxGap: number;
  /** Between entries of a row. */
  gap: number;
  lineHeight: number;
}

export interface PlacedEntry {
  item: LegendItem;
  /** The swatch's left edge, and the middle of its first line. */
  x: number;
  mid: number;
  /** The label, one string per line (the label with spaces between them). */
  lines: string[];
}

export function layoutLegend(
  items: readonly LegendItem[],
  { x0, width, y0 }: { x0: number; width: number; y0: number },
  style: LegendStyle,
  measure: MeasureText,
): { entries: PlacedEntry[]; height: number } {
  const room = width - style.box - style.boxGap;
  const sized = items.map((item) => {
    const w = style.box + style.boxGap + measure(item.label, style.size, 400);
    return { item, w: Math.min(w, width), lines: w > width ? wrapText(item.label, room, style.size, 400, measure) : [item.label] };
  });
  const rows: (typeof sized)[] = [];
  let row: typeof sized = [];
  let rowW = 0;
  for (const it of sized) {
    if (row.length && (rowW + style.gap + it.w > width || it.lines.length > 1)) {
      rows.push(row);
      row = [];
      rowW = 0;
    }
    rowW += (row.length ? style.gap : 0) + it.w;
    row.push(it);
  }
  if (row.length) rows.push(row);

  const entries: PlacedEntry[] = [];
  let y = y0;
  for (const r of rows) {
    const total = r.reduce((w, it) => w + it.w, 0) + style.gap * (r.length - 1);
    let x = x0 + Math.max(0, (width - total) / 2);
    const lines = Math.max(...r.map((it) => it.lines.length));
    for (const it of r) {
      entries.push({ item: it.item, x, mid: y + style.lineHeight / 2, lines: it.lines });
      x += it.w + style.gap;
    }
    y += lines * style.lineHeight;
  }
  return { entries, height: y - y0 };
}
