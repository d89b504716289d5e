/**
 * Reading text out of SQLite safely. libsql aborts the whole process (a Rust panic, SIGABRT)
 * when a TEXT value is not valid UTF-8, as a bad sector or a hand edit can leave it. So every
 * read of a text column selects it as bytes, `CAST(col AS BLOB)`, and decodes it here: a
 * damaged value becomes a StorageFailure (500 damaged_data) for that request only.
 */
import type { z } from 'zod/mini';
import { Source, SourceSummary } from '../../src/api/contract';
import { damagedData } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a BLOB as libsql gives them (an ArrayBuffer from all(), a Buffer from get()). */
export function bytesOf(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw damagedData(`${what}: not a text`);
}

/** A text column read as a BLOB, decoded strictly. */
export function textOf(value: unknown, what: string): string {
  const bytes = bytesOf(value, what);
  try {
    return utf8.decode(bytes);
  } catch {
    throw damagedData(`${what}: not valid UTF-8`);
  }
}

/** A nullable text column read as a BLOB. */
export function optionalTextOf(value: unknown, what: string): string | undefined {
  return value === null || value === undefined ? undefined : textOf(value, what);
}

/** A JSON column read as a BLOB, then checked by the contract's schema. */
export function recordOf<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(textOf(value, what));
  } catch (err) {
    if (err instanceof SyntaxError) throw damagedData(`${what}: not valid JSON`);
    throw err;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw damagedData(`${what}: not a valid record`);
  return parsed.data;
}

/** A source's row (its listed json and its text, both read as BLOBs) as the contract's Source. */
export function sourceOfRow(row: { json: unknown; text: unknown }): Source {
  // the contract's Source drops the listed form's hasText
  const listed = recordOf(SourceSummary, row.json, 'a source');
  const text = optionalTextOf(row.text, 'the text of a source');
  const source = Source.safeParse(text === undefined ? listed : { ...listed, text });
  if (!source.success) throw damagedData('a source: not a valid record');
  return source.data;
}
