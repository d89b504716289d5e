/**
 * The editor page against the msw write handlers (an in-memory copy of data/ that takes writes
 * as the real server does): sign-in, adding, validation, a stale edit, deleting.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { EDITOR_TOKEN, VIEWER_TOKEN } from '../../mocks/write-handlers';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';
import { fillFigureForm, openSignedIn, withEditorApi } from './editor-session';

const api = withEditorApi();

beforeEach(() => {
  localStorage.clear();
});

/** Opens the editor already signed in, and waits for the list. */
async function openEditor() {
  const r = openSignedIn();
  await screen.findByRole('table');
  return r;
}

const addForm = () => within(screen.getByRole('form', { name: 'Thêm số liệu' }));
const editForm = () => within(screen.getByRole('form', { name: 'Sửa số liệu' }));

describe('signing in', () => {
  it('refuses a wrong token and a viewer’s token, keeps an editor’s in sessionStorage, and signs out', async () => {
    const { user } = renderAt('/nhap-so-lieu');
    const tokenBox = await screen.findByLabelText('Mã truy cập');

    await user.type(tokenBox, 'not-a-token-at-all-000000000000');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã truy cập không đúng hoặc đã bị thu hồi');

    await user.clear(tokenBox);
    await user.type(tokenBox, VIEWER_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText(/Mã này chỉ có quyền xem số liệu, không thể nhập hay sửa/)).toBeInTheDocument();
    expect(sessionStorage.getItem('kpi-editor-token')).toBeNull();

    await user.clear(tokenBox);
    await user.type(tokenBox, EDITOR_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('tab', { name: 'Số liệu' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Mã truy cập')).not.toBeInTheDocument();
    expect(sessionStorage.getItem('kpi-editor-token')).toBe(EDITOR_TOKEN);
    expect(Object.values({ ...localStorage })).not.toContain(EDITOR_TOKEN);
    // the check wrote nothing
    expect(api().writes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByLabelText('Mã truy cập')).toBeInTheDocument();
    expect(sessionStorage.getItem('kpi-editor-token')).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Số liệu' })).not.toBeInTheDocument();
  });

  it('is reached from the dashboard by the link “Nhập số liệu”, and leads back', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q3');
    await user.click(await screen.findByRole('link', { name: 'Nhập số liệu' }));
    expect(window.location.pathname).toBe('/nhap-so-lieu');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập để nhập số liệu' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /Về bảng chỉ tiêu/ }));
    expect(await screen.findByRole('region', { name: /Thu ngân sách/ })).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/?unit=my-thoi&period=2024-Q3');
  });

  it('keeps the chosen view through back and forward between the dashboard and the editor', async () => {
    const { user } = renderAt('/?unit=my-thoi&unit=my-quy&period=2024-Q2');
    await user.click(await screen.findByRole('link', { name: 'Nhập số liệu' }));
    await user.click(await screen.findByRole('link', { name: /Về bảng chỉ tiêu/ }));
    await screen.findByRole('region', { name: /Thu ngân sách/ });

    act(() => window.history.back());
    await screen.findByRole('heading', { name: 'Đăng nhập để nhập số liệu' });
    // the editor's address stays its own: no filters written onto it
    expect(window.location.pathname + window.location.search).toBe('/nhap-so-lieu');

    act(() => window.history.back());
    await screen.findByRole('region', { name: /Thu ngân sách/ });
    expect(window.location.pathname + window.location.search).toBe('/?unit=my-thoi&unit=my-quy&period=2024-Q2');
    expect(screen.getByRole('combobox', { name: 'Kỳ' })).toHaveValue('2');

    act(() => window.history.forward());
    await screen.findByRole('heading', { name: 'Đăng nhập để nhập số liệu' });
    act(() => window.history.forward());
    await screen.findByRole('region', { name: /Thu ngân sách/ });
    expect(window.location.search).toBe('?unit=my-thoi&unit=my-quy&period=2024-Q2');
  });
});

describe('entering figures', () => {
  it('adds a figure typed the vi-VN way, lists it, and shows it on the dashboard at once', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = addForm();
    expect(form.getByLabelText('Phường, xã')).toHaveValue('my-thoi');
    await fillFigureForm(user, form, { indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', year: '2025', period: '6 tháng', value: '91,25', asOf: '2025-06-30', source: 'Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024 (30/12/2024)' });
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Đã thêm: Tỷ lệ dân số tham gia bảo hiểm y tế, Phường Mỹ Thới, 6 tháng 2025: 91,25%.',
    );
    expect(api().writes).toEqual([
      {
        method: 'POST',
        path: '/api/observations',
        body: [
          {
            unitId: 'my-thoi',
            indicatorId: 'health_insurance_coverage',
            period: '2025-Q2',
            value: 91.25,
            qualifier: 'exact',
            asOf: '2025-06-30',
            sourceId: 'my-thoi-2024-year',
          },
        ],
      },
    ]);
    expect(await screen.findByRole('row', { name: /^6 tháng 2025 Tỷ lệ dân số tham gia bảo hiểm y tế 91,25% tính đến 30\/06\/2025/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Về bảng chỉ tiêu/ }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Năm' }), '2025');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), '6 tháng');
    const health = screen.getByRole('region', { name: /Bảo hiểm y tế/ });
    expect(await within(health).findByText('91,25%')).toBeInTheDocument();
  });

  it('reads "1.770" as one thousand seven hundred and seventy', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = addForm();
    await fillFigureForm(user, form, { indicator: 'Phần quà trao tặng', year: '2025', value: '1.770', source: 'my-thoi-2024-year' });
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Cả năm 2025: 1.770 phần quà');
    expect((api().writes[0]!.body as { value: number }[])[0]!.value).toBe(1770);
  });

  it('says in Vietnamese, next to each field, what is wrong, and sends nothing', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = addForm();
    await user.selectOptions(form.getByLabelText('Phường, xã'), '');
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(form.getByLabelText('Phường, xã')).toHaveAccessibleDescription('Hãy chọn phường, xã.');
    expect(form.getByLabelText('Chỉ tiêu')).toHaveAccessibleDescription('Hãy chọn chỉ tiêu.');
    expect(form.getByLabelText('Năm')).toHaveAccessibleDescription('Năm phải có 4 chữ số, ví dụ 2024.');
    expect(form.getByLabelText('Giá trị')).toHaveAccessibleDescription(/Hãy nhập giá trị\.$/);
    expect(form.getByLabelText('Nguồn')).toHaveAccessibleDescription('Hãy chọn nguồn số liệu.');
    expect(form.getByLabelText('Giá trị')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByRole('alert')).toHaveTextContent('Có 5 ô cần sửa');

    // the indicator's rules: coverage is at most 100, a ward that ceased to exist has no 2026
    await fillFigureForm(user, form, { unit: 'Phường Mỹ Bình (đến 30/06/2025)', indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', year: '2026', value: '120', source: 'my-binh-2023-midterm' });
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(form.getByLabelText('Giá trị')).toHaveAccessibleDescription(/Giá trị không được quá 100\.$/);
    expect(form.getByLabelText('Năm')).toHaveAccessibleDescription(
      'Phường Mỹ Bình không tồn tại trong kỳ Cả năm 2026 (đơn vị đã sáp nhập hoặc chưa thành lập).',
    );

    await user.clear(form.getByLabelText('Giá trị'));
    await user.type(form.getByLabelText('Giá trị'), '9x');
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(form.getByLabelText('Giá trị')).toHaveAccessibleDescription(/Không đọc được số “9x”/);
    expect(api().writes).toEqual([]);
  });

  it('keeps everything typed when the save fails', async () => {
    const { user } = await openEditor();
    server.use(http.post('/api/observations', () => HttpResponse.json({ error: { code: 'boom', message: 'x' } }, { status: 500 })));
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = addForm();
    await fillFigureForm(user, form, { indicator: 'Hộ nghèo giảm', year: '2025', value: '03', note: 'Số từ báo cáo miệng', source: 'my-thoi-2024-year' });
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await form.findByRole('alert')).toHaveTextContent(/Máy chủ gặp lỗi \(mã 500\).*Chưa có gì được lưu/);
    expect(form.getByLabelText('Giá trị')).toHaveValue('03');
    expect(form.getByLabelText('Ghi chú')).toHaveValue('Số từ báo cáo miệng');
    expect(form.getByLabelText('Chỉ tiêu')).toHaveValue('poor_households_reduced');
  });

  it('asks to sign in again on a 401, without losing the form', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = addForm();
    await fillFigureForm(user, form, { indicator: 'Hộ nghèo giảm', year: '2025', value: '4', source: 'my-thoi-2024-year' });
    // the token is revoked while the form is open (a store change: React re-renders in act)
    act(() => useEditorSession.setState({ token: 'revoked-token-000000000000000000' }));
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await form.findByRole('alert')).toHaveTextContent(/Mã truy cập không còn hiệu lực/);
    const again = await screen.findByLabelText('Mã truy cập');
    await user.type(again, EDITOR_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => expect(screen.queryByLabelText('Mã truy cập')).not.toBeInTheDocument());
    await user.click(addForm().getByRole('button', { name: 'Lưu số liệu' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã thêm: Hộ nghèo giảm, Phường Mỹ Thới, Cả năm 2025: 4 hộ.');
    // the list is refetched with the new figure in it
    expect(await screen.findByRole('row', { name: /^Cả năm 2025 Hộ nghèo giảm 4 hộ/ })).toBeInTheDocument();
  });

  it('on a stale edit (409) shows both versions and lets the editor keep theirs', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Sửa Thu ngân sách nhà nước, Cả năm 2024' }));
    const form = editForm();
    expect(form.getByLabelText('Giá trị')).toHaveValue('12000000000');
    await user.clear(form.getByLabelText('Giá trị'));
    await user.type(form.getByLabelText('Giá trị'), '12,5 tỷ');

    // meanwhile someone else corrects the same figure
    const i = api().data.observations.findIndex((o) => o.id === 'my-thoi-2024-q4-budget-revenue');
    api().data.observations[i] = { ...api().data.observations[i]!, value: 13e9, qualifier: 'exact', version: 2 };

    await user.click(form.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await form.findByText(/vừa được người khác sửa/)).toBeInTheDocument();
    const compare = within(form.getByRole('group', { name: 'So sánh hai bản số liệu' }));
    expect(compare.getByRole('row', { name: 'Giá trị trên 12,5 tỷ đồng 13 tỷ đồng' })).toBeInTheDocument();
    expect(compare.getByRole('row', { name: 'Mức độ Trên (hơn) Đúng bằng' })).toBeInTheDocument();
    // nothing typed was lost
    expect(form.getByLabelText('Giá trị')).toHaveValue('12,5 tỷ');

    await user.click(compare.getByRole('button', { name: 'Giữ bản của tôi (ghi đè)' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu thay đổi: Thu ngân sách nhà nước, Phường Mỹ Thới, Cả năm 2024: trên 12,5 tỷ đồng.');
    expect(api().writes.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/api/observations/my-thoi-2024-q4-budget-revenue',
      body: { value: 12.5e9, qualifier: 'over', version: 2 },
    });
    expect(api().data.observations.find((o) => o.id === 'my-thoi-2024-q4-budget-revenue')).toMatchObject({ value: 12.5e9, version: 3 });
  });

  it('on a stale edit can take the current version instead', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Sửa Thu ngân sách nhà nước, Cả năm 2024' }));
    const form = editForm();
    await user.clear(form.getByLabelText('Giá trị'));
    await user.type(form.getByLabelText('Giá trị'), '11 tỷ');
    const i = api().data.observations.findIndex((o) => o.id === 'my-thoi-2024-q4-budget-revenue');
    api().data.observations[i] = { ...api().data.observations[i]!, value: 13e9, version: 2 };
    await user.click(form.getByRole('button', { name: 'Lưu thay đổi' }));
    await user.click(await form.findByRole('button', { name: 'Dùng bản hiện tại' }));
    expect(form.getByLabelText('Giá trị')).toHaveValue('13000000000');
    expect(form.queryByRole('group', { name: 'So sánh hai bản số liệu' })).not.toBeInTheDocument();
    expect(api().writes).toEqual([]);
  });

  it('deletes only after confirmation', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Xóa Thu ngân sách nhà nước, Cả năm 2024' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Xóa số liệu “Thu ngân sách nhà nước, Cả năm 2024: trên 12 tỷ đồng”?');
    await user.click(within(dialog).getByRole('button', { name: 'Không xóa' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api().writes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Xóa Thu ngân sách nhà nước, Cả năm 2024' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Xóa' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã xóa: Thu ngân sách nhà nước, Phường Mỹ Thới, Cả năm 2024: trên 12 tỷ đồng.');
    expect(api().writes).toEqual([{ method: 'DELETE', path: '/api/observations/my-thoi-2024-q4-budget-revenue?version=1', body: undefined }]);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Xóa Thu ngân sách nhà nước, Cả năm 2024' })).not.toBeInTheDocument(),
    );
  });

  it('filters the list by ward, family, indicator and period', async () => {
    const { user } = await openEditor();
    const filters = within(screen.getByRole('group', { name: 'Lọc số liệu' }));
    await user.selectOptions(filters.getByLabelText('Nhóm chỉ tiêu'), 'Bảo hiểm y tế');
    await waitFor(() => expect(screen.getByRole('table')).toHaveTextContent(/^(?!.*Thu ngân sách).*$/s));
    await user.selectOptions(filters.getByLabelText('Kỳ báo cáo'), '9 tháng 2024');
    const table = within(screen.getByRole('table'));
    expect(table.getAllByRole('row')).toHaveLength(2);
    expect(table.getByRole('cell', { name: '88,44%' })).toBeInTheDocument();
    await user.selectOptions(filters.getByLabelText('Phường, xã'), 'Phường Mỹ Quý (đến 30/06/2025)');
    await user.selectOptions(filters.getByLabelText('Kỳ báo cáo'), 'Tất cả');
    expect(await screen.findByText(/số liệu của Phường Mỹ Quý/)).toBeInTheDocument();
  });
});
