/**
 * The same period a year earlier (cùng kỳ) on each tile: amounts and counts in percent,
 * percentages in points, only where both figures are the same unit's with the same boundaries;
 * a unit that absorbed another in between says it is not compared. Many units compared carry it
 * in their table and CSV, from figures of a year earlier that are never drawn, counted or cited.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../csv-reader';
import { serveWithFigures } from './figures';
import { renderAt } from '../render';

const panel = (name: string) => screen.getByRole('region', { name });
const headline = async (name: string) => within(await within(panel(name)).findByRole('list', { name: 'Số liệu chính' }));
const tileOf = async (family: string, value: string) => within((await headline(family)).getByText(value).closest('li')!);

describe('cùng kỳ on the tiles', () => {
  it('compares an amount in percent and a percentage in points with 9 tháng a year earlier', async () => {
    serveWithFigures([
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2025-Q3', value: 8e9 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2026-Q3', value: 8.96e9 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue_pct', period: '2025-Q3', value: 70 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue_pct', period: '2026-Q3', value: 71.5 },
      { unitId: 'my-hoa-hung', indicatorId: 'poor_households_reduced', period: '2025-Q3', value: 4 },
      { unitId: 'my-hoa-hung', indicatorId: 'poor_households_reduced', period: '2026-Q3', value: 3 },
    ]);
    renderAt('/?unit=my-hoa-hung&period=2026-Q3');
    expect((await tileOf('Thu ngân sách', '8,96 tỷ đồng')).getByText('so với 9 tháng 2025: +12%')).toBeInTheDocument();
    expect((await tileOf('Thu ngân sách', '71,5%')).getByText('so với 9 tháng 2025: +1,5 điểm %')).toBeInTheDocument();
    expect((await tileOf('Giảm nghèo', '3 hộ')).getByText('so với 9 tháng 2025: -25%')).toBeInTheDocument();
  });

  it('compares an earlier figure of the year with its own span a year before', async () => {
    serveWithFigures([
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2025-Q3', value: 8e9 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2025-Q4', value: 11e9 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2026-Q3', value: 10e9 },
    ]);
    renderAt('/?unit=my-hoa-hung&period=2026-Q4');
    const tile = await tileOf('Thu ngân sách', '10 tỷ đồng');
    expect(tile.getByText(/Số liệu 9 tháng 2026, chưa có số Cả năm 2026/)).toBeInTheDocument();
    expect(tile.getByText('so với 9 tháng 2025: +25%')).toBeInTheDocument();
  });

  it('does not compare Mỹ Thới across its merger of 1 July 2025, and says so', async () => {
    serveWithFigures([{ unitId: 'my-thoi', indicatorId: 'budget_revenue', period: '2025-Q1', value: 9e9 }]);
    renderAt('/?unit=my-thoi&period=2026-Q1');
    const tile = await tileOf('Thu ngân sách', 'trên 32 tỷ đồng');
    expect(tile.getByText('Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025')).toBeInTheDocument();
    expect(tile.queryByText(/^so với/)).not.toBeInTheDocument();
  });

  it('says nothing of a year earlier where that year has no figure', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    const budget = await headline('Thu ngân sách');
    expect(budget.getByText('trên 12 tỷ đồng')).toBeInTheDocument();
    expect(budget.queryByText(/so với .*2023/)).not.toBeInTheDocument();
  });
});

describe('cùng kỳ of the province’s communes compared', () => {
  const budget = (unitId: string, period: string, value: number) => ({ unitId, indicatorId: 'budget_revenue_pct', period, value });
  const figures = [
    budget('my-hoa-hung', '2025-Q1', 20),
    budget('my-hoa-hung', '2026-Q1', 26.5),
    { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2025-Q1', value: 8e9 },
    { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue', period: '2026-Q1', value: 10e9 },
    // Mỹ Thới absorbed Mỹ Thạnh on 1 July 2025; its own report gives 13,75% for Quý I 2026
    budget('my-thoi', '2025-Q1', 12),
    // Vĩnh Tế: a figure of last year alone
    budget('vinh-te', '2025-Q1', 30),
  ];

  it('puts the previous figure and the change in the table where both are the same unit’s, says why not across a merger, and cites no report of last year', async () => {
    serveWithFigures(figures);
    const { user } = renderAt('/?unit=an-giang&period=2026-Q1');
    const region = panel('Thu ngân sách');
    await user.click(await within(region).findByText(/Xem bảng số liệu/));
    const table = within(region).getByRole('table');
    // the previous year's figures are asked once the page is idle: their column comes then
    await waitFor(() => expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Cùng kỳ năm trước'));
    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    const rowOf = (unit: string, indicator: string) =>
      within(table)
        .getAllByRole('row')
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''))
        .find((cells) => cells[header.indexOf('Phường, xã')] === unit && cells[header.indexOf('Chỉ tiêu')] === indicator);
    const previousOf = (unit: string, indicator: string) => rowOf(unit, indicator)?.[header.indexOf('Cùng kỳ năm trước')];
    await waitFor(() => expect(previousOf('Xã Mỹ Hòa Hưng', 'Tỷ lệ thu ngân sách so với cả năm')).toBe('20%; so với Quý I 2025: +6,5 điểm %'));
    expect(previousOf('Xã Mỹ Hòa Hưng', 'Thu ngân sách nhà nước')).toBe('8 tỷ đồng; so với Quý I 2025: +25%');
    expect(previousOf('Phường Mỹ Thới', 'Tỷ lệ thu ngân sách so với cả năm')).toBe('12%; Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025');
    // last year's figures are not rows, not ranked and not counted
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.every((r) => r.querySelectorAll('td')[header.indexOf('Kỳ')]!.textContent === 'Quý I 2026')).toBe(true);
    expect(rowOf('Phường Vĩnh Tế', 'Tỷ lệ thu ngân sách so với cả năm')).toBeUndefined();
    expect(within(region).getByText(/Xem bảng số liệu \(\d+ số liệu\)/).textContent).toBe(`Xem bảng số liệu (${rows.length} số liệu)`);
    expect(within(region).getByText('100 xã, phường chưa có số liệu Quý I 2026')).toBeInTheDocument();

    // the sources cited are those of the rows shown, none of last year's
    const more = within(region).queryByText(/^và \d+ nguồn khác$/);
    if (more) await user.click(more);
    const cited = within(region)
      .getAllByRole('list', { name: /Nguồn số liệu|Các nguồn số liệu khác/ })
      .flatMap((l) => within(l).getAllByRole('listitem').map((li) => li.textContent ?? ''));
    const ofRows = new Set(rows.map((r) => r.querySelectorAll('td')[header.indexOf('Nguồn')]!.textContent));
    expect(cited).toHaveLength(ofRows.size);
    expect(cited.some((s) => s.startsWith('Báo cáo thử 2026-Q1 của my-hoa-hung'))).toBe(true);
    expect(cited.some((s) => s.includes('2025-Q1'))).toBe(false);

    // the at-risk line counts this year's figures alone (Vĩnh Tế's of last year is none)
    const summary = screen.getByRole('region', { name: 'Tóm tắt: chỉ tiêu cần chú ý' });
    expect(within(summary).getAllByRole('listitem')[0]).toHaveTextContent(
      'Thu ngân sách · Quý I 2026: 1/102 xã, phường có nguy cơ không đạt, 1 đạt hoặc đúng tiến độ, 100 chưa có số liệu',
    );
  });

  it('carries the previous figure, the change and its words in the CSV', async () => {
    serveWithFigures(figures);
    let last: Blob | undefined;
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => ((last = blob), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => void files.push(last!));
    const { user } = renderAt('/?unit=an-giang&period=2026-Q1');
    const region = panel('Thu ngân sách');
    // the table says it once last year's figures are in: the CSV is made from the same rows
    await user.click(await within(region).findByText(/Xem bảng số liệu/));
    await within(region).findByText('20%; so với Quý I 2025: +6,5 điểm %');
    await user.click(within(region).getByRole('button', { name: /CSV/ }));
    await waitFor(() => expect(files).toHaveLength(1));
    const [header, ...rows] = parseCsv((await files[0]!.text()).replace(/^\uFEFF/, ''));
    const at = (row: string[], column: string) => row[header!.indexOf(column)];
    const rowOf = (unit: string) => rows.find((r) => at(r, 'Phường, xã') === unit && at(r, 'Chỉ tiêu') === 'Tỷ lệ thu ngân sách so với cả năm')!;
    const mine = rowOf('Xã Mỹ Hòa Hưng');
    expect([at(mine, 'Hạng'), at(mine, 'Cùng kỳ năm trước'), at(mine, 'Giá trị cùng kỳ năm trước'), at(mine, 'Thay đổi so với cùng kỳ'), at(mine, 'Đơn vị của thay đổi'), at(mine, 'So sánh cùng kỳ')]).toEqual(
      ['1', 'Quý I 2025', '20', '6.5', 'điểm %', 'so với Quý I 2025: +6,5 điểm %'],
    );
    const merged = rowOf('Phường Mỹ Thới');
    expect([at(merged, 'Giá trị cùng kỳ năm trước'), at(merged, 'Thay đổi so với cùng kỳ'), at(merged, 'So sánh cùng kỳ')]).toEqual(
      ['12', '', 'Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025'],
    );
    expect(rows.some((r) => at(r, 'Kỳ báo cáo') !== 'Quý I 2026')).toBe(false);
  });
});
