import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from './export-buttons';
import { testPanel } from './test-panel';
import { captureDownloads } from '../../../tests/downloads';

const exportPanel = vi.hoisted(() => vi.fn());
vi.mock('./export-panel', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./export-panel')>()),
  exportPanel,
  warmUpExport: () => undefined,
}));
const panelOfficeFile = vi.hoisted(() => vi.fn());
vi.mock('./office/office-export', () => ({ panelOfficeFile }));
const exportSlideImage = vi.hoisted(() => vi.fn());
vi.mock('./slide-image', () => ({ exportSlideImage }));

const downloads = captureDownloads();
afterEach(() => {
  exportPanel.mockReset();
  panelOfficeFile.mockReset();
  exportSlideImage.mockReset();
});

const file = (fileName: string) => ({ blob: new Blob(['PK']), fileName });

describe('ExportButtons', () => {
  it('offers PNG, SVG and CSV by name', () => {
    render(<ExportButtons panel={testPanel()} />);
    for (const f of ['PNG', 'SVG', 'CSV']) expect(screen.getByRole('button', { name: new RegExp(f) })).toBeEnabled();
  });

  it('shows progress and cannot be pressed twice while an export runs', async () => {
    let finish!: (v: unknown) => void;
    exportPanel.mockImplementation(() => new Promise((r) => (finish = r)));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'Tải PNG' }));
    const busy = screen.getByRole('button', { name: /Đang tạo PNG/ });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await user.click(busy);
    expect(exportPanel).toHaveBeenCalledTimes(1);
    expect(exportPanel).toHaveBeenCalledWith(expect.objectContaining({ slug: 'thu-ngan-sach' }), 'png', 2);
    finish({ blob: new Blob(['x']), fileName: 'a.png' });
    expect(await screen.findByRole('button', { name: 'Tải PNG' })).toBeEnabled();
  });

  it('says in Vietnamese when an export fails, and lets the user try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    exportPanel.mockRejectedValueOnce(new Error('boom'));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'Tải SVG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không xuất được tệp SVG cho “Thu ngân sách”. Vui lòng thử lại.');
    expect(screen.getByRole('button', { name: 'Tải SVG' })).toBeEnabled();
  });

  it('passes the chosen sharpness (3×) to the PNG export', async () => {
    exportPanel.mockResolvedValue({ blob: new Blob(['x']), fileName: 'a.png' });
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Độ nét ảnh' }), '3');
    await user.click(screen.getByRole('button', { name: 'Tải PNG' }));
    expect(exportPanel).toHaveBeenCalledWith(expect.anything(), 'png', 3);
  });
});

describe('the menu of conference formats', () => {
  it('opens with the keyboard on its first item, moves with the arrows, and closes with Escape back on its button', async () => {
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    const button = screen.getByRole('button', { name: 'PowerPoint, Excel, Word' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();
    button.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'PowerPoint, Excel, Word' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Tải PowerPoint',
      'Tải Excel',
      'Tải Word',
      'Ảnh trình chiếu 1920×1080',
      'Ảnh trình chiếu 3840×2160',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Tải PowerPoint' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Tải Excel' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(within(menu).getByRole('menuitem', { name: 'Ảnh trình chiếu 3840×2160' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(within(menu).getByRole('menuitem', { name: 'Tải PowerPoint' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('closes when the user clicks elsewhere', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ExportButtons panel={testPanel()} />
        <p>elsewhere</p>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('makes the chosen file of this panel and hands it over', async () => {
    panelOfficeFile.mockResolvedValue(file('thu-ngan-sach_my-thoi_2024-ca-nam.xlsx'));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    await user.click(screen.getByRole('menuitem', { name: 'Tải Excel' }));
    expect(panelOfficeFile).toHaveBeenCalledWith(expect.objectContaining({ slug: 'thu-ngan-sach' }), 'xlsx');
    await vi.waitFor(() => expect(downloads).toEqual(['thu-ngan-sach_my-thoi_2024-ca-nam.xlsx']));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('makes the slide image at 1920×1080 or twice that', async () => {
    exportSlideImage.mockResolvedValue(file('slide.png'));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    await user.click(screen.getByRole('menuitem', { name: 'Ảnh trình chiếu 3840×2160' }));
    await vi.waitFor(() => expect(downloads).toEqual(['slide.png']));
    expect(exportSlideImage).toHaveBeenCalledWith(expect.objectContaining({ slug: 'thu-ngan-sach' }), 2);
  });

  it('shows progress only once a file takes over 300 ms, and takes no second order meanwhile', async () => {
    let finish!: (v: unknown) => void;
    panelOfficeFile.mockImplementation(() => new Promise((r) => (finish = r)));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    await user.click(screen.getByRole('menuitem', { name: 'Tải PowerPoint' }));
    const button = screen.getByRole('button', { name: 'PowerPoint, Excel, Word' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    const busy = await screen.findByRole('button', { name: 'Đang tạo PowerPoint…' }, { timeout: 1000 });
    expect(busy).toBeDisabled();
    expect(panelOfficeFile).toHaveBeenCalledTimes(1);
    finish(file('a.pptx'));
    expect(await screen.findByRole('button', { name: 'PowerPoint, Excel, Word' })).toBeEnabled();
    expect(downloads).toEqual(['a.pptx']);
  });

  it('says in Vietnamese when a file cannot be made, downloads nothing, and works on retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    panelOfficeFile.mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce(file('b.docx'));
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    await user.click(screen.getByRole('menuitem', { name: 'Tải Word' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không xuất được tệp Word cho “Thu ngân sách”. Vui lòng thử lại.');
    expect(downloads).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'PowerPoint, Excel, Word' }));
    await user.click(screen.getByRole('menuitem', { name: 'Tải Word' }));
    await vi.waitFor(() => expect(downloads).toEqual(['b.docx']));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
