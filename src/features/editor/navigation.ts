/**
 * In-app navigation between the dashboard and the editor: pushState, then tell the app.
 * A custom event rather than a synthetic popstate: popstate means back or forward, on which the
 * filters re-read a URL that is the dashboard's (features/filters/url-sync.ts, started by the app).
 */
export const EDITOR_PATH = '/nhap-so-lieu';
export const NAVIGATE_EVENT = 'kpi:navigate';

/** True while the address is the editor's (with or without a trailing slash). */
export function isEditorPath(pathname = window.location.pathname): boolean {
  return pathname.replace(/\/+$/, '') === EDITOR_PATH;
}

/** The editor's tabs; the address names the one open (`?tab=`), none for the figures'. */
export type EditorTab = 'figures' | 'import' | 'resolutions';
const TAB_NAMES: Record<Exclude<EditorTab, 'figures'>, string> = { import: 'nhap-tu-bao-cao', resolutions: 'nghi-quyet' };

/** The editor's address with a unit chosen and a tab open: `/nhap-so-lieu?unit=ID&tab=nghi-quyet`. */
export function editorHref({ unit, tab = 'figures' }: { unit?: string | null; tab?: EditorTab }): string {
  const query = new URLSearchParams();
  if (unit) query.set('unit', unit);
  if (tab !== 'figures') query.set('tab', TAB_NAMES[tab]);
  const q = query.toString();
  return q ? `${EDITOR_PATH}?${q}` : EDITOR_PATH;
}

/** What the editor's address asks for: the unit to open on and the tab (the figures' when it names none it knows). */
export function editorAddress(search = window.location.search): { unit: string | null; tab: EditorTab } {
  const query = new URLSearchParams(search);
  const name = query.get('tab');
  const tab = (Object.keys(TAB_NAMES) as (keyof typeof TAB_NAMES)[]).find((t) => TAB_NAMES[t] === name) ?? 'figures';
  return { unit: query.get('unit'), tab };
}

/** Says in the address what the editor shows (a tab chosen is not a page of its own: the entry is replaced, not added). */
export function showInAddress(shown: { unit?: string | null; tab: EditorTab }): void {
  const href = editorHref(shown);
  if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(window.history.state, '', href);
}

export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** For an <a>'s onClick: a plain left click navigates in place; others keep the browser's behaviour. */
export function onLinkClick(href: string) {
  return (event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void }) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
}
