import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from './export-buttons';
import { testPanel } from './test-panel';

const exportPanel = vi.hoisted(() => vi.fn());
vi.mock('./export-panel', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./export-panel')>()),
  exportPanel,
  warmUpExport: () => undefined,
}));

afterEach(() => exportPanel.mockReset());

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
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const user = userEvent.setup();
    render(<ExportButtons panel={testPanel()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Độ nét ảnh' }), '3');
    await user.click(screen.getByRole('button', { name: 'Tải PNG' }));
    expect(exportPanel).toHaveBeenCalledWith(expect.anything(), 'png', 3);
  });
});
