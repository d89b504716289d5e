import { useEffect, useSyncExternalStore } from 'react';

let hydrating = false;
const never = () => () => undefined;

/**
 * The page is about to hydrate the server's first screen (mount.tsx): renders read true until
 * `<HydrationEnd />`, the last child of the hydrated tree, has run its effect.
 */
export function beginHydration(): void {
  hydrating = true;
}

/**
 * Put last in the tree that hydrates the server's HTML: its effect runs after those of the
 * components before it, whose subscription then still reads the server's value (true), so React
 * does not draw them all again at once, in the hydration's commit, for a value they only used
 * for their first state.
 */
export function HydrationEnd(): null {
  useEffect(() => {
    hydrating = false;
  }, []);
  return null;
}

/**
 * True in the server's render of the first screen and in the browser's render that hydrates
 * it (React reads the server snapshot in both), false in every other render. Meant for a first
 * state: a component does not render again when the hydration ends.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    never,
    () => hydrating,
    () => true,
  );
}
