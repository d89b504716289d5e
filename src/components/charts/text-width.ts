/**
 * Estimated widths of chart text, for laying a chart out before it is drawn (jsdom lays nothing
 * out; a real browser would need a reflow per label). On the wide side, so what is said to fit does.
 */

/** Average advance of a character at 12 px (Be Vietnam Pro, with diacritics). */
const CHAR_WIDTH = 6.4;
/** Bold text is wider. */
const BOLD = 1.08;

/** Estimated width of a text at `size` px (12 by default). */
export function textWidth(text: string, bold = false, size = 12): number {
  return text.length * CHAR_WIDTH * (bold ? BOLD : 1) * (size / 12);
}

export type FontWeight = 400 | 700;
/** A text's width at `size` px in `weight` (the exports measure it in the shipped font: features/export/measure-text.ts). */
export type MeasureText = (text: string, size: number, weight: FontWeight) => number;
