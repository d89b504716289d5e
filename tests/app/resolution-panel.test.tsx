/**
 * "Chỉ tiêu Nghị quyết" with the targets one by one, as the app draws it (FamilyPanel with its
 * renderTargets), over the msw handlers with resolutions written for the test (giả lập): at
 * risk first, each with its figure, status word and reason; a status set by hand said so; the
 * report's count beside the computed one and their difference; a unit without a resolution;
 * many units counted and ranked; the exports' rows.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ComponentProps } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { createHandlers } from '../../mocks/handlers';
import { server } from '../../mocks/node';
import type { Resolution, ResolutionTarget } from '../../src/api/contract';
import { createQueryClient } from '../../src/app/query-client';
import { useAddFigures } from '../../src/app/add-figures-link';
import { composePanelSvg } from '../../src/features/export/compose-svg';
import { figuresCsv } from '../../src/features/export/csv';
import { imageCharts } from '../../src/features/export/image-file';
import { estimateText } from '../../src/features/export/measure-text';
import { useEditorSession } from '../../src/features/editor/token-store';
import { FAMILIES } from '../../src/features/kpi-panel/families';
import { FamilyPanel } from '../../src/features/kpi-panel/family-panel';
import { ResolutionTargets } from '../../src/features/resolutions/resolution-targets';
import type { PanelExport } from '../../src/lib/panel-export';

const config = FAMILIES.find((f) => f.withTargets)!;

const target = (number: number, fields: Omit<ResolutionTarget, 'id' | 'number'>): ResolutionTarget => ({ id: `ct-${number}`, number, ...fields });

/** My Thoi's term resolution, written for the test. Its figures are the reports' (data/): Quý I 2026. */
const MY_THOI: Resolution = {
  id: 'nq-my-thoi-test',
  unitId: 'my-thoi',
  title: 'Nghị quyết nhiệm kỳ 2025–2030 của phường Mỹ Thới (giả lập)',
  kind: 'term',
  term: '2025-2030',
  version: 1,
  targets: [
    target(1, { group: 'Kinh tế', name: 'Thu ngân sách đạt 100% dự toán mỗi năm', indicatorId: 'budget_revenue_pct', type: 'plan', value: 100, unit: 'percent' }),
    target(2, { group: 'Văn hóa – xã hội', name: 'Giao quân đạt 100% chỉ tiêu', indicatorId: 'military_recruitment_pct', type: 'yearly_min', value: 100, unit: 'percent' }),
    target(3, { group: 'Xây dựng Đảng', name: 'Mỗi năm kết nạp từ 40 đảng viên trở lên', indicatorId: 'new_party_members', type: 'yearly_min', value: 40, unit: 'party_member' }),
    target(4, { group: 'Xây dựng Đảng', name: 'Hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', type: 'yearly_min', value: 90, unit: 'percent', manualStatus: { status: 'on_track', note: 'Các chi bộ đã đăng ký và đang thực hiện đúng kế hoạch' } }),
    target(5, { group: 'Quốc phòng – an ninh', name: 'Kéo giảm số vụ phạm pháp hình sự', type: 'yearly_reduction', value: 5, unit: 'percent' }),
  ],
};

function serve(resolutions: Resolution[], opts: { withoutReportedCount?: boolean } = {}) {
  const dataset = loadDataset();
  // the data without the reports' own counts of targets met: the family has no figure
  const observations = opts.withoutReportedCount ? dataset.observations.filter((o) => o.indicatorId !== 'resolution_targets_met') : dataset.observations;
  server.use(...createHandlers({ ...dataset, observations, resolutions }));
}

/** The panel with the app's links for a signed-in editor (none for a visitor). */
function WithEditorLinks(props: Omit<ComponentProps<typeof FamilyPanel>, 'renderAddFigures'>) {
  return <FamilyPanel {...props} renderAddFigures={useAddFigures()} />;
}

beforeEach(() => useEditorSession.getState().signOut());

function renderPanel(units: string[], period: string, opts: { editor?: boolean; mine?: string[] } = {}) {
  if (opts.editor) useEditorSession.getState().signIn('editor-token-for-the-panel-test-0000');
  const exported: { current?: PanelExport } = {};
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <WithEditorLinks
        config={config}
        units={units}
        period={period}
        onSelectPeriod={() => {}}
        mine={opts.mine}
        renderActions={(panel) => {
          exported.current = panel;
          return null;
        }}
        renderTargets={(slot) => <ResolutionTargets {...slot} />}
      />
    </QueryClientProvider>,
  );
  return exported;
}

