/**
 * When two report texts are the same report: compared after normalising what differs between
 * copies of one document (pasted, read from its .docx or its PDF): Unicode composition, letter
 * case, invisible characters, typographic quotes and dashes, and every run of spaces and line
 * breaks. The hash of that form is what a store indexes sources by (server/writes/service.ts);
 * a match is confirmed on the normalised texts themselves. Browser-safe (Web Crypto).
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;

/** The report's text as two copies of it agree: '' when it holds no visible character. */
export function normalizeReportText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/gu, '...')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** SHA-256 (hex) of the normalised text; undefined for a text with nothing in it. */
export async function reportTextHash(text: string | undefined): Promise<string | undefined> {
  const normal = normalizeReportText(text ?? '');
  if (!normal) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normal));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when both texts are the same report (the check behind a matching hash). */
export function sameReportText(a: string | undefined, b: string | undefined): boolean {
  const x = normalizeReportText(a ?? '');
  return x !== '' && x === normalizeReportText(b ?? '');
}
