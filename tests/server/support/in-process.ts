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

/** The units the test servers' limited editor token may write. */
export const LIMITED_UNITS = ['my-thoi', 'my-quy'];

export interface TestServer {
  url: string;
  storage: Storage;
  dataDir: string;
  editorToken: string;
  viewerToken: string;
  /** An editor's token limited to `limitedUnits` (by default Mỹ Thới and Mỹ Quý). */
  limitedToken: string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<Omit<AppOptions, 'storage' | 'tokens'>> & { wrapStorage?: (s: Storage) => Storage; limitedUnits?: string[] } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-server-test-'));
  const { storage: real } = await openStorage(dataDir);
  const { wrapStorage, limitedUnits = LIMITED_UNITS, ...appOptions } = options;
  const storage = wrapStorage ? wrapStorage(real) : real;
  const editorToken = newToken();
  const viewerToken = newToken();
  const limitedToken = newToken();
  const tokens = parseTokens(`editor:${editorToken},viewer:${viewerToken},editor:${limitedToken}:${limitedUnits.join(',')}`, 'test');
  const app = createApp({
    distDir: join(dataDir, 'no-dist'),
    logError: () => {},
    ...appOptions,
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
    limitedToken,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