/** The addresses the page asks for from now on, until `stop()`. */
function recordRequests() {
  const asked: URL[] = [];
  const listen = ({ request }: { request: Request }) => void asked.push(new URL(request.url));
  server.events.on('request:start', listen);
  return { asked, stop: () => server.events.removeListener('request:start', listen) };
}

const region = () => screen.getByRole('region', { name: /Chỉ tiêu Nghị quyết/ });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('one unit: its targets one by one', () => {
  it('lists the targets at risk first, with the latest figure, the status word and the reason, and says a hand-set status is one', async () => {
    serve([MY_THOI]);
    renderPanel(['my-thoi'], '2026-Q1');
    const table = await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ });
    const rows = rowsOf(table).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    const names = rowsOf(table).map((r) => within(r).getByRole('rowheader').textContent);

    // the budget's 13,75% after quarter I is short of the even pace of 25%, and 6 new members of 40 a year short of 10: at risk, first
    expect(names.slice(0, 2)).toEqual([expect.stringContaining('Thu ngân sách đạt 100% dự toán'), expect.stringContaining('kết nạp từ 40 đảng viên')]);
    expect(rows[0]).toEqual(['1', '13,75% (Quý I 2026)', 'Có nguy cơ không đạt', expect.stringContaining('Quý I 2026 đạt 13,75%; theo tiến độ cần 25%')]);
    expect(rows[1]![2]).toMatch(/^(Có nguy cơ không đạt|Chưa đạt)$/);
    expect(rows[1]![3]).toContain('Quý I 2026 đạt 6 đảng viên');
    // then on track (the one set by hand, said so, with the editor's note), then met (100% of the call-up), then without figures
    expect(rows[2]).toEqual(['4', '—', 'Đúng tiến độ (đặt tay)', 'Đặt tay: Các chi bộ đã đăng ký và đang thực hiện đúng kế hoạch']);
    expect(rows[3]!.slice(0, 3)).toEqual(['2', '100% (Quý I 2026)', 'Đạt']);
    expect(rows[4]!.slice(0, 3)).toEqual(['5', '—', 'Chưa có số liệu']);
    expect(rows[4]![3]).not.toBe('');
    expect(within(table).getByText('Kinh tế')).toBeInTheDocument();
  });

  it('offers a signed-in editor the way to the resolution on the editors’ page', async () => {
    serve([MY_THOI]);
    renderPanel(['my-thoi'], '2026-Q1', { editor: true });
    const list = await within(region()).findByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    await within(list).findByRole('table');
    expect(within(list).getByRole('link', { name: 'Nhập, sửa nghị quyết của Phường Mỹ Thới' })).toHaveAttribute('href', '/nhap-so-lieu?unit=my-thoi&tab=nghi-quyet');
  });

  it('keeps the report’s own count beside the computed one and says where they differ', async () => {
    serve([MY_THOI]);
    renderPanel(['my-thoi'], '2026-Q1');
    const panel = region();
    // the report of Quý I 2026 counted 8/20 (data/); the figures give 2 of the 5 targets met or on track
    expect(await within(panel).findByText('Theo báo cáo: 8/20 chỉ tiêu đạt')).toBeInTheDocument();
    expect(within(panel).getByText('(theo báo cáo)')).toBeInTheDocument();
    expect(within(panel).getByText('Theo số liệu: 2/5 đạt hoặc đúng tiến độ')).toBeInTheDocument();
    expect(within(panel).getByRole('note')).toHaveTextContent('Số của báo cáo (8/20) khác số tính theo số liệu (2/5)');
  });

  it('carries the list in its exports: a CSV row per target, a line per target in the images', async () => {
    serve([MY_THOI]);
    const exported = renderPanel(['my-thoi'], '2026-Q1');
    await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết/ });
    await expect.poll(() => exported.current?.model.figures.filter((f) => f.key.startsWith('target-')).length).toBe(5);
    const csv = figuresCsv(exported.current!.model.figures);
    expect(csv).toContain('Phường Mỹ Thới,Quý I 2026,Chỉ tiêu 1: Thu ngân sách đạt 100% dự toán mỗi năm,13.75');
    expect(csv).toContain('Đặt tay: Các chi bộ đã đăng ký và đang thực hiện đúng kế hoạch');
    const lines = exported.current!.model.summaryLines;
    expect(lines).toContain('Nghị quyết nhiệm kỳ 2025–2030 của phường Mỹ Thới (giả lập): Theo số liệu: 2/5 đạt hoặc đúng tiến độ; theo báo cáo: 8/20 chỉ tiêu đạt');
    expect(lines.findIndex((l) => l.startsWith('1. Thu ngân sách'))).toBeLessThan(lines.findIndex((l) => l.startsWith('2. Giao quân')));
    expect(lines).toContain('4. Hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ: Đúng tiến độ (đặt tay). Đặt tay: Các chi bộ đã đăng ký và đang thực hiện đúng kế hoạch');
  });
});

