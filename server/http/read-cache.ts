/**
 * Answers of the read endpoints, kept until the next write: the key includes the storage's
 * revision, so a write makes every older entry unreachable. Bounded, oldest out first.
 */
import { createHash } from 'node:crypto';

export interface CachedBody {
  body: string;
  etag: string;
  /** The body gzipped, made at the first request that accepts it, then kept with the entry. */
  gzip?: Uint8Array<ArrayBuffer>;
}

export class ReadCache {
  private readonly entries = new Map<string, { revision: number; value: unknown }>();

  constructor(
    readonly enabled: boolean,
    private readonly max = 500,
  ) {}

  async get<T>(key: string, revision: number, make: () => Promise<T>): Promise<T> {
    if (!this.enabled) return make();
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) return hit.value as T;
    const value = await make();
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { revision, value });
    return value;
  }
}

/** A JSON text and its strong ETag. */
export function textBody(body: string): CachedBody {
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** A value as JSON, with its strong ETag. */
export function jsonBody(value: unknown): CachedBody {
  return textBody(JSON.stringify(value));
}
