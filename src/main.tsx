// first: before any module builds a zod schema
import './api/zod-config';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/styles.css';
import { App } from './app/app';
import { firstScreenPanels } from './app/dashboard-page';
import { documentFetchedNow, serveFirstAnswers } from './app/first-answers';
import { prefetchDashboard } from './app/prefetch';
import { firstPaintReady } from './app/first-paint';
import { createQueryClient } from './app/query-client';
import { startApp } from './app/start';
import { preloadPicker } from './features/filters/unit-picker';
import { assumeScreen, type Screen } from './features/filters/use-phone';
import { startOffline } from './features/offline/start-offline';
import { yieldToMain } from './api/yield-to-main';

/** In `npm run dev` the API is msw's (unless VITE_MOCKS=off); the built app talks to the real server. */
async function startMocks() {
  if (import.meta.env.DEV && import.meta.env.VITE_MOCKS !== 'off') {
    const { worker } = await import('../mocks/browser');
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
}

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

void startMocks().then(async () => {
  // the modules' evaluation (the contract's schemas are built then) is one task, the start another
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
    startTransition(() => {
      hydrateRoot(container, page(firstScreenPanels(served)));
    });
    return;
  }
  // drawn once, filled in (first-paint.ts)
  await firstPaintReady(queryClient);
  const root = createRoot(container);
  // in a transition: React renders the page in slices, yielding to the browser between them,
  // instead of one long task that blocks input on a slow phone
  startTransition(() => root.render(page(firstScreenPanels())));
});