/** Mỹ Thới's panel with its list for a period, on one query client: drawn again with another period as the filter does. */
function myThoiPanel() {
  const client = createQueryClient({ retry: false });
  return (period: string) => (
    <QueryClientProvider client={client}>
      <FamilyPanel config={config} units={['my-thoi']} period={period} onSelectPeriod={() => {}} renderTargets={(slot) => <ResolutionTargets {...slot} />} />
    </QueryClientProvider>
  );
}

/** Mỹ Thới's panel on Quý I 2026 with its list drawn, then moved to 6 tháng 2026. */
async function fromQ1ToQ2() {
  const panel = myThoiPanel();
  const { rerender } = render(panel('2026-Q1'));
  await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ });
  rerender(panel('2026-Q2'));
}

describe('a change of period', () => {
  it('keeps the last period’s list, saying it is being updated, until the new period’s figures are in: never the new period judged on the old figures', async () => {
    serve([MY_THOI]);
    // the list's figures of 6 tháng 2026 held back until released
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldAsks = 0;
    server.use(
      http.get('/api/observations', async ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.has('indicator') && url.searchParams.get('to') === '2026-Q2') {
          heldAsks++;
          await held;
        }
        // on to the data's own handler
        return undefined;
      }),
    );
    await fromQ1ToQ2();
    await waitFor(() => expect(heldAsks).toBe(1));
    const list = within(region()).getByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    expect(await within(list).findByRole('status')).toHaveTextContent('Đang cập nhật các chỉ tiêu…');
    expect(within(list).getByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ })).toBeInTheDocument();
    expect(within(list).queryByRole('table', { name: /6 tháng 2026/ })).not.toBeInTheDocument();

    release();
    expect(await within(list).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, 6 tháng 2026/ })).toBeInTheDocument();
    expect(within(list).queryByRole('status')).not.toBeInTheDocument();
    expect(within(list).queryByRole('table', { name: /Quý I 2026/ })).not.toBeInTheDocument();
  });
});

describe('a change of year', () => {
  it('finds the new year’s resolutions already asked for once the page was idle, and asks only for its targets’ figures', async () => {
    serve([MY_THOI]);
    const { asked, stop } = recordRequests();
    const panel = myThoiPanel();
    const { rerender } = render(panel('2026-Q1'));
    await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ });
    const years = () => asked.filter((u) => u.pathname === '/api/resolutions').map((u) => u.searchParams.get('year'));
    // the year shown, then the years before and after it
    await waitFor(() => expect(years().sort()).toEqual(['2025', '2026', '2027']));

    asked.length = 0;
    rerender(panel('2025-Q4'));
    expect(await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Cả năm 2025/ })).toBeInTheDocument();
    stop();
    expect(asked.filter((u) => u.pathname === '/api/resolutions' && u.searchParams.get('year') === '2025')).toHaveLength(0);
    expect(asked.some((u) => u.pathname === '/api/observations' && u.searchParams.get('to') === '2025-Q4')).toBe(true);
  });

  it('finds the figures its targets need a year earlier already asked for once the page was idle: a change to last year asks for none of them', async () => {
    serve([MY_THOI]);
    const { asked, stop } = recordRequests();
    const panel = myThoiPanel();
    const { rerender } = render(panel('2026-Q3'));
    await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, 9 tháng 2026/ });
    // the targets' figures (asked by indicator; the panel's own trend is asked by family)
    const targetFigures = () => asked.filter((u) => u.pathname === '/api/observations' && u.searchParams.getAll('indicator').includes('budget_revenue_pct'));
    await waitFor(() => expect(targetFigures().some((u) => u.searchParams.get('to') === '2025-Q3')).toBe(true));

    asked.length = 0;
    rerender(panel('2025-Q3'));
    const table = await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, 9 tháng 2025/ });
    stop();
    expect(rowsOf(table).length).toBeGreaterThan(0);
    expect(targetFigures()).toEqual([]);
  });
});

