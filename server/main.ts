/**
 * Starts the server: `node --import tsx server/main.ts` (npm start runs this very process, with
 * --build-if-missing and --exit-with-parent). Settings come from the environment; see
 * server/README.md.
 *
 * Order: take the port first (a port in use is one line and exit 1, before anything is built or
 * created), then build the app if asked and missing, open the database, and only then say
 * "listening". Requests that arrive meanwhile wait for the app.
 */
import { createAdaptorServer } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, MAX_URL_BYTES } from './app';
import { checkTokenUnits } from './auth/tokens';
import { loadConfig } from './config';
import { answerClientError } from './http/errors';
import { openStorage } from './storage/open';
import type { Storage } from './storage/types';

/** Request line and headers together, for Node's parser: room for a URL of MAX_URL_BYTES and as much of headers. */
const MAX_HEADER_BYTES = 2 * MAX_URL_BYTES;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Takes the port, or fails with one line that says which port and what to do. */
function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? `port ${port} is already in use on ${host}: stop the other program, or choose another port (PORT=${port === 8080 ? 8081 : 8080} npm start)`
          : err.code === 'EACCES'
            ? `port ${port} needs privileges this user does not have: choose a port from 1024 up (PORT=8080 npm start)`
            : err.code === 'EADDRNOTAVAIL'
              ? `${host} is not an address of this machine: set HOST to one of its addresses (HOST=127.0.0.1 or HOST=0.0.0.0)`
              : `cannot listen on ${host}:${port}: ${err.message}`;
      reject(new Error(why));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** npm start's promise: if dist/ has no build, build it (a failed build still starts the API). */
function buildIfMissing(distDir: string): void {
  if (existsSync(join(distDir, 'index.html'))) return;
  console.log('[server] dist/ has no build: running vite build...');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', distDir], {
    cwd: ROOT,
    stdio: 'inherit',
    // a NODE_ENV of development or test in the shell would make a development build (with msw)
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    console.warn('[server] the build failed: the API runs, and the app pages say that the app is not built.');
  }
}

async function main() {
  const config = loadConfig();
  type App = ReturnType<typeof createApp>;
  // requests that arrive while the app is built or the database opened wait for the app
  const ready: { storage?: Storage; start?: (app: App) => void } = {};
  const app = new Promise<App>((resolve) => (ready.start = resolve));

  const server = createAdaptorServer({
    fetch: (request, env) => app.then((a) => a.fetch(request, env)),
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  }) as Server;
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    const status = answerClientError(err, socket, MAX_HEADER_BYTES);
    if (status && config.accessLog) console.log(`[access] ${new Date().toISOString()} - - ${status} - -`);
  });

  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${why}: closing`);
    server.close(() => {
      void (ready.storage?.close() ?? Promise.resolve()).then(() => process.exit(0));
    });
    // requests under way may finish; a kept-alive connection is closed as soon as it is idle
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.argv.includes('--exit-with-parent')) {
    // npm start: if npm is killed (even with -9), the server must not stay behind holding the port
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop(`its parent process ${parent} is gone`);
    }, 250).unref();
  }

  const info = await listen(server, config.port, config.host);
  if (process.argv.includes('--build-if-missing')) buildIfMissing(config.distDir);

  const opened = await openStorage(config.dataDir);
  const storage = (ready.storage = opened.storage);
  console.log(`[server] database: ${opened.file}${opened.seeded ? ' (new, seeded from data/)' : ''}`);
  // an editor's token limited to units names units of this database, or the server does not start
  checkTokenUnits(config.tokens, new Set((await storage.listUnits()).map((u) => u.id)));
  const editors = config.tokens.filter((t) => t.role === 'editor').length;
  if (editors === 0) console.warn('[server] no editor token configured (KPI_TOKENS / KPI_TOKENS_FILE): writes are refused');
  if (config.readRequiresToken) console.log('[server] reads need a viewer or editor token');
  if (!config.accessLog) console.log('[server] access log off (KPI_ACCESS_LOG=0)');

  ready.start!(createApp({
    storage,
    tokens: config.tokens,
    distDir: config.distDir,
    readRequiresToken: config.readRequiresToken,
    bodyLimitBytes: config.bodyLimitBytes,
    readCache: config.readCache,
    logAccess: config.accessLog ? (line) => console.log(line) : undefined,
  }));
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`[server] listening on http://${host}:${info.port}/`);
}

main().catch((err: unknown) => {
  console.error('[server] could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
