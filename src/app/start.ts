/**
 * What the app does once, before its first render (main.tsx, and each page test): the filters
 * follow the URL, read now and again at every back or forward onto the dashboard's address.
 * Nothing is read from the URL when a module is imported.
 */
import { isEditorPath } from '../features/editor/navigation';
import { followFilterUrl } from '../features/filters/url-sync';

/** Returns the function that stops following the URL. */
export function startApp(): () => void {
  return followFilterUrl(() => !isEditorPath());
}
