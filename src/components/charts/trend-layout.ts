/**
 * Layout of a trend chart (bars per period) at a given width, decided before Recharts draws it,
 * so that nothing it would otherwise drop or overlap is lost on a phone:
 *
 * - every period keeps its label: on one line where it fits its band, else on two (the span
 *   over its year: "6 tháng" / "2023"), smaller, or else upright;
 * - the value axis has its own ticks (0 to a round number above the highest value, the
 *   benchmark included), so its width is known, and says its unit above it ("Đơn vị: hộ");
 * - the note of a boundary change sits on a row of its own above the plot, clear of the axis's
 *   top tick and of the benchmark drawn at the top of the plot, and inside the chart;
 * - a period's benchmark is drawn across its own band only.
 */
import { niceTicks } from './axis-ticks';
import { textWidth } from './text-width';

export type PeriodTickMode = 'line' | 'wrap' | 'upright';

export interface TrendLayoutInput {
  width: number;
  /** The periods' labels, in order ("6 tháng 2023"). */
  labels: readonly string[];
  /** Every value drawn (series and benchmark), for the value axis. */
  values: readonly number[];
  formatAxis: (value: number) => string;
  /** Where the series are cut (index of the first period after each change), with their notes. */
  boundaries: readonly { index: number; label: string }[];
}

export interface TrendLayout {
  margin: { top: number; right: number; bottom: number; left: number };
  yAxisWidth: number;
  yTicks: number[];
  yDomain: [number, number];
  /** How the period labels are written, and at which size. */
  tick: { mode: PeriodTickMode; fontSize: number };
  xAxisHeight: number;
  /** Width of a period's band, and half the width of its benchmark's dashes. */
  band: number;
  benchmarkHalf: number;
  /** The unit's caption above the value axis (its baseline). */
  unitLabel: { x: number; y: number };
  /** Each boundary: its line between two periods, and its note's centre on the row above the plot. */
  boundaries: { x: number; labelX: number; labelY: number; label: string }[];
  plot: { left: number; right: number; top: number };
}

export const TICK_FONT = 12;
const SMALL_FONT = 11;
export const NOTE_FONT = 11;
/** Gap kept between neighbouring labels. */
const GAP = 6;
const LINE_GAP = 14;
const RIGHT = 12;
const LEFT = 4;
/** Above the plot: the unit's caption, then the boundary notes' row when there are any. */
const TOP_PLAIN = 22;
const TOP_WITH_NOTES = 38;

/** "6 tháng 2023" → ["6 tháng", "2023"]: the span over its year. */
export function periodLines(label: string): [string, string] | [string] {
  const cut = label.lastIndexOf(' ');
  return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
}

/** Written above the line where a unit's boundaries changed (the panel says which change below the chart). */
export const BOUNDARY_NOTE = 'Thay đổi địa giới';

export function trendLayout({ width, labels, values, formatAxis, boundaries }: TrendLayoutInput): TrendLayout {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // of five or six ticks, the one whose top is nearer the highest value (0–125 rather than 0–150 for 104)
  const yTicks = [5, 6].map((count) => niceTicks(min, max, count)).reduce((a, b) => (b[b.length - 1]! < a[a.length - 1]! ? b : a));
  const yDomain: [number, number] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
  const yAxisWidth = Math.ceil(Math.max(24, ...yTicks.map((t) => textWidth(formatAxis(t)))) + 12);
  const plotLeft = LEFT + yAxisWidth;
  const plotRight = width - RIGHT;
  const n = Math.max(1, labels.length);
  const band = Math.max(1, (plotRight - plotLeft) / n);

  const widest = (size: number, pick: (l: string) => string[]) =>
    Math.max(0, ...labels.flatMap((l) => pick(l).map((part) => textWidth(part, false, size))));
  let tick: TrendLayout['tick'];
  let xAxisHeight: number;
  if (widest(TICK_FONT, (l) => [l]) + GAP <= band) {
    tick = { mode: 'line', fontSize: TICK_FONT };
    xAxisHeight = 26;
  } else if (widest(TICK_FONT, (l) => periodLines(l)) + GAP <= band) {
    tick = { mode: 'wrap', fontSize: TICK_FONT };
    xAxisHeight = 26 + LINE_GAP;
  } else if (widest(SMALL_FONT, (l) => periodLines(l)) + GAP / 2 <= band) {
    tick = { mode: 'wrap', fontSize: SMALL_FONT };
    xAxisHeight = 24 + LINE_GAP;
  } else {
    tick = { mode: 'upright', fontSize: SMALL_FONT };
    xAxisHeight = Math.ceil(widest(SMALL_FONT, (l) => [l])) + 14;
  }

  const top = boundaries.length ? TOP_WITH_NOTES : TOP_PLAIN;
  const noteHalf = textWidth(BOUNDARY_NOTE, false, NOTE_FONT) / 2;
  const placed = boundaries.map((b) => {
    const x = plotLeft + band * b.index;
    return { x, labelX: Math.min(Math.max(x, plotLeft + noteHalf), width - 2 - noteHalf), labelY: top - 10, label: b.label };
  });

  return {
    margin: { top, right: RIGHT, bottom: 4, left: LEFT },
    yAxisWidth,
    yTicks,
    yDomain,
    tick,
    xAxisHeight,
    band,
    benchmarkHalf: Math.max(4, Math.min(36, band * 0.42)),
    unitLabel: { x: LEFT, y: 12 },
    boundaries: placed,
    plot: { left: plotLeft, right: plotRight, top },
  };
}
