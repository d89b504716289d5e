/**
 * What the page and the server agree on about the web font (Be Vietnam Pro, src/app/fonts.css;
 * issue 17: the first screen). index.html names it on its root element (WEB_FONT_CLASS:
 * without it the page is in the system's font) and preloads its files between WEB_FONT_MARKS
 * (vite.config.ts). The server leaves both out of a first HTML from a browser that has
 * not said, with the cookie WEB_FONT_COOKIE, that it has the files already
 * (server/http/web-font.ts); the page loads them when it is idle and then says so
 * (src/app/web-font.ts). The exports embed the same family (features/export/font.ts).
 */
export const WEB_FONT_FAMILY = 'Be Vietnam Pro';
export const WEB_FONT_CLASS = 'web-font';
export const WEB_FONT_COOKIE = 'kpi-web-font';
export const WEB_FONT_MARKS = ['<!-- web font -->', '<!-- /web font -->'] as const;
