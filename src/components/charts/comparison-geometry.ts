/**
 * Geometry of the comparison chart (one horizontal bar per unit, in rank order): pure
 * arithmetic, so the component only maps it to SVG elements. Sizes are in CSS pixels of the
 * drawn svg. Each unit's full name is drawn on the left, wrapped onto more lines where the
 * column is too narrow, never cut; its rank before it, its value after its bar.
 */
import { niceTicks } from './axis-ticks';
import { textWidth } from './text-width';

export interface ComparisonRowInput {
  /** What identifies the row across redraws (the unit's id); the label by default. */
  key?: string;
  /** The unit's full name. */
  label: string;
  /** One value per series (null: no figure, drawn as a gap, not a zero). */
  values: (number | null)[];
  /** The period's benchmark for this unit (target or even pace), if any. */
  benchmark: number | null;
  /** Its rank (null: not ranked); undefined when the chart is not a ranking. */
  rank?: number | null;
  /** A unit the user marked as theirs: its band is highlighted and its name bold. */
  mine?: boolean;
  /** Written after the bar (the first series' value, as the chart formats it). */
  valueLabel?: string | null;
}

export interface ComparisonGeometryInput {
  width: number;
  rows: ComparisonRowInput[];
  seriesCount: number;
  formatAxis: (value: number) => string;
  /** The value axis's unit ("Đơn vị: %"), written under its ticks at its right end. */
  axisLabel?: string;
}

export interface ComparisonBar {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ComparisonRow {
  key: string;
  /** The name as drawn, one string per line; joined with spaces they give `fullLabel`. */
  lines: string[];
  fullLabel: string;
  /** "1", "2", "2", "3"…; "–" for a unit not ranked; null when the chart is not a ranking. */
  rankLabel: string | null;
  mine: boolean;
  /** The row's band. */
  top: number;
  height: number;
  /** Middle of the row's band. */
  cy: number;
  bars: ComparisonBar[];
  /** The value written after the bar. */
  value: { x: number; text: string } | null;
  /** No figure in any series: "chưa có số liệu" is written where the bar would be. */
  empty: boolean;
}

export interface ComparisonGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  /** Where the names start (after the rank column). */
  labelX: number;
  rankX: number;
  ticks: { x: number; value: number; label: string }[];
  rows: ComparisonRow[];
  /** Dashed benchmark lines: one per run of consecutive rows with the same benchmark. */
  benchmarks: { x: number; y1: number; y2: number; value: number }[];
  /** The unit's caption under the axis (anchored at its end), if any. */
  unitLabel: { x: number; y: number; text: string } | null;
}

/** Height of a one-line unit's band, and the thickest a bar gets (as the Recharts chart drew them). */
export const ROW_HEIGHT = 26;
export const MAX_BAR = 18;
/** Height of a line of a wrapped name. */
export const LINE_HEIGHT = 14;
const TOP = 12;
const RIGHT = 20;
const AXIS_HEIGHT = 30;
/** The row of the unit's caption under the ticks. */
const UNIT_HEIGHT = 16;
const BOTTOM = 4;
const TICK_SIZE = 6;
const RANK_WIDTH = 30;
/** The value after a bar is written at 11 px. */
const VALUE_CHAR_WIDTH = 6;

/**
 * Width of the name column: the longest name where there is room, at most about a third of a
 * wide chart (two fifths on a phone); a longer name wraps.
 */
export function labelColumnWidth(width: number, labels: readonly string[] = []): number {
  const phone = width < 480;
  const most = phone ? Math.round(width * 0.42) : Math.max(150, Math.round(width * 0.3));
  const least = phone ? 90 : 120;
  const natural = Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, true)))) + 4;
  return Math.min(most, Math.max(least, natural));
}

