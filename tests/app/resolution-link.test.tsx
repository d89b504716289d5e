/**
 * From the dashboard to the editors' "Nghị quyết" tab, as the whole app does it: a signed-in
 * editor follows the link beside a unit without a resolution and lands on that tab with the unit
 * chosen, the address saying so (`?unit=ID&tab=nghi-quyet`); the tabs move with the arrow keys,
 * Home and End, the address following the tab shown and the unit in view.
 */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { EDITOR_TOKEN, createWriteApi } from '../../mocks/write-handlers';
import { useEditorSession } from '../../src/features/editor/token-store';
import { renderAt } from '../render';

beforeEach(() => {
  useEditorSession.getState().signOut();
  sessionStorage.clear();
  server.use(...createWriteApi().handlers);
});

const tab = (name: string) => screen.getByRole('tab', { name });
const resolutionsUnit = () => within(screen.getByRole('tabpanel', { name: 'Nghị quyết' })).getByLabelText('Phường, xã') as HTMLSelectElement;

describe('the panel’s link to enter a resolution', () => {
  it('opens the editor on the “Nghị quyết” tab with the unit chosen', async () => {
    useEditorSession.getState().signIn(EDITOR_TOKEN);
    const { user } = renderAt('/?unit=long-xuyen&period=2026-Q1');
    const link = await screen.findByRole('link', { name: 'Nhập, sửa nghị quyết của Phường Long Xuyên' }, { timeout: 10_000 });
    expect(link).toHaveAttribute('href', '/nhap-so-lieu?unit=long-xuyen&tab=nghi-quyet');
    await user.click(link);

    expect(await screen.findByRole('tab', { name: 'Nghị quyết', selected: true }, { timeout: 10_000 })).toHaveAttribute('tabindex', '0');
    expect(tab('Số liệu')).toHaveAttribute('aria-selected', 'false');
    expect(await screen.findByRole('button', { name: 'Thêm nghị quyết' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(resolutionsUnit().selectedOptions[0]?.textContent).toBe('Phường Long Xuyên');
    expect(window.location.pathname + window.location.search).toBe('/nhap-so-lieu?unit=long-xuyen&tab=nghi-quyet');
    // the other tabs' panels are there, hidden, for their tabs to name
    for (const t of screen.getAllByRole('tab')) expect(document.getElementById(t.getAttribute('aria-controls')!)).not.toBeNull();
  });

  it('moves between the tabs with the arrow keys, Home and End, the address following', async () => {
    useEditorSession.getState().signIn(EDITOR_TOKEN);
    const { user } = renderAt('/nhap-so-lieu?unit=my-thoi&tab=nghi-quyet');
    await screen.findByRole('button', { name: 'Thêm nghị quyết' }, { timeout: 10_000 });
    tab('Nghị quyết').focus();

    await user.keyboard('{ArrowLeft}');
    expect(tab('Nhập từ báo cáo')).toHaveFocus();
    expect(tab('Nhập từ báo cáo')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Nghị quyết')).toHaveAttribute('tabindex', '-1');
    expect(window.location.search).toBe('?tab=nhap-tu-bao-cao');

    await user.keyboard('{Home}');
    expect(tab('Số liệu')).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Số liệu' })).toBeVisible();
    expect(window.location.search).toBe('?unit=my-thoi');

    // past the first tab, the last one
    await user.keyboard('{ArrowLeft}');
    expect(tab('Nghị quyết')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Số liệu')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Nghị quyết')).toHaveFocus();
    expect(window.location.search).toBe('?unit=my-thoi&tab=nghi-quyet');

    // another unit chosen on the tab: the address names it
    await user.selectOptions(resolutionsUnit(), 'Phường Long Xuyên');
    expect(window.location.search).toBe('?unit=long-xuyen&tab=nghi-quyet');
    // Tab leaves the tab list for the tab's content (one stop for the whole list)
    tab('Nghị quyết').focus();
    await user.tab();
    expect(resolutionsUnit()).toHaveFocus();
  });

  it('opens on the figures when the address names no tab it knows', async () => {
    useEditorSession.getState().signIn(EDITOR_TOKEN);
    renderAt('/nhap-so-lieu?unit=my-thoi&tab=khong-co');
    expect(await screen.findByRole('tab', { name: 'Số liệu', selected: true }, { timeout: 10_000 })).toBeInTheDocument();
    expect(window.location.search).toBe('?unit=my-thoi');
  });
});
