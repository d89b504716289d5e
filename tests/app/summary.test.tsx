/**
 * What is at risk, first: one line above the panels counts the figures of the units shown by
 * status, each count and each figure at risk a link that takes the reader to its tile; with many
 * units, how many of them are at risk, per family.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveWithFigures } from './figures';
import { renderAt } from '../render';

const NAME = 'Tóm tắt: chỉ tiêu cần chú ý';
const summary = () => within(screen.getByRole('region', { name: NAME }));
/** Waits until the summary's line says this (it waits for the panels' figures). */
const lineSays = async (text: string) => {
  const region = await screen.findByRole('region', { name: NAME });
  await waitFor(() => expect(region.querySelector('p')).toHaveTextContent(text));
};

describe('the at-risk summary', () => {
  it('counts one ward’s figures by status and takes the reader to the figure at risk', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2026-Q1');
    await lineSays('Quý I 2026: 1 chỉ tiêu có nguy cơ không đạt, 1 chưa có mục tiêu');
    const list = within(summary().getByRole('list', { name: 'Chỉ tiêu cần chú ý' }));
    expect(list.getAllByRole('listitem')).toHaveLength(1);
    expect(list.getByRole('listitem')).toHaveTextContent(
      'Tỷ lệ thu ngân sách so với cả năm: Có nguy cơ không đạt. Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%, 3 quý còn lại cần bình quân 28,75% mỗi quý.',
    );

    // the summary comes before the panels
    const budget = screen.getByRole('region', { name: 'Thu ngân sách' });
    expect(screen.getByRole('region', { name: NAME }).compareDocumentPosition(budget) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(list.getByRole('link', { name: 'Tỷ lệ thu ngân sách so với cả năm' }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('13,75%'));
    expect(budget).toContainElement(document.activeElement as HTMLElement);
    // the filters' URL is left as it was
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?unit=my-thoi&period=2026-Q1');

    await user.click(summary().getByRole('link', { name: '1 chưa có mục tiêu' }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('90%'));
    expect(screen.getByRole('region', { name: 'Bảo hiểm y tế' })).toContainElement(document.activeElement as HTMLElement);
  });

  it('names the unit of each figure behind among several', async () => {
    renderAt('/?unit=my-thoi&unit=my-quy&period=2024-Q4');
    // coverage of both is short of 94%; Mỹ Thới's budget met the estimate, Mỹ Quý's is on the pace of 6 tháng
    await lineSays('Cả năm 2024: 2 chỉ tiêu chưa đạt, 2 đạt hoặc đúng tiến độ');
    const items = within(summary().getByRole('list', { name: 'Chỉ tiêu cần chú ý' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Tỷ lệ dân số tham gia bảo hiểm y tế – Phường Mỹ Thới: Chưa đạt. 9 tháng đạt 88,44%; mục tiêu năm 2024 là 94%, còn thiếu 5,56 điểm %.',
      'Tỷ lệ dân số tham gia bảo hiểm y tế – Phường Mỹ Quý: Chưa đạt. 6 tháng đạt trên 80,82%; mục tiêu năm 2024 là 94%, còn thiếu 13,18 điểm %.',
    ]);
  });

  it('says so when no figure of the period has a benchmark', async () => {
    renderAt('/?unit=vinh-hau&period=2026-Q1');
    await lineSays('Quý I 2026: chưa có số liệu nào có mục tiêu hoặc tiến độ để đánh giá.');
  });

  it('counts the province’s communes at risk per family, each family a link to its figures', async () => {
    serveWithFigures([
      { unitId: 'my-hoa-hung', indicatorId: 'budget_revenue_pct', period: '2026-Q2', value: 60 },
      { unitId: 'long-xuyen', indicatorId: 'budget_revenue_pct', period: '2026-Q2', value: 20 },
      { unitId: 'vinh-hau', indicatorId: 'budget_revenue_pct', period: '2026-Q2', value: 40 },
    ]);
    const { user } = renderAt('/?unit=an-giang&period=2026-Q2');
    const region = await screen.findByRole('region', { name: NAME });
    const items = await within(region).findAllByRole('listitem');
    // Mỹ Thới's last figure of the year is Quý I's, 13,75% against the pace of Quý I: at risk
    expect(items.map((i) => i.textContent)).toEqual([
      'Thu ngân sách · 6 tháng 2026: 1/102 xã, phường chưa đạt, 2 có nguy cơ không đạt, 1 đạt hoặc đúng tiến độ, 98 chưa có số liệu',
      'Bảo hiểm y tế · 6 tháng 2026: 1/102 xã, phường chưa có mục tiêu, 101 chưa có số liệu',
    ]);
    await user.click(within(items[0]!).getByRole('link', { name: 'Thu ngân sách' }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Tỷ lệ thu ngân sách so với cả năm: cao nhất'));
    expect(document.activeElement).toHaveTextContent('Xã Mỹ Hòa Hưng');
  });
});
