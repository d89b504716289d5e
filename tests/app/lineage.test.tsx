/**
 * Lineage on the charts: a unit formed on 2025-07-01 can show the figures of the former units
 * that formed it ("Hiện số liệu các đơn vị cũ", off by default), each labelled as the former
 * unit, never joined with the new unit's; their sum only where every part went in whole and
 * reported. A continuing unit (Mỹ Thới) keeps its series cut at its boundary change and can
 * show what it absorbed the same way.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveWithFigures } from './figures';
import { renderAt } from '../render';

/** jsdom lays nothing out: the trend chart is told it is 800 × 300 px, so that Recharts draws it and its legend. */
class SizedObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { width: 800, height: 300, top: 0, left: 0, bottom: 300, right: 800, x: 0, y: 0 } as DOMRectReadOnly;
    this.callback([{ target, contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
beforeAll(() => vi.stubGlobal('ResizeObserver', SizedObserver));
afterAll(() => vi.unstubAllGlobals());

const panel = (name: string) => screen.getByRole('region', { name });
const legendOf = (region: HTMLElement) => [...region.querySelectorAll('.chart-legend-text')].map((e) => e.textContent);
const tableRows = (region: HTMLElement) =>
  within(within(region).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent));

const poor = (unitId: string, period: string, value: number) => ({ unitId, indicatorId: 'poor_households_reduced', period, value });
/** Long Xuyên was formed on 2025-07-01 from six wards, each whole. */
const FORMERS = ['my-binh', 'my-long', 'my-xuyen', 'my-phuoc-30295', 'my-quy', 'my-hoa'];

describe('the former units on a new unit’s chart', () => {
  it('are off by default, then each shown as its own series labelled as the former unit, with the sum only for a period all six reported', async () => {
    serveWithFigures([
      poor('long-xuyen', '2026-Q1', 20),
      // every former ward reported the whole of 2024; only two reported its first half
      ...FORMERS.map((id, i) => poor(id, '2024-Q4', i + 1)),
      poor('my-binh', '2024-Q2', 1),
      poor('my-quy', '2024-Q2', 2),
    ]);
    const { user } = renderAt('/?unit=long-xuyen&period=2026-Q1');
    const poverty = panel('Giảm nghèo');
    const toggle = await within(poverty).findByRole('checkbox', { name: 'Hiện số liệu các đơn vị cũ' });
    expect(toggle).not.toBeChecked();
    await waitFor(() => expect(legendOf(poverty)).toEqual(['Hộ nghèo giảm – Phường Long Xuyên']), { timeout: 5000 });

    await user.click(toggle);
    await waitFor(() => expect(legendOf(poverty)).toContain('Hộ nghèo giảm – Phường Mỹ Bình (cũ)'));
    // in the order of the resolution's list (Mỹ Bình's report also counts houses built)
    expect(legendOf(poverty).filter((l) => l?.startsWith('Hộ nghèo giảm'))).toEqual([
      'Hộ nghèo giảm – Phường Long Xuyên',
      'Hộ nghèo giảm – Phường Mỹ Bình (cũ)',
      'Hộ nghèo giảm – Phường Mỹ Long (cũ)',
      'Hộ nghèo giảm – Phường Mỹ Xuyên (cũ)',
      'Hộ nghèo giảm – Phường Mỹ Phước (cũ)',
      'Hộ nghèo giảm – Phường Mỹ Quý (cũ)',
      'Hộ nghèo giảm – Phường Mỹ Hòa (cũ)',
      'Hộ nghèo giảm – Phường Long Xuyên: cộng các đơn vị cũ',
    ]);
    expect(within(poverty).getByRole('checkbox', { name: 'Hiện số liệu các đơn vị cũ' })).toBeChecked();
    // the day the unit was formed is marked: the figures before and after are not joined
    expect(within(poverty).getByText(/Thay đổi địa giới 01\/07\/2025: thành lập Phường Long Xuyên: số liệu trước và sau không nối liền/)).toBeInTheDocument();

    await user.click(within(poverty).getByText(/Xem bảng số liệu/));
    const rows = tableRows(poverty).filter((r) => r[2] === 'Hộ nghèo giảm');
    // the new unit's own figure only after it was formed; each former unit's only before
    expect(rows.filter((r) => r[0] === 'Phường Long Xuyên').map((r) => r[1])).toEqual(['Quý I 2026']);
    expect(rows.filter((r) => r[0] === 'Phường Mỹ Bình (cũ)').map((r) => r[1]).sort()).toEqual(['6 tháng 2024', 'Cả năm 2024']);
    // the sum: 1 + 2 + … + 6 for the whole of 2024, none for the half only two reported
    const sums = rows.filter((r) => r[0] === 'Phường Long Xuyên: cộng các đơn vị cũ');
    expect(sums.map((r) => r[1])).toEqual(['Cả năm 2024']);
    expect(within(within(poverty).getByRole('table')).getByRole('row', { name: /Phường Long Xuyên: cộng các đơn vị cũ Cả năm 2024 Hộ nghèo giảm 21 hộ/ })).toBeInTheDocument();
  });

  it('never sums percents: the budget panel shows the former units, no sum', async () => {
    const pct = (unitId: string, period: string, value: number) => ({ unitId, indicatorId: 'budget_revenue_pct', period, value });
    serveWithFigures([pct('long-xuyen', '2026-Q1', 30), ...FORMERS.map((id) => pct(id, '2024-Q4', 100))]);
    const { user } = renderAt('/?unit=long-xuyen&period=2026-Q1');
    const budget = panel('Thu ngân sách');
    await user.click(await within(budget).findByRole('checkbox', { name: 'Hiện số liệu các đơn vị cũ' }));
    await waitFor(() => expect(legendOf(budget)).toContain('Phường Mỹ Hòa (cũ)'));
    expect(legendOf(budget).some((l) => l?.includes('cộng các đơn vị cũ'))).toBe(false);
  });

  it('shows a new unit’s former units even when the new unit has no figure of its own yet', async () => {
    serveWithFigures(FORMERS.slice(0, 2).map((id) => poor(id, '2024-Q4', 3)));
    const { user } = renderAt('/?unit=long-xuyen&period=2026-Q1');
    const poverty = panel('Giảm nghèo');
    expect(await within(poverty).findByText('Chưa có số liệu của Phường Long Xuyên.')).toBeInTheDocument();
    await user.click(within(poverty).getByRole('checkbox', { name: 'Hiện số liệu các đơn vị cũ' }));
    await waitFor(() => expect(legendOf(poverty)).toContain('Hộ nghèo giảm – Phường Mỹ Long (cũ)'));
    // (Mỹ Bình's report also counts houses built)
    expect(legendOf(poverty).filter((l) => l?.startsWith('Hộ nghèo giảm'))).toEqual(['Hộ nghèo giảm – Phường Mỹ Bình (cũ)', 'Hộ nghèo giảm – Phường Mỹ Long (cũ)']);
    // four of the six did not report: no sum
    await user.click(within(poverty).getByText(/Xem bảng số liệu/));
    const rows = tableRows(poverty);
    expect(rows.filter((r) => r[2] === 'Hộ nghèo giảm').map((r) => r[0])).toEqual(['Phường Mỹ Bình (cũ)', 'Phường Mỹ Long (cũ)']);
    expect(rows.some((r) => r[0]?.includes('cộng'))).toBe(false);
  });
});

describe('a continuing unit', () => {
  it('keeps its series cut at the boundary change, and shows what it absorbed the same way', async () => {
    serveWithFigures([poor('my-thanh', '2024-Q4', 2)]);
    const { user } = renderAt('/?unit=my-thoi&period=2026-Q1');
    const poverty = panel('Giảm nghèo');
    await user.click(await within(poverty).findByRole('checkbox', { name: 'Hiện số liệu các đơn vị cũ' }));
    await waitFor(() => expect(legendOf(poverty)).toContain('Hộ nghèo giảm – Phường Mỹ Thạnh (cũ)'));
    // Mỹ Thới's own 2024 series, then Mỹ Thạnh's; Mỹ Thới reported 3 households for 2024: the sum 3 + 2
    expect(legendOf(poverty)).toEqual(expect.arrayContaining(['Hộ nghèo giảm – Phường Mỹ Thới', 'Hộ nghèo giảm – Phường Mỹ Thới: cộng các đơn vị cũ']));
    await user.click(within(poverty).getByText(/Xem bảng số liệu/));
    expect(within(within(poverty).getByRole('table')).getByRole('row', { name: /Phường Mỹ Thới: cộng các đơn vị cũ Cả năm 2024 Hộ nghèo giảm 5 hộ/ })).toBeInTheDocument();
  });
});
