/**
 * The web font for the next visit (src/api/web-font.ts): once the page is idle, its faces
 * (app/fonts.css) are loaded into the browser's cache, and the page says so with a cookie, so
 * that the server's next first HTML uses them from its first paint. A page without the font
 * (a first visit) is not switched to it: its text would move under the reader. One whose
 * faces cannot load (no network) says nothing, and tries again on the next visit.
 */
import { WEB_FONT_COOKIE, WEB_FONT_FAMILY } from '../api/web-font';
import { whenIdle } from '../lib/when-idle';

/** A year: the files' names carry their content's hash, the cookie only says they were fetched. */
const KEPT_SECONDS = 365 * 24 * 3600;

/** Returns the function that cancels it. */
export function keepWebFontForNextVisit(doc: Document = document): () => void {
  if (!doc.fonts || hasCookie(doc)) return () => undefined;
  return whenIdle(
    () => {
      const faces: FontFace[] = [];
      doc.fonts.forEach((face) => {
        if (face.family.replace(/^["']|["']$/g, '') === WEB_FONT_FAMILY) faces.push(face);
      });
      if (faces.length === 0) return;
      Promise.all(faces.map((face) => face.load())).then(
        () => {
          const secure = doc.location?.protocol === 'https:' ? '; Secure' : '';
          doc.cookie = `${WEB_FONT_COOKIE}=1; Max-Age=${KEPT_SECONDS}; Path=/; SameSite=Lax${secure}`;
        },
        () => undefined,
      );
    },
    { within: 10_000 },
  );
}

function hasCookie(doc: Document): boolean {
  return doc.cookie.split(';').some((part) => part.trim() === `${WEB_FONT_COOKIE}=1`);
}
