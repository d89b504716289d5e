import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of the element `ref` is put on, followed on resize; `fixed` (tests,
 * exports) wins. Measured before paint (`beforePaint`, a layout forced in the commit), or by
 * the ResizeObserver's first answer, after the browser's own layout: no layout forced, the
 * width a frame later. 0 until measured: jsdom lays nothing out and has no ResizeObserver, so
 * a chart there is drawn only when a test gives it a size.
 */
export function useContainerWidth<T extends HTMLElement>(fixed: number | undefined, beforePaint = true) {
  const ref = useRef<T>(null);
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (fixed || !el) return;
    const read = () => setMeasured(Math.floor(el.clientWidth));
    if (typeof ResizeObserver === 'undefined') {
      read();
      return;
    }
    if (beforePaint) read();
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      setMeasured(Math.floor(box && box.width > 0 ? box.width : el.clientWidth));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fixed, beforePaint]);
  return { ref, width: fixed || measured };
}
