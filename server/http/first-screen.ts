/**
 * The dashboard's first screen inside the first HTML (issue 17): the build's own drawing of it
 * (`<dist>/ssr/first-screen.js`, from src/app/first-screen.tsx, built with the app by
 * `vite build`) is given the same answers the page carries (first-answers.ts) and its markup
 * goes into `<div id="root">`, so a phone paints the unit's figures before the script has come.
 *
 * Each build is loaded once, at the start, and again when its file changes (a build made after
 * the start is used without a restart), in a worker thread of plain Node: imported by this
 * process, where tsx compiles whatever it imports, the 650 kB module cost 83 MB of memory against
 * 20 MB in the worker; and its render does not hold this thread's requests. Without a drawing (an
 * older build, one that fails to load, throws or takes over DRAW_TIMEOUT_MS, whose worker is then
 * stopped and started again for the next page) or while MAX_DRAWING
 * pages are being drawn already, the page goes without it: the script draws it, as before, and
 * nothing else changes. A failure is logged once per build.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

type Screen = 'phone' | 'laptop';

/** The folder of the build's first screen (vite.config.ts builds it there) and its file. */
export const FIRST_SCREEN_DIR = 'ssr';
const FIRST_SCREEN_FILE = 'first-screen.js';
/** Drawings at once; more requests at the same moment get the page without one (a few ms each, but not for a flood). */
const MAX_DRAWING = 2;
/** A drawing that takes longer is given up: the page draws itself. */
const DRAW_TIMEOUT_MS = 3000;

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

/**
 * The worker's code (plain JavaScript: the worker runs without tsx): it imports the build's
 * drawing, says whether it has one, then draws each address it is sent.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then(
  ({ renderFirstScreen }) => {
    if (typeof renderFirstScreen !== 'function') throw new Error('the module has no renderFirstScreen');
    parentPort.on('message', ({ id, search, answers, screen }) =>
      Promise.resolve()
        .then(() => renderFirstScreen(search, new Map(answers), screen))
        .then((markup) => parentPort.postMessage({ id, markup }), (error) => parentPort.postMessage({ id, error: String(error) })),
    );
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ ready: false, error: String(error) }),
);
`;

type Answer = { markup?: string; error?: string };

/**
 * One build's drawing in its worker: `draw` says its markup, or throws with the drawing's error.
 * `onStop`: the worker of a drawing that was loaded has stopped (it crashed, or was stopped).
 */
function startDrawing(file: string, mtimeMs: number, onStop: () => void) {
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { url: `${pathToFileURL(file).href}?build=${mtimeMs}` } });
  worker.unref();
  const pending = new Map<number, (answer: Answer) => void>();
  let next = 0;
  let stopped: Error | undefined;
  let drew = false;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { ready?: boolean; id?: number } & Answer) => {
      if (message.id !== undefined) return pending.get(message.id)?.(message);
      drew = Boolean(message.ready);
      if (message.ready) resolve();
      else reject(new Error(message.error));
    });
    const stop = (error: Error) => {
      if (stopped) return;
      stopped = error;
      reject(error);
      for (const answer of pending.values()) answer({ error: String(error) });
      pending.clear();
      // a build that could not be loaded is not tried again until it changes
      if (drew) onStop();
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`the drawing's worker stopped (exit code ${code})`)));
  });
  ready.catch(() => undefined);

  const draw = async (search: string, answers: readonly { path: string; body: string }[], screen: Screen): Promise<string> => {
    await ready;
    if (stopped) throw stopped;
    const id = next++;
    const answer = await new Promise<Answer>((resolve) => {
      // given up, and its worker with it: the build's drawing takes one page at a time, so a
      // drawing that hangs would hold every later one (the next page starts a new worker)
      const timer = setTimeout(() => {
        resolve({ error: `no drawing after ${DRAW_TIMEOUT_MS} ms` });
        void worker.terminate();
      }, DRAW_TIMEOUT_MS);
      pending.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      worker.postMessage({ id, search, answers: answers.map((a) => [a.path, a.body]), screen });
    });
    pending.delete(id);
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.markup ?? '';
  };
  return { ready, draw, stop: () => void worker.terminate() };
}

/** The function that draws a dashboard address's first screen from its answers, or says undefined. */
export function firstScreenDrawer(distDir: string, log: (line: string) => void = (line) => console.warn(line)) {
  const file = join(distDir, FIRST_SCREEN_DIR, FIRST_SCREEN_FILE);
  let build: { mtimeMs: number; drawing: ReturnType<typeof startDrawing>; usable: Promise<boolean> } | undefined;
  // the build whose failure was logged: once per build, however often its worker is started again
  let loggedBuild: number | undefined;
  let drawing = 0;
  const logOnce = (mtimeMs: number, line: string) => {
    if (loggedBuild !== mtimeMs) log(line);
    loggedBuild = mtimeMs;
  };

  const currentBuild = async (): Promise<typeof build> => {
    const found = await stat(file).catch(() => undefined);
    if (!found) return undefined;
    if (build?.mtimeMs !== found.mtimeMs) {
      build?.drawing.stop();
      // a worker that stopped (crashed) is started again by the next page asked for
      const loaded: NonNullable<typeof build> = {
        mtimeMs: found.mtimeMs,
        drawing: startDrawing(file, found.mtimeMs, () => {
          if (build === loaded) build = undefined;
        }),
        usable: Promise.resolve(false),
      };
      loaded.usable = loaded.drawing.ready.then(
        () => true,
        (error: unknown) => {
          logOnce(found.mtimeMs, `[server] the first screen of this build could not be loaded (${file}): ${String(error)}; pages go without it`);
          return false;
        },
      );
      build = loaded;
    }
    return build;
  };

  // loaded now, not by the first page asked for (the build's drawing is some 650 kB of code)
  void currentBuild();

  return async (search: string, answers: readonly { path: string; body: string }[], screen: Screen): Promise<string | undefined> => {
    if (drawing >= MAX_DRAWING) return undefined;
    drawing += 1;
    try {
      const current = await currentBuild();
      if (!current || !(await current.usable)) return undefined;
      try {
        return (await current.drawing.draw(search, answers, screen)) || undefined;
      } catch (error) {
        logOnce(current.mtimeMs, `[server] the first screen of ${search.slice(0, 200)} could not be drawn: ${String(error)}; pages go without it`);
        return undefined;
      }
    } finally {
      drawing -= 1;
    }
  };
}
