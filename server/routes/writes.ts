/**
 * The write endpoints: an editor's token (require-role.ts), then the endpoints of
 * server/writes/endpoints.ts over the storage's write service, with the token as the actor (its
 * short id goes into the history; its units, if any, are the only ones it may write).
 */
import { Hono, type Context } from 'hono';
import { requestActor, requireRole } from '../auth/require-role';
import type { TokenEntry } from '../auth/tokens';
import { writeEndpoints, type WriteRequest } from '../writes/endpoints';
import type { Storage } from '../storage/types';
import { sendAnswer } from './answer';

function writeRequest(c: Context): WriteRequest {
  return {
    contentType: c.req.header('content-type'),
    text: () => c.req.text(),
    id: c.req.param('id'),
    query: new URL(c.req.url).searchParams,
  };
}

export function writeRoutes(storage: Storage, tokens: readonly TokenEntry[]) {
  const api = new Hono();
  const editor = requireRole('editor', tokens);
  const endpoints = writeEndpoints(storage);
  const route = (endpoint: keyof typeof endpoints) => async (c: Context) =>
    sendAnswer(c, await endpoints[endpoint](writeRequest(c), requestActor(c)));

  api.post('/observations', editor, route('addObservations'));
  api.put('/observations/:id', editor, route('updateObservation'));
  api.delete('/observations/:id', editor, route('deleteObservation'));
  api.post('/sources', editor, route('addSource'));
  api.post('/resolutions', editor, route('addResolution'));
  api.put('/resolutions/:id', editor, route('updateResolution'));
  api.delete('/resolutions/:id', editor, route('deleteResolution'));
  return api;
}
