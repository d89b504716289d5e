import type { QueryClient } from '@tanstack/react-query';
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);

/** The figures' requests (`/api/observations`) the mock server gets from now on; stop with `server.events.removeAllListeners()`. */
export function observationRequests(): URL[] {
  const asked: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/observations') asked.push(url);
  });
  return asked;
}

/** Resolves once none of the client's queries is fetching. */
export function settled(client: QueryClient): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => (client.isFetching() === 0 ? resolve() : setTimeout(check, 10));
    check();
  });
}
