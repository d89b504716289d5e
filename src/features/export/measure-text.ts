/** Text widths for laying out the export image, measured in the shipped font. */
import type { FontWeight, MeasureText } from '../../components/charts/text-width';
import { FONT_FAMILY, MEASURE_FAMILY } from './font';

/** A rough width when no canvas is at hand (jsdom): wide enough that lines never overflow. */
export const estimateText: MeasureText = (text, size, weight) => text.length * size * (weight === 700 ? 0.62 : 0.57);

let context: CanvasRenderingContext2D | null | undefined;

/** Canvas measureText in Be Vietnam Pro (its measuring faces: measuringFontsReady); the estimate without a canvas. */
export function canvasMeasure(): MeasureText {
  if (context === undefined) {
    try {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  const ctx = context;
  if (!ctx) return estimateText;
  return (text, size, weight) => {
    ctx.font = `${weight} ${size}px '${MEASURE_FAMILY}', '${FONT_FAMILY}', sans-serif`;
    return ctx.measureText(text).width;
  };
}

/** Greedy word wrap; a word longer than the line stays whole on its own line. */
export function wrapText(text: string, maxWidth: number, size: number, weight: FontWeight, measure: MeasureText): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
