import { notifyManager, QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/client';
import { connectionLost, isNetworkFailure } from '../features/offline/connection';

/**
 * The query library tells its subscribers of each change in a timer of its own: the five
 * answers a change of quarter waits for, which come in together (they share one request), were
 * drawn in five renders one after the other. In one timer, React draws them in one.
 */
function oneTimer(): (notify: () => void) => void {
  let waiting: (() => void)[] | undefined;
  return (notify) => {
    if (!waiting) {
      waiting = [];
      setTimeout(() => {
        const now = waiting ?? [];
        waiting = undefined;
        for (const n of now) n();
      }, 0);
    }
    waiting.push(notify);
  };
}

notifyManager.setScheduler(oneTimer());

/**
 * Retries a failed read once (not a 4xx or a contract error: those will not get better, nor a
 * read that got no answer while the connection is known to be lost: it is asked again when the
 * server answers, features/offline/connection.ts). Reads are tried even when the browser says
 * it is offline (networkMode 'always'), so that they fail at once and the page shows a saved
 * copy or says the server cannot be reached, instead of waiting paused.
 */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        retry: (count, error) =>
          retry &&
          count < 1 &&
          !(isNetworkFailure(error) && connectionLost()) &&
          !(error instanceof ApiRequestError && (error.kind === 'contract' || (error.status ?? 500) < 500)),
        refetchOnWindowFocus: false,
      },
    },
  });
}
