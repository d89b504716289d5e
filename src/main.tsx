// first: before any module builds a zod schema
import './api/zod-config';
import './app/fonts.css';
import './app/styles.css';
import { yieldToMain } from './api/yield-to-main';
import { showStartFailure } from './app/start-failure';

/** In `npm run dev` the API is msw's (unless VITE_MOCKS=off); the built app talks to the real server. */
async function startMocks() {
  if (import.meta.env.DEV && import.meta.env.VITE_MOCKS !== 'off') {
    const { worker } = await import('../mocks/browser');
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
}

/**
 * The page's code is evaluated in three tasks, not one: React DOM, then the contract (its zod
 * schemas are built then), then the app (app/mount.tsx). Together they were the longest task
 * of a slow phone's start (issue 17: total blocking time). Each is a chunk of its own, all
 * fetched at once by the starter (vite.config.ts): nothing here waits for the network. One
 * that does not come is said, with a way to load the page again (app/start-failure.ts).
 */
void startMocks().then(async () => {
  await import('react-dom/client');
  await yieldToMain();
  await import('./api/contract');
  await yieldToMain();
  const { mountApp } = await import('./app/mount');
  await mountApp();
}).catch(showStartFailure);
