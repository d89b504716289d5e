/**
 * Panels as the dashboard hands them to the exports, for unit tests. Except testPanel's, their
 * models carry one chart as the panel's model does (its series as drawn, what it measures, the
 * user's units). Ranked units are made up
 * ("giả lập"), their figures from a formula.
 */
import type { MeasureUnit } from '../../api/contract';
import { seriesFill } from '../../components/charts/palette';
import type { ChartModel } from '../../lib/kpi';
import type { DrawnSeries, ExportModel, LegendItem, PanelExport } from '../../lib/panel-export';

/** A model's one chart, as the panel's model carries it (its axis counted in units: 1). */
function oneChart(chart: ChartModel, series: DrawnSeries[], measure: MeasureUnit, legend: LegendItem[]): Pick<ExportModel, 'chart' | 'charts' | 'legend'> {
  return { chart, legend, charts: [{ chart, series, legend, axis: { measure, label: '', divisor: 1 } }] };
}

const BUDGET = 'my-thoi~0~budget_revenue_pct~value';

/** What the page gives the exports while it shows a saved copy (the offline layer's note). */
export const SAVED_COPY = 'Lập từ bản lưu lúc 08:15 ngày 02/12/2026 — không có kết nối';

/** One ward's budget, as a panel whose model carries no chart (its figures alone). */
export function testPanel(overrides: Partial<PanelExport> = {}): PanelExport {
  const model: ExportModel = {
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
  };
  return {
    slug: 'thu-ngan-sach',
    title: 'Thu ngân sách',
    unitIds: ['my-thoi'],
    unitNames: ['Phường Mỹ Thới'],
    unitsLabel: 'Phường Mỹ Thới',
    period: '2024-Q4',
    periodLabel: 'Cả năm 2024',
    model,
    getChartSvg: () => null,
    ...overrides,
  };
}

