/**
 * Whether an element has come near the screen: within one viewport height of it, above or
 * below (IntersectionObserver with that rootMargin), so what it shows is ready before a person
 * scrolling reaches it. Once near it stays near (the answer never goes back to false).
 */
import { useEffect, type RefObject } from 'react';

/** One viewport height above and below the screen. */
export const NEAR_SCREEN_MARGIN = '100% 0px 100% 0px';

/** Without IntersectionObserver (jsdom, old browsers) everything counts as near at once. */
export const observesNearness = (): boolean => typeof IntersectionObserver === 'function';

/**
 * Calls `onNear` once the element `ref` is on comes near the screen, while `watching`; at once
 * where nearness cannot be observed. `onNear` should be stable (a state setter, a callback).
 */
export function useNearScreen(ref: RefObject<Element | null>, watching: boolean, onNear: () => void): void {
  useEffect(() => {
    if (!watching) return;
    const el = ref.current;
    if (!el || !observesNearness()) {
      onNear();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          onNear();
        }
      },
      { rootMargin: NEAR_SCREEN_MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, watching, onNear]);
}
