/** Reads a request body as JSON and parses it with a contract schema; refusals in the contract's shape. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { toApiIssues } from '../../src/api/contract';
import { isJsonContentType } from '../../src/api/rules';
import { apiError } from './errors';

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.infer<S>>> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    return {
      ok: false,
      response: apiError(c, 415, 'unsupported_media_type', 'The body must be application/json (UTF-8).'),
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch (err) {
    if (err instanceof SyntaxError) {
      return { ok: false, response: apiError(c, 400, 'bad_json', 'The body is not valid JSON.') };
    }
    throw err; // e.g. the body limit: handled by its own middleware
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      response: apiError(c, 400, 'invalid', 'The body does not follow the contract.', toApiIssues(parsed.error)),
    };
  }
  return { ok: true, data: parsed.data };
}
