/**
 * A panel's charts on paper, in place of the chart on screen (print.css): drawn for a printed
 * column from the panel's data (print-drawing.ts), so that each fits a page and is never split.
 * Drawn only while printing (print-state.ts). The drawing code is fetched once the page is idle
 * after the first panel shows; a page printed before it arrives prints the charts on screen.
 */
import { useEffect } from 'react';
import type { PanelExport } from '../../lib/panel-export';
import { whenIdle } from '../../lib/when-idle';
import { usePrinting } from './print-state';
import './print.css';

type Drawing = typeof import('./print-drawing');

let drawing: Drawing | undefined;
let loading: Promise<Drawing> | undefined;

/** Fetches the drawing code (once; again after a failure). */
export function preloadPrintDrawing(): Promise<Drawing> {
  // with the faces its text is measured in (font.ts)
  loading ??= Promise.all([import('./print-drawing'), import('./font').then((f) => f.measuringFontsReady())]).then(
    ([m]) => (drawing = m),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

export function PrintChart({ panel }: { panel: PanelExport }) {
  const printing = usePrinting();
  useEffect(() => {
    if (drawing) return;
    return whenIdle(() => void preloadPrintDrawing().catch(() => undefined), { fallback: 1000 });
  }, []);
  if (!printing || !drawing) return null;
  const svg = drawing.printChartsSvg(panel);
  return svg ? <div className="print-chart" dangerouslySetInnerHTML={{ __html: svg }} /> : null;
}
