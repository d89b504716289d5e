import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { FIRST_SCREEN_DIR } from './server/http/first-screen';
import { DEV_ONLY_FILES, ENCODINGS, prepareStaticFiles } from './server/http/static-build';
import { WEB_FONT_MARKS } from './src/api/web-font';

/**
 * After `vite build`: brotli and gzip copies beside each text file of the output for the
 * server to send, and without msw's worker, which public/ holds only for `npm run dev`.
 * It runs when the bundle is closed, after the service worker and its manifest are written
 * (vite-plugin-pwa writes them then too, before any hook ordered 'post'), so they are
 * compressed like the rest.
 */
function staticFiles(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kpi:static-files',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const { files, bytes, brotliBytes } = prepareStaticFiles(outDir);
        this.environment.logger.info(
          `precompressed ${files} files: ${(bytes / 1024).toFixed(1)} kB, ${(brotliBytes / 1024).toFixed(1)} kB in brotli`,
        );
      },
    },
  };
}

/**
 * index.html preloads the web fonts (src/app/fonts.css, `font-display: optional`): asked for
 * with the HTML's first bytes, so that they can be in time for the first paint (Chromium holds
 * it a moment for preloaded fonts), instead of once the style sheet has been laid out. The fonts
 * are those of the bundle, by their hashed names, between the marks by which the server leaves
 * them out of a first HTML for a browser that does not have them yet (src/api/web-font.ts).
 */
function preloadFonts(): Plugin {
  return {
    name: 'kpi:preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const fonts = Object.keys(bundle ?? {}).filter((name) => name.endsWith('.woff2')).sort();
        const links = fonts.map((name) => `<link rel="preload" href="/${name}" as="font" type="font/woff2" crossorigin>`);
        const [open, close] = WEB_FONT_MARKS;
        return html.replace('</head>', () => `  ${[open, ...links, close].join('\n    ')}\n  </head>`);
      },
    },
  };
}

/**
 * The chunks the entry imports with import() (main.tsx: React DOM, the contract, the app, in
 * stages) and all they import statically, in no set order: the page's own start, fetched
 * with the entry. The chunks the app imports later (the chart library, the exports, the editor)
 * are imported by other chunks, not by the entry, and are not among them.
 */
function stagedChunks(entry: Rollup.OutputChunk, bundle: Rollup.OutputBundle): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (found.has(name) || chunk?.type !== 'chunk') return;
    found.add(name);
    chunk.imports.forEach(visit);
  };
  entry.dynamicImports.forEach(visit);
  return [...found];
}

/**
 * The page's script is asked for once the first screen is painted (issue 17). The first HTML
 * carries that screen (server/http/first-screen.ts), which needs the style sheet (and the fonts,
 * if they come in time), not the script: a small starter (assets/start-HASH.js, in place of the
 * script and its preloads in index.html) waits for the frame after the first contentful paint (as
 * the browser reports it: a frame alone is not yet the paint), then preloads the script's
 * modules and imports it, so that on a slow network the screen's bytes come first, and the
 * script then hydrates what is painted. A page without that screen (the offline copy of the
 * app, the plain index.html) starts the script at once.
 */