/** The same panel with its chart: the budget's percent over two periods against the even pace. */
export function budgetTestPanel(overrides: Partial<PanelExport> = {}): PanelExport {
  const base = testPanel(overrides);
  const chart = {
    layout: 'byPeriod',
    boundaries: [],
    series: [{ key: BUDGET, label: 'Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'budget_revenue_pct', era: 0, metric: 'value' }],
    rows: [
      { period: '2024-Q3', label: '9 tháng 2024', [BUDGET]: 74, benchmark: 75 },
      { period: '2024-Q4', label: 'Cả năm 2024', [BUDGET]: 100, benchmark: 100 },
    ],
    benchmark: { key: 'benchmark', label: 'Tiến độ đều (quý/4)' },
  } satisfies ChartModel;
  const model: ExportModel = {
    ...base.model,
    ...oneChart(chart, [{ key: BUDGET, label: 'Phường Mỹ Thới', colorIndex: 0 }], 'percent', base.model.legend),
    mine: [],
  };
  return { ...base, model };
}

/** Resolution targets of one ward over four periods: met beside the total (drawn lighter). */
export function targetsTestPanel(): PanelExport {
  const base = budgetTestPanel();
  const key = (m: string) => `my-thoi~0~resolution_targets_met~${m}`;
  const periods = [
    ['2023-Q2', '6 tháng 2023', 6, 11],
    ['2023-Q4', 'Cả năm 2023', 9, 11],
    ['2024-Q4', 'Cả năm 2024', 10, 11],
    ['2026-Q1', 'Quý I 2026', 8, 20],
  ] as const;
  const chart = {
    layout: 'byPeriod',
    boundaries: [{ period: '2026-Q1', label: '01/07/2025: Phường Mỹ Thới nhận Mỹ Thạnh' }],
    series: [
      { key: key('value'), label: 'Đạt – Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'resolution_targets_met', era: 0, metric: 'value' },
      { key: key('outOf'), label: 'Tổng số chỉ tiêu – Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'resolution_targets_met', era: 0, metric: 'outOf' },
    ],
    rows: periods.map(([period, label, met, total]) => ({ period, label, [key('value')]: met, [key('outOf')]: total })),
  } satisfies ChartModel;
  const legend: LegendItem[] = [
    { label: 'Đạt – Phường Mỹ Thới', color: '#0072B2' },
    // as the model's legend names a total: the same hue, lighter
    { label: 'Tổng số chỉ tiêu – Phường Mỹ Thới', color: seriesFill({ colorIndex: 0, muted: true }) },
  ];
  const series: DrawnSeries[] = [
    { key: key('value'), label: 'Đạt – Phường Mỹ Thới', colorIndex: 0 },
    { key: key('outOf'), label: 'Tổng số chỉ tiêu – Phường Mỹ Thới', colorIndex: 0, muted: true },
  ];
  const model: ExportModel = {
    ...base.model,
    ...oneChart(chart, series, 'target', legend),
    mine: [],
    tiles: [{ key: 't', label: 'Chỉ tiêu Nghị quyết đạt', value: '10/11 chỉ tiêu' }],
  };
  return { ...base, slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết', model };
}

export const RANKED_KEY = 'compare~budget_revenue_pct';

/**
 * `n` made-up communes (giả lập) ranked by the budget's percent, best first, the last `missing`
 * without a figure; `mine` the ids of the user's own (gl-1 … gl-n).
 */
export function rankedTestPanel(n: number, { mine = [] as string[], missing = 0 } = {}): PanelExport {
  const base = budgetTestPanel();
  const names = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? `Phường Giả Lập Số ${i + 1}` : `Xã Giả Lập Số ${i + 1}`));
  const value = (i: number) => Math.round((118 - i * 0.9) * 100) / 100;
  const ranked = n - missing;
  const chart = {
    layout: 'byUnit',
    boundaries: [],
    series: [{ key: RANKED_KEY, label: 'Tỷ lệ thu ngân sách so với cả năm – Cả năm 2024', unitId: '', indicatorId: 'budget_revenue_pct', era: 0, metric: 'value' }],
    rows: names.map((label, i) => ({
      unitId: `gl-${i + 1}`,
      label,
      [RANKED_KEY]: i < ranked ? value(i) : null,
      benchmark: 100,
      asOf: null,
      rank: i < ranked ? i + 1 : null,
    })),
    benchmark: { key: 'benchmark', label: 'Mức cần đạt theo tiến độ' },
  } satisfies ChartModel;
  const legend: LegendItem[] = [
    { label: 'Tỷ lệ thu ngân sách so với cả năm – Cả năm 2024', color: '#0072B2' },
    ...(mine.length ? [{ label: 'Đơn vị của tôi', color: '#fff1c2' }] : []),
    { label: 'Mức cần đạt theo tiến độ', color: '#B00020', dashed: true },
  ];
  const model: ExportModel = {
    ...base.model,
    ...oneChart(chart, [{ key: RANKED_KEY, label: 'Tỷ lệ thu ngân sách so với cả năm – Cả năm 2024', colorIndex: 0 }], 'percent', legend),
    mine,
    ranked: true,
    tiles: [{ key: 'on-track', label: 'Đạt tiến độ', value: `${Math.round(ranked / 5)}/${n} xã, phường` }],
    summaryLines: [`${ranked - Math.ceil(ranked / 3)}/${n} xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 100%`],
    sources: Array.from({ length: ranked }, (_, i) => ({ id: `s${i}`, title: `Báo cáo giả lập số ${i + 1}`, date: '30/12/2024', reference: '' })),
  };
  return {
    ...base,
    unitIds: names.map((_, i) => `gl-${i + 1}`),
    unitNames: names,
    unitsLabel: `Tỉnh Giả Lập · ${n} xã, phường`,
    model,
  };
}

/**
 * The "Chỉ tiêu Nghị quyết" panel of a ward with no reported count, only its resolution's
 * targets listed (made up, "giả lập"): `n` targets at risk first, the last `missing` without a
 * figure (a value the export must leave empty); no chart, no tiles, no sources.
 */
export function targetListTestPanel(n = 20, missing = 3): PanelExport {
  const title = 'Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030 (giả lập), Phường Mỹ Thới';
  const words = ['Chưa đạt', 'Có nguy cơ không đạt', 'Đúng tiến độ', 'Đạt'];
  const rows = Array.from({ length: n }, (_, i) => {
    const word = i >= n - missing ? 'Chưa có số liệu' : words[Math.min(3, Math.floor((i * 4) / (n - missing)))]!;
    const value = i >= n - missing ? Number.NaN : 60 + i;
    return { number: i + 1, name: `Chỉ tiêu giả lập số ${i + 1} về tỷ lệ hộ dân được phục vụ`, word, value };
  });
  const model: ExportModel = {
    tiles: [],
    chart: { boundaries: [] },
    figures: rows.map((r) => ({
      key: `target-my-thoi-nq-${r.number}`,
      unit: 'Phường Mỹ Thới',
      period: 'Quý II 2026',
      indicator: `Chỉ tiêu ${r.number}: ${r.name}`,
      value: r.value,
      unitOfMeasure: Number.isFinite(r.value) ? '%' : '',
      qualifier: Number.isFinite(r.value) ? 'chính xác' : '',
      formatted: Number.isFinite(r.value) ? `${r.value}% (6 tháng 2026)` : '',
      source: title,
      status: r.word,
      statusReason: Number.isFinite(r.value) ? `6 tháng 2026 đạt ${r.value}%; mục tiêu 95% vào năm 2030` : 'Chưa có số liệu của chỉ tiêu này',
    })),
    sources: [],
    unitNotes: [],
    summaryLines: [
      `${title}: Theo số liệu: 8/${n} đạt hoặc đúng tiến độ`,
      ...rows.map((r) => `${r.number}. ${r.name}: ${r.word}. Lý do giả lập của chỉ tiêu ${r.number}.`),
    ],
    legend: [],
    charts: [],
  };
  return { ...testPanel(), slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết', period: '2026-Q2', periodLabel: 'Quý II 2026', model, getChartSvg: () => null };
}
