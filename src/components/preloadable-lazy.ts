/**
 * React.lazy with a preload: once `preload()` has resolved, the component is drawn at once, in
 * the same render, instead of suspending for a moment as React.lazy does even for a module
 * already loaded. The page hydrating the server's first screen (app/mount.tsx) preloads what that
 * screen holds: a part that suspended while hydrating would be drawn again from its fallback
 * by the first update that reached it (the search box flashed "Đang tải ô tìm kiếm…" for some
 * 150 ms on a laptop).
 */
import { lazy, type ComponentType } from 'react';

export function preloadableLazy<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: { default: ComponentType<P> } | undefined;
  let loading: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (loading ??= load().then((component) => {
      loaded = { default: component };
    }));
  // a module already here is given through a thenable that answers at once: React.lazy then
  // takes it in the same call
  const Component = lazy(() =>
    loaded
      ? ({ then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve(loaded!) } as unknown as Promise<{ default: ComponentType<P> }>)
      : preload().then(() => loaded!),
  );
  return { Component, preload };
}