/** The name in lines that fit `maxWidth`, cut at spaces; a word wider than the line keeps a line of its own. */
export function wrapLabel(label: string, maxWidth: number, bold = false): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export function comparisonGeometry({ width, rows, seriesCount, formatAxis, axisLabel }: ComparisonGeometryInput): ComparisonGeometry {
  const ranked = rows.some((r) => r.rank !== undefined);
  const rankX = ranked ? RANK_WIDTH - 6 : 0;
  const labelX = ranked ? RANK_WIDTH : 0;
  const labelWidth = labelColumnWidth(width, rows.map((r) => r.label));
  const left = labelX + labelWidth + TICK_SIZE + 2;
  const valueRoom = Math.max(0, ...rows.map((r) => (r.valueLabel ? r.valueLabel.length * VALUE_CHAR_WIDTH + 8 : 0)));
  const plotWidth = Math.max(40, width - left - Math.max(RIGHT, valueRoom));

  // bands: one line of name, or as many as the name needs
  let y = TOP;
  const bands = rows.map((r) => {
    const lines = wrapLabel(r.label, labelWidth - 4, r.mine);
    const height = Math.max(ROW_HEIGHT, lines.length * LINE_HEIGHT + 8);
    const band = { lines, top: y, height };
    y += height;
    return band;
  });
  const plotHeight = y - TOP;
  const plot = { left, top: TOP, width: plotWidth, height: plotHeight };
  const height = TOP + plotHeight + AXIS_HEIGHT + (axisLabel ? UNIT_HEIGHT : 0) + BOTTOM;
  const unitLabel = axisLabel ? { x: left + plotWidth, y: TOP + plotHeight + AXIS_HEIGHT + UNIT_HEIGHT - 4, text: axisLabel } : null;

  let min = 0;
  let max = 0;
  for (const r of rows) {
    for (const v of [...r.values, r.benchmark]) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // as Recharts' default (5 ticks), fewer where their labels would collide
  const values = niceTicks(min, max, plotWidth < 160 ? 3 : 5);
  const lo = values[0]!;
  const hi = values[values.length - 1]!;
  const xOf = (v: number) => left + ((v - lo) / (hi - lo)) * plotWidth;
  const ticks = values.map((value) => ({ x: xOf(value), value, label: formatAxis(value) }));

  const n = Math.max(1, seriesCount);
  const barHeight = Math.min(MAX_BAR, (ROW_HEIGHT - 8) / n);
  const zero = xOf(0);
  const laidOut: ComparisonRow[] = rows.map((r, i) => {
    const { lines, top, height: bandHeight } = bands[i]!;
    const cy = top + bandHeight / 2;
    const bars: ComparisonBar[] = [];
    r.values.forEach((value, s) => {
      if (value === null || !Number.isFinite(value)) return;
      const x = xOf(value);
      bars.push({
        series: s,
        x: Math.min(x, zero),
        y: cy - (n * barHeight) / 2 + s * barHeight,
        width: Math.abs(x - zero),
        height: barHeight,
        value,
      });
    });
    const end = bars.length ? Math.max(...bars.map((b) => b.x + b.width)) : zero;
    return {
      key: r.key ?? r.label,
      lines,
      fullLabel: r.label,
      rankLabel: r.rank === undefined ? null : r.rank === null ? '–' : String(r.rank),
      mine: Boolean(r.mine),
      top,
      height: bandHeight,
      cy,
      bars,
      value: r.valueLabel && bars.length ? { x: end + 4, text: r.valueLabel } : null,
      empty: bars.length === 0,
    };
  });

  const benchmarks: ComparisonGeometry['benchmarks'] = [];
  rows.forEach((r, i) => {
    if (r.benchmark === null || !Number.isFinite(r.benchmark)) return;
    const band = bands[i]!;
    const y1 = band.top + 2;
    const y2 = band.top + band.height - 2;
    const last = benchmarks[benchmarks.length - 1];
    if (last && last.value === r.benchmark && Math.abs(last.y2 + 4 - y1) < 0.01) last.y2 = y2;
    else benchmarks.push({ x: xOf(r.benchmark), y1, y2, value: r.benchmark });
  });

  return { width, height, plot, labelX, rankX, ticks, rows: laidOut, benchmarks, unitLabel };
}
