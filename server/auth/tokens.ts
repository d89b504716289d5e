/**
 * Bearer tokens with roles, from the environment or a file, never from the code; an editor's
 * token may be limited to some units.
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
  /** An editor's token limited to these units: it may write figures and sources of them only. Absent: every unit. */
  units?: string[];
  /** Where the entry is ("KPI_TOKENS: entry 2"), for messages that must never show the token. */
  where: string;
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

const UNIT_ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/**
 * Reads "role:TOKEN" entries, and "editor:TOKEN:UNIT_ID,UNIT_ID" for an editor limited to those
 * units, separated by new lines or commas (a part without a colon after a limited entry is one
 * more of its units). Blank lines and lines starting with # are skipped. Errors name the entry's
 * position, never the token.
 */
export function parseTokens(text: string, origin: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const parts = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line, n) => line.split(',').map((p) => ({ part: p.trim(), line: n })))
    .filter(({ part }) => part !== '');
  let lastLine = -1;
  for (const { part, line } of parts) {
    const last = entries.at(-1);
    const where = `${origin}: entry ${entries.length + 1}`;
    if (!part.includes(':')) {
      // one more unit of the limited entry before it, on the same line
      if (!last?.units || line !== lastLine) throw new Error(`${where} must be "viewer:TOKEN", "editor:TOKEN" or "editor:TOKEN:UNIT_ID,UNIT_ID"`);
      if (!UNIT_ID.test(part)) throw new Error(`${last.where}: its unit ${last.units.length + 1} is not a unit id (lower-case letters, digits, - or _)`);
      last.units.push(part);
      continue;
    }
    const [role = '', token = '', units, ...rest] = part.split(':').map((x) => x.trim());
    if (!(ROLES as readonly string[]).includes(role) || rest.length > 0) {
      throw new Error(`${where} must be "viewer:TOKEN", "editor:TOKEN" or "editor:TOKEN:UNIT_ID,UNIT_ID"`);
    }
    if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw new Error(`${where} has a token shorter than ${MIN_TOKEN_LENGTH} characters or with spaces`);
    }
    const entry: TokenEntry = { role: role as Role, ...identify(token), where };
    if (units !== undefined) {
      if (role !== 'editor') throw new Error(`${where}: only an editor's token may be limited to units`);
      if (!UNIT_ID.test(units)) throw new Error(`${where}: its unit 1 is missing or not a unit id (lower-case letters, digits, - or _)`);
      entry.units = [units];
    }
    entries.push(entry);
    lastLine = line;
  }
  return entries;
}

function identify(token: string): Pick<TokenEntry, 'hash' | 'id'> {
  const hash = sha256(token);
  return { hash, id: tokenIdOf(hash) };
}

/**
 * Every unit a limited entry names must be in the database (checked at start, once it is open):
 * the message names the entry's position and the unit, never the token. A unit id as long as a
 * token is not shown, in case a token was pasted there by mistake.
 */
export function checkTokenUnits(entries: readonly TokenEntry[], known: ReadonlySet<string>): void {
  for (const entry of entries) {
    entry.units?.forEach((unitId, i) => {
      if (known.has(unitId)) return;
      const named = unitId.length < MIN_TOKEN_LENGTH ? `"${unitId}"` : `(${unitId.length} characters, not shown)`;
      throw new Error(
        `${entry.where}: its unit ${i + 1} ${named} is not a unit of the database; use the ids of GET /api/units`,
      );
    });
  }
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

/**
 * What the token grants: its highest role, and for an editor the units it is limited to (every
 * unit if any of its editor entries is not limited, else all the units they name). Looks at
 * every entry, whatever matches.
 */
export function matchToken(token: string, entries: readonly TokenEntry[]): TokenEntry | undefined {
  const candidate = sha256(token);
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    if (!timingSafeEqual(candidate, entry.hash)) continue;
    if (!found || rank[entry.role] > rank[found.role]) found = { ...entry, units: entry.units && [...entry.units] };
    else if (entry.role === found.role && found.units) {
      found.units = entry.units ? [...new Set([...found.units, ...entry.units])] : undefined;
    }
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
