/**
 * An editor whose token is limited to some units (`editor:TOKEN:my-thoi,my-quy` on the server):
 * after signing in, the editor page offers only those units, says plainly that a pasted report
 * of another ward cannot be saved with this token, and tells a 403 of the server in Vietnamese
 * with the ward's name.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';
import { fillFigureForm, pasteReport } from './editor-session';
import { LIMITED_TOKEN, withLimitedEditorApi } from './limited-editor';

const api = withLimitedEditorApi();

const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

async function signInLimited() {
  const r = renderAt('/nhap-so-lieu');
  await r.user.type(await screen.findByLabelText('Mã truy cập', undefined, { timeout: 10_000 }), LIMITED_TOKEN);
  await r.user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
  await screen.findByRole('tab', { name: 'Số liệu' });
  return r;
}

describe('an editor limited to Mỹ Thới and Mỹ Quý', () => {
  it('is offered only those wards, in the list’s filter and in the figure form', async () => {
    const { user } = await signInLimited();
    const filters = within(screen.getByRole('group', { name: 'Lọc số liệu' }));
    expect(optionsOf(filters.getByLabelText('Phường, xã'))).toEqual(['Phường Mỹ Thới', 'Phường Mỹ Quý (đến 30/06/2025)']);
    expect(await screen.findByRole('table')).toHaveAccessibleName(/của Phường Mỹ Thới$/);

    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = within(screen.getByRole('form', { name: 'Thêm số liệu' }));
    expect(optionsOf(form.getByLabelText('Phường, xã'))).toEqual(['— Chọn phường, xã —', 'Phường Mỹ Thới', 'Phường Mỹ Quý (đến 30/06/2025)']);
    // the units came with the sign-in and stay with the token for this tab
    expect(JSON.parse(sessionStorage.getItem('kpi-editor-units') ?? 'null')).toEqual(['my-thoi', 'my-quy']);
  });

  it('is told, before saving, that a pasted report of Mỹ Bình cannot be saved with this token', async () => {
    const { user } = await signInLimited();
    await pasteReport(
      user,
      'Đảng ủy phường Mỹ Bình tổ chức hội nghị sơ kết 6 tháng đầu năm 2024\nNgày 15/7/2024, Đảng ủy phường Mỹ Bình họp. Thu ngân sách đạt 5 tỷ đồng, đạt 60% kế hoạch.',
    );
    const warning = await screen.findByText(/^Văn bản này là báo cáo của Phường Mỹ Bình\./);
    expect(warning).toHaveAttribute('role', 'alert');
    expect(warning).toHaveTextContent('chỉ được nhập số liệu cho Phường Mỹ Thới, Phường Mỹ Quý');
    const unit = screen.getByLabelText('Phường, xã của báo cáo');
    expect(unit).toHaveValue('');
    expect(optionsOf(unit)).toEqual(['— Chọn phường, xã —', 'Phường Mỹ Thới', 'Phường Mỹ Quý (đến 30/06/2025)']);
    expect(api().writes).toEqual([]);
  });

  it('a refusal of the server for another ward names the ward in Vietnamese', async () => {
    // units kept from an earlier sign-in that no longer match the server's
    useEditorSession.getState().signIn(LIMITED_TOKEN, ['my-thoi', 'my-binh']);
    const { user } = renderAt('/nhap-so-lieu');
    await user.click(await screen.findByRole('button', { name: 'Thêm số liệu' }, { timeout: 10_000 }));
    const form = within(screen.getByRole('form', { name: 'Thêm số liệu' }));
    await fillFigureForm(user, form, { unit: 'Phường Mỹ Bình (đến 30/06/2025)', indicator: 'Thu ngân sách nhà nước', year: '2023', period: '6 tháng', value: '5 tỷ', source: 'my-binh-2023-midterm' });
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await form.findByText(/^Mã truy cập này không được nhập số liệu cho Phường Mỹ Bình\. Chưa có gì được lưu/)).toBeInTheDocument();
    expect(api().writes).toEqual([]);
    expect(api().data.observations.filter((o) => o.unitId === 'my-binh' && o.period === '2023-Q2' && o.indicatorId === 'budget_revenue')).toEqual([]);
  });
});
