import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * True in the server's render of the first screen and in the browser's render that hydrates
 * it (React reads the server snapshot in both), false in every other render. React renders a
 * component once more after hydrating it when the value changes, so keep what it chose in state.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    never,
    () => false,
    () => true,
  );
}
