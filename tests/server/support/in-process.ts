/** Starts the server inside the test process on a random loopback port, over a temporary database. */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../../server/app';
import { newToken, parseTokens } from '../../../server/auth/tokens';
import { openStorage } from '../../../server/storage/open';
import type { Storage } from '../../../server/storage/types';

export interface TestServer {
  url: string;
  storage: Storage;
  dataDir: string;
  editorToken: string;
  viewerToken: string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<Omit<AppOptions, 'storage' | 'tokens'>> & { wrapStorage?: (s: Storage) => Storage } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-server-test-'));
  const { storage: real } = await openStorage(dataDir);
  const storage = options.wrapStorage ? options.wrapStorage(real) : real;
  const editorToken = newToken();
  const viewerToken = newToken();
  const tokens = parseTokens(`editor:${editorToken},viewer:${viewerToken}`, 'test');
  const app = createApp({
    distDir: join(dataDir, 'no-dist'),
    logError: () => {},
    ...options,
    storage,
    tokens,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    storage,
    dataDir,
    editorToken,
    viewerToken,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
