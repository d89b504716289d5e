/**
 * Named failure scenarios that tests lay over the happy-path handlers. Each takes an optional
 * `match` on the request URL (e.g. only `family=poverty`); other requests pass through.
 * `path` is an msw path: `/api/sources/:id` matches every single source, `/api/sources/my-thoi-2024-year`
 * only that one (and neither matches the list, `/api/sources`).
 */
import { http, HttpResponse } from 'msw';
import type { SetupServerApi } from 'msw/node';

type Server = Pick<SetupServerApi, 'use'>;
type Match = (url: URL) => boolean;

const always: Match = () => true;

/** Answers matching requests; the others fall through to the happy-path handlers. */
function on(server: Server, path: string, match: Match, answer: () => Response | Promise<Response | undefined>) {
  server.use(http.get(path, ({ request }) => (match(new URL(request.url)) ? answer() : undefined)));
}

/** Only requests whose query has this parameter value. */
export const withParam = (name: string, value: string): Match => (url) => url.searchParams.getAll(name).includes(value);

/** The endpoint answers with this status and a contract error body. */
export function failEndpoint(server: Server, path: string, status = 500, match: Match = always) {
  on(server, path, match, () =>
    HttpResponse.json({ error: { code: 'server_error', message: `Simulated failure ${status}` } }, { status }),
  );
}

/** The endpoint answers 200 with a body that breaks the contract. */
export function malformEndpoint(server: Server, path: string, match: Match = always, body: Record<string, unknown> = { unexpected: true }) {
  on(server, path, match, () => HttpResponse.json(body));
}

/** The network fails: no answer at all. */
export function dropEndpoint(server: Server, path: string, match: Match = always) {
  on(server, path, match, () => HttpResponse.error());
}

/**
 * The endpoint answers only after `ms` (for loading states), or as soon as the returned
 * `release` is called: a test can look at the page while the answer is held, then let it go.
 */
export function slowEndpoint(server: Server, path: string, ms: number, match: Match = always): () => void {
  const held = new Set<() => void>();
  on(server, path, match, async () => {
    await new Promise<void>((resolve) => {
      const go = () => {
        held.delete(go);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(go, ms);
      held.add(go);
    });
    return undefined;
  });
  return () => [...held].forEach((go) => go());
}
