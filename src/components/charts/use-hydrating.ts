import { useEffect, useSyncExternalStore, type ReactNode } from 'react';

let hydrating = false;
const never = () => () => undefined;

/**
 * The page is about to hydrate the server's first screen (mount.tsx): renders read true until
 * the effect of `<HydrationScope>` around the hydrated tree has run.
 */
export function beginHydration(): void {
  hydrating = true;
}

/**
 * Wraps the tree that hydrates the server's HTML. Its effect runs after those of the components
 * within it, whose subscriptions then still read the server's value (true), so React does not
 * draw them all again at once, in the hydration's commit, for a value they only used for their
 * first state. A wrapper, not a sibling: a sibling would change the tree's shape, and so every
 * useId below it, from the server's (the labels' and lists' ids in the HTML).
 */
export function HydrationScope({ children }: { children: ReactNode }): ReactNode {
  useEffect(() => {
    hydrating = false;
  }, []);
  return children;
}

/**
 * True in the server's render of the first screen and in the browser's render that hydrates
 * it (React reads the server snapshot in both), false once the hydration's effects have run and
 * in a page that hydrates nothing. Meant for a first state: a component does not render again
 * when the hydration ends.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    never,
    () => hydrating,
    () => true,
  );
}
