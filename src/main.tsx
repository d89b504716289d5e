// first: before any module builds a zod schema
import './api/zod-config';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/styles.css';
import { App } from './app/app';
import { firstScreenPanels } from './app/dashboard-page';
import { serveFirstAnswers } from './app/first-answers';
import { prefetchDashboard } from './app/prefetch';
import { firstPaintReady } from './app/first-paint';
import { createQueryClient } from './app/query-client';
import { startApp } from './app/start';
import { startOffline } from './features/offline/start-offline';

/** In `npm run dev` the API is msw's (unless VITE_MOCKS=off); the built app talks to the real server. */
async function startMocks() {
  if (import.meta.env.DEV && import.meta.env.VITE_MOCKS !== 'off') {
    const { worker } = await import('../mocks/browser');
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
}

void startMocks().then(async () => {
  // the answers that came with the page serve its first requests (no round trip behind the script)
  serveFirstAnswers();
  startApp();
  const queryClient = createQueryClient();
  // before the first request: an answer that does not come is replaced by its saved copy
  const offline = startOffline(queryClient);
  // the requests go out now, before React draws anything
  prefetchDashboard(queryClient);
  // drawn once, filled in (first-paint.ts)
  await firstPaintReady(queryClient);
  const root = createRoot(document.getElementById('root')!);
  // in a transition: React renders the page in slices, yielding to the browser between them,
  // instead of one long task that blocks input on a slow phone
  startTransition(() =>
    root.render(
      <StrictMode>
        <App queryClient={queryClient} offline={offline} firstPanels={firstScreenPanels()} />
      </StrictMode>,
    ),
  );
});
