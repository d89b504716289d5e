/** Colour-blind-safe series colours (Okabe–Ito), in a fixed order so exports are stable. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8B6D00'];
export const BENCHMARK_COLOR = '#B00020';
export const BOUNDARY_COLOR = '#555555';
/** The band behind a unit the user marked as theirs. */
export const MINE_BAND = '#fff1c2';

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
