/**
 * Importing a report's text on the editor page, against the msw write handlers: paste one of
 * the given reports, read its figures, decide on each, save them in one batch, and find them
 * on the dashboard with the report (and its text, as plain text) as their source.
 *
 * The office's data here is data/ without Mỹ Quý's 6-month 2024 report: its figures exist only
 * in the report's prose, which is read from eval/reports/ at test time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import type { NewObservation, NewSource } from '../../src/api/contract';
import { currentSearch } from '../render';
import { datasetWithout, importReport, withEditorApi } from './editor-session';

const REPORT = readFileSync(join(import.meta.dirname, '../../eval/reports/004_237010deb1aa6989.txt'), 'utf8');
const REPORT_SOURCE = 'my-quy-2024-6m';
const TITLE = REPORT.split('\n')[0]!.trim();

const api = withEditorApi(() => ({ dataset: datasetWithout(REPORT_SOURCE) }));

afterEach(() => {
  vi.restoreAllMocks();
});

/** Signed in, on the tab "Nhập từ báo cáo", with `text` pasted and read. */
async function pasteAndRead(text: string) {
  const r = await importReport(text);
  await screen.findByRole('list', { name: 'Số liệu đọc được' });
  return r;
}

const candidates = () => within(screen.getByRole('list', { name: 'Số liệu đọc được' }));
const candidate = (name: string) => within(candidates().getByRole('listitem', { name }));
const sentenceOf = (name: string) => candidate(name).getByLabelText('Câu trong báo cáo');
const writesTo = (path: string) => api().writes.filter((w) => w.path === path);

