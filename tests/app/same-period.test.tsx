/**
 * The same period a year earlier (cùng kỳ) on each tile: amounts and counts in percent,
 * percentages in points, only where both figures are the same unit's with the same boundaries;
 * a unit that absorbed another in between says it is not compared.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
