/**
 * The web font in a first HTML only for a browser that has its files (src/api/web-font.ts). A
 * first visit is painted in the system's font: on a phone over slow data its fonts could not
 * come in time (`font-display: optional` would not use them), and asked for with the page they
 * took the bandwidth of the page's script; on a laptop they held its first paint. The page
 * loads them once it is idle and sets the cookie; from the next visit on, they come from the
 * browser's cache in time for the first paint, and the page is in Be Vietnam Pro from its first
 * frame, never switching under the reader.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { WEB_FONT_CLASS, WEB_FONT_COOKIE, WEB_FONT_MARKS } from '../../src/api/web-font';

/** Whether the request says the browser has the web font's files. */
export function hasWebFont(c: Context): boolean {
  return getCookie(c, WEB_FONT_COOKIE) === '1';
}

/** index.html without the web font: its preloads (between the marks) and its name on the root element. */
export function withoutWebFont(html: string): string {
  const [open, close] = WEB_FONT_MARKS;
  const from = html.indexOf(open);
  const to = html.indexOf(close);
  const unloaded = from >= 0 && to > from ? html.slice(0, from) + html.slice(to + close.length) : html;
  return unloaded.replace(/(<html\b[^>]*?) class="([^"]*)"/, (_tag, start: string, classes: string) => {
    const rest = classes.split(/\s+/).filter((c) => c && c !== WEB_FONT_CLASS);
    return rest.length ? `${start} class="${rest.join(' ')}"` : start;
  });
}
