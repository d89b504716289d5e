/**
 * Serves the built app from dist/: files as they are, and index.html for every other path
 * (client-side routes). Without a build, a short page in Vietnamese says what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa có giao diện</title></head>
<body><h1>Chưa có bản dựng giao diện</h1>
<p>Máy chủ đang chạy và API vẫn hoạt động tại <a href="/api/health">/api/health</a>,
nhưng chưa có bản dựng giao diện (thư mục dist/). Hãy chạy <code>npm run build</code> rồi khởi động lại.</p>
</body></html>`;

export function spaRoutes(distDir: string) {
  const app = new Hono();
  const indexFile = join(distDir, 'index.html');

  let files: MiddlewareHandler | undefined;
  // Checked per request: a build made after the start is served without a restart.
  app.use('*', (c, next) => {
    if (!existsSync(distDir)) return next();
    files ??= serveStatic({
      root: distDir,
      onFound: (path, ctx) => {
        // Vite puts a content hash in every file name under assets/: those never change.
        ctx.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    return files(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/assets/')) return c.text('Không tìm thấy tệp.', 404);
    if (!existsSync(indexFile)) return c.html(NO_BUILD_PAGE, 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  app.all('*', (c) => c.text('Phương thức không được hỗ trợ.', 405));
  return app;
}