describe('a change of period whose list cannot be had', () => {
  it('says so in the list, with its “Thử lại”, instead of leaving the last period’s list on screen', async () => {
    serve([MY_THOI]);
    let failing = true;
    server.use(
      http.get('/api/observations', ({ request }) => {
        const url = new URL(request.url);
        const listOfQ2 = url.searchParams.has('indicator') && url.searchParams.get('to') === '2026-Q2';
        return listOfQ2 && failing ? HttpResponse.json({ error: { code: 'internal', message: 'Internal server error.' } }, { status: 500 }) : undefined;
      }),
    );
    await fromQ1ToQ2();
    const list = within(region()).getByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    const retry = await within(list).findByRole('button', { name: 'Thử lại' });
    expect(within(list).queryByRole('table')).not.toBeInTheDocument();

    failing = false;
    await userEvent.click(retry);
    expect(await within(list).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, 6 tháng 2026/ })).toBeInTheDocument();
  });
});

describe('a server that cannot answer', () => {
  it('says so once in the panel, with one “Thử lại”, and brings the figures and the list back when it answers', async () => {
    serve([MY_THOI]);
    let down = true;
    server.use(
      http.get('/api/observations', () => (down ? HttpResponse.json({ error: { code: 'internal', message: 'Internal server error.' } }, { status: 500 }) : undefined)),
    );
    renderPanel(['my-thoi'], '2026-Q1');
    const retry = await within(region()).findByRole('button', { name: 'Thử lại' });
    expect(within(region()).getAllByRole('button', { name: 'Thử lại' })).toHaveLength(1);

    down = false;
    await userEvent.click(retry);
    expect(await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ })).toBeInTheDocument();
    expect(within(region()).getByText('Theo báo cáo: 8/20 chỉ tiêu đạt')).toBeInTheDocument();
    expect(within(region()).queryByRole('button', { name: 'Thử lại' })).not.toBeInTheDocument();
  });
});

