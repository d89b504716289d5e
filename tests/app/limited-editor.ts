/**
 * For the editor's page tests: the write API of msw with the province-wide editor token and one
 * limited to Mỹ Thới and Mỹ Quý (`editor:TOKEN:my-thoi,my-quy`), installed before each test
 * with nobody signed in.
 */
import { beforeEach } from 'vitest';
import { server } from '../../mocks/node';
import { EDITOR_TOKEN, createWriteApi } from '../../mocks/write-handlers';
import { useEditorSession } from '../../src/features/editor/token-store';

export const LIMITED_TOKEN = 'test-limited-editor-token-0123456789';

/** Call at the top of a test file; `api()` is the current test's write API. */
export function withLimitedEditorApi(): () => ReturnType<typeof createWriteApi> {
  let api: ReturnType<typeof createWriteApi>;
  beforeEach(() => {
    useEditorSession.getState().signOut();
    sessionStorage.clear();
    api = createWriteApi({ tokens: { editor: [EDITOR_TOKEN, { token: LIMITED_TOKEN, units: ['my-thoi', 'my-quy'] }] } });
    server.use(...api.handlers);
  });
  return () => api;
}
