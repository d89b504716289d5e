/** Named failure scenarios that tests lay over the happy-path handlers. */
import { http, HttpResponse, delay } from 'msw';
import type { SetupServerApi } from 'msw/node';

type Server = Pick<SetupServerApi, 'use'>;

/** The endpoint answers with this status and a contract error body. */
export function failEndpoint(server: Server, path: string, status = 500) {
  server.use(
    http.get(path, () =>
      HttpResponse.json(
        { error: { code: 'server_error', message: `Simulated failure ${status}` } },
        { status },
      ),
    ),
  );
}

/** The endpoint answers 200 with a body that breaks the contract. */
export function malformEndpoint(server: Server, path: string, body: Record<string, unknown> = { unexpected: true }) {
  server.use(http.get(path, () => HttpResponse.json(body)));
}

/** The network fails: no answer at all. */
export function dropEndpoint(server: Server, path: string) {
  server.use(http.get(path, () => HttpResponse.error()));
}

/** The endpoint answers only after a while (for loading states). */
export function slowEndpoint(server: Server, path: string, ms: number) {
  server.use(http.get(path, async () => { await delay(ms); return undefined; }));
}
