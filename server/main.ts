/**
 * Starts the server: `node --import tsx server/main.ts` (npm start does this).
 * Settings come from the environment; see server/README.md.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig } from './config';
import { openStorage } from './storage/open';

async function main() {
  const config = loadConfig();
  const { storage, file, seeded } = await openStorage(config.dataDir);
  console.log(`[server] database: ${file}${seeded ? ' (new, seeded from data/)' : ''}`);
  const editors = config.tokens.filter((t) => t.role === 'editor').length;
  if (editors === 0) console.warn('[server] no editor token configured (KPI_TOKENS / KPI_TOKENS_FILE): writes are refused');
  if (config.readRequiresToken) console.log('[server] reads need a viewer or editor token');

  const app = createApp({
    storage,
    tokens: config.tokens,
    distDir: config.distDir,
    readRequiresToken: config.readRequiresToken,
    bodyLimitBytes: config.bodyLimitBytes,
    readCache: config.readCache,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(`[server] listening on http://${host}:${info.port}/`);
  });

  const stop = (signal: string) => {
    console.log(`[server] ${signal}: closing`);
    server.close(() => {
      void storage.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('[server] could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
