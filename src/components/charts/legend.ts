/**
 * What a chart's legend says, in the colours the chart draws: one entry per series (its solid
 * fill, see palette.ts), the band of the user's own units, the benchmark's dashed line. Both
 * charts draw their legend from here, and the panel's model hands the same entries to the
 * exports, so a swatch is the colour of its bars wherever it is seen.
 */
import { BENCHMARK_COLOR, MINE_BAND, seriesFill } from './palette';

export interface LegendEntry {
  label: string;
  color: string;
  /** A dashed line (the benchmark) rather than a filled box. */
  dashed?: true;
  /** The band behind the user's own units. */
  band?: true;
}

export interface LegendSeries {
  label: string;
  colorIndex: number;
  muted?: boolean;
}

export function legendEntries(series: readonly LegendSeries[], benchmark?: { label: string }, mineLabel?: string): LegendEntry[] {
  return [
    ...series.map((s) => ({ label: s.label, color: seriesFill(s) })),
    ...(mineLabel ? [{ label: mineLabel, color: MINE_BAND, band: true as const }] : []),
    ...(benchmark ? [{ label: benchmark.label, color: BENCHMARK_COLOR, dashed: true as const }] : []),
  ];
}
