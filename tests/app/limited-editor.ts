/**
 * For the editor's page tests: the write API of msw with the province-wide editor token and one
 * limited to Mỹ Thới and Mỹ Quý (`editor:TOKEN:my-thoi,my-quy`), installed before each test
 * with nobody signed in.
 */
import { EDITOR_TOKEN } from '../../mocks/write-handlers';
import { withEditorApi, type WriteApi } from './editor-session';

export const LIMITED_TOKEN = 'test-limited-editor-token-0123456789';

/** Call at the top of a test file; `api()` is the current test's write API. */
export function withLimitedEditorApi(): () => WriteApi {
  return withEditorApi(() => ({ tokens: { editor: [EDITOR_TOKEN, { token: LIMITED_TOKEN, units: ['my-thoi', 'my-quy'] }] } }));
}
