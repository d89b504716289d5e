/**
 * The targets of a report's plan on the editors' import: listed apart from its figures, each with
 * its sentence, accepted or rejected one by one, and saved to the unit's resolution of their year
 * through the msw write API: a new one made from the report, or added to the one stored (with its
 * version). Reports and resolutions written for the test ("giả lập").
 */
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { server } from '../../mocks/node';
import type { NewResolution, Resolution, ResolutionUpdate, Source } from '../../src/api/contract';
import { importReport as importText, installWriteApi, MY_THOI_2026, signedOutBeforeEach, type WriteApi } from './editor-session';

const REPORT = [
  'Đảng ủy phường Mỹ Thới tổng kết công tác năm 2025 (giả lập)',
  'Ngày 18/12/2025, Đảng ủy phường Mỹ Thới tổ chức hội nghị tổng kết.',
  'Cả năm, thu ngân sách nhà nước trên địa bàn đạt 21 tỷ đồng.',
  'Năm 2026, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.',
].join('\n');

const STORED: Resolution = { ...MY_THOI_2026, version: 3 };

let api: WriteApi;
const start = (resolutions: Resolution[]) => {
  api = installWriteApi({ dataset: { ...loadDataset(), resolutions: structuredClone(resolutions) } as never });
};

signedOutBeforeEach();

async function importReport() {
  const r = await importText(REPORT);
  const section = within(await screen.findByRole('region', { name: 'Chỉ tiêu kế hoạch đọc được — chưa phải kết quả' }));
  return { ...r, section };
}

const bodies = (method: string) => api.writes.filter((w) => w.path.startsWith('/api/resolutions') && w.method === method).map((w) => w.body);

