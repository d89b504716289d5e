/** The contract's error body, `{ error: { code, message, issues } }`, for every refusal. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, type ApiIssue } from '../../src/api/contract';

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: ApiIssue[],
  extra?: Record<string, unknown>,
) {
  const body = { ...ApiError.parse({ error: { code, message, issues } }), ...extra };
  return c.json(body, status);
}
