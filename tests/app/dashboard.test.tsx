import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data';
import { createHandlers } from '../../mocks/handlers';
import { observationRequests, server } from '../../mocks/node';
import { dropEndpoint, failEndpoint, malformEndpoint, slowEndpoint, withParam } from '../../mocks/scenarios';
import { currentSearch, renderAt } from '../render';

const panel = (name: RegExp | string) => screen.getByRole('region', { name });
/** Waits until a panel's headline shows this figure. */
const findFigure = (name: string, text: string) =>
  waitFor(() => within(within(panel(name)).getByRole('list', { name: 'Số liệu chính' })).getByText(text));
/** Chooses a unit as a person does: types in the picker's search, clicks the option. */
async function chooseUnit(user: ReturnType<typeof renderAt>['user'], typed: string, name: RegExp) {
  const box = await screen.findByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' }, { timeout: 10_000 });
  await user.clear(box);
  await user.type(box, typed);
  await user.click(within(screen.getByRole('listbox', { name: 'Tìm phường, xã theo tên hoặc mã' })).getByRole('option', { name }));
  await user.keyboard('{Escape}');
}
/** The panel's headline figures (the table behind the chart repeats them). */
const headline = async (name: string) => within(await within(panel(name)).findByRole('list', { name: 'Số liệu chính' }));

