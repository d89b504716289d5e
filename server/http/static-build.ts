/**
 * What the production build leaves in dist/ for the server (run by the Vite plugin in
 * vite.config.ts after every `vite build`): a brotli (.br) and a gzip (.gz) copy beside each
 * compressible file, and no files that only `npm run dev` needs.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats worth compressing; woff2, png and the like are compressed already. */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
]);

/** The precompressed copies, in the server's order of preference, with their file suffix. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type EncodingName = (typeof ENCODINGS)[number]['name'];

/** Copied from public/ for `npm run dev` (msw's worker), never served by the real server. */
export const DEV_ONLY_FILES = ['mockServiceWorker.js'];

const COMPRESS: Record<EncodingName, (data: Buffer) => Buffer> = {
  br: (data) =>
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }),
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Removes the dev-only files from outDir and writes `FILE.br` and `FILE.gz` beside each
 * compressible file (only where the copy is smaller). Returns how many files it compressed, their
 * bytes, and their bytes in brotli.
 */
export function prepareStaticFiles(outDir: string): { files: number; bytes: number; brotliBytes: number } {
  for (const name of DEV_ONLY_FILES) rmSync(join(outDir, name), { force: true });
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const path of filesUnder(outDir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(path).toLowerCase())) continue;
    const data = readFileSync(path);
    files += 1;
    bytes += data.length;
    for (const { name, suffix } of ENCODINGS) {
      const packed = COMPRESS[name](data);
      const smaller = packed.length < data.length;
      if (smaller) writeFileSync(path + suffix, packed);
      // a copy left from an earlier build into the same folder would no longer match
      else rmSync(path + suffix, { force: true });
      if (name === 'br') brotliBytes += smaller ? packed.length : data.length;
    }
  }
  return { files, bytes, brotliBytes };
}
