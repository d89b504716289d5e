/**
 * Figures and reports already stored, on the editor page against the msw write handlers (the
 * server's own write service over memory): "Thêm số liệu" warns before a second figure for the
 * same unit, indicator and period and offers to correct the stored one instead; an imported
 * candidate equal to a stored figure is "đã có" and not saved again; the same report imported
 * twice reuses its stored source, and the page says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NewObservation } from '../../src/api/contract';
import { fillFigureForm, datasetWithout, openSignedIn, pasteReport, withEditorApi, type User } from './editor-session';

const REPORT = readFileSync(join(import.meta.dirname, '../../eval/reports/004_237010deb1aa6989.txt'), 'utf8');
const REPORT_SOURCE = 'my-quy-2024-6m';
const TITLE = REPORT.split('\n')[0]!.trim();

// the office has Mỹ Quý's 6-month report only in prose
const api = withEditorApi(() => ({ dataset: datasetWithout(REPORT_SOURCE) }));

async function openEditor() {
  const r = openSignedIn();
  await screen.findByRole('table', undefined, { timeout: 10_000 });
  return r;
}

const budget2024 = () => api().data.observations.filter((o) => o.unitId === 'my-thoi' && o.indicatorId === 'budget_revenue' && o.period === '2024-Q4');

/** The form "Thêm số liệu" filled with Mỹ Thới's budget for Cả năm 2024, 13 tỷ. */
async function typeMyThoiBudget2024(user: User) {
  await user.click(screen.getByRole('button', { name: 'Thêm số liệu' }));
  const form = within(screen.getByRole('form', { name: 'Thêm số liệu' }));
  await fillFigureForm(user, form, { indicator: 'Thu ngân sách nhà nước', year: '2024', period: 'Cả năm', value: '13 tỷ', source: 'Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024 (30/12/2024)' });
  return form;
}

