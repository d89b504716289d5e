/**
 * A small dataset written for the unit tests of the KPI arithmetic and the panel model, in the
 * contract's shapes: a few of the reports' figures as they stood when the tests were written.
 * The tests read these, never data/, so correcting a real figure there cannot break them.
 */
import type { Indicator, Observation, Source, Unit } from '../api/contract';

const inAnGiang = { kind: 'phuong', province: 'An Giang', validFrom: null } as const;

export const TEST_UNITS: Unit[] = [
  {
    ...inAnGiang,
    id: 'my-thoi',
    code: '30301',
    name: 'Phường Mỹ Thới',
    validTo: null,
    changes: [{ date: '2025-07-01', absorbed: [{ unitId: 'my-thanh', name: 'Phường Mỹ Thạnh' }] }],
  },
  { ...inAnGiang, id: 'my-thanh', code: '30304', name: 'Phường Mỹ Thạnh', validTo: '2025-06-30', successorId: 'my-thoi' },
  { ...inAnGiang, id: 'my-binh', code: '30280', name: 'Phường Mỹ Bình', validTo: '2025-06-30', successorId: 'long-xuyen' },
  { ...inAnGiang, id: 'my-quy', code: '30298', name: 'Phường Mỹ Quý', validTo: '2025-06-30', successorId: 'long-xuyen' },
];

export const TEST_INDICATORS: Indicator[] = [
  { id: 'budget_revenue', family: 'budget', name: 'Thu ngân sách nhà nước', unit: 'vnd', aggregation: 'ytd', higherIsBetter: true, min: 0 },
  {
    id: 'budget_revenue_pct',
    family: 'budget',
    name: 'Tỷ lệ thu ngân sách so với cả năm',
    unit: 'percent',
    aggregation: 'ytd',
    higherIsBetter: true,
    min: 0,
    evenPace: true,
  },
  {
    id: 'health_insurance_coverage',
    family: 'health_insurance',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    unit: 'percent',
    aggregation: 'level',
    higherIsBetter: true,
    min: 0,
    max: 100,
    targets: [
      { year: 2024, value: 94, source: 'Quyết định của UBND tỉnh' },
      { year: 2025, value: 95, source: 'Quyết định của UBND tỉnh' },
    ],
  },
  { id: 'resolution_targets_met', family: 'resolution_targets', name: 'Chỉ tiêu Nghị quyết đạt và vượt', unit: 'target', aggregation: 'level', higherIsBetter: true, min: 0 },
];

const source = (id: string, unitId: string, title: string, heldOn: string, file: string): Source => ({
  id,
  unitId,
  title,
  heldOn,
  periodLabel: id,
  reference: `${title}, ${heldOn} (seeds/${file})`,
});

export const TEST_SOURCES: Source[] = [
  source('my-thoi-2024-year', 'my-thoi', 'Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024', '2024-12-30', '000_5e51efec5228260f.txt'),
  source('my-thoi-2024-9m', 'my-thoi', 'Hội nghị sơ kết 9 tháng đầu năm 2024, phường Mỹ Thới', '2024-10-11', '001_7310cf266b9c7730.txt'),
  source('my-binh-2023-midterm', 'my-binh', 'Hội nghị sơ kết giữa nhiệm kỳ, phường Mỹ Bình', '2023-07-08', '002_f1f3ad25a80a528e.txt'),
  source('my-thoi-2026-q1', 'my-thoi', 'Hội nghị Ban Chấp hành Đảng bộ phường Mỹ Thới: nhiệm vụ quý I/2026', '2026-04-02', '003_b440e1559a09561e.txt'),
  source('my-quy-2024-6m', 'my-quy', 'Đảng ủy phường Mỹ Quý sơ kết 6 tháng đầu năm 2024', '2024-07-17', '004_237010deb1aa6989.txt'),
];

type Figure = Pick<Observation, 'unitId' | 'indicatorId' | 'period' | 'value' | 'sourceId'> & Partial<Observation>;

const figure = (f: Figure): Observation => ({
  id: `${f.unitId}-${f.period}-${f.indicatorId}`.toLowerCase(),
  qualifier: 'exact',
  status: 'reported',
  version: 1,
  ...f,
});

export const TEST_OBSERVATIONS: Observation[] = [
  figure({ unitId: 'my-thoi', indicatorId: 'resolution_targets_met', period: '2024-Q4', value: 10, outOf: 11, scope: 'year', sourceId: 'my-thoi-2024-year' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue', period: '2024-Q4', value: 12e9, qualifier: 'over', sourceId: 'my-thoi-2024-year' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue_pct', period: '2024-Q4', value: 100, sourceId: 'my-thoi-2024-year' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue', period: '2024-Q3', value: 8e9, qualifier: 'over', sourceId: 'my-thoi-2024-9m' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue_pct', period: '2024-Q3', value: 74, sourceId: 'my-thoi-2024-9m' }),
  figure({ unitId: 'my-thoi', indicatorId: 'health_insurance_coverage', period: '2024-Q3', value: 88.44, sourceId: 'my-thoi-2024-9m' }),
  figure({ unitId: 'my-binh', indicatorId: 'resolution_targets_met', period: '2023-Q2', value: 10, outOf: 12, scope: 'term', sourceId: 'my-binh-2023-midterm' }),
  figure({ unitId: 'my-binh', indicatorId: 'budget_revenue_pct', period: '2023-Q2', value: 87.8, sourceId: 'my-binh-2023-midterm' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue', period: '2026-Q1', value: 32e9, qualifier: 'over', sourceId: 'my-thoi-2026-q1' }),
  figure({ unitId: 'my-thoi', indicatorId: 'budget_revenue_pct', period: '2026-Q1', value: 13.75, basis: 'estimate', sourceId: 'my-thoi-2026-q1' }),
  figure({ unitId: 'my-thoi', indicatorId: 'health_insurance_coverage', period: '2026-Q1', value: 90, sourceId: 'my-thoi-2026-q1' }),
  figure({ unitId: 'my-quy', indicatorId: 'budget_revenue', period: '2024-Q2', value: 4.2e9, qualifier: 'over', sourceId: 'my-quy-2024-6m' }),
  figure({ unitId: 'my-quy', indicatorId: 'budget_revenue_pct', period: '2024-Q2', value: 50.17, qualifier: 'over', sourceId: 'my-quy-2024-6m' }),
];
