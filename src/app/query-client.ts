import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/client';

/** Retries a failed read once (not a 4xx or a contract error: those will not get better). */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          retry && count < 1 && !(error instanceof ApiRequestError && (error.kind === 'contract' || (error.status ?? 500) < 500)),
        refetchOnWindowFocus: false,
      },
    },
  });
}