describe('“Thêm số liệu” for a period that has a figure', () => {
  it('shows the stored figure, saves nothing without asking, and corrects the stored one instead', async () => {
    const { user } = await openEditor();
    const form = await typeMyThoiBudget2024(user);
    const stored = within(await form.findByRole('group', { name: 'Số liệu đã có trong kỳ này' }));
    expect(stored.getByText(/^Đã có số liệu cho Phường Mỹ Thới, Thu ngân sách nhà nước, Cả năm 2024/)).toBeInTheDocument();
    expect(stored.getByRole('listitem')).toHaveTextContent('trên 12 tỷ đồng (nguồn: Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024 (30/12/2024))');

    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Chưa lưu: Phường Mỹ Thới, Thu ngân sách nhà nước, Cả năm 2024 đã có số liệu.');
    expect(api().writes).toEqual([]);

    await user.click(stored.getByRole('button', { name: 'Sửa số liệu đã có: trên 12 tỷ đồng' }));
    const edit = within(screen.getByRole('form', { name: 'Sửa số liệu' }));
    // what was typed stays; the stored figure is what it will replace
    expect(edit.getByLabelText('Giá trị')).toHaveValue('13 tỷ');
    expect(screen.getByText(/^Bạn đang sửa số liệu đã có \(trên 12 tỷ đồng/)).toBeInTheDocument();
    await user.selectOptions(edit.getByLabelText('Mức độ'), 'Đúng bằng');
    await user.click(edit.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu thay đổi: Thu ngân sách nhà nước, Phường Mỹ Thới, Cả năm 2024: 13 tỷ đồng.');
    expect(api().writes.map((w) => `${w.method} ${w.path}`)).toEqual(['PUT /api/observations/my-thoi-2024-q4-budget-revenue']);
    expect(budget2024()).toEqual([expect.objectContaining({ id: 'my-thoi-2024-q4-budget-revenue', value: 13e9, qualifier: 'exact', version: 2 })]);
  });

  it('adds a second figure only when the editor says it is another one', async () => {
    const { user } = await openEditor();
    const form = await typeMyThoiBudget2024(user);
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    await user.click(within(await form.findByRole('alert')).getByRole('button', { name: 'Vẫn thêm số liệu mới' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã thêm: Thu ngân sách nhà nước, Phường Mỹ Thới, Cả năm 2024: 13 tỷ đồng.');
    expect(budget2024().map((o) => o.value).sort()).toEqual([12e9, 13e9]);
  });

  it('says nothing for a period without a figure', async () => {
    const { user } = await openEditor();
    const form = await typeMyThoiBudget2024(user);
    await user.clear(form.getByLabelText('Năm'));
    await user.type(form.getByLabelText('Năm'), '2023');
    expect(form.queryByRole('group', { name: 'Số liệu đã có trong kỳ này' })).not.toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã thêm: Thu ngân sách nhà nước, Phường Mỹ Thới, Cả năm 2023: 13 tỷ đồng.');
  });
});

/** On the tab "Nhập từ báo cáo", `text` pasted (replacing what was there) and read. */
async function pasteAndRead(user: User, text: string) {
  await pasteReport(user, text);
  return within(await screen.findByRole('list', { name: 'Số liệu đọc được' }));
}

describe('importing what is stored already', () => {
  it('marks a candidate equal to a stored figure “Đã có”, names its source, and never sends it', async () => {
    const { user } = await openEditor();
    // written for this test: Mỹ Thới's year 2024, with the budget the office already has
    const list = await pasteAndRead(
      user,
      'Đảng ủy phường Mỹ Thới tổng kết năm 2024\nNgày 28/12/2024, Đảng ủy phường Mỹ Thới họp. Thu ngân sách đạt trên 12 tỷ đồng. Phát triển mới 9 đảng viên.',
    );
    const budget = within(list.getByRole('listitem', { name: 'Thu ngân sách nhà nước' }));
    expect(budget.getByText('Đã có')).toBeInTheDocument();
    expect(budget.getByText(/^Số liệu này đã có trên máy chủ \(nguồn: Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024 \(30\/12\/2024\)\); không lưu lại\.$/)).toBeInTheDocument();
    expect(budget.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' })).toBeDisabled();
    const others = list.getAllByRole('listitem').length - 1;
    expect(screen.getByRole('heading', { name: `${others + 1} số liệu đọc được · 0 đã nhận · ${others} chờ duyệt · 1 đã có` })).toBeInTheDocument();

    // accepting all takes the others, not the stored one
    await user.click(screen.getByRole('button', { name: `Nhận cả ${others} số liệu chờ duyệt` }));
    await user.click(screen.getByRole('button', { name: `Lưu ${others} số liệu đã nhận` }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Đã lưu ${others} số liệu`);
    const batch = api().writes.find((w) => w.path === '/api/observations')!.body as NewObservation[];
    expect(batch.map((o) => o.indicatorId)).not.toContain('budget_revenue');
    expect(budget2024()).toHaveLength(1);
  });

  it('reuses the stored report when the same report is imported again, says so, and stores only its new figures', async () => {
    const { user } = await openEditor();
    let list = await pasteAndRead(user, REPORT);
    await user.click(list.getByRole('button', { name: 'Nhận: Thu ngân sách nhà nước' }));
    await user.click(list.getByRole('button', { name: 'Nhận: Tỷ lệ dân số tham gia bảo hiểm y tế' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 2 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Đã lưu 2 số liệu từ báo cáo “${TITLE}”.`);
    const first = api().data.sources.find((s) => s.title === TITLE)!;

    // the same report again, as another copy gives it (other line breaks and spaces)
    list = await pasteAndRead(user, REPORT.replace(/\n/g, '\r\n\r\n').replace(/\. /g, '.  '));
    expect(within(list.getByRole('listitem', { name: 'Thu ngân sách nhà nước' })).getByText('Đã có')).toBeInTheDocument();
    expect(within(list.getByRole('listitem', { name: 'Tỷ lệ dân số tham gia bảo hiểm y tế' })).getByText('Đã có')).toBeInTheDocument();
    await user.click(list.getByRole('button', { name: 'Nhận: Cá nhân được khen thưởng' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(
      `Đã lưu 1 số liệu. Báo cáo này đã được lưu trước đây (“${TITLE}”, ngày 17/07/2024), nên các số liệu được gắn với báo cáo đã lưu, không lưu thêm bản báo cáo mới.`,
    );
    // one report stored, with every figure of both imports
    expect(api().data.sources.filter((s) => s.title === TITLE)).toHaveLength(1);
    const mine = api().data.observations.filter((o) => o.sourceId === first.id);
    expect(mine.map((o) => o.indicatorId).sort()).toEqual(['budget_revenue', 'commended_individuals', 'health_insurance_coverage']);
  });
});
