/**
 * Two to four units: every chosen unit's headline figures, under its name; a unit without a
 * figure for the period says so by name. A unit without any figure says so, and a signed-in
 * editor is offered to add them, on the editor's page with the unit chosen.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';

const panel = (name: string) => screen.getByRole('region', { name });
const headline = async (name: string) => within(await within(panel(name)).findByRole('list', { name: 'Số liệu chính' }));
const groupOf = (list: ReturnType<typeof within>, unit: string) =>
  within(list.getByRole('heading', { name: unit, level: 3 }).closest('li')!);

afterEach(() => useEditorSession.getState().signOut());

describe('two to four units', () => {
  it('shows each chosen unit’s figures under its name, and names a unit without figures for the period', async () => {
    renderAt('/?unit=my-thoi&unit=my-binh&unit=my-quy&period=2024-Q2');
    const budget = await headline('Thu ngân sách');
    expect(budget.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Phường Mỹ Thới', 'Phường Mỹ Bình', 'Phường Mỹ Quý']);
    expect(groupOf(budget, 'Phường Mỹ Quý').getByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    // Mỹ Bình reported earlier periods, not this one; Mỹ Thới has no budget figure up to then
    expect(groupOf(budget, 'Phường Mỹ Bình').getByText('Phường Mỹ Bình: chưa có số liệu 6 tháng 2024')).toBeInTheDocument();
    expect(groupOf(budget, 'Phường Mỹ Thới').getByText('Chưa có số liệu của Phường Mỹ Thới')).toBeInTheDocument();
    // nobody signed in as an editor: no link to add figures
    expect(within(panel('Thu ngân sách')).queryByRole('link', { name: /Nhập số liệu cho/ })).not.toBeInTheDocument();
  });

  it('gives each of four units its tiles, in the order chosen', async () => {
    renderAt('/?unit=my-quy&unit=my-thoi&unit=my-binh&unit=long-xuyen&period=2024-Q4');
    const budget = await headline('Thu ngân sách');
    expect(budget.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Phường Mỹ Quý', 'Phường Mỹ Thới', 'Phường Mỹ Bình', 'Phường Long Xuyên']);
    expect(groupOf(budget, 'Phường Mỹ Thới').getByText('trên 12 tỷ đồng')).toBeInTheDocument();
    // Mỹ Quý's last 2024 figure is the 6-month one: shown, and said to be
    expect(groupOf(budget, 'Phường Mỹ Quý').getByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    expect(groupOf(budget, 'Phường Mỹ Quý').getAllByText(/Số liệu 6 tháng 2024, chưa có số Cả năm 2024/).length).toBeGreaterThan(0);
    expect(groupOf(budget, 'Phường Long Xuyên').getByText('Chưa có số liệu của Phường Long Xuyên')).toBeInTheDocument();
  });
});

describe('a unit without figures', () => {
  it('says so by name', async () => {
    renderAt('/?unit=vinh-hau&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Chưa có số liệu của Xã Vĩnh Hậu.')).toBeInTheDocument();
    expect(within(budget).queryByRole('link', { name: /Nhập số liệu cho/ })).not.toBeInTheDocument();
  });

  it('offers a signed-in editor a link to add its figures, with the unit already chosen', async () => {
    useEditorSession.getState().signIn('dev-editor-token-for-tests-0000');
    renderAt('/?unit=vinh-hau&unit=my-quy&period=2024-Q2');
    const budget = await headline('Thu ngân sách');
    const link = groupOf(budget, 'Xã Vĩnh Hậu').getByRole('link', { name: 'Nhập số liệu cho Xã Vĩnh Hậu' });
    expect(link).toHaveAttribute('href', '/nhap-so-lieu?unit=vinh-hau');
    // Mỹ Quý has figures: nothing to add there
    expect(groupOf(budget, 'Phường Mỹ Quý').queryByRole('link')).not.toBeInTheDocument();
  });

  it('offers it only for a unit the editor’s token may write', async () => {
    useEditorSession.getState().signIn('dev-editor-token-for-tests-0000', ['my-thoi']);
    renderAt('/?unit=vinh-hau&period=2026-Q1');
    expect(await within(panel('Thu ngân sách')).findByText('Chưa có số liệu của Xã Vĩnh Hậu.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Nhập số liệu cho/ })).not.toBeInTheDocument();
  });

  it('takes the editor to its page with the unit chosen when the link is followed', async () => {
    useEditorSession.getState().signIn('dev-editor-token-for-tests-0000');
    const { user } = renderAt('/?unit=vinh-hau&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    await user.click(await within(budget).findByRole('link', { name: 'Nhập số liệu cho Xã Vĩnh Hậu' }));
    expect(window.location.pathname).toBe('/nhap-so-lieu');
    expect(new URLSearchParams(window.location.search).get('unit')).toBe('vinh-hau');
  });
});
