import { startTransition, useLayoutEffect, useRef, useState } from 'react';
import { useHydrating } from './use-hydrating';

/**
 * The content width of the element `ref` is put on, followed on resize; `fixed` (tests,
 * exports) wins. Measured before paint (`beforePaint`, a layout forced in the commit), or by
 * the ResizeObserver's first answer, after the browser's own layout: no layout forced, the
 * width a frame later. 0 until measured: jsdom lays nothing out and has no ResizeObserver, so
 * a chart there is drawn only when a test gives it a size. `guess`: the width to draw at until
 * measured in the server's first screen and in the render that hydrates it (nothing can be
 * measured there; the same guess in both, so React keeps the server's HTML); 0 in any other
 * render, which measures first. A picture the server drew stays on screen, scaled into its box,
 * until it is drawn again at the measured width, in a transition: in slices, after the
 * hydration's commit, not in it.
 */
export function useContainerWidth<T extends HTMLElement>(fixed: number | undefined, beforePaint = true, guess = 0) {
  const ref = useRef<T>(null);
  const hydrating = useHydrating();
  const [measured, setMeasured] = useState(() => (hydrating ? guess : 0));
  const [fromServer] = useState(hydrating);
  useLayoutEffect(() => {
    const el = ref.current;
    if (fixed || !el) return;
    const measure = fromServer ? (width: number) => startTransition(() => setMeasured(width)) : setMeasured;
    const read = () => measure(Math.floor(el.clientWidth));
    if (typeof ResizeObserver === 'undefined') {
      read();
      return;
    }
    if (beforePaint) read();
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      measure(Math.floor(box && box.width > 0 ? box.width : el.clientWidth));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fixed, beforePaint, fromServer]);
  return { ref, width: fixed || measured };
}
