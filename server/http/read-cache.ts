/**
 * Answers of the read endpoints, kept until the next write. Bounded by bytes, not by entries:
 * every body, its gzip copy and its key count, least recently used out first, and an answer
 * larger than the whole bound is not kept. A newer revision of the storage empties the cache.
 */
import { createHash } from 'node:crypto';

/** The default bound in MiB; KPI_READ_CACHE_MB changes it (server/README.md). */
export const READ_CACHE_DEFAULT_MB = 32;
const MAX_MB = 1024;

/** What one entry costs beside its value: the Map slot, the entry object, the key's header. */
const ENTRY_OVERHEAD = 200;

/** A JSON answer as the bytes sent (UTF-8), so it is encoded once, and its strong ETag. */
export interface CachedBody {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** What the cache keeps: a body, a body's gzip copy, or "nothing here" (a 404). */
export type Cached = CachedBody | Uint8Array<ArrayBuffer> | null;

/** The bound in bytes from KPI_READ_CACHE_MB (a whole number of MiB, 0 to 1024). */
export function readCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KPI_READ_CACHE_MB;
  if (raw === undefined || raw === '') return READ_CACHE_DEFAULT_MB * 1024 * 1024;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > MAX_MB) {
    throw new Error(`KPI_READ_CACHE_MB must be a whole number of MiB from 0 to ${MAX_MB}`);
  }
  return Number(raw) * 1024 * 1024;
}

/** Bytes an entry holds: its bytes, and its key counted high (two bytes a character). */
function bytesOf(key: string, value: Cached): number {
  const own = value === null ? 0 : value instanceof Uint8Array ? value.byteLength : value.body.byteLength + value.etag.length;
  return own + key.length * 2 + ENTRY_OVERHEAD;
}

export class ReadCache {
  private readonly entries = new Map<string, { value: Cached; bytes: number }>();
  private revision = -Infinity;
  private total = 0;

  constructor(
    readonly enabled: boolean,
    readonly maxBytes = readCacheBytes(),
  ) {}

  /** Bytes held now (never over maxBytes). */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  async get<T extends Cached>(key: string, revision: number, make: () => Promise<T>): Promise<T> {
    if (!this.enabled) return make();
    if (revision > this.revision) this.clear(revision);
    const hit = revision === this.revision ? this.entries.get(key) : undefined;
    if (hit) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await make();
    // a write meanwhile: the value may be of the older revision, so it is not kept
    if (revision === this.revision) this.put(key, value);
    return value;
  }

  private put(key: string, value: Cached): void {
    const bytes = bytesOf(key, value);
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    for (const [k, e] of this.entries) {
      if (this.total + bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
  }

  private clear(revision: number): void {
    this.entries.clear();
    this.total = 0;
    this.revision = revision;
  }
}

const encoder = new TextEncoder();

/** A JSON text as bytes, and its strong ETag. */
export function textBody(text: string): CachedBody {
  const body = encoder.encode(text);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** A value as JSON, with its strong ETag. */
export function jsonBody(value: unknown): CachedBody {
  return textBody(JSON.stringify(value));
}
