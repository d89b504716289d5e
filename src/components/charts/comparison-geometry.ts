/**
 * Geometry of the comparison chart (one horizontal bar per ward): pure arithmetic, so the
 * component only maps it to SVG elements. Sizes are in CSS pixels of the drawn svg.
 */

export interface ComparisonRowInput {
  /** The ward's full name. */
  label: string;
  /** One value per series (null: no figure, drawn as a gap, not a zero). */
  values: (number | null)[];
  /** The period's benchmark for this ward (target or even pace), if any. */
  benchmark: number | null;
}

export interface ComparisonGeometryInput {
  width: number;
  rows: ComparisonRowInput[];
  seriesCount: number;
  formatAxis: (value: number) => string;
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
  /** The label drawn (truncated with "…" when too long for the axis). */
  label: string;
  fullLabel: string;
  truncated: boolean;
  /** Middle of the row's band. */
  cy: number;
  bars: ComparisonBar[];
}

export interface ComparisonGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  ticks: { x: number; value: number; label: string }[];
  rows: ComparisonRow[];
  /** Dashed benchmark lines: one per run of consecutive rows with the same benchmark. */
  benchmarks: { x: number; y1: number; y2: number; value: number }[];
}

/** Height of one ward's band, and the thickest a bar gets (as the Recharts chart drew them). */
export const ROW_HEIGHT = 26;
export const MAX_BAR = 18;
const TOP = 12;
const RIGHT = 20;
const AXIS_HEIGHT = 30;
const BOTTOM = 4;
const TICK_SIZE = 6;
/** Average advance of a character at 12 px (Be Vietnam Pro, with diacritics): an estimate on the wide side. */
const CHAR_WIDTH = 6.4;

/** Width of the ward-name column: as the Recharts axis (150 px) where there is room, narrower on phones. */
export function labelColumnWidth(width: number): number {
  return width < 480 ? Math.max(100, Math.round(width * 0.36)) : 150;
}

/** The name as it fits in `maxWidth` at 12 px: without its kind, then cut at a word where possible, ending in "…". */
export function truncateLabel(label: string, maxWidth: number): { text: string; truncated: boolean } {
  const maxChars = Math.max(4, Math.floor(maxWidth / CHAR_WIDTH));
  if (label.length <= maxChars) return { text: label, truncated: false };
  // the kind ("Phường", "Xã") is what the wards share: drop it first, keep what tells them apart
  const name = label.replace(/^(Phường|Xã|Thị trấn) /, '');
  if (name.length <= maxChars) return { text: name, truncated: true };
  let cut = name.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  if (space >= maxChars / 2) cut = cut.slice(0, space);
  return { text: `${cut.trimEnd()}…`, truncated: true };
}

/**
 * 1, 2, 2.5, 5 or 10 times a power of ten: the step of "nice" axis ticks (2.5 only from 25 up,
 * so that ticks of small counts stay whole numbers: a count axis of 0..10 reads 0, 5, 10).
 */
function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && power >= 10 ? 2.5 : f <= 5 ? 5 : 10;
  return m * power;
}

/** A domain from 0 (or the lowest negative value) to a round number above the highest, and its ticks. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // rounded to the step's precision, so 0.1 + 0.2 stays 0.3
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

export function comparisonGeometry({ width, rows, seriesCount, formatAxis }: ComparisonGeometryInput): ComparisonGeometry {
  const labelWidth = labelColumnWidth(width);
  const left = labelWidth + TICK_SIZE + 2;
  const plotWidth = Math.max(40, width - left - RIGHT);
  const plotHeight = rows.length * ROW_HEIGHT;
  const plot = { left, top: TOP, width: plotWidth, height: plotHeight };
  const height = TOP + plotHeight + AXIS_HEIGHT + BOTTOM;

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
    const cy = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const { text, truncated } = truncateLabel(r.label, labelWidth - 4);
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
    return { label: text, fullLabel: r.label, truncated, cy, bars };
  });

  const benchmarks: ComparisonGeometry['benchmarks'] = [];
  rows.forEach((r, i) => {
    if (r.benchmark === null || !Number.isFinite(r.benchmark)) return;
    const y1 = TOP + i * ROW_HEIGHT + 2;
    const y2 = TOP + (i + 1) * ROW_HEIGHT - 2;
    const last = benchmarks[benchmarks.length - 1];
    if (last && last.value === r.benchmark && Math.abs(last.y2 + 4 - y1) < 0.01) last.y2 = y2;
    else benchmarks.push({ x: xOf(r.benchmark), y1, y2, value: r.benchmark });
  });

  return { width, height, plot, ticks, rows: laidOut, benchmarks };
}
