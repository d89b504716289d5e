/** The server's settings, all from the environment (server/README.md lists them). */
import { resolve } from 'node:path';
import { loadTokens, type TokenEntry } from './auth/tokens';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  tokens: TokenEntry[];
  readRequiresToken: boolean;
  bodyLimitBytes: number;
  readCache: boolean;
  /** One line per request on stdout (KPI_ACCESS_LOG=0: none). */
  accessLog: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  return {
    port: int('PORT', env.PORT, 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR || '.data'),
    distDir: resolve(cwd, env.DIST_DIR || 'dist'),
    tokens: loadTokens(env),
    readRequiresToken: flag(env.KPI_READ_REQUIRES_TOKEN, false),
    bodyLimitBytes: int('KPI_BODY_LIMIT', env.KPI_BODY_LIMIT, 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    readCache: flag(env.KPI_READ_CACHE, true),
    accessLog: flag(env.KPI_ACCESS_LOG, true),
  };
}
