import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import { dropEndpoint } from '../../../mocks/scenarios';
import { userMessageOf } from '../../api/client';
import { queries } from '../../api/queries';
import { PanelError, PanelLoading } from '../../components/panel/panel-states';
import { OfflineLayer, useSavedCopyNote } from './offline-layer';
import { formatSavedTime } from './saved-time';
import { useAppUpdate } from './service-worker';
import { startOffline, type Offline } from './start-offline';
import { memoryStore } from './test-store';

const view = (family: 'budget' | 'poverty') => queries.observations({ units: ['my-thoi'], family, to: '2024-Q4' });

/** A panel as the dashboard's do it: its figures, its loading state, its error with Retry. */
function Figures({ family }: { family: 'budget' | 'poverty' }) {
  const q = useQuery(view(family));
  return (
    <section aria-label={family}>
      {q.data ? <p>{q.data.length} số liệu</p> : q.error ? <PanelError message={userMessageOf(q.error)} onRetry={() => void q.refetch()} /> : <PanelLoading />}
    </section>
  );
}

/** What an export made now would say of its figures. */
function ExportNote() {
  const note = useSavedCopyNote();
  return <p data-testid="export-note">{note ?? 'số liệu hiện hành'}</p>;
}

const running: { client: QueryClient; offline: Offline }[] = [];
afterEach(() => {
  cleanup();
  for (const { client, offline } of running.splice(0)) {
    offline.stop();
    client.clear();
  }
  useAppUpdate.setState({ apply: undefined });
});

function page(store = memoryStore().store, probe = async () => false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  const offline = startOffline(client, { store, probe });
  running.push({ client, offline });
  render(
    <QueryClientProvider client={client}>
      <OfflineLayer offline={offline}>
        <Figures family="budget" />
        <Figures family="poverty" />
        <ExportNote />
      </OfflineLayer>
    </QueryClientProvider>,
  );
  return { client, offline };
}

describe('without a connection', () => {
  it('shows the figures viewed before with the time they were saved, and says a view never viewed is not saved', async () => {
    // an earlier visit saw the budget only
    const saved = memoryStore();
    const before = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = startOffline(before, { store: saved.store });
    const figures = await before.fetchQuery(view('budget'));
    const savedAt = before.getQueryState(view('budget').queryKey)!.dataUpdatedAt;
    await waitFor(() => expect(saved.rows.size).toBe(1));
    first.stop();

    dropEndpoint(server, '/api/observations');
    dropEndpoint(server, '/api/health');
    page(saved.store);

    expect(await screen.findByText(`${figures.length} số liệu`)).toBeInTheDocument();
    const banner = await screen.findByText(/^Đang xem bản lưu lúc/);
    expect(banner).toHaveTextContent(`Đang xem bản lưu lúc ${formatSavedTime(savedAt)} — không có kết nối`);
    expect(banner.textContent).toMatch(/^Đang xem bản lưu lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} — không có kết nối$/);
    expect(screen.getByTestId('export-note')).toHaveTextContent(`Lập từ bản lưu lúc ${formatSavedTime(savedAt)} — không có kết nối`);

    const poverty = screen.getByRole('region', { name: 'poverty' });
    const alert = await waitFor(() => {
      const a = poverty.querySelector('[role="alert"]');
      expect(a).toHaveTextContent('Mất kết nối tới máy chủ.');
      return a;
    });
    expect(alert).toHaveTextContent('chưa được lưu');
    expect(alert).not.toHaveTextContent('Hãy kiểm tra mạng');
  });

  it('says nothing of a saved copy while the answers come', async () => {
    page(memoryStore().store, async () => true);
    await waitFor(() => expect(screen.getAllByText(/\d+ số liệu/)).toHaveLength(2));
    expect(screen.queryByText(/bản lưu/)).not.toBeInTheDocument();
    expect(screen.getByTestId('export-note')).toHaveTextContent('số liệu hiện hành');
    expect(screen.queryByText(/Mất kết nối/)).not.toBeInTheDocument();
  });

  it('a panel still waiting says the connection is lost instead of spinning for ever', async () => {
    // the figures never answer, nor the server's health check
    server.use(http.get('/api/observations', () => new Promise<Response>(() => undefined)));
    dropEndpoint(server, '/api/health');
    page();
    const budget = screen.getByRole('region', { name: 'budget' });
    expect(within(budget).getByRole('status')).toHaveTextContent('Đang tải số liệu…');
    // found out by itself, a few seconds on (SLOW_MS), with no event from the browser
    await waitFor(() => expect(within(budget).getByRole('status')).toHaveTextContent('Mất kết nối tới máy chủ. Số liệu sẽ hiện khi máy chủ trả lời.'), {
      timeout: 6000,
    });
    expect(budget.querySelector('.spinner')).toBeNull();
  });
});

describe('a new version', () => {
  it('is offered, and loaded only when the person asks', async () => {
    const user = userEvent.setup();
    page(memoryStore().store, async () => true);
    expect(screen.queryByText(/Có phiên bản mới/)).not.toBeInTheDocument();

    const apply = vi.fn();
    act(() => useAppUpdate.setState({ apply }));
    const offer = await screen.findByText(/Có phiên bản mới/);
    expect(offer).toHaveTextContent('Có phiên bản mới — tải lại');
    expect(apply).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'tải lại' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('can be left for later', async () => {
    const user = userEvent.setup();
    page(memoryStore().store, async () => true);
    act(() => useAppUpdate.setState({ apply: vi.fn() }));
    await user.click(await screen.findByRole('button', { name: 'Để sau' }));
    expect(screen.queryByText(/Có phiên bản mới/)).not.toBeInTheDocument();
  });
});
