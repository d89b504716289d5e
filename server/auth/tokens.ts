/**
 * Bearer tokens with roles, from the environment or a file, never from the code.
 * Only SHA-256 hashes are kept; a candidate is compared with every one in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const ROLES = ['viewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenEntry {
  role: Role;
  hash: Buffer;
  /** What logs and the history name the token by: the first 8 hex digits of its hash (tokenIdOf). */
  id: string;
}

export const MIN_TOKEN_LENGTH = 24;

const rank: Record<Role, number> = { viewer: 1, editor: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return rank[actual] >= rank[needed];
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * A token's short id: the first 8 hex digits of its SHA-256 hash. It tells tokens apart in the
 * access log and the history without telling anything of the token (scripts/token.mjs prints it).
 */
export function tokenIdOf(hash: Buffer): string {
  return hash.toString('hex').slice(0, 8);
}

/**
 * Reads "role:token" entries separated by commas or new lines; blank lines and lines starting
 * with # are skipped. Errors name the entry's position, never the token.
 */
export function parseTokens(text: string, origin: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const parts = text
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#'));
  parts.forEach((part, i) => {
    const colon = part.indexOf(':');
    const role = part.slice(0, colon).trim();
    const token = part.slice(colon + 1).trim();
    if (colon < 0 || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`${origin}: entry ${i + 1} must be "viewer:TOKEN" or "editor:TOKEN"`);
    }
    if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw new Error(`${origin}: entry ${i + 1} has a token shorter than ${MIN_TOKEN_LENGTH} characters or with spaces`);
    }
    const hash = sha256(token);
    entries.push({ role: role as Role, hash, id: tokenIdOf(hash) });
  });
  return entries;
}

/** Tokens from KPI_TOKENS and the file named by KPI_TOKENS_FILE (both may be set). */
export function loadTokens(env: NodeJS.ProcessEnv): TokenEntry[] {
  const entries: TokenEntry[] = [];
  if (env.KPI_TOKENS) entries.push(...parseTokens(env.KPI_TOKENS, 'KPI_TOKENS'));
  if (env.KPI_TOKENS_FILE) {
    entries.push(...parseTokens(readFileSync(env.KPI_TOKENS_FILE, 'utf8'), 'KPI_TOKENS_FILE'));
  }
  return entries;
}

/** The entry of the highest role the token has, or undefined. Looks at every entry, whatever matches. */
export function matchToken(token: string, entries: readonly TokenEntry[]): TokenEntry | undefined {
  const candidate = sha256(token);
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(candidate, entry.hash) && (!found || rank[entry.role] > rank[found.role])) found = entry;
  }
  return found;
}

/** The highest role the token grants, or undefined. */
export function roleOf(token: string, entries: readonly TokenEntry[]): Role | undefined {
  return matchToken(token, entries)?.role;
}

/** A fresh random token: 32 bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
