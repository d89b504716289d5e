/** Sends an answer of server/writes/answers.ts (status, body, headers) through Hono. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Answer } from '../writes/answers';

export function sendAnswer(c: Context, answer: Answer) {
  return c.json(answer.body, answer.status as ContentfulStatusCode, answer.headers);
}