describe('the plan’s targets in the import', () => {
  it('are listed apart from the figures, each with its sentence; one accepted, one rejected, saved as a new resolution of 2026 made from the report', async () => {
    start([]);
    const { user, section } = await importReport();
    // the figures are the results only
    const figures = within(screen.getByRole('list', { name: 'Số liệu đọc được' }));
    expect(figures.getAllByRole('listitem')).toHaveLength(1);
    expect(figures.getByText('21 tỷ đồng')).toBeInTheDocument();

    const list = within(section.getByRole('list', { name: 'Chỉ tiêu kế hoạch đọc được' }));
    const items = list.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(list.getByRole('listitem', { name: 'Thu ngân sách đạt 100% dự toán' }));
    expect(first.getByText(/Đạt …% kế hoạch năm · năm 2026 · đo bằng: Tỷ lệ thu ngân sách so với cả năm/)).toBeInTheDocument();
    expect(within(first.getByLabelText('Câu trong báo cáo')).getByText('thu ngân sách đạt 100% dự toán', { selector: 'mark' })).toBeInTheDocument();
    expect(first.getByLabelText('Câu trong báo cáo')).toHaveTextContent(REPORT.split('\n')[3]!);

    await user.click(section.getByRole('button', { name: 'Nhận chỉ tiêu: Thu ngân sách đạt 100% dự toán' }));
    await user.click(section.getByRole('button', { name: 'Bỏ chỉ tiêu: Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%' }));
    expect(api.writes).toEqual([]); // nothing until saved
    await user.click(section.getByRole('button', { name: 'Lưu 1 chỉ tiêu đã nhận vào nghị quyết' }));

    expect(await section.findByRole('status')).toHaveTextContent(/Đã tạo nghị quyết “Kế hoạch năm 2026 \(từ báo cáo “Đảng ủy phường Mỹ Thới tổng kết công tác năm 2025 \(giả lập\)”\)” với 1 chỉ tiêu/);
    // the report stored first, then the resolution citing it; no figure written
    expect(api.writes.map((w) => w.path)).toEqual(['/api/sources', '/api/resolutions']);
    const source = api.writes[0]!.body as Source;
    const stored = api.data.sources.find((s) => s.title === source.title)!;
    expect(bodies('POST')[0] as NewResolution).toEqual({
      unitId: 'my-thoi',
      title: `Kế hoạch năm 2026 (từ báo cáo “${REPORT.split('\n')[0]}”)`,
      kind: 'year',
      year: 2026,
      sourceId: stored.id,
      targets: [{ number: 1, name: 'Thu ngân sách đạt 100% dự toán', type: 'plan', value: 100, unit: 'percent', indicatorId: 'budget_revenue_pct' }],
    });
    expect(section.queryByRole('listitem', { name: 'Thu ngân sách đạt 100% dự toán' })).toBeNull();
  });

  it('are added to the unit’s resolution of that year, after its own targets, with the version read; a stale version says so and a retry adds them to the latest', async () => {
    start([STORED]);
    const { user, section } = await importReport();
    await user.click(section.getByRole('button', { name: 'Nhận chỉ tiêu: Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%' }));
    // someone else saved the resolution between the page's read and its write: the server answers 409
    server.use(
      http.put('/api/resolutions/:id', () => HttpResponse.json({ error: { code: 'conflict', message: 'stale version' }, resolution: { ...STORED, version: 4 } }, { status: 409 }), { once: true }),
    );
    await user.click(section.getByRole('button', { name: 'Lưu 1 chỉ tiêu đã nhận vào nghị quyết' }));
    expect(await section.findByRole('alert')).toHaveTextContent(/Nghị quyết “Nghị quyết năm 2026 \(giả lập\)” vừa được sửa ở nơi khác trong lúc bạn lưu \(nay là phiên bản 4\); chưa thêm chỉ tiêu nào/);
    expect(bodies('PUT')).toEqual([]);

    await user.click(section.getByRole('button', { name: 'Lưu 1 chỉ tiêu đã nhận vào nghị quyết' }));
    expect(await section.findByRole('status')).toHaveTextContent('Đã thêm 1 chỉ tiêu vào nghị quyết “Nghị quyết năm 2026 (giả lập)”.');
    const put = bodies('PUT').at(-1) as ResolutionUpdate;
    expect(put).toMatchObject({ unitId: 'my-thoi', kind: 'year', year: 2026, version: 3 });
    expect(put.targets).toEqual([
      STORED.targets[0],
      { number: 2, name: 'Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%', type: 'level_by_end', value: 95, unit: 'percent', indicatorId: 'health_insurance_coverage' },
    ]);
    expect(bodies('POST')).toEqual([]);
  });

  it('marks a target the unit’s resolution has already “Đã có trong nghị quyết”, never offers to save it again, and saves the other alone', async () => {
    const coverage = { id: 'ct-2', number: 2, name: 'Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%', indicatorId: 'health_insurance_coverage', type: 'level_by_end', value: 95, unit: 'percent' } as const;
    start([{ ...STORED, targets: [...STORED.targets, coverage] }]);
    const { user, section } = await importReport();
    const held = within(section.getByRole('listitem', { name: coverage.name }));
    expect(await held.findByText('Đã có trong nghị quyết')).toBeInTheDocument();
    expect(held.getByText('Chỉ tiêu này đã có trong nghị quyết “Nghị quyết năm 2026 (giả lập)”; không lưu lại.')).toBeInTheDocument();
    expect(held.getByRole('button', { name: `Nhận chỉ tiêu: ${coverage.name}` })).toBeDisabled();
    expect(section.getByText('2 chỉ tiêu · 0 đã nhận · 1 chờ duyệt · 1 đã có trong nghị quyết')).toBeInTheDocument();
    // the one read from the same report, not in the resolution, is not marked
    expect(within(section.getByRole('listitem', { name: 'Thu ngân sách đạt 100% dự toán' })).queryByText('Đã có trong nghị quyết')).toBeNull();

    await user.click(section.getByRole('button', { name: 'Nhận chỉ tiêu: Thu ngân sách đạt 100% dự toán' }));
    await user.click(section.getByRole('button', { name: 'Lưu 1 chỉ tiêu đã nhận vào nghị quyết' }));
    expect(await section.findByRole('status')).toHaveTextContent('Đã thêm 1 chỉ tiêu vào nghị quyết “Nghị quyết năm 2026 (giả lập)”.');
    const put = bodies('PUT').at(-1) as ResolutionUpdate;
    expect(put.targets.map((t) => t.name)).toEqual(['Kết nạp ít nhất 20 đảng viên mới', coverage.name, 'Thu ngân sách đạt 100% dự toán']);
    // what is left has nothing to save
    expect(section.getByText('Mọi chỉ tiêu kế hoạch đọc được từ báo cáo này đã có trong nghị quyết của đơn vị; không có gì cần lưu.')).toBeInTheDocument();
    expect(section.queryByRole('button', { name: /^Lưu \d+ chỉ tiêu/ })).toBeNull();
  });
});