describe('the dashboard', () => {
  it('shows the four families with Mỹ Thới’s figures for the whole of 2024, from the reports', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    const budget = await headline('Thu ngân sách');
    expect(budget.getByText('trên 12 tỷ đồng')).toBeInTheDocument();
    expect(budget.getByText('100%')).toBeInTheDocument();
    const sources = within(within(panel('Thu ngân sách')).getByRole('list', { name: 'Nguồn số liệu' }));
    expect(sources.getByText(/Hội nghị tổng kết năm 2024 \(30\/12\/2024\)/)).toBeInTheDocument();

    const poverty = await headline('Giảm nghèo');
    expect(poverty.getByText('3 hộ')).toBeInTheDocument();
    expect(poverty.getByText('13 hộ')).toBeInTheDocument();
    expect(poverty.getByText('1.770 phần quà')).toBeInTheDocument();
    expect(poverty.getByText('trên 528 triệu đồng')).toBeInTheDocument();

    // coverage was last reported at nine months: it says so, and does not pass for the year
    const health = await headline('Bảo hiểm y tế');
    expect(health.getByText('88,44%')).toBeInTheDocument();
    expect(health.getByText(/Số liệu 9 tháng 2024, chưa có số Cả năm 2024/)).toBeInTheDocument();
    expect(health.getByText(/mục tiêu năm 2024 là 94%/)).toBeInTheDocument();

    const targets = await headline('Chỉ tiêu Nghị quyết');
    expect(targets.getByText('10/11 chỉ tiêu')).toBeInTheDocument();
    expect(targets.getByText(/chỉ tiêu của năm/)).toBeInTheDocument();
  });

  it('changes the figures and the URL when the period and the wards change', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await findFigure('Thu ngân sách', 'trên 12 tỷ đồng');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Năm' }), '2026');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), 'Quý I');
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    expect((await headline('Thu ngân sách')).getByText('13,75%')).toBeInTheDocument();
    expect(currentSearch().get('period')).toBe('2026-Q1');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Năm' }), '2024');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), '6 tháng');
    await chooseUnit(user, 'my quy', /^Phường Mỹ Quý/);
    expect(currentSearch().getAll('unit')).toEqual(['my-thoi', 'my-quy']);
    expect(await findFigure('Thu ngân sách', 'trên 4,2 tỷ đồng')).toBeInTheDocument();
    expect(await findFigure('Bảo hiểm y tế', 'trên 80,82%')).toBeInTheDocument();
    expect(within(panel('Bảo hiểm y tế')).getByText(/tính đến 31\/05\/2024/)).toBeInTheDocument();
  });

  it('keeps the settled figures on screen, for the view they belong to, while the new ones load', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await findFigure('Thu ngân sách', 'trên 12 tỷ đồng');
    const release = slowEndpoint(server, '/api/observations', 10_000, withParam('to', '2024-Q3'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), '9 tháng');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Đang cập nhật…')).toBeInTheDocument();
    expect(currentSearch().get('period')).toBe('2024-Q3');
    // the whole year's figures stay, still said to be the whole year's, not re-read for nine months
    expect((await headline('Thu ngân sách')).getByText('trên 12 tỷ đồng')).toBeInTheDocument();
    expect(within(budget).getByText('Phường Mỹ Thới · Cả năm 2024')).toBeInTheDocument();
    expect(within(budget).queryByText('trên 8 tỷ đồng')).not.toBeInTheDocument();

    release();
    expect(await findFigure('Thu ngân sách', 'trên 8 tỷ đồng')).toBeInTheDocument();
    expect(within(budget).getByText('Phường Mỹ Thới · 9 tháng 2024')).toBeInTheDocument();
    expect(within(budget).queryByText('Đang cập nhật…')).not.toBeInTheDocument();
  });

  it('goes back to the previous view with the browser’s back button', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await findFigure('Thu ngân sách', 'trên 12 tỷ đồng');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), '9 tháng');
    expect(await findFigure('Thu ngân sách', 'trên 8 tỷ đồng')).toBeInTheDocument();
    window.history.back();
    await waitFor(() => expect(currentSearch().get('period')).toBe('2024-Q4'));
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Kỳ' })).toHaveValue('4');
  });

  it('falls back to the default view with a notice when the link has garbage in it', async () => {
    renderAt('/?unit=%3Cscript%3E&period=2024-Q9');
    expect(await screen.findByText('Kỳ báo cáo “2024-Q9” không hợp lệ; đang hiển thị kỳ gần nhất có số liệu.')).toBeInTheDocument();
    expect(screen.getByText(/Danh sách phường trong đường dẫn không hợp lệ/)).toBeInTheDocument();
    // the default: Mỹ Thới, in the latest period with its figures
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.')).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    expect(currentSearch().toString()).toBe('unit=my-thoi');
  });

  it('drops a ward the API does not know, and says so', async () => {
    renderAt('/?unit=khong-co&unit=my-quy&period=2024-Q2');
    expect(await screen.findByText(/Không tìm thấy phường “khong-co”/)).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 4,2 tỷ đồng')).toBeInTheDocument();
    await waitFor(() => expect(currentSearch().getAll('unit')).toEqual(['my-quy']));
  });

  it('says “Chưa có số liệu” for a period with no figures, and offers the latest one', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2025-Q4');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Chưa có số liệu')).toBeInTheDocument();
    expect(within(budget).queryByText(/tỷ đồng/)).not.toBeInTheDocument();
    await user.click(within(budget).getByRole('button', { name: /Xem kỳ gần nhất có số liệu: Cả năm 2024/ }));
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
  });

  it('says where a ward that ceased to exist went', async () => {
    renderAt('/?unit=my-binh&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText(/Phường Mỹ Bình không còn từ 01\/07\/2025; nay thuộc Phường Long Xuyên/)).toBeInTheDocument();
  });

  it('marks Mỹ Thới’s boundary change instead of joining its series across it', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText(/01\/07\/2025: Phường Mỹ Thới nhận Mỹ Thạnh/)).toBeInTheDocument();
    // the table behind the chart keeps every figure with its source
    await user.click(within(budget).getByText(/Xem bảng số liệu/));
    const table = within(budget).getByRole('table');
    expect(within(table).getByRole('row', { name: /Phường Mỹ Thới Quý I 2026 Thu ngân sách nhà nước trên 32 tỷ đồng/ })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 6);
  });

  it('lets a leader read the text of a source report where it was kept, as plain text, fetched once opened', async () => {
    const text = 'Thu ngân sách đạt trên 12 tỉ đồng, đạt 100%.\n<img src=x onerror=alert(1)> & <b>in đậm</b>';
    const data = loadDataset();
    server.use(...createHandlers({ ...data, sources: data.sources.map((s) => (s.id === 'my-thoi-2024-year' ? { ...s, text } : s)) }));
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => void asked.push(new URL(request.url).pathname));
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await findFigure('Thu ngân sách', 'trên 12 tỷ đồng');
    const sources = within(within(panel('Thu ngân sách')).getByRole('list', { name: 'Nguồn số liệu' }));
    const items = sources.getAllByRole('listitem');
    // only the report whose text was kept offers it, and nothing has fetched it yet
    const year = items.find((li) => li.textContent?.includes('(30/12/2024)'))!;
    const nineMonths = items.find((li) => li.textContent?.includes('(11/10/2024)'))!;
    expect(within(nineMonths).queryByText('Xem văn bản báo cáo')).not.toBeInTheDocument();
    expect(within(year).queryByRole('group', { name: /^Văn bản báo cáo/ })).not.toBeInTheDocument();
    expect(asked.filter((p) => p.startsWith('/api/sources/'))).toEqual([]);
    expect(document.body.textContent).not.toContain('in đậm');

    await user.click(within(year).getByText('Xem văn bản báo cáo'));
    const shown = await within(year).findByRole('group', { name: /^Văn bản báo cáo: .*tổng kết năm 2024$/ });
    expect(shown).toBeVisible();
    expect(shown.textContent).toBe(text);
    expect(shown.querySelector('img, b')).toBeNull();
    expect(asked.filter((p) => p.startsWith('/api/sources/'))).toEqual(['/api/sources/my-thoi-2024-year']);
    server.events.removeAllListeners();
  });

  it('says when a report\'s text could not be fetched, and Retry fetches it', async () => {
    const text = 'Văn bản báo cáo tổng kết năm 2024 của phường Mỹ Thới.';
    const data = loadDataset();
    const withText = { ...data, sources: data.sources.map((s) => (s.id === 'my-thoi-2024-year' ? { ...s, text } : s)) };
    server.use(...createHandlers(withText));
    failEndpoint(server, '/api/sources/:id', 500);
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await findFigure('Thu ngân sách', 'trên 12 tỷ đồng');
    const budget = panel('Thu ngân sách');
    const year = within(within(budget).getByRole('list', { name: 'Nguồn số liệu' }))
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('(30/12/2024)'))!;
    await user.click(within(year).getByText('Xem văn bản báo cáo'));
    const alert = await within(year).findByRole('alert');
    expect(alert).toHaveTextContent(/Không tải được văn bản báo cáo\. Máy chủ gặp lỗi \(mã 500\)/);
    // only the text failed: the panel's figures stay
    expect(within(within(budget).getByRole('list', { name: 'Số liệu chính' })).getByText('trên 12 tỷ đồng')).toBeInTheDocument();

    server.resetHandlers(...createHandlers(withText));
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    const shown = await within(year).findByRole('group', { name: /^Văn bản báo cáo: .*tổng kết năm 2024$/ });
    expect(shown.textContent).toBe(text);
    expect(within(year).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('blanks only the failing panel, and Retry recovers it', async () => {
    failEndpoint(server, '/api/observations', 500, withParam('family', 'poverty'));
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    const poverty = panel('Giảm nghèo');
    expect(await within(poverty).findByRole('alert')).toHaveTextContent(/Máy chủ gặp lỗi \(mã 500\)/);
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
    expect(within(panel('Thu ngân sách')).queryByRole('alert')).not.toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(poverty).getByRole('button', { name: 'Thử lại' }));
    expect(await findFigure('Giảm nghèo', '1.770 phần quà')).toBeInTheDocument();
    expect(within(poverty).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a clear error in one panel when the API answers with a malformed body', async () => {
    malformEndpoint(server, '/api/observations', withParam('family', 'health_insurance'), { observations: [{ value: 'x' }] });
    renderAt('/?unit=my-thoi&period=2024-Q4');
    expect(await within(panel('Bảo hiểm y tế')).findByRole('alert')).toHaveTextContent(/không đúng định dạng/);
    expect(await findFigure('Chỉ tiêu Nghị quyết', '10/11 chỉ tiêu')).toBeInTheDocument();
  });

  it('tells the user to check the network when the API cannot be reached', async () => {
    dropEndpoint(server, '/api/observations', withParam('family', 'budget'));
    renderAt('/?unit=my-thoi&period=2024-Q4');
    expect(await within(panel('Thu ngân sách')).findByRole('alert')).toHaveTextContent(/Mất kết nối tới máy chủ/);
  });

  it('compares many wards in the chosen period instead of drawing their trends', async () => {
    renderAt('/?unit=my-thoi&unit=my-binh&unit=my-quy&unit=my-thanh&unit=long-xuyen&period=2024-Q2');
    const budget = await headline('Thu ngân sách');
    expect(budget.getByText('Thu ngân sách nhà nước: cao nhất')).toBeInTheDocument();
    expect(budget.getByText('trên 4,2 tỷ đồng')).toBeInTheDocument();
    expect(budget.getAllByText(/Phường Mỹ Quý · 1\/5 phường có số liệu/)).toHaveLength(2);
    // the wards are named on the chart's axis; the subtitle counts them
    expect(within(panel('Thu ngân sách')).getByText('5 phường, xã · 6 tháng 2024')).toBeInTheDocument();
  });

  it('works with the keyboard alone', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    const box = await screen.findByRole('combobox', { name: 'Tìm phường, xã theo tên hoặc mã' }, { timeout: 10_000 });
    while (document.activeElement !== box) await user.tab();
    await user.keyboard('my binh{Enter}');
    expect(currentSearch().getAll('unit')).toEqual(['my-thoi', 'my-binh']);
    // the period pickers come next in the tab order (their arrow keys are checked in Chromium)
    const year = screen.getByRole('combobox', { name: 'Năm' });
    while (document.activeElement !== year) await user.tab();
    expect(year).toHaveFocus();
  });
});

