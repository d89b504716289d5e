#!/usr/bin/env node
// npm start: builds the app into dist/ if it is not there, then runs the API server
// (server/main.ts through tsx), which serves /api/* and the app on $PORT (default 8080).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = resolve(root, process.env.DIST_DIR || 'dist');

if (!existsSync(join(distDir, 'index.html'))) {
  console.log('[start] dist/ has no build: running vite build...');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', distDir], {
    cwd: root,
    stdio: 'inherit',
    // a NODE_ENV of development or test in the shell would make a development build (with msw)
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    console.warn('[start] the build failed: the API runs, and the app pages say that the app is not built.');
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
