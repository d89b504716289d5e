/**
 * The panels on the page that have figures to export, for the whole page's files: each panel's
 * export buttons put it here while they are shown, with their place on the page, and the page's
 * buttons read them in page order. Panels without figures have no export buttons, so they are
 * left out.
 */
import { startTransition, useEffect, useState, type RefObject } from 'react';
import type { PanelExport } from '../../../lib/panel-export';

interface Entry {
  panel: PanelExport;
  element: HTMLElement | null;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** Keeps the panel in the page's list while the calling component is mounted. */
export function useRegisterPanel(panel: PanelExport, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const entry = { panel, element: ref.current };
    const before = entries.size;
    entries.set(panel.slug, entry);
    if (entries.size !== before) emit();
    return () => {
      if (entries.get(panel.slug) === entry) {
        entries.delete(panel.slug);
        // a panel redrawn puts itself back in the same commit; tell the page only when one is really gone
        queueMicrotask(() => {
          if (!entries.has(panel.slug)) emit();
        });
      }
    };
  }, [panel, ref]);
}

/** The panels with figures, in the order they stand on the page. */
export function pagePanels(): PanelExport[] {
  return [...entries.values()]
    .sort((a, b) => {
      if (!a.element || !b.element) return 0;
      return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map((e) => e.panel);
}

/**
 * Whether the page has a panel to export now. Followed at a transition's priority: panels come
 * and go as they load, and a store's update (useSyncExternalStore) would be drawn at once, in
 * the same task as the panels being drawn, on a slow phone a long one.
 */
export function useHasPagePanels(): boolean {
  const [some, setSome] = useState(() => entries.size > 0);
  useEffect(() => {
    const follow = () => startTransition(() => setSome(entries.size > 0));
    follow();
    return subscribe(follow);
  }, []);
  return some;
}
