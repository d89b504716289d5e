/**
 * Status in words on every figure that has a benchmark: the budget percent against the even
 * pace of its quarter, coverage against the province's target for its year (none known for
 * 2026), each word with its reason; figures without a benchmark say none.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveWithFigures } from './figures';
import { renderAt } from '../render';

const panel = (name: string) => screen.getByRole('region', { name });
const headline = async (name: string) => within(await within(panel(name)).findByRole('list', { name: 'Số liệu chính' }));
/** The tile of a figure, found by its value. */
const tileOf = async (family: string, value: string) => within((await headline(family)).getByText(value).closest('li')!);

describe('status in words on the tiles', () => {
  it('says Quý I 2026’s budget is at risk against the pace, and that 2026 has no coverage target', async () => {
    renderAt('/?unit=my-thoi&period=2026-Q1');
    const pct = await tileOf('Thu ngân sách', '13,75%');
    expect(pct.getByText('Có nguy cơ không đạt')).toBeInTheDocument();
    expect(pct.getByText(/Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%, 3 quý còn lại cần bình quân 28,75% mỗi quý/)).toBeInTheDocument();
    // the amount collected has no benchmark: no status word
    const amount = await tileOf('Thu ngân sách', 'trên 32 tỷ đồng');
    expect(amount.queryByText(/^(Đạt|Chưa đạt|Đúng tiến độ|Có nguy cơ không đạt|Chưa có mục tiêu)$/)).not.toBeInTheDocument();

    const coverage = await tileOf('Bảo hiểm y tế', '90%');
    expect(coverage.getByText('Chưa có mục tiêu')).toBeInTheDocument();
    expect(coverage.getByText(/Không tìm thấy mục tiêu năm 2026; mục tiêu năm 2025 là 95%/)).toBeInTheDocument();
  });

  it('says the whole of 2024’s budget met its estimate, and coverage, last reported at nine months, did not reach the target', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    const pct = await tileOf('Thu ngân sách', '100%');
    expect(pct.getByText('Đạt')).toBeInTheDocument();
    expect(pct.getByText(/Cả năm đạt 100% mức giao cả năm/)).toBeInTheDocument();
    const coverage = await tileOf('Bảo hiểm y tế', '88,44%');
    expect(coverage.getByText('Chưa đạt')).toBeInTheDocument();
    expect(coverage.getByText(/9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%, còn thiếu 5,56 điểm %/)).toBeInTheDocument();
  });

  it('says on track and at risk, and a figure of the year’s end below the estimate is not met', async () => {
    serveWithFigures([
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue_pct', period: '2024-Q3', value: 80 },
      { unitId: 'my-hoa-hung', indicatorId: 'health_insurance_coverage', period: '2024-Q3', value: 93.8 },
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue_pct', period: '2023-Q4', value: 98 },
    ]);
    const { user } = renderAt('/?unit=my-hoa-hung&period=2024-Q3');
    const pct = await tileOf('Thu ngân sách', '80%');
    expect(pct.getByText('Đúng tiến độ')).toBeInTheDocument();
    expect(pct.getByText(/9 tháng đạt 80% mức giao cả năm; theo tiến độ cần 75%/)).toBeInTheDocument();
    const coverage = await tileOf('Bảo hiểm y tế', '93,8%');
    expect(coverage.getByText('Có nguy cơ không đạt')).toBeInTheDocument();
    expect(coverage.getByText(/còn thiếu 0,2 điểm %/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Năm' }), '2023');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ' }), 'Cả năm');
    const year = await tileOf('Thu ngân sách', '98%');
    expect(year.getByText('Chưa đạt')).toBeInTheDocument();
    expect(year.getByText(/Cả năm đạt 98% mức giao cả năm; cả năm cần 100%/)).toBeInTheDocument();
  });

  it('never calls the even pace by its jargon', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    await tileOf('Thu ngân sách', '100%');
    expect(document.body.textContent).not.toMatch(/Tiến độ đều|quý\/4/);
  });
});
