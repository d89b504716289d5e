/** A panel as the dashboard hands it to the exports, for unit tests. */
import type { PanelExport } from '../../lib/panel-export';

export function testPanel(overrides: Partial<PanelExport> = {}): PanelExport {
  return {
    slug: 'thu-ngan-sach',
    title: 'Thu ngân sách',
    unitIds: ['my-thoi'],
    unitNames: ['Phường Mỹ Thới'],
    unitsLabel: 'Phường Mỹ Thới',
    period: '2024-Q4',
    periodLabel: 'Cả năm 2024',
    model: {
      tiles: [
        { key: 'a', label: 'Thu ngân sách nhà nước', value: 'trên 12 tỷ đồng' },
        { key: 'b', label: 'Tỷ lệ thu ngân sách so với cả năm', value: '100%', status: 'met', comparison: 'Tiến độ đều (quý/4): 100%' },
      ],
      chart: { boundaries: [] },
      figures: [
        {
          key: 'o1', unit: 'Phường Mỹ Thới', period: 'Cả năm 2024', indicator: 'Thu ngân sách nhà nước', value: 12e9,
          unitOfMeasure: 'đồng', qualifier: 'trên', formatted: 'trên 12 tỷ đồng', source: 'Hội nghị tổng kết năm 2024 (30/12/2024)',
        },
      ],
      sources: [{ id: 's1', title: 'Hội nghị tổng kết năm 2024 <Đảng ủy & UBND>', date: '30/12/2024', reference: 'x' }],
      unitNotes: [],
      summaryLines: [],
      legend: [
        { label: 'Phường Mỹ Thới', color: '#0072B2' },
        { label: 'Tiến độ đều (quý/4)', color: '#B00020', dashed: true },
      ],
    },
    getChartSvg: () => null,
    ...overrides,
  };
}