function scriptAfterFirstScreen(): Plugin {
  let starter: { fileName: string; source: string } | undefined;
  return {
    name: 'kpi:script-after-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
        if (!entry) return html;
        const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
        // and what the entry imports in stages (main.tsx): those chunks and their own imports
        const staged = chunk && bundle ? stagedChunks(chunk, bundle) : [];
        const modules = [...new Set([...preloads.map((m) => m[1]!), ...staged.map((name) => `/${name}`)])];
        const source = `const root = document.getElementById('root');
// the frame after the first contentful paint as the browser reports it (its entry can come
// before that frame is on the glass; a frame alone is not yet the paint), or 2 s at the latest
// (a tab in the background paints nothing); a browser without paint timing: the next frame
const painted = () => new Promise((done) => {
  setTimeout(done, 2000);
  const finish = () => requestAnimationFrame(() => setTimeout(done, 0));
  if (!(typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint'))) return finish();
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    finish();
  }).observe({ type: 'paint', buffered: true });
});
(root && root.firstChild ? painted() : Promise.resolve()).then(() => {
  for (const href of ${JSON.stringify(modules)}) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
  return import(${JSON.stringify(entry[1])});
});
`;
        const fileName = `assets/start-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
        starter = { fileName, source };
        // low: it paints nothing, the style sheet and the fonts go first
        let out = html.replace(entry[0], `<script type="module" fetchpriority="low" crossorigin src="/${fileName}"></script>\n    `);
        for (const m of preloads) out = out.replace(m[0], '');
        return out;
      },
    },
    generateBundle: {
      order: 'post',
      handler() {
        if (starter) this.emitFile({ type: 'asset', fileName: starter.fileName, source: starter.source });
      },
    },
  };
}

/** The page's own plugins (its HTML, service worker, compressed copies) stay out of the first screen's build. */
function clientOnly(plugins: (Plugin | Plugin[])[]): Plugin[] {
  return plugins.flat().map((plugin) => ({ ...plugin, applyToEnvironment: (environment) => environment.name === 'client' }));
}

/**
 * `vite build` builds two environments (Vite's builder): the app (client), then the server's
 * first screen (src/app/first-screen.tsx, the "ssr" environment) into `ssr/` of the app's
 * output, whatever `--outDir` says, so that a build and its first screen always go together.
 * It is one file for Node with its libraries in it, so that a build outside the project (the
 * Lighthouse bench's `--outDir /tmp/...`) runs too; the server never serves it
 * (server/http/spa.ts).
 */
function firstScreenBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kpi:first-screen',
    apply: 'build',
    config(config) {
      outDir = resolve(config.root ?? process.cwd(), config.build?.outDir ?? 'dist');
    },
    configEnvironment(name) {
      if (name !== 'ssr') return;
      return {
        // the libraries' production code, whatever NODE_ENV the server runs with
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        resolve: { noExternal: true },
        build: {
          outDir: resolve(outDir, FIRST_SCREEN_DIR),
          emptyOutDir: true,
          copyPublicDir: false,
          rollupOptions: { input: resolve(import.meta.dirname, 'src/app/first-screen.tsx') },
        },
      };
    },
    // its files are ES modules to plain Node wherever the build is: the server runs them in a
    // worker without tsx (server/http/first-screen.ts)
    generateBundle() {
      if (this.environment.name === 'ssr') this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
    },
  };
}

/**
 * What a saved copy of the API's answers (src/features/offline/saved-copies.ts) was made with:
 * the contract's source. A build with another contract does not read copies saved by an
 * earlier one, whose shape may differ.
 */
const SAVED_COPY_FORMAT = createHash('sha256').update(readFileSync(resolve(import.meta.dirname, 'src/api/contract.ts'))).digest('hex').slice(0, 16);

/**
 * The installable app (vite-plugin-pwa, Workbox): the web manifest and a service worker that
 * precaches the app's files, so the page opens without a network, and answers every navigation
 * outside /api/ with that index.html. The API's answers are not cached here: the page keeps
 * its own saved copies, with the time each was fetched (src/features/offline/). GET /api/* goes
 * to the network, given up after 4 s so that a connection that hangs is said to be lost. A new
 * version waits until the user reloads (the update prompt), never forced. Registered by the
 * app itself (src/features/offline/service-worker.ts), in production builds only: in
 * `npm run dev` the scope belongs to msw's worker.
 */
function installableApp() {
  return VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: false,
    manifest: {
      name: 'Chỉ tiêu Nghị quyết các phường',
      short_name: 'Chỉ tiêu phường',
      description: 'Bảng chỉ tiêu Nghị quyết của Đảng ủy phường, xã: thu ngân sách, giảm nghèo, bảo hiểm y tế',
      lang: 'vi',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f4f6f8',
      theme_color: '#9b1c1c',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // the dashboard and its exports; not the editor's own code (pdf.js and the report
      // readers: editing needs the server anyway), nor the .woff fonts that only old browsers take
      globPatterns: ['index.html', 'assets/*.{js,css,woff2}', 'icons/*.png'],
      globIgnores: [
        ...DEV_ONLY_FILES,
        ...ENCODINGS.map(({ suffix }) => `**/*${suffix}`),
        'assets/editor-page-*',
        'assets/pdf*',
        'assets/documents-*',
      ],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // file names under assets/ carry their content hash already
      dontCacheBustURLsMatching: /^assets\//,
      navigateFallback: 'index.html',
      // the API, and a file asked for by its name (the server says 404 for a missing one)
      navigateFallbackDenylist: [/^\/api\//, /^[^?]*\.[^/?]*(?:\?|$)/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
      runtimeCaching: [
        {
          // the network only, given up when no answer has begun within 4 s (Workbox's own
          // timeout is for NetworkFirst, which would keep a copy the page cannot date)
          urlPattern: ({ url, request }) => url.pathname.startsWith('/api/') && request.method === 'GET',
          handler: ({ request }) =>
            new Promise<Response>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error('no answer within 4 s')), 4000);
              fetch(request).then(
                (response) => {
                  clearTimeout(timer);
                  resolve(response);
                },
                (error: unknown) => {
                  clearTimeout(timer);
                  reject(error instanceof Error ? error : new Error(String(error)));
                },
              );
            }),
        },
      ],
    },
    devOptions: { enabled: false },
  });
}

export default defineConfig({
  plugins: [react(), firstScreenBuild(), ...clientOnly([preloadFonts(), scriptAfterFirstScreen(), installableApp(), staticFiles()])],
  builder: {},
  define: {
    __KPI_SAVED_COPY_FORMAT__: JSON.stringify(SAVED_COPY_FORMAT),
  },
  server: { port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    // one style sheet, in index.html: the server's first screen is styled before any script
    // runs, though most of its components are in chunks the entry imports (main.tsx)
    cssCodeSplit: false,
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
