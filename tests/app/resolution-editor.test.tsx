/**
 * The editors' "Nghị quyết" tab, as the app hands it to the editor's page, against the msw write
 * handlers (an in-memory copy of data/ taking writes as the real server does): creating a
 * resolution with a target whose type is explained, refusing what cannot be saved with nothing
 * written, a stale edit (409) said and reloaded, deleting after a confirmation, a pasted list
 * read into candidates to accept or correct, and a token limited to some units.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { EDITOR_TOKEN } from '../../mocks/write-handlers';
import { createQueryClient } from '../../src/app/query-client';
import { EditorPage } from '../../src/features/editor/editor-page';
import { useEditorSession } from '../../src/features/editor/token-store';
import { ResolutionEditor } from '../../src/features/resolutions/resolution-editor';
import { MY_THOI_2026 as STORED, withEditorApi } from './editor-session';

const LIMITED_TOKEN = 'limited-token-for-resolutions-000000';

const api = withEditorApi(() => ({
  dataset: { ...loadDataset(), resolutions: [structuredClone(STORED)] } as never,
  tokens: { editor: [EDITOR_TOKEN, { token: LIMITED_TOKEN, units: ['long-xuyen'] }] },
}));

async function openTab(token = EDITOR_TOKEN, units?: string[], unitId = 'my-thoi') {
  useEditorSession.getState().signIn(token, units);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <EditorPage unitId={unitId} ReportText={() => null} Resolutions={ResolutionEditor} />
    </QueryClientProvider>,
  );
  await user.click(await screen.findByRole('tab', { name: 'Nghị quyết' }));
  return user;
}

const form = (name: string) => within(screen.getByRole('form', { name }));

describe('creating a resolution', () => {
  it('explains the chosen type in plain words and stores the resolution with its target', async () => {
    const user = await openTab();
    expect(await screen.findByText(/Nghị quyết năm 2026 \(giả lập\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Thêm nghị quyết' }));
    const f = form('Thêm nghị quyết');
    await user.type(f.getByLabelText('Tên nghị quyết'), 'Nghị quyết Đại hội thử, nhiệm kỳ 2025–2030');
    await user.type(f.getByLabelText('Nội dung chỉ tiêu'), 'Tỷ lệ tham gia bảo hiểm y tế đạt 96% vào năm 2030');
    await user.selectOptions(f.getByLabelText('Loại chỉ tiêu'), 'Đạt mức … vào cuối nhiệm kỳ');
    expect(f.getByText(/Một mức phải đạt vào cuối nhiệm kỳ/)).toBeInTheDocument();
    await user.selectOptions(f.getByLabelText('Loại chỉ tiêu'), 'Mỗi năm ít nhất …');
    expect(f.getByText(/Năm nào cũng phải đạt ít nhất mức này/)).toBeInTheDocument();
    await user.selectOptions(f.getByLabelText('Loại chỉ tiêu'), 'Đạt mức … vào cuối nhiệm kỳ');
    await user.type(f.getByLabelText('Giá trị'), '96');
    await user.selectOptions(f.getByLabelText('Số liệu đo chỉ tiêu'), 'Tỷ lệ dân số tham gia bảo hiểm y tế');
    await user.click(f.getByRole('button', { name: 'Lưu nghị quyết' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Đã thêm nghị quyết: Nghị quyết Đại hội thử, nhiệm kỳ 2025–2030 (1 chỉ tiêu).');
    const stored = api().data.resolutions.find((r) => r.title.startsWith('Nghị quyết Đại hội thử'))!;
    expect(stored).toMatchObject({ unitId: 'my-thoi', kind: 'term', term: '2025-2030', targets: [{ number: 1, type: 'level_by_end', value: 96, unit: 'percent', indicatorId: 'health_insurance_coverage' }] });
    expect(await screen.findByText(/Nghị quyết Đại hội thử, nhiệm kỳ 2025–2030/, { selector: 'strong' })).toBeInTheDocument();
  });

  it('says in Vietnamese what to fix and writes nothing', async () => {
    const user = await openTab();
    await user.click(await screen.findByRole('button', { name: 'Thêm nghị quyết' }));
    const f = form('Thêm nghị quyết');
    await user.click(f.getByRole('radio', { name: 'Nghị quyết năm' }));
    await user.type(f.getByLabelText('Nội dung chỉ tiêu'), 'Một chỉ tiêu');
    await user.type(f.getByLabelText('Giá trị'), 'nhiều');
    await user.click(f.getByRole('button', { name: 'Lưu nghị quyết' }));
    const alert = f.getByRole('alert');
    expect(alert).toHaveTextContent('Hãy nhập tên nghị quyết.');
    expect(alert).toHaveTextContent('Năm của nghị quyết phải là một năm, ví dụ 2026.');
    expect(alert).toHaveTextContent('Chỉ tiêu số 1: hãy chọn loại chỉ tiêu.');
    expect(alert).toHaveTextContent('Chỉ tiêu số 1: giá trị phải là một số không âm, ví dụ 95 hoặc 8,5.');
    expect(api().writes).toEqual([]);
  });
});

describe('editing and deleting', () => {
  it('a stale edit says so, saves nothing, and reloads the resolution as it is now', async () => {
    const user = await openTab();
    await user.click(await screen.findByRole('button', { name: 'Sửa Nghị quyết năm 2026 (giả lập)' }));
    const f = form('Sửa nghị quyết');
    expect(f.getByLabelText('Giá trị')).toHaveValue('20');
    // someone else saves a change meanwhile
    const other = await fetch('/api/resolutions/nq-my-thoi-2026', {
      method: 'PUT',
      headers: { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...STORED, id: undefined, title: 'Nghị quyết năm 2026 (giả lập, đã sửa)', version: 1, targets: STORED.targets }),
    });
    expect(other.status).toBe(200);
    await user.clear(f.getByLabelText('Giá trị'));
    await user.type(f.getByLabelText('Giá trị'), '30');
    await user.click(f.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await f.findByText(/vừa được sửa ở nơi khác \(bạn sửa từ phiên bản 1, nay là phiên bản 2\)/)).toBeInTheDocument();
    expect(api().data.resolutions.find((r) => r.id === STORED.id)!.targets[0]!.value).toBe(20);

    await user.click(f.getByRole('button', { name: 'Tải bản mới nhất' }));
    const again = form('Sửa nghị quyết');
    expect(again.getByLabelText('Tên nghị quyết')).toHaveValue('Nghị quyết năm 2026 (giả lập, đã sửa)');
    await user.clear(again.getByLabelText('Giá trị'));
    await user.type(again.getByLabelText('Giá trị'), '30');
    await user.click(again.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu thay đổi nghị quyết: Nghị quyết năm 2026 (giả lập, đã sửa)');
    expect(api().data.resolutions.find((r) => r.id === STORED.id)).toMatchObject({ version: 3, targets: [{ value: 30 }] });
  });

  it('deletes only after a confirmation', async () => {
    const user = await openTab();
    await user.click(await screen.findByRole('button', { name: 'Xóa Nghị quyết năm 2026 (giả lập)' }));
    const confirm = within(screen.getByRole('alertdialog', { name: 'Xác nhận xóa nghị quyết' }));
    expect(confirm.getByText(/cùng 1 chỉ tiêu của nó\? Việc này không hoàn tác được/)).toBeInTheDocument();
    await user.click(confirm.getByRole('button', { name: 'Thôi' }));
    expect(api().writes).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Xóa Nghị quyết năm 2026 (giả lập)' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Xóa hẳn' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã xóa nghị quyết: Nghị quyết năm 2026 (giả lập).');
    expect(api().data.resolutions).toEqual([]);
    expect(await screen.findByText('Chưa có nghị quyết nào của đơn vị này.')).toBeInTheDocument();
  });
});

describe('a pasted list of targets', () => {
  it('reads each line into a candidate shown with its sentence, to accept or correct before saving', async () => {
    const user = await openTab();
    await user.click(await screen.findByRole('button', { name: 'Thêm nghị quyết' }));
    const f = form('Thêm nghị quyết');
    await user.type(f.getByLabelText('Tên nghị quyết'), 'Nghị quyết thử có danh sách dán');
    await user.click(f.getByText('Dán danh sách chỉ tiêu'));
    const lines = ['Mỗi năm kết nạp ít nhất 22 đảng viên mới', 'Thu ngân sách tăng bình quân 8–9%/năm', 'Giữ vững an ninh chính trị trên địa bàn'];
    await user.click(f.getByLabelText(/Danh sách chỉ tiêu/));
    await user.paste(lines.join('\n'));
    await user.click(f.getByRole('button', { name: 'Đọc danh sách' }));
    expect(f.getByText(/Đã đọc 3 dòng thành chỉ tiêu đề xuất, 1 dòng chưa đọc được số/)).toBeInTheDocument();

    const groups = f.getAllByRole('group', { name: /^Chỉ tiêu số/ });
    expect(groups).toHaveLength(3);
    const [first, second, third] = groups.map((g) => within(g));
    expect(first!.getByText('Mỗi năm kết nạp ít nhất 22 đảng viên mới', { selector: 'q' })).toBeInTheDocument();
    expect(first!.getByLabelText('Loại chỉ tiêu')).toHaveDisplayValue('Mỗi năm ít nhất …');
    expect(first!.getByLabelText('Giá trị')).toHaveValue('22');
    expect(first!.getByLabelText('Số liệu đo chỉ tiêu')).toHaveDisplayValue('Đảng viên mới kết nạp');
    expect(second!.getByLabelText('Loại chỉ tiêu')).toHaveDisplayValue('Tăng bình quân …%/năm');
    expect(second!.getByLabelText('Giá trị')).toHaveValue('8');
    expect(second!.getByLabelText('Đến (nếu là khoảng)')).toHaveValue('9');
    // the line without a number is not accepted until it is corrected
    expect(third!.getByRole('checkbox', { name: 'Nhận chỉ tiêu này' })).not.toBeChecked();
    // a correction: 25 members, not 22
    await user.clear(first!.getByLabelText('Giá trị'));
    await user.type(first!.getByLabelText('Giá trị'), '25');
    await user.click(f.getByRole('button', { name: 'Lưu nghị quyết' }));

    // the list's own status ("Đã đọc 3 dòng…") stays until the save is answered
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Đã thêm nghị quyết: Nghị quyết thử có danh sách dán (2 chỉ tiêu).'));
    const stored = api().data.resolutions.find((r) => r.title === 'Nghị quyết thử có danh sách dán')!;
    expect(stored.targets.map((t) => [t.number, t.type, t.value, t.valueMax, t.indicatorId])).toEqual([
      [1, 'yearly_min', 25, undefined, 'new_party_members'],
      // a growth is measured on the amount collected, not on a percent of the estimate
      [2, 'yearly_growth', 8, 9, 'budget_revenue'],
    ]);
  });
});

describe('a token limited to some units', () => {
  it('offers only its units', async () => {
    await openTab(LIMITED_TOKEN, ['long-xuyen'], 'long-xuyen');
    const unit = await screen.findByRole('combobox', { name: 'Phường, xã' });
    expect(within(unit).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Long Xuyên')]);
    expect(await screen.findByText('Chưa có nghị quyết nào của đơn vị này.')).toBeInTheDocument();
  });
});
