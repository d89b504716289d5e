/**
 * The server: the JSON API under /api (reads, writes, OpenAPI) and the built app elsewhere.
 * Routes depend on the Storage interface only.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireRole } from './auth/require-role';
import type { TokenEntry } from './auth/tokens';
import { accessLog, logTarget } from './http/access-log';
import { apiError, errorLog } from './http/errors';
import { ReadCache } from './http/read-cache';
import { securityHeaders } from './http/security';
import { spaRoutes } from './http/spa';
import { sendGenerated } from './http/static-files';
import { openApiDocument } from './openapi/document';
import { readRoutes } from './routes/reads';
import { sessionRoutes } from './routes/session';
import { writeRoutes } from './routes/writes';
import { StorageFailure } from './storage/errors';
import type { Storage } from './storage/types';

/**
 * The longest request target (path and query) answered; longer is a 414. The app's own longest
 * URLs (every ward of a province in one query) are a few kB. main.ts lets Node's parser take
 * twice this (request line and headers together), so that this check, not the parser, answers.
 */
export const MAX_URL_BYTES = 16 * 1024;

export interface AppOptions {
  storage: Storage;
  tokens: readonly TokenEntry[];
  distDir: string;
  readRequiresToken?: boolean;
  bodyLimitBytes?: number;
  readCache?: boolean;
  /** Where the lines of the error log go (stderr by default); answers never carry them. */
  logError?: (line: string) => void;
  /** Where the access log's lines go (one per request); none when not given. */
  logAccess?: (line: string) => void;
}

/** The length of a URL's request target: everything from the path on. */
function targetLength(url: string): number {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path < 0 ? 0 : url.length - path;
}

export function createApp(opts: AppOptions) {
  const app = new Hono();
  const write = opts.logError ?? ((line: string) => console.error(line));
  const logUnexpected = errorLog(write);
  const cache = new ReadCache(opts.readCache ?? true);
  const openapi = JSON.stringify(openApiDocument());

  if (opts.logAccess) app.use('*', accessLog(opts.logAccess));
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    if (targetLength(c.req.url) > MAX_URL_BYTES) {
      return apiError(c, 414, 'uri_too_long', `The URL is over ${MAX_URL_BYTES} bytes.`);
    }
    await next();
  });
  app.onError((err, c) => {
    const request = `${c.req.method} ${logTarget(c.req.url, 100)}`;
    if (err instanceof StorageFailure) {
      // told to the client as it is (a full disk, a damaged row); one short line for the operator
      write(`[server] storage failure on ${request}: ${err.code}: ${err.message}`);
      return apiError(c, err.status, err.code, err.message);
    }
    logUnexpected(err, request);
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
  // about 36 kB: compressed as the other reads are, with an ETag of its content
  api.get('/openapi.json', (c) => sendGenerated(c, openapi, 'application/json; charset=UTF-8', 'no-cache'));
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
  // the dashboard's first HTML carries the API's first answers, asked of the API's own routes
  // (not when reads need a token: a page's address carries none)
  const answers = opts.readRequiresToken ? undefined : (path: string) => api.request(path.slice('/api'.length));
  app.route('/', spaRoutes(opts.distDir, answers, write));
  return app;
}