describe('a resolution, and no count reported for the period', () => {
  // the reports' counts of targets met left out of the data: the family has no figure, the term's resolution is in force
  it('still lists the targets, and offers its exports carrying them: the CSV rows and the image’s lines', async () => {
    serve([MY_THOI], { withoutReportedCount: true });
    const exported = renderPanel(['my-thoi'], '2026-Q1');
    const table = await within(region()).findByRole('table', { name: /Các chỉ tiêu của nghị quyết, Quý I 2026/ });
    expect(rowsOf(table)).toHaveLength(5);
    expect(within(region()).getByText(/Chưa có số liệu của Phường Mỹ Thới/)).toBeInTheDocument();
    expect(within(region()).queryByText('(theo báo cáo)')).not.toBeInTheDocument();

    await expect.poll(() => exported.current?.model.figures.length).toBe(5);
    const panel = exported.current!;
    expect(panel.model.figures.every((f) => f.key.startsWith('target-'))).toBe(true);
    expect(panel.model.tiles).toEqual([]);
    const csv = figuresCsv(panel.model.figures);
    expect(csv).toContain('Phường Mỹ Thới,Quý I 2026,Chỉ tiêu 1: Thu ngân sách đạt 100% dự toán mỗi năm,13.75');
    expect(csv).toContain('Đặt tay: Các chi bộ đã đăng ký và đang thực hiện đúng kế hoạch');

    // the image: no chart (the panel draws none), the title, the units and period, and every target's line
    expect(imageCharts(panel, estimateText)).toEqual([]);
    const { svg } = composePanelSvg(panel, { charts: [], fontCss: '', now: new Date(2026, 0, 5, 9, 30) });
    const texts = [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent ?? '').join(' ');
    expect(texts).toContain('Chỉ tiêu Nghị quyết');
    expect(texts).toContain('Phường Mỹ Thới · Quý I 2026');
    // (the image wraps its long lines)
    expect(texts).toContain('Nghị quyết nhiệm kỳ 2025–2030 của phường Mỹ Thới (giả lập): Theo số liệu: 2/5 đạt hoặc đúng tiến độ');
    expect(texts).toContain('1. Thu ngân sách đạt 100% dự toán mỗi năm: Có nguy cơ không đạt.');
    expect(texts).toContain('5. Kéo giảm số vụ phạm pháp hình sự: Chưa có số liệu.');
  });

  it('offers nothing to export when neither figures nor a resolution are there, and says only that it has no figures', async () => {
    serve([], { withoutReportedCount: true });
    const exported = renderPanel(['my-thoi'], '2026-Q1');
    expect((await within(region()).findAllByText(/Chưa có số liệu/)).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    // no list saying there is no resolution either: the panel stays short
    expect(within(region()).queryByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' })).not.toBeInTheDocument();
    expect(exported.current).toBeUndefined();
  });

  it('still tells a signed-in editor there is no resolution, with the way to enter it', async () => {
    serve([], { withoutReportedCount: true });
    renderPanel(['my-thoi'], '2026-Q1', { editor: true });
    expect(await within(region()).findByText(/chưa có nghị quyết nào được nhập/)).toBeInTheDocument();
    expect(within(region()).getByRole('link', { name: 'Nhập, sửa nghị quyết của Phường Mỹ Thới' })).toBeInTheDocument();
  });
});

describe('a view without units', () => {
  it('the province before its communes existed (Cả năm 2024): the panel says it has no figures, and nothing is left loading', async () => {
    serve([MY_THOI]);
    renderPanel(['an-giang'], '2024-Q4');
    expect((await within(region()).findAllByText(/chưa có số liệu/i)).length).toBeGreaterThan(0);
    // the list of targets is not drawn for no unit (it waited for ever)
    await new Promise((r) => setTimeout(r, 300));
    expect(within(region()).queryByText(/Đang tải/)).not.toBeInTheDocument();
    expect(within(region()).queryByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' })).not.toBeInTheDocument();
  });
});

describe('a unit without a resolution', () => {
  it('says so plainly, and offers a signed-in editor to enter it', async () => {
    serve([MY_THOI]);
    renderPanel(['long-xuyen'], '2026-Q1', { editor: true });
    const panel = region();
    expect(await within(panel).findByText(/Phường Long Xuyên chưa có nghị quyết nào được nhập cho Quý I 2026/)).toBeInTheDocument();
    const list = within(panel).getByRole('group', { name: 'Từng chỉ tiêu của nghị quyết' });
    // to the editors' "Nghị quyết" tab, with the unit chosen
    expect(within(list).getByRole('link', { name: 'Nhập, sửa nghị quyết của Phường Long Xuyên' })).toHaveAttribute('href', '/nhap-so-lieu?unit=long-xuyen&tab=nghi-quyet');
    expect(within(panel).queryByRole('table', { name: /Các chỉ tiêu/ })).not.toBeInTheDocument();
  });

  it('offers no link to a visitor', async () => {
    serve([]);
    renderPanel(['long-xuyen'], '2026-Q1');
    // (Long Xuyên's report gave no count of targets for Quý I 2026: the panel says it has no figures)
    expect((await within(region()).findAllByText(/Chưa có số liệu/)).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(within(region()).queryByRole('link')).not.toBeInTheDocument();
  });
});

describe('many units', () => {
  const unitIds = ['my-thoi', 'long-xuyen', 'binh-duc', 'chau-doc', 'vinh-te'];
  /** One hand-set target each: `good` of them on track, the rest at risk. */
  const handSet = (unitId: string, good: number, atRisk: number): Resolution => ({
    id: `nq-${unitId}`,
    unitId,
    title: `Nghị quyết năm 2026 (giả lập) của ${unitId}`,
    kind: 'year',
    year: 2026,
    version: 1,
    targets: Array.from({ length: good + atRisk }, (_, i) =>
      target(i + 1, { name: `Chỉ tiêu thử ${i + 1}`, type: 'yearly_min', value: 10, unit: 'percent', manualStatus: { status: i < good ? 'on_track' : 'at_risk', note: 'Ghi chú thử' } }),
    ),
  });

  it('counts each unit’s targets by status and ranks them, the unit without a resolution last', async () => {
    serve([handSet('binh-duc', 1, 3), handSet('chau-doc', 4, 0), handSet('vinh-te', 2, 2), handSet('long-xuyen', 3, 1)]);
    const exported = renderPanel(unitIds, '2026-Q1');
    const table = await within(region()).findByRole('table', { name: /Số chỉ tiêu nghị quyết theo tình trạng của từng đơn vị/ });
    const rows = rowsOf(table).map((r) => [within(r).getAllByRole('cell')[0]!.textContent, within(r).getByRole('rowheader').textContent]);
    expect(rows).toEqual([
      ['1', 'Phường Châu Đốc'],
      ['2', 'Phường Long Xuyên'],
      ['3', 'Phường Vĩnh Tế'],
      ['4', 'Phường Bình Đức'],
      ['—', 'Phường Mỹ Thới'],
    ]);
    const binhDuc = within(rowsOf(table)[3]!).getAllByRole('cell').map((c) => c.textContent);
    // Đạt, Đúng tiến độ, Có nguy cơ không đạt, Chưa đạt, Chưa có số liệu
    expect(binhDuc.slice(1, 6)).toEqual(['0', '1', '3', '0', '0']);
    expect(within(region()).getByText('1/5 đơn vị chưa có nghị quyết được nhập cho Quý I 2026.')).toBeInTheDocument();
    await expect.poll(() => exported.current?.model.summaryLines.some((l) => l.startsWith('1. Phường Châu Đốc: Đạt 0 · Đúng tiến độ 4'))).toBe(true);
  });

  it('cuts a long ranking for paper to its top, its bottom and the user’s units, the rest counted; the CSV lists every unit', async () => {
    const communes = loadDataset()
      .units.filter((u) => (u.kind === 'xa' || u.kind === 'phuong') && u.validTo === null)
      .slice(0, 30);
    // the i-th commune has i of its 30 targets on track: ranked in reverse order
    serve(communes.map((u, i) => handSet(u.id, i, 30 - i)));
    const mine = communes[10]!;
    const exported = renderPanel(communes.map((u) => u.id), '2026-Q1', { mine: [mine.id] });
    const table = await within(region()).findByRole('table', { name: /Số chỉ tiêu nghị quyết theo tình trạng/ });
    // the screen shows them all
    const rows = within(table).getAllByRole('rowheader');
    expect(rows).toHaveLength(30);
    expect(rows[0]).toHaveTextContent(communes[29]!.name);
    // on paper (print CSS hides .paper-cut and shows .paper-gap): at most 16 lines, the user's unit among them
    const body = table.querySelector('tbody')!;
    const onPaper = [...body.rows].filter((r) => !r.classList.contains('paper-cut'));
    expect(onPaper.length).toBeLessThanOrEqual(16);
    const said = onPaper.map((r) => (r.classList.contains('paper-gap') ? r.textContent : r.querySelector('th')!.textContent));
    expect(said[0]).toBe(communes[29]!.name);
    expect(said.at(-1)).toBe(communes[0]!.name);
    expect(said).toContain(mine.name);
    const gaps = said.filter((t) => t!.startsWith('⋯'));
    expect(gaps.length).toBeGreaterThan(0);
    const counted = gaps.reduce((n, g) => n + Number(/^⋯ (\d+) /.exec(g!)![1]), 0);
    expect(said.length - gaps.length + counted).toBe(30);
    expect(within(region()).getByText(/^Bảng in nêu \d+\/30 đơn vị \(đầu và cuối bảng xếp hạng, đơn vị của tôi\); đủ 30 đơn vị trong tệp CSV\/Excel\.$/)).toBeInTheDocument();

    await expect.poll(() => exported.current?.model.figures.filter((f) => f.key.startsWith('targets-')).length).toBe(30);
    const csv = figuresCsv(exported.current!.model.figures, true);
    expect(csv).toContain(`1,${communes[29]!.name},Quý I 2026,Số chỉ tiêu nghị quyết đạt hoặc đúng tiến độ (tính theo số liệu),29,30,`);
    expect(csv).toContain(`${communes[0]!.name},Quý I 2026,Số chỉ tiêu nghị quyết đạt hoặc đúng tiến độ (tính theo số liệu),0,30,`);
  });

  it('asks for the resolutions of the units shown only', async () => {
    const { asked, stop } = recordRequests();
    serve([]);
    renderPanel(unitIds, '2026-Q1');
    await within(region()).findByRole('table', { name: /Số chỉ tiêu nghị quyết/ });
    stop();
    const resolutionAsks = asked.filter((u) => u.pathname === '/api/resolutions');
    expect(resolutionAsks).toHaveLength(1);
    expect(resolutionAsks[0]!.searchParams.getAll('unit').sort()).toEqual([...unitIds].sort());
    expect(resolutionAsks[0]!.searchParams.get('year')).toBe('2026');
  });
});
