/**
 * Whether the page is being printed (or saved as PDF): from `beforeprint` to `afterprint`, or
 * while print media applies (a print preview, an emulation). What changes for paper is drawn
 * synchronously when printing starts (flushSync, as React's docs do for `onbeforeprint`), so the
 * printed page has it, and nothing of it is drawn on screen.
 */
import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

let printing = false;
const listeners = new Set<() => void>();
let media: MediaQueryList | undefined;

function set(value: boolean): void {
  if (printing === value) return;
  printing = value;
  flushSync(() => listeners.forEach((l) => l()));
}

const onBefore = () => set(true);
const onAfter = () => set(Boolean(media?.matches));
const onMedia = (e: MediaQueryListEvent) => set(e.matches);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    media = window.matchMedia?.('print');
    media?.addEventListener?.('change', onMedia);
    printing = Boolean(media?.matches);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('beforeprint', onBefore);
    window.removeEventListener('afterprint', onAfter);
    media?.removeEventListener?.('change', onMedia);
    media = undefined;
  };
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}