/** On the dashboard: only Mỹ Quý, 6 tháng 2024. */
async function showMyQuySixMonths(user: UserEvent) {
  await user.click(screen.getByRole('link', { name: /Về bảng chỉ tiêu/ }));
  // as a person does with the picker: search Mỹ Quý, take it, then leave Mỹ Thới
  const box = await screen.findByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' }, { timeout: 10_000 });
  await user.type(box, 'my quy');
  await user.click(within(screen.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' })).getByRole('option', { name: /Phường Mỹ Quý/ }));
  await user.keyboard('{Escape}');
  await user.click(screen.getByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Năm' }), '2024');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), '6 tháng');
  expect(currentSearch().getAll('unit')).toEqual(['my-quy']);
  expect(currentSearch().get('period')).toBe('2024-Q2');
}

const panel = (name: string) => within(screen.getByRole('region', { name: new RegExp(name) }));
const headlineOf = async (name: string) => within(await panel(name).findByRole('list', { name: 'Số liệu chính' }));

describe('importing a report’s text', () => {
  it('reads the figures with their sentences, takes the editor’s decisions, saves one batch, and the dashboard shows them with the report as source', async () => {
    const { user } = await pasteAndRead(REPORT);

    // the ward, the period and the date of the meeting, as the text says them
    const facts = within(screen.getByRole('group', { name: 'Báo cáo (nguồn của các số liệu)' }));
    expect(facts.getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Phường Mỹ Quý (đến 30/06/2025)');
    expect(facts.getByLabelText('Năm của báo cáo')).toHaveValue('2024');
    expect(facts.getByLabelText('Kỳ của báo cáo')).toHaveDisplayValue('6 tháng');
    expect(facts.getByLabelText('Ngày họp / ngày báo cáo')).toHaveValue('2024-07-17');
    expect(facts.getByLabelText('Tên báo cáo')).toHaveValue(TITLE);

    // every candidate carries a sentence of the report with the phrase it was read from marked
    const items = candidates().getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(screen.getByRole('heading', { name: `${items.length} số liệu đọc được · 0 đã nhận · ${items.length} chờ duyệt` })).toBeInTheDocument();
    for (const item of items) {
      const sentence = within(item).getByLabelText('Câu trong báo cáo');
      const marks = sentence.querySelectorAll('mark');
      expect(marks).toHaveLength(1);
      expect(marks[0]!.textContent!.length).toBeGreaterThan(0);
      expect(REPORT).toContain(sentence.textContent);
      expect(within(item).getByText('Chờ duyệt')).toBeInTheDocument();
      expect(item).toHaveTextContent('6 tháng 2024 · Phường Mỹ Quý');
    }
    expect(candidate('Thu ngân sách nhà nước').getByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    expect(within(sentenceOf('Thu ngân sách nhà nước')).getByText(/trên 4,2 tỷ đồng$/, { selector: 'mark' })).toBeInTheDocument();
    expect(candidate('Tỷ lệ thu ngân sách so với cả năm').getByText('trên 50,17%')).toBeInTheDocument();
    expect(candidate('Tỷ lệ dân số tham gia bảo hiểm y tế').getByText('trên 80,82%')).toBeInTheDocument();
    expect(within(sentenceOf('Tỷ lệ dân số tham gia bảo hiểm y tế')).getByText(/80,82%/, { selector: 'mark' })).toBeInTheDocument();
    expect(candidate('Tỷ lệ dân số tham gia bảo hiểm y tế').getByText(/tính đến 31\/05\/2024/)).toBeInTheDocument();
    expect(candidate('Cá nhân được khen thưởng').getByText('10 người')).toBeInTheDocument();

    // accept three, reject one, correct one and accept it, leave the rest undecided
    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(screen.getByRole('button', { name: 'Nhận: Tỷ lệ dân số tham gia bảo hiểm y tế' }));
    await user.click(screen.getByRole('button', { name: 'Nhận: Cá nhân được khen thưởng' }));
    await user.click(screen.getByRole('button', { name: 'Bỏ: Tỷ lệ tham gia bảo hiểm xã hội tự nguyện' }));
    expect(candidate('Tỷ lệ tham gia bảo hiểm xã hội tự nguyện').getByText('Đã bỏ')).toBeInTheDocument();
    // the report does not say of what the 50,17% is; the editor knows it is of the year's estimate
    await user.click(screen.getByRole('button', { name: 'Sửa: Tỷ lệ thu ngân sách so với cả năm' }));
    const edit = within(candidate('Tỷ lệ thu ngân sách so với cả năm').getByRole('group', { name: /^Sửa đề xuất/ }));
    await user.selectOptions(edit.getByLabelText('So với'), 'Dự toán');
    await user.click(screen.getByRole('button', { name: 'Sửa: Tỷ lệ thu ngân sách so với cả năm' }));
    expect(candidate('Tỷ lệ thu ngân sách so với cả năm').getByText(/so với dự toán/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nhận: Tỷ lệ thu ngân sách so với cả năm' }));
    expect(screen.getByRole('heading', { name: `${items.length} số liệu đọc được · 4 đã nhận · ${items.length - 5} chờ duyệt` })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lưu 4 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Đã lưu 4 số liệu từ báo cáo “${TITLE}”. Số liệu đã có trên bảng chỉ tiêu.`);

    // one source with the report's text, then one batch of exactly the accepted figures
    expect(api().writes.map((w) => w.path)).toEqual(['/api/sources', '/api/observations']);
    const source = writesTo('/api/sources')[0]!.body as NewSource;
    expect(source).toMatchObject({ unitId: 'my-quy', title: TITLE, heldOn: '2024-07-17', periodLabel: '6 tháng 2024', text: REPORT });
    const stored = api().data.sources.find((s) => s.title === TITLE)!;
    const batch = writesTo('/api/observations')[0]!.body as NewObservation[];
    expect(batch.map((o) => o.indicatorId).sort()).toEqual(
      ['budget_revenue', 'budget_revenue_pct', 'commended_individuals', 'health_insurance_coverage'].sort(),
    );
    for (const o of batch) expect(o).toMatchObject({ unitId: 'my-quy', period: '2024-Q2', sourceId: stored.id });
    const byIndicator = new Map(batch.map((o) => [o.indicatorId, o]));
    expect(byIndicator.get('budget_revenue')).toMatchObject({ value: 4.2e9, qualifier: 'over' });
    expect(byIndicator.get('budget_revenue_pct')).toMatchObject({ value: 50.17, qualifier: 'over', basis: 'estimate' });
    expect(byIndicator.get('health_insurance_coverage')).toMatchObject({ value: 80.82, qualifier: 'over', asOf: '2024-05-31' });
    expect(byIndicator.get('commended_individuals')).toMatchObject({ value: 10 });

    // what was saved leaves the list; the rejected and the undecided stay
    await waitFor(() => expect(candidates().getAllByRole('listitem')).toHaveLength(items.length - 4));
    expect(candidate('Tỷ lệ tham gia bảo hiểm xã hội tự nguyện').getByText('Đã bỏ')).toBeInTheDocument();
    expect(candidate('Tập thể được khen thưởng').getByText('Chờ duyệt')).toBeInTheDocument();

    await showMyQuySixMonths(user);
    const budget = await headlineOf('Thu ngân sách');
    expect(await budget.findByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    expect(budget.getByText('trên 50,17%')).toBeInTheDocument();
    // the percent is said to be of the year's estimate, as the editor chose
    expect(budget.getAllByText(/dự toán năm/).length).toBeGreaterThan(0);
    const health = await headlineOf('Bảo hiểm y tế');
    expect(await health.findByText('trên 80,82%')).toBeInTheDocument();
    expect(health.getByText(/tính đến 31\/05\/2024/)).toBeInTheDocument();

    // the report is the figures' source, and its text can be read there
    const sources = within(panel('Thu ngân sách').getByRole('list', { name: 'Nguồn số liệu' }));
    const line = sources.getByRole('listitem');
    expect(line).toHaveTextContent(`${TITLE} (17/07/2024)`);
    // the list of sources leaves the text out: it is fetched once the disclosure is opened
    expect(within(line).queryByRole('group', { name: `Văn bản báo cáo: ${TITLE}` })).not.toBeInTheDocument();
    await user.click(within(line).getByText('Xem văn bản báo cáo'));
    const text = await within(line).findByRole('group', { name: `Văn bản báo cáo: ${TITLE}` });
    expect(text).toBeVisible();
    expect(text.textContent).toBe(REPORT);
  });

  it('lets the editor correct the ward and the period read from the text, and saves with the corrected ones', async () => {
    const { user } = await pasteAndRead(REPORT);
    const facts = within(screen.getByRole('group', { name: 'Báo cáo (nguồn của các số liệu)' }));
    await user.selectOptions(facts.getByLabelText('Phường, xã của báo cáo'), 'Phường Mỹ Bình (đến 30/06/2025)');
    await user.clear(facts.getByLabelText('Năm của báo cáo'));
    await user.type(facts.getByLabelText('Năm của báo cáo'), '2023');
    await user.selectOptions(facts.getByLabelText('Kỳ của báo cáo'), '9 tháng');
    expect(candidates().getByRole('listitem', { name: 'Thu ngân sách nhà nước' })).toHaveTextContent('9 tháng 2023 · Phường Mỹ Bình');

    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 1 số liệu');
    expect(writesTo('/api/sources')[0]!.body).toMatchObject({ unitId: 'my-binh', periodLabel: '9 tháng 2023', text: REPORT });
    expect(writesTo('/api/observations')[0]!.body).toMatchObject([{ unitId: 'my-binh', period: '2023-Q3', indicatorId: 'budget_revenue', value: 4.2e9 }]);

    // in the editor's list, the figure's source offers the report's text, fetched when opened
    await user.click(screen.getByRole('tab', { name: 'Số liệu' }));
    const filters = within(screen.getByRole('group', { name: 'Lọc số liệu' }));
    await user.selectOptions(filters.getByLabelText('Phường, xã'), 'Phường Mỹ Bình (đến 30/06/2025)');
    const row = (await screen.findByRole('rowheader', { name: 'Thu ngân sách nhà nước' })).closest('tr')!;
    await user.click(within(row).getByText('Văn bản báo cáo'));
    expect((await within(row).findByRole('group', { name: /^Văn bản báo cáo/ })).textContent).toBe(REPORT);
  });

  it('keeps every decision and correction when the save fails, and a retry stores the report once', async () => {
    const { user } = await pasteAndRead(REPORT);
    // the report is stored, then the batch fails once
    server.use(
      http.post('/api/observations', () => HttpResponse.json({ error: { code: 'server_error', message: 'Simulated failure 500' } }, { status: 500 }), {
        once: true,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(screen.getByRole('button', { name: 'Sửa: Tỷ lệ thu ngân sách so với cả năm' }));
    const edit = within(candidate('Tỷ lệ thu ngân sách so với cả năm').getByRole('group', { name: /^Sửa đề xuất/ }));
    await user.clear(edit.getByLabelText('Giá trị'));
    await user.type(edit.getByLabelText('Giá trị'), '50,2');
    await user.selectOptions(edit.getByLabelText('So với'), 'Dự toán');
    await user.click(screen.getByRole('button', { name: 'Nhận: Tỷ lệ thu ngân sách so với cả năm' }));
    await user.click(screen.getByRole('button', { name: 'Bỏ: Tỷ lệ tham gia bảo hiểm xã hội tự nguyện' }));
    const count = candidates().getAllByRole('listitem').length;

    await user.click(screen.getByRole('button', { name: 'Lưu 2 số liệu đã nhận' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Máy chủ gặp lỗi \(mã 500\).*những gì bạn đã nhập vẫn còn nguyên/);
    // it says what is true: the report is stored, its figures are not, a retry reuses the report
    expect(alert).toHaveTextContent(`Báo cáo “${TITLE}” đã được lưu, nhưng chưa có số liệu nào của báo cáo này được lưu.`);
    expect(alert).toHaveTextContent('bấm lưu lần nữa sẽ dùng lại báo cáo đã lưu, không lưu thêm bản mới');
    expect(alert).toHaveTextContent('Ngoài báo cáo đó, chưa có gì thay đổi');
    expect(alert).not.toHaveTextContent('Chưa có gì được lưu');
    expect(api().data.sources.filter((s) => s.title === TITLE)).toHaveLength(1);

    // nothing the editor did is lost
    expect(screen.getByLabelText('Văn bản báo cáo')).toHaveValue(REPORT);
    expect(candidates().getAllByRole('listitem')).toHaveLength(count);
    expect(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Nhận: Tỷ lệ thu ngân sách so với cả năm' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Bỏ: Tỷ lệ tham gia bảo hiểm xã hội tự nguyện' })).toHaveAttribute('aria-pressed', 'true');
    expect(edit.getByLabelText('Giá trị')).toHaveValue('50,2');
    expect(edit.getByLabelText('So với')).toHaveDisplayValue('Dự toán');
    expect(screen.getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Phường Mỹ Quý (đến 30/06/2025)');
    expect(api().data.observations.filter((o) => o.unitId === 'my-quy')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Lưu 2 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 2 số liệu');
    // the report was stored by the first attempt and reused by the second
    expect(writesTo('/api/sources')).toHaveLength(1);
    expect(api().data.sources.filter((s) => s.title === TITLE)).toHaveLength(1);
    const saved = api().data.observations.filter((o) => o.unitId === 'my-quy');
    expect(saved.map((o) => [o.indicatorId, o.value, o.basis])).toEqual(
      expect.arrayContaining([
        ['budget_revenue', 4.2e9, undefined],
        ['budget_revenue_pct', 50.2, 'estimate'],
      ]),
    );
    expect(saved).toHaveLength(2);
  });

  it('says nothing was stored when the report itself cannot be, and that the report was when only its figures fail', async () => {
    const { user } = await pasteAndRead(REPORT);
    const fail = (path: string) =>
      http.post(path, () => HttpResponse.json({ error: { code: 'server_error', message: 'Simulated failure 500' } }, { status: 500 }), { once: true });
    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));

    // the report is refused: nothing at all is stored, and the page says so
    server.use(fail('/api/sources'));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Máy chủ gặp lỗi \(mã 500\).*Chưa có gì được lưu; những gì bạn đã nhập vẫn còn nguyên\.$/);
    expect(alert).not.toHaveTextContent('đã được lưu');
    expect(api().writes).toEqual([]);
    expect(api().data.sources.filter((s) => s.title === TITLE)).toEqual([]);

    // the report is stored, its batch refused: the page says the report is stored and nothing else
    server.use(fail('/api/observations'));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(`Báo cáo “${TITLE}” đã được lưu, nhưng chưa có số liệu nào`));
    expect(screen.getByRole('alert')).not.toHaveTextContent('Chưa có gì được lưu');
    expect(api().writes.map((w) => w.path)).toEqual(['/api/sources']);

    // and it stays true when the batch fails again with the stored report reused
    server.use(fail('/api/observations'));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' })).toBeEnabled());
    expect(screen.getByRole('alert')).toHaveTextContent(`Báo cáo “${TITLE}” đã được lưu, nhưng chưa có số liệu nào`);
    expect(api().writes.map((w) => w.path)).toEqual(['/api/sources']);

    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 1 số liệu');
    expect(api().writes.map((w) => w.path)).toEqual(['/api/sources', '/api/observations']);
    expect(api().data.sources.filter((s) => s.title === TITLE)).toHaveLength(1);
  });

  it('stores a report with markup in it as plain text and shows it as written, never as HTML', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const markup = '<img src=x onerror=alert(1)>';
    const lines = REPORT.split('\n');
    lines[0] = `${lines[0]!.trim()} ${markup}`;
    const text = lines.join('\n').replace('Cụ thể: tổng thu', `Cụ thể: <b>${markup}</b> tổng thu`);
    expect(text).not.toBe(REPORT);
    const { user, container } = await pasteAndRead(text);

    expect(sentenceOf('Thu ngân sách nhà nước')).toHaveTextContent(`<b>${markup}</b> tổng thu ngân sách`);
    expect(container.querySelector('img')).toBeNull();
    expect(candidates().getByRole('listitem', { name: 'Thu ngân sách nhà nước' }).querySelector('b')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 1 số liệu');
    const stored = api().data.sources.at(-1)!;
    expect(stored.text).toBe(text);
    expect(stored.title).toBe(`${TITLE} ${markup}`);

    await showMyQuySixMonths(user);
    expect(await (await headlineOf('Thu ngân sách')).findByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    const line = within(panel('Thu ngân sách').getByRole('list', { name: 'Nguồn số liệu' })).getByRole('listitem');
    expect(line).toHaveTextContent(`${TITLE} ${markup} (17/07/2024)`);
    await user.click(within(line).getByText('Xem văn bản báo cáo'));
    const shown = await within(line).findByRole('group', { name: /^Văn bản báo cáo/ });
    expect(shown).toBeVisible();
    expect(shown.textContent).toBe(text);
    expect(shown.children).toHaveLength(0);
    expect(line.querySelector('b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });
});
