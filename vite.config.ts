import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { prepareStaticFiles } from './server/http/static-build';

/**
 * After `vite build`: brotli and gzip copies beside each text file of the output for the
 * server to send, and without msw's worker, which public/ holds only for `npm run dev`.
 */
function staticFiles(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kpi:static-files',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler(options) {
        const { files, bytes, brotliBytes } = prepareStaticFiles(options.dir ?? outDir);
        this.environment.logger.info(
          `precompressed ${files} files: ${(bytes / 1024).toFixed(1)} kB, ${(brotliBytes / 1024).toFixed(1)} kB in brotli`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), staticFiles()],
  server: { port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'data/**/*.test.ts', 'mocks/**/*.test.ts', 'tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 40_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'tests/server/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
