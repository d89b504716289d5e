import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render as rtlRender, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { failEndpoint } from '../../../mocks/scenarios';
import type { SourceLine } from '../../lib/panel-export';
import { SourceList } from './source-list';

const line = (i: number, hasText = false): SourceLine => ({
  id: `s${i}`,
  title: `Báo cáo số ${i}`,
  date: '30/12/2024',
  reference: `bao-cao-${i}.md`,
  ...(hasText ? { hasText: true as const } : {}),
});

const render = (ui: ReactElement) =>
  rtlRender(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{ui}</QueryClientProvider>);

/** GET /api/sources/:id answers each source with "Nội dung báo cáo N"; returns the ids asked for. */
function serveTexts(): string[] {
  const asked: string[] = [];
  server.use(
    http.get('/api/sources/:id', ({ params }) => {
      const id = String(params.id);
      asked.push(id);
      const n = id.slice(1);
      return HttpResponse.json({
        source: { id, unitId: 'my-thoi', title: `Báo cáo số ${n}`, heldOn: '2024-12-30', periodLabel: 'Cả năm 2024', reference: 'r', text: `Nội dung báo cáo ${n}` },
      });
    }),
  );
  return asked;
}

describe('SourceList', () => {
  it('lists a few sources as they are', () => {
    render(<SourceList sources={[1, 2, 3].map((i) => line(i))} />);
    expect(within(screen.getByRole('list', { name: 'Nguồn số liệu' })).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByText(/nguồn khác/)).not.toBeInTheDocument();
  });

  it('lists the first five of many, and renders the rest only once "và N nguồn khác" is opened', async () => {
    const asked = serveTexts();
    const user = userEvent.setup();
    const sources = Array.from({ length: 12 }, (_, i) => line(i + 1, i === 8));
    const { container } = render(<SourceList sources={sources} />);
    expect(within(screen.getByRole('list', { name: 'Nguồn số liệu' })).getAllByRole('listitem')).toHaveLength(5);
    expect(container.querySelectorAll('li')).toHaveLength(5);
    expect(screen.queryByText(/Báo cáo số 6 /)).not.toBeInTheDocument();

    await user.click(screen.getByText('và 7 nguồn khác'));
    const rest = await screen.findByRole('list', { name: 'Các nguồn số liệu khác' });
    expect(within(rest).getAllByRole('listitem').map((li) => li.textContent?.replace('Xem văn bản báo cáo', ''))).toEqual(
      sources.slice(5).map((s) => `${s.title} (${s.date})`),
    );
    // a report's text is still offered, in the folded part too
    const nine = within(rest).getAllByRole('listitem')[3]!;
    expect(asked).toEqual([]);
    await user.click(within(nine).getByText('Xem văn bản báo cáo'));
    expect(await within(nine).findByRole('group', { name: 'Văn bản báo cáo: Báo cáo số 9' })).toHaveTextContent('Nội dung báo cáo 9');
    expect(asked).toEqual(['s9']);
  });

  it('fetches a text only when its disclosure is opened, says it is loading, and shows it as plain text', async () => {
    const markup = 'Thu ngân sách đạt 100%.\n<img src=x onerror=alert(1)> & <b>đậm</b>';
    const asked: string[] = [];
    server.use(
      http.get('/api/sources/:id', async ({ params }) => {
        asked.push(String(params.id));
        await new Promise((r) => setTimeout(r, 50));
        return HttpResponse.json({
          source: { id: 's1', unitId: 'my-thoi', title: 'Báo cáo số 1', heldOn: '2024-12-30', periodLabel: 'P', reference: 'r', text: markup },
        });
      }),
    );
    const user = userEvent.setup();
    render(<SourceList sources={[line(1, true), line(2, true), line(3)]} />);
    const items = screen.getAllByRole('listitem');
    // closed disclosures fetch nothing; a source without a text offers none
    expect(within(items[2]!).queryByText('Xem văn bản báo cáo')).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);

    await user.click(within(items[0]!).getByText('Xem văn bản báo cáo'));
    expect(within(items[0]!).getByRole('status')).toHaveTextContent('Đang tải văn bản…');
    const shown = await within(items[0]!).findByRole('group', { name: 'Văn bản báo cáo: Báo cáo số 1' });
    expect(shown).toBeVisible();
    expect(shown.textContent).toBe(markup);
    expect(shown.children).toHaveLength(0);
    expect(within(items[0]!).queryByRole('status')).not.toBeInTheDocument();
    expect(asked).toEqual(['s1']);

    // closed and opened again: the text is kept, not fetched again
    await user.click(within(items[0]!).getByText('Xem văn bản báo cáo'));
    await user.click(within(items[0]!).getByText('Xem văn bản báo cáo'));
    expect(within(items[0]!).getByRole('group', { name: 'Văn bản báo cáo: Báo cáo số 1' })).toHaveTextContent('Thu ngân sách đạt 100%.');
    expect(asked).toEqual(['s1']);
  });

  it('says when a text could not be fetched, and "Thử lại" fetches it again', async () => {
    failEndpoint(server, '/api/sources/:id', 503);
    const user = userEvent.setup();
    render(<SourceList sources={[line(1, true)]} />);
    await user.click(screen.getByText('Xem văn bản báo cáo'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được văn bản báo cáo. Máy chủ gặp lỗi (mã 503)');
    expect(screen.queryByRole('group', { name: /^Văn bản báo cáo/ })).not.toBeInTheDocument();

    server.resetHandlers();
    serveTexts();
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('group', { name: 'Văn bản báo cáo: Báo cáo số 1' })).toHaveTextContent('Nội dung báo cáo 1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
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
