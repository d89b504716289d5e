/**
 * Reports of other shapes in the import: a monthly report, whose quarter the importer only
 * proposes (saved only once the editor confirms or changes it), and a city's report listing
 * its wards' figures (each figure saved on its ward, with the city's report as source).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NewObservation, NewSource } from '../../src/api/contract';
import { importReport, withEditorApi } from './editor-session';

const api = withEditorApi();

async function importText(text: string) {
  const r = await importReport(text);
  return { ...r, list: within(await screen.findByRole('list', { name: 'Số liệu đọc được' })) };
}

const written = (path: string) => api().writes.filter((w) => w.path === path).map((w) => w.body);

describe('a monthly report', () => {
  it('proposes a quarter for its figures and saves only once the editor confirms it', async () => {
    const { user, list } = await importText(
      'Đảng ủy phường Mỹ Thới họp thường kỳ tháng 10 năm 2024\n' +
        'Trong tháng 10 năm 2024, thu ngân sách nhà nước trên địa bàn đạt 80% dự toán. Tỷ lệ bao phủ bảo hiểm y tế đạt 91,2% dân số.',
    );
    const confirm = within(screen.getByRole('group', { name: 'Kỳ đề xuất cho báo cáo tháng' }));
    expect(confirm.getByText(/Kỳ đề xuất là “Cả năm 2024”/)).toBeInTheDocument();
    expect(within(list.getByRole('listitem', { name: 'Tỷ lệ dân số tham gia bảo hiểm y tế' })).getByText(/tính đến 31\/10\/2024/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Ngày họp / ngày báo cáo'), '2024-11-05');
    await user.click(list.getByRole('button', { name: 'Nhận: Tỷ lệ dân số tham gia bảo hiểm y tế' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Chưa lưu: có chỗ cần sửa');
    expect(screen.getByLabelText('Năm của báo cáo')).toHaveAccessibleDescription('Báo cáo tháng: hãy xác nhận kỳ “Cả năm 2024” hoặc chọn kỳ khác.');
    expect(api().writes).toEqual([]);

    await user.click(confirm.getByRole('button', { name: 'Xác nhận kỳ Cả năm 2024' }));
    expect(screen.queryByRole('group', { name: 'Kỳ đề xuất cho báo cáo tháng' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu 1 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 1 số liệu');
    expect(written('/api/sources')).toEqual([expect.objectContaining({ unitId: 'my-thoi', periodLabel: 'Tháng 10/2024', heldOn: '2024-11-05' })]);
    expect(written('/api/observations')).toEqual([
      [expect.objectContaining({ indicatorId: 'health_insurance_coverage', period: '2024-Q4', value: 91.2, asOf: '2024-10-31' })],
    ]);
  });
});

describe('a city’s report listing its wards', () => {
  it('shows each figure with its ward and saves it there, with the city’s report as source', async () => {
    const { user, list } = await importText(
      'UBND thành phố Long Xuyên báo cáo kết quả năm 2024\n' +
        'Ngày 20/12/2024, thu ngân sách các phường (phường Mỹ Bình 5,2 tỷ đồng, phường Mỹ Quý 4,1 tỷ đồng).',
    );
    expect(screen.getByLabelText('Phường, xã của báo cáo')).toHaveDisplayValue('Thành phố Long Xuyên (cấp huyện, đến 30/06/2025)');
    const items = list.getAllByRole('listitem');
    expect(items.map((i) => within(i).getByText(/Cả năm 2024 · /).textContent)).toEqual([
      expect.stringContaining('Phường Mỹ Bình'),
      expect.stringContaining('Phường Mỹ Quý'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Nhận cả 2 số liệu chờ duyệt' }));
    await user.click(screen.getByRole('button', { name: 'Lưu 2 số liệu đã nhận' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu 2 số liệu');
    const source = written('/api/sources')[0] as NewSource;
    expect(source.unitId).toBe('thanh-pho-long-xuyen');
    const stored = api().data.sources.find((s) => s.title === source.title)!;
    expect((written('/api/observations')[0] as NewObservation[]).map((o) => [o.unitId, o.value, o.sourceId])).toEqual([
      ['my-binh', 5.2e9, stored.id],
      ['my-quy', 4.1e9, stored.id],
    ]);
  });
});
