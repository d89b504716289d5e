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
