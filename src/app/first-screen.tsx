/**
 * The dashboard's first screen as HTML, made by the server for the first HTML it sends (issue
 * 17): a phone on a slow network sees the unit's headline figures as soon as the page, its
 * style sheet and its fonts have come, instead of after the script has come, run and drawn
 * them; the script then hydrates this HTML (mount.tsx) instead of drawing it again. Built apart
 * from the app, for Node (vite.config.ts: the "ssr" environment), and called by the server
 * (server/http/first-screen.ts) with the very answers it puts into the page.
 *
 * It is the app's own first render, by the same components, so that the browser's render of
 * the same answers finds the same HTML: the answers go through the app's queries as the page's
 * first requests do (served by path, as src/app/first-answers.ts does in the browser), the
 * filters are read from the address by the app's rule, and what only the browser knows is drawn
 * as the browser's first render draws it before it looks (React's server snapshots): no marked
 * units, no saved copy, no editor's token; the screen is a phone's or a laptop's as the server
 * guesses (`screen`), which the page is told and follows while it hydrates.
 *
 * A first screen is drawn only when the answers hold every request it makes: one that would
 * wait for the network (a province compared, a link without a period) is left to the page,
 * whose own render could then differ from this one.
 */
import '../api/zod-config';
import { AsyncLocalStorage } from 'node:async_hooks';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { App } from './app';
import { answerOf } from './first-answers';
import { answered } from './first-paint';
import { firstScreenPanels } from './dashboard-page';
import { prefetchView } from './prefetch';
import { createQueryClient } from './query-client';
import { useFilters } from '../features/filters/store';
import { parseFilters } from '../features/filters/url-state';
import { assumeScreen, type Screen } from '../components/use-phone';
import { NO_OFFLINE } from '../features/offline/start-offline';

/** A render waits at most this long for its answers' queries to settle. */
const SETTLE_MS = 500;

interface Scope {
  answers: Map<string, string>;
  /** Requests the answers do not hold: never sent, let go when the render is over. */
  held: Set<() => void>;
}

/** The answers of the request being drawn: fetch inside a render answers from these only. */
const drawing = new AsyncLocalStorage<Scope>();

const networkFetch = globalThis.fetch;
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const scope = drawing.getStore();
  if (!scope) return networkFetch(input, init);
  const body = typeof input === 'string' ? scope.answers.get(input) : undefined;
  if (body !== undefined) {
    scope.answers.delete(input as string);
    return Promise.resolve(answerOf(body));
  }
  return new Promise<Response>((resolve) => scope.held.add(() => resolve(new Response(null, { status: 503 }))));
}) as typeof fetch;

async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text;
}

/** One render at a time: the filters' store and the screen's guess are the module's own. */
let queue: Promise<unknown> = Promise.resolve();

async function draw(search: string, answers: ReadonlyMap<string, string>, screen: Screen): Promise<string> {
  const { filters, notices } = parseFilters(search);
  if (filters.period === '') return '';
  const scope: Scope = { answers: new Map(answers), held: new Set() };
  const client = createQueryClient({ retry: false });
  const state = { ...filters, latest: filters.latest ?? false, latestFound: undefined, notices };
  try {
    await drawing.run(scope, async () => {
      prefetchView(client, () => state);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([answered(client, () => scope.held.size), new Promise((done) => (timer = setTimeout(done, SETTLE_MS)))]);
      clearTimeout(timer);
    });
    if (scope.held.size > 0 || client.isFetching() > 0) return '';
    useFilters.setState(state);
    assumeScreen(screen);
    // the lazy parts (the search box, the resolutions' targets) are waited for, drawn whole and in
    // place: React would put a large part after the rest with an inline script to move it, which
    // the page's CSP refuses (progressiveChunkSize)
    const { prelude } = await prerenderToNodeStream(
      <StrictMode>
        <App queryClient={client} offline={NO_OFFLINE} firstPanels={firstScreenPanels(screen)} />
      </StrictMode>,
      { progressiveChunkSize: Number.POSITIVE_INFINITY },
    );
    const markup = await textOf(prelude);
    return markup.includes('<script') ? '' : markup;
  } finally {
    for (const release of scope.held) release();
    client.clear();
  }
}

/**
 * The markup of the dashboard at `search` (the address's query string) from `answers` (API path
 * to the body the server answers now) for a `screen`, or '' when the page must draw it itself.
 * Throws only what React throws; the server then sends the page without it.
 */
export function renderFirstScreen(search: string, answers: ReadonlyMap<string, string>, screen: Screen = 'laptop'): Promise<string> {
  const run = queue.then(() => draw(search, answers, screen));
  queue = run.catch(() => undefined);
  return run;
}
