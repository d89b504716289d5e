/**
 * The unit picker on the dashboard, against the real register (msw's default handlers): search
 * as you type, the groups of former units, the province as one choice, chips, "Chỉ chọn đơn vị
 * này", the keyboard alone, and the person's own units kept in this browser.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MY_UNITS_KEY } from '../../src/features/filters/my-units';
import { currentSearch, renderAt } from '../render';

/** The search box (its code is a chunk of its own: the first test waits for it to load). */
const searchBox = () => screen.findByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' }, { timeout: 10_000 });
const listbox = () => screen.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' });
const option = (name: string | RegExp) => within(listbox()).getByRole('option', { name });
/** The row of an option: the option and, beside it, the pointer's star and "Chỉ chọn". */
const rowOf = (name: string | RegExp) => within(option(name).parentElement!);
const chips = () => within(screen.getByRole('list', { name: 'Đơn vị đã chọn' }));
const units = () => currentSearch().getAll('unit');

afterEach(() => localStorage.clear());

describe('the unit picker', () => {
  it('finds Phường Mỹ Thới with or without diacritics, by code, and with its kind written short', async () => {
    const { user } = renderAt('/?unit=my-quy&period=2024-Q4');
    const box = await searchBox();
    for (const typed of ['my thoi', 'MỸ THỚI', '30301', 'p. my thoi', 'phuong my thoi']) {
      await user.clear(box);
      await user.type(box, typed);
      expect(box).toHaveAttribute('aria-expanded', 'true');
      const first = within(listbox()).getAllByRole('option')[0];
      expect(first, typed).toHaveAccessibleName('Phường Mỹ Thới');
    }
    // "Hoà" finds "Hòa", and another spelling of a name counts
    await user.clear(box);
    await user.type(box, 'Mỹ Hoà Hưng');
    expect(option('Xã Mỹ Hòa Hưng')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'Ô Long Vĩ');
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAccessibleName(/^Xã Ô Long V/);
    await user.clear(box);
    await user.type(box, 'không có đơn vị này');
    expect(within(listbox()).queryAllByRole('option')).toEqual([]);
    expect(screen.getByText(/Không tìm thấy đơn vị nào khớp/)).toBeInTheDocument();
  });

  it('chooses a ward found by search; the URL follows and a chip shows it', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.type(await searchBox(), 'my quy');
    await user.click(option(/^Phường Mỹ Quý/));
    expect(units()).toEqual(['my-thoi', 'my-quy']);
    expect(option(/^Phường Mỹ Quý/)).toHaveAttribute('aria-selected', 'true');
    expect(chips().getByRole('button', { name: 'Bỏ chọn Phường Mỹ Quý (đến 30/06/2025)' })).toBeInTheDocument();
    // clicking it again leaves it
    await user.click(option(/^Phường Mỹ Quý/));
    expect(units()).toEqual(['my-thoi']);
  });

  it('lists current units first and a former ward under the unit it went into, saying until when', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.type(await searchBox(), '30307');
    const groups = within(listbox()).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Xã, phường, đặc khu hiện nay',
      'Đơn vị cũ, nay thuộc Phường Long Xuyên',
    ]);
    expect(within(groups[0]!).getByRole('option')).toHaveAccessibleName('Phường Long Xuyên');
    const former = within(screen.getByRole('group', { name: 'Đơn vị cũ, nay thuộc Phường Long Xuyên' }));
    expect(former.getByRole('option')).toHaveAccessibleName('Phường Mỹ Hòa, đến 30/06/2025, nay thuộc Phường Long Xuyên');

    // a commune split between new units is under each of them, as a part
    await user.clear(await searchBox());
    await user.type(await searchBox(), 'Phước Hưng');
    for (const to of ['Xã An Phú', 'Xã Nhơn Hội', 'Xã Phú Hữu']) {
      const group = within(screen.getByRole('group', { name: `Đơn vị cũ, nay thuộc ${to}` }));
      expect(group.getByRole('option', { name: `Xã Phước Hưng, đến 30/06/2025, một phần nay thuộc ${to}` })).toBeInTheDocument();
    }
  });

  it('chooses the whole province in one choice: the URL names the province, the chip counts its communes', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.type(await searchBox(), 'an giang');
    await user.click(option('Toàn tỉnh An Giang, 102 xã, phường'));
    expect(units()).toEqual(['my-thoi', 'an-giang']);
    expect(chips().getByRole('button', { name: 'Bỏ chọn Toàn tỉnh An Giang (102 xã, phường)' })).toBeInTheDocument();
  });

  it('opens a link naming the province as it is, with no notice', async () => {
    renderAt('/?unit=an-giang&period=2024-Q4');
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Toàn tỉnh An Giang (102 xã, phường)' })).toBeInTheDocument();
    // the units' list has arrived: the province is a known unit, kept in the URL
    await waitFor(() => expect(units()).toEqual(['an-giang']));
    expect(screen.queryByText(/Không tìm thấy phường/)).not.toBeInTheDocument();
  });

  it('chooses a former district as one choice, for the periods before 2025', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.type(await searchBox(), 'tp long xuyen');
    const district = within(screen.getByRole('group', { name: 'Tỉnh, huyện, thị xã, thành phố trước 01/07/2025' })).getByRole('option', {
      name: /^Thành phố Long Xuyên, đến 30\/06\/2025 · \d+ xã, phường/,
    });
    await user.click(district);
    expect(units()).toEqual(['my-thoi', 'thanh-pho-long-xuyen']);
    expect(chips().getByRole('button', { name: /^Bỏ chọn Thành phố Long Xuyên \(đến 30\/06\/2025, \d+ xã, phường\)$/ })).toBeInTheDocument();
  });

  it('removes chips one by one and all at once; past eight, the rest are behind “+ N đơn vị khác”', async () => {
    const many = ['my-thoi', 'my-quy', 'my-binh', 'my-thanh', 'my-hoa', 'long-xuyen', 'my-hoa-hung', 'an-giang', 'my-long', 'my-xuyen'];
    const { user } = renderAt(`/?${many.map((u) => `unit=${u}`).join('&')}&period=2024-Q4`);
    await screen.findByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' });
    expect(chips().getAllByRole('button', { name: /^Bỏ chọn/ })).toHaveLength(8);
    await user.click(chips().getByRole('button', { name: '+ 2 đơn vị khác' }));
    expect(chips().getAllByRole('button', { name: /^Bỏ chọn/ })).toHaveLength(10);

    await user.click(chips().getByRole('button', { name: 'Bỏ chọn Phường Mỹ Quý (đến 30/06/2025)' }));
    expect(units()).toEqual(many.filter((u) => u !== 'my-quy'));
    // the focus goes to the next chip, not to the page
    expect(document.activeElement).toHaveAccessibleName('Bỏ chọn Phường Mỹ Bình (đến 30/06/2025)');

    await user.click(screen.getByRole('button', { name: 'Bỏ chọn tất cả' }));
    // the URL names no unit (“unit=”), so that a reload does not fall back to the default one
    expect(units()).toEqual(['']);
    expect(screen.getByText(/Chưa chọn đơn vị nào/)).toBeInTheDocument();
    expect(await searchBox()).toHaveFocus();
  });

  it('keeps a cleared choice over a reload, back and forward: no unit, and the page says to choose one', async () => {
    const first = renderAt('/?unit=my-thoi&unit=my-quy&period=2024-Q4');
    await first.user.click(await screen.findByRole('button', { name: 'Bỏ chọn tất cả' }));
    expect(currentSearch().toString()).toBe('unit=&period=2024-Q4');
    const cleared = `/?${currentSearch().toString()}`;
    first.unmount();

    // the cleared link opened again: nothing chosen, every panel asks for a unit, no notice
    renderAt(cleared);
    expect(await screen.findByText(/Chưa chọn đơn vị nào: tìm và chọn ít nhất một phường, xã/)).toBeInTheDocument();
    for (const name of ['Thu ngân sách', 'Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết']) {
      expect(within(screen.getByRole('region', { name })).getByText('Hãy chọn một phường, xã (hoặc cả tỉnh) để xem số liệu.')).toBeInTheDocument();
    }
    expect(screen.queryByRole('list', { name: 'Đơn vị đã chọn' })).not.toBeInTheDocument();
    expect(screen.queryByText(/không hợp lệ|Không tìm thấy/)).not.toBeInTheDocument();

    // choosing a unit is a new entry; back is the cleared choice again, forward the unit
    const { user } = { user: first.user };
    await user.type(await searchBox(), 'my thoi');
    await user.click(option('Phường Mỹ Thới'));
    expect(units()).toEqual(['my-thoi']);
    act(() => window.history.back());
    await waitFor(() => expect(units()).toEqual(['']));
    expect(await screen.findByText(/Chưa chọn đơn vị nào/)).toBeInTheDocument();
    act(() => window.history.forward());
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' })).toBeInTheDocument();
  });

  it('switches to one other unit in one action (“Chỉ chọn đơn vị này”), by pointer and by Shift+Enter', async () => {
    const { user } = renderAt('/?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const box = await searchBox();
    await user.type(box, 'my quy');
    await user.click(rowOf(/^Phường Mỹ Quý/).getByTitle('Chỉ chọn đơn vị này'));
    expect(units()).toEqual(['my-quy']);
    expect(box).toHaveAttribute('aria-expanded', 'false');

    await user.clear(box);
    await user.type(box, 'long xuyen');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(units()).toEqual(['long-xuyen']);
    expect(screen.getByText('Chỉ chọn Phường Long Xuyên.')).toBeInTheDocument();
  });

  it('offers the active unit’s star and “Chỉ chọn” as real buttons under the list, for a tap or a screen reader', async () => {
    const { user } = renderAt('/?unit=my-thoi&unit=my-binh&period=2024-Q4');
    const box = await searchBox();
    await user.type(box, 'my quy');
    // a tap (a screen reader's double tap) on an option chooses it and makes it the active one
    await user.click(option(/^Phường Mỹ Quý/));
    expect(units()).toEqual(['my-thoi', 'my-binh', 'my-quy']);
    const bar = within(screen.getByRole('group', { name: 'Thao tác với Phường Mỹ Quý' }));
    const star = bar.getByRole('button', { name: 'Đơn vị của tôi' });
    expect(star).toHaveAttribute('aria-pressed', 'false');
    expect(star).toHaveAccessibleDescription('Phường Mỹ Quý');
    await user.click(star);
    expect(bar.getByRole('button', { name: 'Đơn vị của tôi' })).toHaveAttribute('aria-pressed', 'true');
    expect(JSON.parse(localStorage.getItem(MY_UNITS_KEY)!)).toEqual(['my-quy']);
    expect(screen.getByText('Đã đánh dấu Phường Mỹ Quý là đơn vị của tôi.')).toBeInTheDocument();
    // marking chose nothing, and the list is still open
    expect(units()).toEqual(['my-thoi', 'my-binh', 'my-quy']);
    expect(box).toHaveAttribute('aria-expanded', 'true');

    // the buttons are real ones: Tab from the search box reaches them with the list open
    await user.clear(box);
    await user.type(box, 'long xuyen');
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Đơn vị của tôi');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const longXuyen = within(screen.getByRole('group', { name: 'Thao tác với Phường Long Xuyên' }));
    await user.tab();
    expect(document.activeElement).toBe(longXuyen.getByRole('button', { name: 'Chỉ chọn đơn vị này' }));
    await user.keyboard('{Enter}');
    expect(units()).toEqual(['long-xuyen']);
    expect(box).toHaveAttribute('aria-expanded', 'false');
    // the list holds only options: the buttons are outside it
    expect(within(listbox()).queryAllByRole('button')).toEqual([]);
  });

  it('works with the keyboard alone: arrows, Home, End, Enter, Esc', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    const box = await searchBox();
    while (document.activeElement !== box) await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const active = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
    expect(active()).toHaveAccessibleName('Toàn tỉnh An Giang, 102 xã, phường');
    await user.keyboard('{ArrowDown}');
    expect(active()).toHaveAttribute('role', 'option');
    expect(active()?.closest('[role=group]')).toHaveAccessibleName('Xã, phường, đặc khu hiện nay');
    await user.keyboard('{End}');
    const all = within(listbox()).getAllByRole('option');
    expect(active()).toBe(all[all.length - 1]);
    await user.keyboard('{Home}');
    expect(active()).toBe(all[0]);

    await user.type(box, 'my bi');
    expect(active()).toHaveAccessibleName(/^Phường Mỹ Bình/);
    await user.keyboard('{Enter}');
    expect(units()).toEqual(['my-thoi', 'my-binh']);
    expect(active()).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(/Đã chọn Phường Mỹ Bình; 2 đơn vị đã chọn/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant', expect.stringMatching(/.+/));
    expect(box).toHaveFocus();
    // the listbox says it takes several, and what each key does
    expect(listbox()).toHaveAttribute('aria-multiselectable', 'true');
    expect(box).toHaveAccessibleDescription(/Enter: chọn hoặc bỏ chọn; Shift\+Enter: chỉ chọn đơn vị này; Ctrl\+Enter: đánh dấu/);
  });

  it('shows at most 50 options, and asks to type more', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.click(await searchBox());
    expect(within(listbox()).getAllByRole('option')).toHaveLength(50);
    expect(screen.getByText(/Đang hiện 50: gõ thêm để thu hẹp/)).toBeInTheDocument();
    await user.type(await searchBox(), 'xa');
    expect(within(listbox()).getAllByRole('option').length).toBeLessThanOrEqual(50);
  });

  it('marks the person’s own units (Ctrl+Enter or the star), kept in this browser, listed first', async () => {
    const first = renderAt('/?unit=my-thoi&period=2024-Q4');
    const box = await searchBox();
    await first.user.type(box, 'my thoi');
    await first.user.keyboard('{Control>}{Enter}{/Control}');
    expect(option('Phường Mỹ Thới (đơn vị của tôi)')).toBeInTheDocument();
    await first.user.clear(box);
    await first.user.type(box, 'my quy');
    await first.user.click(rowOf(/^Phường Mỹ Quý/).getByTitle('Đánh dấu là đơn vị của tôi'));
    // marking chooses nothing
    expect(units()).toEqual(['my-thoi']);
    expect(JSON.parse(localStorage.getItem(MY_UNITS_KEY)!)).toEqual(['my-thoi', 'my-quy']);
    first.unmount();

    // a new page in the same browser lists them first
    const again = renderAt('/?unit=my-thoi&period=2024-Q4');
    await again.user.click(await searchBox());
    const mine = within(screen.getByRole('group', { name: 'Đơn vị của tôi' })).getAllByRole('option');
    expect(mine.map((o) => o.textContent)).toEqual([expect.stringContaining('Phường Mỹ Thới'), expect.stringContaining('Phường Mỹ Quý')]);
    expect(screen.getByRole('button', { name: 'Bỏ chọn Phường Mỹ Thới' })).toHaveTextContent('★');
  });

  it('ignores a stored value of its own units that is not a list of ids', async () => {
    localStorage.setItem(MY_UNITS_KEY, '{"not": "a list"');
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await user.click(await searchBox());
    expect(screen.queryByRole('group', { name: 'Đơn vị của tôi' })).not.toBeInTheDocument();
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAccessibleName('Toàn tỉnh An Giang, 102 xã, phường');
  });
});
