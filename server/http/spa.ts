/**
 * Serves the built app from dist/ (GET and HEAD; other methods are a 405): its files through
 * static-files.ts, and index.html for client-side routes (paths whose last part has no
 * extension, outside /assets/). A missing file is a 404. Without a build, a short page in
 * Vietnamese says what to do. Every request looks at dist/ anew: a build made after the start
 * is served without a restart. Given a source of answers, the dashboard's address `/` with its
 * filters (`/?unit=…&period=…`, the links people share) is index.html with the API's first
 * answers inside (first-answers.ts), checked at every use like index.html (its ETag is its
 * content's), and with the first screen drawn inside (first-screen.ts) for the screen the
 * request says it comes from, and with the web font only for a browser that has it
 * (web-font.ts); /index.html by its name (what the service worker keeps) is always
 * the plain file, and the first screen's own code (dist/ssr/) is never served.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { firstAnswers, withAnswers, type AnswerSource } from './first-answers';
import { FIRST_SCREEN_DIR, firstScreenDrawer, SCREEN_HEADERS, screenOf, withFirstScreen } from './first-screen';
import { findFile, sendFile, sendGenerated } from './static-files';
import { hasWebFont, withoutWebFont } from './web-font';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa có giao diện</title></head>
<body><h1>Chưa có bản dựng giao diện</h1>
<p>Máy chủ đang chạy và API vẫn hoạt động tại <a href="/api/health">/api/health</a>,
nhưng chưa có bản dựng giao diện (thư mục dist/). Hãy chạy <code>npm run build</code> rồi khởi động lại.</p>
</body></html>`;

/** Vite puts a content hash in every file name under assets/: those never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else is checked with its ETag at every use: index.html (it names the assets of the
 * current build), the service worker sw.js (a browser that kept an old one would never hear of a
 * new version) and the web manifest (name and icons of the installed app), robots.txt, the icons.
 */
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the build, by its URL path. */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/** A path the app's router answers: outside /assets/, decodable, its last part without a dot. */
function isAppRoute(urlPath: string): boolean {
  if (urlPath.startsWith('/assets/')) return false;
  try {
    if (decodeURIComponent(urlPath).includes('\0')) return false;
  } catch {
    return false;
  }
  return !urlPath.slice(urlPath.lastIndexOf('/') + 1).includes('.');
}

/** The dashboard's address names its filters (`?unit=…&period=…`); without them the page starts from its defaults. */
function namesFilters(c: Context): boolean {
  const query = new URL(c.req.url).searchParams;
  return query.has('unit') || query.has('period');
}

const notFound = (c: Context) => c.text('Không tìm thấy tệp.', 404);

/**
 * `answers`: where the first HTML's answers come from; none (e.g. reads need a token) sends
 * index.html as it is. `log`: where a first screen that could not be drawn is said.
 */
export function spaRoutes(distDir: string, answers?: AnswerSource, log?: (line: string) => void) {
  const app = new Hono();
  const indexFile = join(distDir, 'index.html');
  const drawFirstScreen = firstScreenDrawer(distDir, log);

  /** index.html with the answers for this URL, or undefined when there is no build. */
  const firstHtml = async (c: Context): Promise<Response | undefined> => {
    const html = await readFile(indexFile, 'utf8').catch(() => undefined);
    if (html === undefined) return undefined;
    const search = new URL(c.req.url).search;
    const found = await firstAnswers(answers!, new URLSearchParams(search));
    const screen = screenOf(c.req.header('sec-ch-ua-mobile'), c.req.header('user-agent'));
    const markup = await drawFirstScreen(search, found, screen);
    const page = withAnswers(withFirstScreen(hasWebFont(c) ? html : withoutWebFont(html), markup, screen), found);
    // the page drawn for a phone differs from a laptop's, and one with the web font from one without
    return sendGenerated(c, page, 'text/html; charset=UTF-8', REVALIDATE, [...SCREEN_HEADERS, 'Cookie']);
  };

  // get() also answers HEAD
  app.get('*', async (c) => {
    const urlPath = new URL(c.req.url).pathname;
    // the first screen's drawing is the server's, not a file of the app
    const file = urlPath.startsWith(`/${FIRST_SCREEN_DIR}/`) ? undefined : await findFile(distDir, urlPath);
    if (file) return (await sendFile(c, file, cacheControlFor(urlPath))) ?? notFound(c);
    if (!isAppRoute(urlPath)) return notFound(c);
    if (answers && urlPath === '/' && namesFilters(c)) return (await firstHtml(c)) ?? c.html(NO_BUILD_PAGE, 503);
    return (await sendFile(c, indexFile, REVALIDATE)) ?? c.html(NO_BUILD_PAGE, 503);
  });
  app.all('*', (c) => c.text('Phương thức không được hỗ trợ.', 405, { Allow: 'GET, HEAD' }));
  return app;
}
