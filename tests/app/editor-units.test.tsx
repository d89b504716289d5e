/**
 * Which unit the editor page is about: the one the address asks for (`/nhap-so-lieu?unit=ID`,
 * the dashboard's link beside a unit without figures) when the token may write it, else a unit it
 * may write and a word on why; the pickers naming former units and districts as such; and an
 * imported report's units offered to confirm or change.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EDITOR_TOKEN } from '../../mocks/write-handlers';
import type { NewSource } from '../../src/api/contract';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';
import { openSignedIn, pasteReport } from './editor-session';
import { LIMITED_TOKEN, withLimitedEditorApi } from './limited-editor';

const api = withLimitedEditorApi();

const listFilter = () => within(screen.getByRole('group', { name: 'Lọc số liệu' })).getByLabelText('Phường, xã');
const selected = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.textContent;

async function openEditor(url: string, token = EDITOR_TOKEN, units?: string[]) {
  const r = openSignedIn(url, token, units);
  await screen.findByRole('tab', { name: 'Số liệu' }, { timeout: 10_000 });
  return r;
}

describe('the unit the editor opens on', () => {
  it('follows the dashboard’s link for a unit without figures: its list, and a new figure for it', async () => {
    useEditorSession.getState().signIn(EDITOR_TOKEN);
    const { user } = renderAt('/?unit=vinh-hau&period=2026-Q1');
    // each empty panel offers the link: the first one's
    const [link] = await screen.findAllByRole('link', { name: 'Nhập số liệu cho Xã Vĩnh Hậu' }, { timeout: 10_000 });
    await user.click(link!);
    await screen.findByRole('tab', { name: 'Số liệu' }, { timeout: 10_000 });
    expect(window.location.search).toBe('?unit=vinh-hau');
    expect(selected(listFilter())).toBe('Xã Vĩnh Hậu');
    expect(await screen.findByText('Chưa có số liệu nào khớp bộ lọc.')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const form = within(screen.getByRole('form', { name: 'Thêm số liệu' }));
    expect(selected(form.getByLabelText('Phường, xã'))).toBe('Xã Vĩnh Hậu');
  });

  it('opens on Mỹ Quý when asked for it', async () => {
    await openEditor('/nhap-so-lieu?unit=my-quy', LIMITED_TOKEN, ['my-thoi', 'my-quy']);
    expect(selected(listFilter())).toBe('Phường Mỹ Quý (đến 30/06/2025)');
    expect(await screen.findByRole('table')).toHaveAccessibleName(/của Phường Mỹ Quý$/);
  });

  it('says why it cannot open a unit the token may not write, and opens on one it may', async () => {
    await openEditor('/nhap-so-lieu?unit=my-binh', LIMITED_TOKEN, ['my-thoi', 'my-quy']);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Mã truy cập của bạn không được nhập số liệu, nghị quyết cho Phường Mỹ Bình; mã này chỉ được nhập cho Phường Mỹ Thới, Phường Mỹ Quý. Đang mở Phường Mỹ Thới.',
    );
    expect(selected(listFilter())).toBe('Phường Mỹ Thới');
    expect(await screen.findByRole('table')).toHaveAccessibleName(/của Phường Mỹ Thới$/);
  });

  it('says so when the address names no unit of the register', async () => {
    await openEditor('/nhap-so-lieu?unit=khong-co-don-vi');
    // it opens on the unit with the most reports, and says which
    const opened = selected(listFilter())!.replace(/ \(.*\)$/, '');
    expect(screen.getByRole('status')).toHaveTextContent(
      `Không có đơn vị có mã “khong-co-don-vi” trong danh mục phường, xã. Đang mở ${opened}.`,
    );
  });
});

describe('the unit pickers', () => {
  it('group current communes, former ones and districts, each named with its validity', async () => {
    const { user } = await openEditor('/nhap-so-lieu');
    await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
    const select = within(screen.getByRole('form', { name: 'Thêm số liệu' })).getByLabelText('Phường, xã');
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual([
      'Xã, phường, đặc khu hiện nay',
      'Xã, phường, thị trấn cũ (đã sáp nhập)',
      'Huyện, thị xã, thành phố cũ (cấp huyện)',
      'Tỉnh',
    ]);
    const inGroup = (i: number) => [...groups[i]!.querySelectorAll('option')].map((o) => o.textContent);
    expect(inGroup(0)).toHaveLength(102);
    expect(inGroup(0)).toEqual(expect.arrayContaining(['Phường Mỹ Thới', 'Phường Long Xuyên', 'Xã Vĩnh Hậu']));
    expect(inGroup(1)).toEqual(expect.arrayContaining(['Phường Mỹ Quý (đến 30/06/2025)', 'Phường Đông Xuyên (đến 31/12/2024)']));
    // namesakes of the same time say their district
    expect(inGroup(1)).toEqual(
      expect.arrayContaining(['Xã Vĩnh Phú (Huyện Thoại Sơn, đến 30/06/2025)', 'Xã Vĩnh Phú (Huyện Giang Thành, đến 30/06/2025)']),
    );
    expect(inGroup(2)).toEqual(expect.arrayContaining(['Thành phố Long Xuyên (cấp huyện, đến 30/06/2025)']));
    expect(inGroup(3)).toEqual(['Tỉnh An Giang (từ 01/07/2025)', 'Tỉnh An Giang (đến 30/06/2025)', 'Tỉnh Kiên Giang (đến 30/06/2025)']);
  });
});

/** Signed in, a report's text pasted and read. */
async function importText(text: string, token = EDITOR_TOKEN, units?: string[]) {
  const r = await openEditor('/nhap-so-lieu', token, units);
  await pasteReport(r.user, text);
  await screen.findByRole('list', { name: 'Số liệu đọc được' });
  return r;
}

