/**
 * Many units compared, ranked: the province chosen by its id (`?unit=an-giang`) stands for its
 * 102 current communes; each panel ranks them, names each in full, highlights the user's own
 * units and says how many are on track; the table has a "Hạng" column in rank order.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { MY_UNITS_KEY } from '../../src/features/filters/my-units';
import { serveWithFigures } from './figures';
import { renderAt } from '../render';

const panel = (name: string) => screen.getByRole('region', { name });
const pct = (unitId: string, value: number) => ({ unitId, indicatorId: 'budget_revenue_pct', period: '2026-Q1', value });

/** The rows of a panel's comparison chart, top to bottom (each unit's group is placed by its transform). */
function chartOf(region: HTMLElement) {
  const svg = region.querySelector('svg[data-kpi-chart="comparison"]')!;
  const top = (g: Element) => Number(/translate\(0 ([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]);
  const rows = [...svg.querySelectorAll('.comparison-row')].sort((a, b) => top(a) - top(b));
  const label = (g: Element) => g.querySelector('.comparison-label')!;
  return {
    svg,
    names: rows.map((g) => label(g).textContent ?? ''),
    ranks: rows.map((g) => g.querySelector('.comparison-rank')?.textContent ?? ''),
    bold: rows.filter((g) => label(g).getAttribute('font-weight') === '700').map((g) => label(g).textContent ?? ''),
    none: rows.filter((g) => g.querySelector('.comparison-none')).length,
    bands: svg.querySelectorAll('.comparison-mine rect').length,
  };
}

afterEach(() => localStorage.clear());

describe('the province, ranked', () => {
  it('shows the province’s 102 current communes compared when the link names the province, asking for their figures at once', async () => {
    const asked: URL[] = [];
    server.events.on('request:start', ({ request }) => void asked.push(new URL(request.url)));
    renderAt('/?unit=an-giang&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Tỉnh An Giang · 102 xã, phường · Quý I 2026')).toBeInTheDocument();
    await waitFor(() => expect(chartOf(budget).names).toHaveLength(102));
    expect(chartOf(budget).svg.getAttribute('aria-label')).toMatch(/^Biểu đồ so sánh 102 xã, phường/);
    // one request per quarter for every family's comparison (the year so far: Quý I alone here)
    const quarter = (period: string) =>
      asked.filter(
        (u) =>
          u.pathname === '/api/observations' &&
          u.searchParams.getAll('family').join() === 'budget,health_insurance,other,poverty,resolution_targets' &&
          u.searchParams.get('from') === period,
      );
    const figures = quarter('2026-Q1');
    // the communes, never the province's own id
    expect(figures.map((u) => u.searchParams.getAll('unit').length)).toEqual([102]);
    expect(figures[0]!.searchParams.getAll('unit')).toContain('my-thoi');
    expect(figures[0]!.searchParams.get('to')).toBe('2026-Q1');
    // only what the comparisons draw and show: each family's ranked indicator and the two summed up in its tiles
    expect(figures[0]!.searchParams.getAll('indicator')).toEqual(expect.arrayContaining(['budget_revenue', 'budget_revenue_pct', 'near_poor_households_reduced', 'poor_households_reduced']));
    expect(figures[0]!.searchParams.getAll('indicator')).toHaveLength(12);
    // and once they are in, the same quarter a year earlier (cùng kỳ), of the same indicators
    await waitFor(() => expect(quarter('2025-Q1')).toHaveLength(1));
    const samePeriod = quarter('2025-Q1')[0]!.searchParams;
    expect([samePeriod.getAll('unit').length, samePeriod.get('to')]).toEqual([102, '2025-Q1']);
    expect(samePeriod.getAll('indicator')).toEqual(figures[0]!.searchParams.getAll('indicator'));
    expect(asked.filter((u) => u.pathname === '/api/observations' && u.searchParams.getAll('unit').length === 102)).toHaveLength(2);
    // every panel counts them (coverage has Mỹ Thới's figure; the others none for Quý I 2026)
    await waitFor(() => expect(chartOf(panel('Bảo hiểm y tế')).names).toHaveLength(102));
    for (const name of ['Giảm nghèo', 'Bảo hiểm y tế', 'Chỉ tiêu Nghị quyết']) {
      expect(within(panel(name)).getByText('Tỉnh An Giang · 102 xã, phường · Quý I 2026')).toBeInTheDocument();
    }
    expect(await within(panel('Giảm nghèo')).findByText(/Tỉnh An Giang · 102 xã, phường chưa có số liệu giảm nghèo cho kỳ Quý I 2026/)).toBeInTheDocument();
    server.events.removeAllListeners();
  });

  it('says so when the province did not exist yet in the chosen period', async () => {
    renderAt('/?unit=an-giang&period=2024-Q4');
    const budget = panel('Thu ngân sách');
    expect(await within(budget).findByText('Tỉnh An Giang được thành lập từ 01/07/2025: chọn kỳ từ 9 tháng 2025 trở đi.')).toBeInTheDocument();
  });

  it('says once, with how many, not once a commune, which communes were formed during the period (9 tháng 2025)', async () => {
    renderAt('/?unit=an-giang&period=2025-Q3');
    const budget = panel('Thu ngân sách');
    const note = await within(budget).findByText(/^\d+ xã, phường được thành lập từ 01\/07\/2025\.$/);
    // the communes whose start the register gives as 1 July 2025, counted in one line
    expect(Number(note.textContent!.split(' ')[0])).toBeGreaterThan(50);
    expect(within(budget).queryByText(/^(Phường|Xã|Đặc khu) .+ được thành lập từ/)).not.toBeInTheDocument();
    expect([...budget.querySelectorAll('.unit-note')].map((n) => n.textContent)).toEqual([note.textContent]);
  });

  it('ranks best first with dense ties and full names, highlights the user’s own unit, and counts those on track', async () => {
    localStorage.setItem(MY_UNITS_KEY, JSON.stringify(['vinh-te']));
    // Mỹ Thới's own report says 13,75% for Quý I 2026
    serveWithFigures([pct('my-hoa-hung', 40), pct('long-xuyen', 30), pct('binh-duc', 30), pct('chau-doc', 25), pct('vinh-te', 10)]);
    const { user } = renderAt('/?unit=an-giang&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    await waitFor(() => expect(chartOf(budget).names).toHaveLength(102));
    const chart = chartOf(budget);
    expect(chart.names.slice(0, 6)).toEqual(['Xã Mỹ Hòa Hưng', 'Phường Bình Đức', 'Phường Long Xuyên', 'Phường Châu Đốc', 'Phường Mỹ Thới', 'Phường Vĩnh Tế']);
    expect(chart.ranks.slice(0, 7)).toEqual(['1', '2', '2', '3', '4', '5', '–']);
    // units without a figure come last, unranked, each said to have none
    expect(chart.ranks.slice(6).every((r) => r === '–')).toBe(true);
    expect(chart.none).toBe(96);
    // full names: none cut
    expect(chart.names.some((n) => n.includes('…'))).toBe(false);
    expect(chart.names).toContain('Xã Vĩnh Thạnh Trung');
    // the user's own unit: its band and its name in bold, named in the legend
    expect(chart.bands).toBe(1);
    expect(chart.bold).toEqual(['Phường Vĩnh Tế']);
    expect(within(budget).getByText('Đơn vị của tôi')).toBeInTheDocument();
    // on track: 25% or more after Quý I
    expect(within(budget).getByText('4/102 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 25%')).toBeInTheDocument();
    expect(within(budget).getByText('96 xã, phường chưa có số liệu Quý I 2026')).toBeInTheDocument();
    // coverage has no target for 2026: nothing is said about being on track
    expect(within(panel('Bảo hiểm y tế')).queryByText(/đạt (tiến độ|mục tiêu)/)).not.toBeInTheDocument();

    // the table: a "Hạng" column first, its rows in rank order, the user's own unit marked
    await user.click(within(budget).getByText(/Xem bảng số liệu/));
    const table = within(budget).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Hạng', 'Phường, xã', 'Kỳ', 'Chỉ tiêu', 'Giá trị', 'Tình trạng', 'Nguồn']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent));
    expect(rows).toEqual([
      ['1', 'Xã Mỹ Hòa Hưng'],
      ['2', 'Phường Bình Đức'],
      ['2', 'Phường Long Xuyên'],
      ['3', 'Phường Châu Đốc'],
      ['4', 'Phường Mỹ Thới'],
      ['4', 'Phường Mỹ Thới'],
      ['5', 'Phường Vĩnh Tế (đơn vị của tôi)'],
    ]);
  });
});
