/** Colour-blind-safe series colours (Okabe–Ito), in a fixed order so exports are stable. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8B6D00'];
export const BENCHMARK_COLOR = '#B00020';
export const BOUNDARY_COLOR = '#555555';
/** The band behind a unit the user marked as theirs, and its edge in the legend. */
export const MINE_BAND = '#fff1c2';
export const MINE_EDGE = '#c9a227';
/** Text of axes, legends and tooltips. */
export const INK = '#1d2733';
export const AXIS_COLOR = '#666666';
export const GRID_COLOR = '#e3e6ea';

/** How much of its colour a lighter series (totals beside their values) keeps. */
const MUTED_STRENGTH = 0.35;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** `hex` laid over white at `strength`: the solid colour a translucent fill shows on the page. */
function overWhite(hex: string, strength: number): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(255 - strength * (255 - c))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

/**
 * The one colour a series is drawn in, solid: its bars, its legend swatch on screen and in every
 * export. Totals (`muted`) are the same hue, lighter.
 */
export function seriesFill(series: { colorIndex: number; muted?: boolean }): string {
  const color = seriesColor(series.colorIndex);
  return series.muted ? overWhite(color, MUTED_STRENGTH) : color;
}
