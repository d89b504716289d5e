/**
 * The first HTML of the dashboard carries the API's first answers (issue 17): the server knows
 * the filters from the URL, so instead of a phone waiting for the script, then for the unit
 * register, then for the figures, index.html comes with those answers inside, one
 * `<script type="application/json" data-api="PATH">` per request, the body exactly as GET PATH
 * answers it now. The page (src/app/first-answers.ts) takes each for its first request of that
 * very path; a path it does not ask for is only bytes lost, never a figure shown, so this file
 * only has to guess well, not to know the page's rules: the register, the indicators and the
 * sources always; when the URL names a period and a few known communes (what the page draws as
 * trends), the trend figures of each family and the communes' resolutions of that year (a
 * province stands for its communes and is compared, and a link without a period looks for the
 * latest one: both ask later, themselves).
 *
 * Such a page is checked with the server at every use, like index.html, its ETag its content's
 * (a 304 only for the very same bytes); the page takes the answers only when it came from the
 * server now, not from a browser's stored copy. The service worker's copy of the app is the plain
 * index.html (asked for by its own name, without answers), so the offline app shows only its
 * saved, dated copies.
 */
import { Family, observationsPath, Period, resolutionsPath } from '../../src/api/contract';
import { parsePeriod } from '../../src/api/periods';
import { unitLevel } from '../../src/api/units';

/** GET of one API path, answered by the app itself (in-process, through the same routes). */
export type AnswerSource = (path: string) => Response | Promise<Response>;

/** More trend units than this are compared by the page (its COMPARE_FROM is 5): their figures are asked differently. */
const MOST_TRENDED_UNITS = 4;
/** An answer larger than this is left to the page to ask for (the register of a province is about 130 kB). */
const MAX_ANSWER_BYTES = 512 * 1024;

interface RegisterUnit {
  id: string;
  kind: Parameters<typeof unitLevel>[0];
}

/** The paths of the trend figures and resolutions for the URL's filters, or none when the page will ask otherwise. */
export function figurePaths(search: URLSearchParams, register: readonly RegisterUnit[]): string[] {
  const periods = search.getAll('period');
  const period = periods.length === 1 ? Period.safeParse(periods[0]) : undefined;
  const units = [...new Set(search.getAll('unit'))];
  if (!period?.success || units.length === 0 || units.length > MOST_TRENDED_UNITS) return [];
  const kinds = new Map(register.map((u) => [u.id, u.kind]));
  if (!units.every((id) => kinds.has(id) && unitLevel(kinds.get(id)!) === 'commune')) return [];
  return [
    ...Family.options.map((family) => observationsPath({ unit: units, family: [family], to: period.data })),
    resolutionsPath({ unit: units, year: parsePeriod(period.data)!.year }),
  ];
}

/** `<` written as \u003c: the same JSON, and nothing in it can close the script element. */
export function scriptSafeJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

async function answerOf(source: AnswerSource, path: string): Promise<{ path: string; body: string } | undefined> {
  try {
    const res = await source(path);
    if (res.status !== 200) return undefined;
    const body = await res.text();
    return body.length <= MAX_ANSWER_BYTES ? { path, body } : undefined;
  } catch {
    // the page asks for it itself, and says what went wrong
    return undefined;
  }
}

/** The answers for a dashboard URL's query string: the register's first, then the rest together. */
export async function firstAnswers(source: AnswerSource, search: URLSearchParams): Promise<{ path: string; body: string }[]> {
  const [units, ...rest] = await Promise.all(['/api/units', '/api/indicators', '/api/sources'].map((p) => answerOf(source, p)));
  let register: RegisterUnit[] = [];
  try {
    register = units ? (JSON.parse(units.body) as { units: RegisterUnit[] }).units : [];
  } catch {
    register = [];
  }
  const figures = await Promise.all(figurePaths(search, register).map((p) => answerOf(source, p)));
  return [units, ...rest, ...figures].filter((a) => a !== undefined);
}

/** index.html with the answers as inline JSON before </body> (or unchanged without any). */
export function withAnswers(indexHtml: string, answers: readonly { path: string; body: string }[]): string {
  if (answers.length === 0) return indexHtml;
  const scripts = answers.map((a) => `<script type="application/json" data-api="${attribute(a.path)}">${scriptSafeJson(a.body)}</script>`).join('\n');
  const at = indexHtml.lastIndexOf('</body>');
  return at < 0 ? `${indexHtml}${scripts}` : `${indexHtml.slice(0, at)}${scripts}\n${indexHtml.slice(at)}`;
}
