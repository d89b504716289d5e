/**
 * The API in `npm run dev`: msw in the browser, reads and writes over an in-memory copy of data/
 * (a reload starts again from data/). The editor page signs in with DEV_EDITOR_TOKEN.
 */
import { setupWorker } from 'msw/browser';
import { unknownEndpoint } from './handlers';
import { createWriteApi } from './write-handlers';

/** Development only: the msw worker knows it; the real server never does. */
export const DEV_EDITOR_TOKEN = 'dev-editor-token-for-npm-run-dev';

export const worker = setupWorker(
  ...createWriteApi({ tokens: { editor: [DEV_EDITOR_TOKEN], viewer: [] } }).handlers,
  unknownEndpoint,
);
