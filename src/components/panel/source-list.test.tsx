import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SourceList, type SourceLine } from './source-list';

const line = (i: number, text?: string): SourceLine => ({
  id: `s${i}`,
  title: `Báo cáo số ${i}`,
  date: '30/12/2024',
  reference: `bao-cao-${i}.md`,
  ...(text ? { text } : {}),
});

describe('SourceList', () => {
  it('lists a few sources as they are', () => {
    render(<SourceList sources={[1, 2, 3].map((i) => line(i))} />);
    expect(within(screen.getByRole('list', { name: 'Nguồn số liệu' })).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByText(/nguồn khác/)).not.toBeInTheDocument();
  });

  it('lists the first five of many, and renders the rest only once "và N nguồn khác" is opened', async () => {
    const user = userEvent.setup();
    const sources = Array.from({ length: 12 }, (_, i) => line(i + 1, i === 8 ? 'Nội dung báo cáo 9' : undefined));
    const { container } = render(<SourceList sources={sources} />);
    expect(within(screen.getByRole('list', { name: 'Nguồn số liệu' })).getAllByRole('listitem')).toHaveLength(5);
    expect(container.querySelectorAll('li')).toHaveLength(5);
    expect(screen.queryByText(/Báo cáo số 6 /)).not.toBeInTheDocument();

    await user.click(screen.getByText('và 7 nguồn khác'));
    const rest = await screen.findByRole('list', { name: 'Các nguồn số liệu khác' });
    expect(within(rest).getAllByRole('listitem').map((li) => li.textContent?.replace('Xem văn bản báo cáo', '').replace('Nội dung báo cáo 9', ''))).toEqual(
      sources.slice(5).map((s) => `${s.title} (${s.date})`),
    );
    // a report's text is still offered, in the folded part too
    const nine = within(rest).getAllByRole('listitem')[3]!;
    await user.click(within(nine).getByText('Xem văn bản báo cáo'));
    expect(within(nine).getByRole('group', { name: 'Văn bản báo cáo: Báo cáo số 9' })).toBeVisible();
  });

  it('prints every source, folded or not', () => {
    const sources = Array.from({ length: 8 }, (_, i) => line(i + 1));
    const { container } = render(<SourceList sources={sources} />);
    expect(container.querySelector('.sources-print')).toBeNull();
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect([...container.querySelectorAll('.sources-print li')].map((li) => li.textContent)).toEqual(
      sources.slice(5).map((s) => `${s.title} (${s.date})`),
    );
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(container.querySelector('.sources-print')).toBeNull();
  });
});
