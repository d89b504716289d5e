/**
 * For the editor's page tests: msw's write API (an in-memory copy of data/ taking writes as the
 * server does) installed before each test with nobody signed in, the editor page opened signed
 * in, and a report's text pasted into its import and read.
 */
import { screen, within } from '@testing-library/react';
import { beforeEach } from 'vitest';
import { loadDataset, type Dataset } from '../../data';
import { server } from '../../mocks/node';
import { EDITOR_TOKEN, createWriteApi, type WriteApiOptions } from '../../mocks/write-handlers';
import type { Resolution } from '../../src/api/contract';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';

export type WriteApi = ReturnType<typeof createWriteApi>;
export type User = ReturnType<typeof renderAt>['user'];

/** Mỹ Thới's resolution of 2026 with one target (giả lập). */
export const MY_THOI_2026: Resolution = {
  id: 'nq-my-thoi-2026',
  unitId: 'my-thoi',
  title: 'Nghị quyết năm 2026 (giả lập)',
  kind: 'year',
  year: 2026,
  version: 1,
  targets: [{ id: 'ct-1', number: 1, name: 'Kết nạp ít nhất 20 đảng viên mới', indicatorId: 'new_party_members', type: 'yearly_min', value: 20, unit: 'party_member' }],
};

/** data/ without one report (its source and its figures): the office has it only in prose. */
export function datasetWithout(sourceId: string): Dataset {
  const d = loadDataset();
  return { ...d, sources: d.sources.filter((s) => s.id !== sourceId), observations: d.observations.filter((o) => o.sourceId !== sourceId) };
}

/** Before each test of the file: nobody signed in, nothing kept in the tab. */
export function signedOutBeforeEach(): void {
  beforeEach(() => {
    useEditorSession.getState().signOut();
    sessionStorage.clear();
  });
}

/** A write API over `options`, answering from now on. */
export function installWriteApi(options?: WriteApiOptions): WriteApi {
  const api = createWriteApi(options);
  server.use(...api.handlers);
  return api;
}

/** Call at the top of a test file; `api()` is the current test's write API, made with `options()` before each test. */
export function withEditorApi(options: () => WriteApiOptions | undefined = () => undefined): () => WriteApi {
  let api: WriteApi;
  signedOutBeforeEach();
  beforeEach(() => {
    api = installWriteApi(options());
  });
  return () => api;
}

/** The app at `url`, signed in with `token` (limited to `units`, if given). */
export function openSignedIn(url = '/nhap-so-lieu', token = EDITOR_TOKEN, units?: string[]) {
  useEditorSession.getState().signIn(token, units);
  return renderAt(url);
}

/** On the tab "Nhập từ báo cáo" (the editor's code loaded lazily: on a busy machine the first load takes a while), `text` pasted (replacing what was there) and read. */
export async function pasteReport(user: User, text: string): Promise<void> {
  await user.click(await screen.findByRole('tab', { name: 'Nhập từ báo cáo' }, { timeout: 10_000 }));
  const box = screen.getByLabelText('Văn bản báo cáo');
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Đọc số liệu' }));
}

/** Signed in on the editor page, with `text` pasted into its import and read. */
export async function importReport(text: string, token = EDITOR_TOKEN, units?: string[]) {
  const r = openSignedIn('/nhap-so-lieu', token, units);
  await pasteReport(r.user, text);
  return r;
}

/** What a test types into the form "Thêm số liệu", as a person sees the choices; what is left out is left as it is. */
export interface FigureEntry {
  unit?: string;
  indicator: string;
  year: string;
  period?: string;
  value: string;
  asOf?: string;
  note?: string;
  source: string;
}

/** Fills the form "Thêm số liệu" field by field, in the order a person does, without saving. */
export async function fillFigureForm(user: User, form: ReturnType<typeof within>, f: FigureEntry): Promise<void> {
  if (f.unit) await user.selectOptions(form.getByLabelText('Phường, xã'), f.unit);
  await user.selectOptions(form.getByLabelText('Chỉ tiêu'), f.indicator);
  await user.type(form.getByLabelText('Năm'), f.year);
  if (f.period) await user.selectOptions(form.getByLabelText('Kỳ'), f.period);
  await user.type(form.getByLabelText('Giá trị'), f.value);
  if (f.asOf) await user.type(form.getByLabelText('Tính đến ngày'), f.asOf);
  if (f.note) await user.type(form.getByLabelText('Ghi chú'), f.note);
  await user.selectOptions(form.getByLabelText('Nguồn'), f.source);
}
