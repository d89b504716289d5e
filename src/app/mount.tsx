/**
 * The page's start (main.tsx imports it once React DOM and the contract are evaluated): the
 * first answers that came with the page serve its first requests, the queries go out, and
 * React hydrates the server's first screen, or draws the page where there is none.
 */
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app';
import { firstScreenPanels } from './dashboard-page';
import { documentFetchedNow, serveFirstAnswers } from './first-answers';
import { prefetchDashboard } from './prefetch';
import { firstPaintReady } from './first-paint';
import { createQueryClient } from './query-client';
import { startApp } from './start';
import { keepWebFontForNextVisit } from './web-font';
import { preloadPicker } from '../features/filters/unit-picker';
import { assumeScreen, type Screen } from '../components/use-phone';
import { beginHydration, HydrationScope } from '../components/charts/use-hydrating';
import { startOffline } from '../features/offline/start-offline';
import { yieldToMain } from '../api/yield-to-main';

/** The answers that came with the page are parsed within this, on the slowest phone: React then hydrates with them. */
const HYDRATE_WAIT_MS = 5000;

/**
 * The first screen the server drew into the page (server/http/first-screen.ts), with the screen
 * it was drawn for, if it is this visit's: a copy of the page from the browser's cache is
 * dropped, its figures may be old (the page asks for everything itself then, first-answers.ts).
 */
function drawnByServer(root: HTMLElement): Screen | undefined {
  const screen = root.dataset.screen;
  if (!root.firstChild || (screen !== 'phone' && screen !== 'laptop')) return undefined;
  if (documentFetchedNow()) return screen;
  root.replaceChildren();
  return undefined;
}

export async function mountApp(): Promise<void> {
  // this module's evaluation is one task, the start another
  await yieldToMain();
  const container = document.getElementById('root')!;
  const served = drawnByServer(container);
  // the answers that came with the page serve its first requests (no round trip behind the script)
  serveFirstAnswers();
  startApp();
  const queryClient = createQueryClient();
  // before the first request: an answer that does not come is replaced by its saved copy
  const offline = startOffline(queryClient);
  // the requests go out now, before React draws anything
  prefetchDashboard(queryClient);
  // and once all is quiet, the web font for the next visit
  keepWebFontForNextVisit();
  // and React's first work in a task of its own
  await yieldToMain();
  const page = (firstPanels: number) => (
    <StrictMode>
      <App queryClient={queryClient} offline={offline} firstPanels={firstPanels} />
    </StrictMode>
  );
  if (served) {
    // the same answers, the same screen: React finds the server's HTML as it would draw it, and keeps it
    assumeScreen(served);
    // what the screen holds is here before React looks at it (components/preloadable-lazy.ts)
    await Promise.all([firstPaintReady(queryClient, { timeoutMs: HYDRATE_WAIT_MS }), preloadPicker(served).catch(() => undefined)]);
    // in a transition too: hydrated in slices (a plain hydration is one task, long on a slow phone)
    beginHydration();
    startTransition(() => {
      hydrateRoot(container, <HydrationScope>{page(firstScreenPanels(served))}</HydrationScope>);
    });
    return;
  }
  // drawn once, filled in (first-paint.ts)
  await firstPaintReady(queryClient);
  const root = createRoot(container);
  // in a transition: React renders the page in slices, yielding to the browser between them,
  // instead of one long task that blocks input on a slow phone
  startTransition(() => root.render(page(firstScreenPanels())));
}
