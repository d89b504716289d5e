/**
 * The server: the JSON API under /api (reads, writes, OpenAPI) and the built app elsewhere.
 * Routes depend on the Storage interface only.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireRole } from './auth/require-role';
import type { TokenEntry } from './auth/tokens';
import { apiError } from './http/errors';
import { ReadCache } from './http/read-cache';
import { securityHeaders } from './http/security';
import { spaRoutes } from './http/spa';
import { openApiDocument } from './openapi/document';
import { readRoutes } from './routes/reads';
import { sessionRoutes } from './routes/session';
import { writeRoutes } from './routes/writes';
import type { Storage } from './storage/types';

export interface AppOptions {
  storage: Storage;
  tokens: readonly TokenEntry[];
  distDir: string;
  readRequiresToken?: boolean;
  bodyLimitBytes?: number;
  readCache?: boolean;
  /** Where unexpected errors are logged; answers never carry them. */
  logError?: (err: unknown) => void;
}

export function createApp(opts: AppOptions) {
  const app = new Hono();
  const logError = opts.logError ?? ((err: unknown) => console.error('[server] unexpected error:', err));
  const cache = new ReadCache(opts.readCache ?? true);
  const openapi = JSON.stringify(openApiDocument());

  app.use('*', securityHeaders());
  app.onError((err, c) => {
    logError(err);
    return apiError(c, 500, 'internal', 'Internal server error.');
  });

  const api = new Hono();
  api.use(
    '*',
    bodyLimit({
      maxSize: opts.bodyLimitBytes ?? 5 * 1024 * 1024,
      onError: (c) => apiError(c, 413, 'too_large', `The body is over ${opts.bodyLimitBytes ?? 5 * 1024 * 1024} bytes.`),
    }),
  );
  api.get('/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json; charset=UTF-8' }));
  // The session check answers for itself: the same 401 without a valid token, but never cached.
  api.route('/', sessionRoutes(opts.tokens));
  if (opts.readRequiresToken) {
    const viewer = requireRole('viewer', opts.tokens);
    // Every method (HEAD too); writes then also need the editor role.
    api.use('*', async (c, next) => (c.req.path === '/api/health' ? next() : viewer(c, next)));
  }
  api.route('/', readRoutes(opts.storage, cache));
  api.route('/', writeRoutes(opts.storage, opts.tokens));
  api.all('*', (c) => apiError(c, 404, 'not_found', 'No such endpoint.'));

  app.all('/api', (c) => apiError(c, 404, 'not_found', 'No such endpoint.'));
  app.route('/api', api);
  app.route('/', spaRoutes(opts.distDir));
  return app;
}
