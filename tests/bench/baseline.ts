/**
 * The benchmark's baseline page (tests/bench/baseline/): built with Vite's JS API from the
 * app's own vite.config.ts (same plugins and build settings, another root), into .bench/
 * (gitignored), and served as static files by a tiny http server with the real server's
 * cache headers.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../e2e/harness';

export const BASELINE_SRC = join(ROOT, 'tests/bench/baseline');
export const BASELINE_DIST = join(ROOT, '.bench/baseline');

/** `vite build` of the baseline with the app's config file; only root and outDir differ. */
export async function buildBaseline(): Promise<string> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: BASELINE_SRC,
    publicDir: false,
    // 'error': the one-chunk baseline is over Vite's 500 kB advice, which is not news here
    logLevel: 'error',
    build: { outDir: BASELINE_DIST, emptyOutDir: true },
  });
  return BASELINE_DIST;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves `dir` on a free port of 127.0.0.1, uncompressed, like the real server serves dist/. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