describe('a link without a period', () => {
  afterEach(() => {
    server.events.removeAllListeners();
    vi.useRealTimers();
  });
  it('opens on the latest period that has figures for the unit, says which, and asks for the figures once', async () => {
    const asked = observationRequests();
    renderAt('/?unit=my-thoi');
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.')).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    expect(within(panel('Thu ngân sách')).getByText('Phường Mỹ Thới · Quý I 2026')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Năm' })).toHaveValue('2026');
    expect(screen.getByRole('combobox', { name: 'Kỳ' })).toHaveValue('1');
    // the link still names no period: shared or reloaded, it follows the figures as they come
    expect(currentSearch().toString()).toBe('unit=my-thoi');
    // one request across the panels found the period and gave each its figures: none asked again
    expect(within(panel('Bảo hiểm y tế')).getByText('Phường Mỹ Thới · Quý I 2026')).toBeInTheDocument();
    const across = asked.filter((u) => u.searchParams.getAll('family').length > 1);
    expect(across).toHaveLength(1);
    expect(across[0]!.searchParams.getAll('family')).toEqual(expect.arrayContaining(['budget', 'poverty', 'health_insurance', 'resolution_targets']));
    expect(asked.filter((u) => u.searchParams.get('to') === '2026-Q1')).toEqual([]);
  });

  it('takes the latest period of any of the chosen units', async () => {
    const both = renderAt('/?unit=my-binh&unit=my-quy');
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: 6 tháng 2024.')).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 4,2 tỷ đồng')).toBeInTheDocument();
    both.unmount();
    renderAt('/?unit=my-binh');
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: 6 tháng 2023.')).toBeInTheDocument();
  });

  it('shows exactly the period a link names, with no notice', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
    expect(within(panel('Thu ngân sách')).getByText('Phường Mỹ Thới · Cả năm 2024')).toBeInTheDocument();
    expect(screen.queryByText(/kỳ gần nhất có số liệu:/)).not.toBeInTheDocument();
  });

  it('opens the default view (no parameters) on Mỹ Thới’s latest period', async () => {
    renderAt('/');
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.')).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    expect(window.location.search).toBe('?unit=my-thoi');
  });

  it('keeps a period chosen afterwards in the URL; back is the link without one, forward the period', async () => {
    const { user } = renderAt('/?unit=my-thoi');
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Năm' }), '2024');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), 'Cả năm');
    expect(currentSearch().toString()).toBe('unit=my-thoi&period=2024-Q4');
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
    // the period is the person's now: no notice about the latest one
    expect(screen.queryByText(/Đang xem kỳ gần nhất/)).not.toBeInTheDocument();

    act(() => window.history.go(-2));
    await waitFor(() => expect(currentSearch().toString()).toBe('unit=my-thoi'));
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.')).toBeInTheDocument();
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    act(() => window.history.go(2));
    await waitFor(() => expect(currentSearch().get('period')).toBe('2024-Q4'));
    expect(await findFigure('Thu ngân sách', 'trên 12 tỷ đồng')).toBeInTheDocument();
  });

  it('keeps the period shown when the units change: it becomes the link’s', async () => {
    const { user } = renderAt('/?unit=my-thoi');
    expect(await findFigure('Thu ngân sách', 'trên 32 tỷ đồng')).toBeInTheDocument();
    await chooseUnit(user, 'my quy', /^Phường Mỹ Quý/);
    expect(currentSearch().toString()).toBe('unit=my-thoi&unit=my-quy&period=2026-Q1');
    expect(screen.queryByText(/Đang xem kỳ gần nhất/)).not.toBeInTheDocument();
  });

  it('opens the province on the latest period of its communes, in one request for all of them', async () => {
    const asked = observationRequests();
    renderAt('/?unit=an-giang');
    expect(await screen.findByText('Đang xem kỳ gần nhất có số liệu: Quý I 2026.')).toBeInTheDocument();
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Tỉnh An Giang · 102 xã, phường · Quý I 2026')).toBeInTheDocument();
    await waitFor(() => expect(budget.querySelectorAll('svg[data-kpi-chart="comparison"] .comparison-row')).toHaveLength(102));
    // the year's figures of the drawn indicators, once: the panels drew from them; then, apart,
    // the same span a year earlier for the tables' cùng kỳ
    const across = () => asked.filter((u) => u.searchParams.getAll('family').length > 1);
    await waitFor(() => expect(across()).toHaveLength(2));
    const [year, samePeriod] = across();
    expect(year!.searchParams.getAll('unit')).toHaveLength(102);
    expect(year!.searchParams.get('from')).toBe('2026-Q1');
    expect(year!.searchParams.getAll('indicator')).toContain('budget_revenue_pct');
    expect([samePeriod!.searchParams.getAll('unit').length, samePeriod!.searchParams.get('from'), samePeriod!.searchParams.get('to')]).toEqual([102, '2025-Q1', '2025-Q1']);
    expect(asked.filter((u) => u.searchParams.get('to') === '2026-Q1')).toEqual([]);
    expect(currentSearch().toString()).toBe('unit=an-giang');
  });

  it('says so when the units have no figures in any period, and shows the running period', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00'));
    renderAt('/?unit=vinh-hau');
    expect(await screen.findByText('Các đơn vị đã chọn chưa có số liệu ở kỳ nào; đang hiển thị Cả năm 2026.')).toBeInTheDocument();
    expect(await within(panel('Thu ngân sách')).findByText('Xã Vĩnh Hậu · Cả năm 2026')).toBeInTheDocument();
    expect(currentSearch().toString()).toBe('unit=vinh-hau');
  });
});
