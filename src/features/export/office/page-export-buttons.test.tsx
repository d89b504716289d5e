import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from '../export-buttons';
import { SAVED_COPY, testPanel } from '../test-panel';
import { PageExportButtons } from './page-export-buttons';
import { captureDownloads } from '../../../../tests/downloads';

const pageOfficeFile = vi.hoisted(() => vi.fn());
vi.mock('./office-export', () => ({ pageOfficeFile, panelOfficeFile: vi.fn() }));

const downloads = captureDownloads();
afterEach(() => {
  pageOfficeFile.mockReset();
});

const budget = testPanel();
const coverage = testPanel({ slug: 'bao-hiem-y-te', title: 'Bảo hiểm y tế' });

function Page({ panels }: { panels: ReturnType<typeof testPanel>[] }) {
  return (
    <>
      <PageExportButtons />
      {panels.map((p) => (
        <section key={p.slug}>
          <ExportButtons panel={p} />
        </section>
      ))}
    </>
  );
}

describe('PageExportButtons', () => {
  it('cannot be pressed while no panel has figures to export', () => {
    render(<Page panels={[]} />);
    expect(screen.getByRole('button', { name: 'Tải PowerPoint cả trang' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Tải Word cả trang' })).toBeDisabled();
  });

  it('makes the deck of every panel with figures, in page order, and hands it over', async () => {
    pageOfficeFile.mockResolvedValue({ blob: new Blob(['PK']), fileName: 'bang-chi-tieu_my-thoi_2024-ca-nam.pptx' });
    const user = userEvent.setup();
    // the budget panel gets its figures last, but stands first on the page
    const { rerender } = render(<Page panels={[coverage]} />);
    rerender(<Page panels={[budget, coverage]} />);
    const button = screen.getByRole('button', { name: 'Tải PowerPoint cả trang' });
    expect(button).toBeEnabled();
    await user.click(button);
    expect(pageOfficeFile).toHaveBeenCalledTimes(1);
    expect(pageOfficeFile.mock.calls[0]![0].map((p: { slug: string }) => p.slug)).toEqual(['thu-ngan-sach', 'bao-hiem-y-te']);
    expect(pageOfficeFile.mock.calls[0]![1]).toBe('pptx');
    await vi.waitFor(() => expect(downloads).toEqual(['bang-chi-tieu_my-thoi_2024-ca-nam.pptx']));
  });

  it('makes the page’s files from the panels as shown: from a saved copy, each carries what the files must say of it', async () => {
    pageOfficeFile.mockResolvedValue({ blob: new Blob(['PK']), fileName: 'phu-luc.docx' });
    const user = userEvent.setup();
    const offline = [budget, coverage].map((p) => ({ ...p, savedCopy: SAVED_COPY }));
    const { rerender } = render(<Page panels={offline} />);
    await user.click(screen.getByRole('button', { name: 'Tải Word cả trang' }));
    expect(pageOfficeFile.mock.calls[0]![0].map((p: { savedCopy?: string }) => p.savedCopy)).toEqual([SAVED_COPY, SAVED_COPY]);
    // the connection is back: the next file is of current figures
    rerender(<Page panels={[budget, coverage]} />);
    await user.click(screen.getByRole('button', { name: 'Tải Word cả trang' }));
    expect(pageOfficeFile.mock.calls[1]![0].map((p: { savedCopy?: string }) => p.savedCopy)).toEqual([undefined, undefined]);
  });

  it('leaves out a panel that no longer has figures', async () => {
    pageOfficeFile.mockResolvedValue({ blob: new Blob(['PK']), fileName: 'phu-luc.docx' });
    const user = userEvent.setup();
    const { rerender } = render(<Page panels={[budget, coverage]} />);
    rerender(<Page panels={[coverage]} />);
    await user.click(screen.getByRole('button', { name: 'Tải Word cả trang' }));
    expect(pageOfficeFile.mock.calls[0]![0].map((p: { slug: string }) => p.slug)).toEqual(['bao-hiem-y-te']);
    expect(pageOfficeFile.mock.calls[0]![1]).toBe('docx');
  });

  it('says in Vietnamese when the file cannot be made, and downloads nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    pageOfficeFile.mockRejectedValue(new Error('boom'));
    const user = userEvent.setup();
    render(<Page panels={[budget]} />);
    await user.click(screen.getByRole('button', { name: 'Tải PowerPoint cả trang' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không xuất được tệp PowerPoint của cả trang. Vui lòng thử lại.');
    expect(downloads).toEqual([]);
    expect(screen.getByRole('button', { name: 'Tải PowerPoint cả trang' })).toBeEnabled();
  });
});