const unitChoices = () => within(screen.getByRole('group', { name: 'Đơn vị được nêu trong báo cáo: chọn đơn vị của báo cáo' }));

describe('the units a report names', () => {
  it('offers the three communes named Vĩnh Phú in 2024 when the text does not say which, and saves with the one chosen', async () => {
    const { user } = await importText(
      'Đảng ủy xã Vĩnh Phú tổ chức hội nghị sơ kết 6 tháng đầu năm 2024\n' +
        'Ngày 12/7/2024, Đảng ủy xã Vĩnh Phú họp đánh giá kết quả. Thu ngân sách nhà nước trên địa bàn đạt 3 tỷ đồng, đạt 55% dự toán.',
    );
    const radios = unitChoices().getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual([
      'Xã Vĩnh Phú (Huyện Thoại Sơn, đến 30/06/2025)',
      'Xã Vĩnh Phú (Huyện Giang Thành, đến 30/06/2025)',
      'Xã Vĩnh Phú (Huyện Giồng Riềng, đến 30/06/2025)',
    ]);
    // unsure: none is chosen for the editor
    for (const r of radios) expect(r).not.toBeChecked();
    expect(screen.getByLabelText('Phường, xã của báo cáo')).toHaveValue('');

    await user.click(unitChoices().getByRole('radio', { name: 'Xã Vĩnh Phú (Huyện Giang Thành, đến 30/06/2025)' }));
    expect(selected(screen.getByLabelText('Phường, xã của báo cáo'))).toBe('Xã Vĩnh Phú (Huyện Giang Thành, đến 30/06/2025)');
    await user.click(screen.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 1 số liệu');
    const source = api().writes.find((w) => w.path === '/api/sources')!.body as NewSource;
    expect(source.unitId).toBe('vinh-phu-30791');
    expect(api().data.observations.filter((o) => o.unitId === 'vinh-phu-30791')).toEqual([
      expect.objectContaining({ indicatorId: 'budget_revenue', value: 3e9, period: '2024-Q2' }),
    ]);
  });

  it('checks the unit read, offers the others named, and shows those the token may not write without letting them be chosen', async () => {
    const { user } = await importText(
      'Đảng ủy phường Mỹ Quý tổ chức hội nghị sơ kết 9 tháng năm 2024\n' +
        'Ngày 10/10/2024, Đảng ủy phường Mỹ Quý (thành phố Long Xuyên, tỉnh An Giang) họp. Cùng với phường Mỹ Bình và phường Mỹ Thạnh, phường đã hoàn thành nhiều việc. Thu ngân sách đạt 6 tỷ đồng.',
      LIMITED_TOKEN,
      ['my-thoi', 'my-quy'],
    );
    // the wards named, not the city and province the ward's report names as its own
    const named = unitChoices()
      .getAllByRole('radio')
      .map((r) => r.closest('label')!.textContent!.split(' (mã truy cập')[0]);
    expect(named).toEqual([
      'Phường Mỹ Quý (đến 30/06/2025)',
      'Phường Mỹ Bình (đến 30/06/2025)',
      'Phường Mỹ Thạnh (đến 30/06/2025)',
    ]);
    expect(unitChoices().getByRole('radio', { name: /^Phường Mỹ Quý/ })).toBeChecked();
    const binh = unitChoices().getByRole('radio', { name: /^Phường Mỹ Bình/ });
    expect(binh).toBeDisabled();
    expect(binh.closest('label')).toHaveTextContent('mã truy cập của bạn không được nhập cho đơn vị này');
    expect(unitChoices().getByRole('radio', { name: /^Phường Mỹ Thạnh/ })).toBeDisabled();
    await user.click(binh);
    expect(screen.getByLabelText('Phường, xã của báo cáo')).toHaveValue('my-quy');
  });
});
