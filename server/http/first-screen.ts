/**
 * The dashboard's first screen inside the first HTML (issue 17): the build's own drawing of it
 * (`<dist>/ssr/first-screen.js`, from src/app/first-screen.tsx, built with the app by
 * `vite build`) is given the same answers the page carries (first-answers.ts) and its markup
 * goes into `<div id="root">`, so a phone paints the unit's figures before the script has come.
 *
 * Each build is loaded once, at the start, and again when its file changes (a build made after
 * the start is used without a restart). Without a drawing (an older build, one that fails to load or throws) or
 * while MAX_DRAWING pages are being drawn already, the page goes without it: the script draws
 * it, as before, and nothing else changes. A failure is logged once per build.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Screen = 'phone' | 'laptop';
type Draw = (search: string, answers: ReadonlyMap<string, string>, screen: Screen) => Promise<string>;

/** The folder of the build's first screen (vite.config.ts builds it there) and its file. */
export const FIRST_SCREEN_DIR = 'ssr';
const FIRST_SCREEN_FILE = 'first-screen.js';
/** Drawings at once; more requests at the same moment get the page without one (a few ms each, but not for a flood). */
const MAX_DRAWING = 2;

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * The screen a request comes from, as far as its first bytes say: what a Chromium browser says
 * unasked (the `Sec-CH-UA-Mobile` client hint, `?1` on a phone), else the "Mobi" a phone's
 * browser puts in its User-Agent (Safari on an iPhone sends no client hint), else a laptop's. A
 * wrong guess costs a change of the picker once the page runs, nothing else.
 */
export function screenOf(mobileHint: string | undefined, userAgent: string | undefined): Screen {
  const hint = mobileHint?.trim();
  if (hint === '?1' || hint === '?0') return hint === '?1' ? 'phone' : 'laptop';
  return /Mobi/.test(userAgent ?? '') ? 'phone' : 'laptop';
}

/** The request headers screenOf reads, for the answer's Vary. */
export const SCREEN_HEADERS = ['Sec-CH-UA-Mobile', 'User-Agent'];

/** index.html with `markup` inside its root element, marked with the screen it was drawn for (unchanged without markup). */
export function withFirstScreen(indexHtml: string, markup: string | undefined, screen: Screen): string {
  if (!markup || !indexHtml.includes(ROOT_ELEMENT)) return indexHtml;
  return indexHtml.replace(ROOT_ELEMENT, () => `<div id="root" data-screen="${screen}">${markup}</div>`);
}

/** The function that draws a dashboard address's first screen from its answers, or says undefined. */
export function firstScreenDrawer(distDir: string, log: (line: string) => void = (line) => console.warn(line)) {
  const file = join(distDir, FIRST_SCREEN_DIR, FIRST_SCREEN_FILE);
  let build: { mtimeMs: number; draw: Promise<Draw | undefined>; logged: boolean } | undefined;
  let drawing = 0;

  const drawOfBuild = async (): Promise<typeof build> => {
    const found = await stat(file).catch(() => undefined);
    if (!found) return undefined;
    if (build?.mtimeMs !== found.mtimeMs) {
      const loaded = { mtimeMs: found.mtimeMs, logged: false, draw: Promise.resolve<Draw | undefined>(undefined) };
      loaded.draw = import(`${pathToFileURL(file).href}?build=${found.mtimeMs}`).then(
        (module: { renderFirstScreen?: Draw }) => module.renderFirstScreen,
        (error: unknown) => {
          log(`[server] the first screen of this build could not be loaded (${file}): ${String(error)}; pages go without it`);
          loaded.logged = true;
          return undefined;
        },
      );
      build = loaded;
    }
    return build;
  };

  // loaded now, not by the first page asked for (the build's drawing is some 900 kB of code)
  void drawOfBuild();

  return async (search: string, answers: readonly { path: string; body: string }[], screen: Screen): Promise<string | undefined> => {
    if (drawing >= MAX_DRAWING) return undefined;
    drawing += 1;
    try {
      const current = await drawOfBuild();
      const draw = await current?.draw;
      if (!current || !draw) return undefined;
      try {
        return (await draw(search, new Map(answers.map((a) => [a.path, a.body])), screen)) || undefined;
      } catch (error) {
        if (!current.logged) log(`[server] the first screen of ${search.slice(0, 200)} could not be drawn: ${String(error)}; pages go without it`);
        current.logged = true;
        return undefined;
      }
    } finally {
      drawing -= 1;
    }
  };
}
