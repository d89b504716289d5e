/** True on a phone-sized screen (≤ 600 px wide), following the window as it changes. */
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 600px)';

const media = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : undefined);

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

/** What a first screen drawn by the server was drawn for (its guess, server/http/first-screen.ts): a phone's or a laptop's. */
export type Screen = 'phone' | 'laptop';
let assumed: Screen = 'laptop';

/**
 * The screen the server's first screen was drawn for: the server says it before it draws
 * (src/app/first-screen.tsx), the page before it hydrates that HTML (src/app/mount.tsx), so that both
 * draw the same; the page then follows its real width.
 */
export function assumeScreen(screen: Screen): void {
  assumed = screen;
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false, () => assumed === 'phone');
}
