/**
 * In-app navigation between the dashboard and the editor: pushState, then tell the app.
 * A custom event rather than a synthetic popstate, so the filter store (which listens to
 * popstate for back/forward) does not re-read a URL that is not its own.
 */
export const EDITOR_PATH = '/nhap-so-lieu';
export const NAVIGATE_EVENT = 'kpi:navigate';

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
