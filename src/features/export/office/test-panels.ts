/**
 * Panels as the dashboard hands them to the office exports, for unit tests: their models carry
 * the chart (a trend, totals beside values, many units ranked) and what it measures, as the
 * panel's model does at run time. The ranked units are made up ("giả lập"), from a formula.
 */
import type { MeasureUnit } from '../../../api/contract';
import type { ChartModel } from '../../../lib/kpi';
import type { ExportModel, FigureRow, PanelExport } from '../../../lib/panel-export';
import { testPanel } from '../test-panel';

/** A model with its one chart as the panel's model carries it (series in one colour, totals lighter). */
function withChart<M extends ExportModel & { chart: ChartModel }>(model: M, measure: MeasureUnit): M {
  const series = model.chart.series.map((s) => ({ key: s.key, label: s.label, colorIndex: 0, ...(s.metric === 'outOf' ? { muted: true } : {}) }));
  return { ...model, measure, charts: [{ chart: model.chart, series, legend: model.legend, axis: { measure, label: '', divisor: 1 } }] };
}

const SOURCE_9M = 'Hội nghị sơ kết 9 tháng 2024 (11/10/2024)';
const SOURCE_YEAR = 'Hội nghị tổng kết năm 2024 (30/12/2024)';

function figure(f: Partial<FigureRow> & Pick<FigureRow, 'key' | 'period' | 'indicator' | 'value' | 'formatted'>): FigureRow {
  return { unit: 'Phường Mỹ Thới', unitOfMeasure: '%', qualifier: 'chính xác', source: SOURCE_YEAR, ...f };
}

/** Budget of one ward: amount and percent over two periods; the chart draws the percent against the even pace. */
export function budgetPanel(): PanelExport {
  const base = testPanel();
  const chart = {
    layout: 'byPeriod',
    boundaries: [],
    series: [{ key: 'my-thoi~0~budget_revenue_pct~value', label: 'Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'budget_revenue_pct', era: 0, metric: 'value' }],
    rows: [
      { period: '2024-Q3', label: '9 tháng 2024', 'my-thoi~0~budget_revenue_pct~value': 74, benchmark: 75 },
      { period: '2024-Q4', label: 'Cả năm 2024', 'my-thoi~0~budget_revenue_pct~value': 100, benchmark: 100 },
    ],
    benchmark: { key: 'benchmark', label: 'Mức cần đạt theo tiến độ' },
  } satisfies ChartModel;
  const model = {
    ...base.model,
    chart,
    measure: 'percent',
    figures: [
      figure({ key: 'a1', period: '9 tháng 2024', indicator: 'Thu ngân sách nhà nước', value: 8e9, unitOfMeasure: 'đồng', qualifier: 'trên', formatted: 'trên 8 tỷ đồng', source: SOURCE_9M }),
      figure({ key: 'a2', period: '9 tháng 2024', indicator: 'Tỷ lệ thu ngân sách so với cả năm', value: 74, formatted: '74%', source: SOURCE_9M }),
      figure({ key: 'a3', period: 'Cả năm 2024', indicator: 'Thu ngân sách nhà nước', value: 12e9, unitOfMeasure: 'đồng', qualifier: 'trên', formatted: 'trên 12 tỷ đồng' }),
      figure({
        key: 'a4', period: 'Cả năm 2024', indicator: 'Tỷ lệ thu ngân sách so với cả năm', value: 100, formatted: '100%',
        status: 'Đạt', statusReason: 'Cả năm đạt 100% mức giao cả năm', previousPeriod: 'Cả năm 2023', previousValue: 95, previousFormatted: '95%',
        change: 5, changeUnit: 'điểm %', changeText: 'so với Cả năm 2023: +5 điểm %',
      }),
    ],
    sources: [
      { id: 's2', title: 'Hội nghị tổng kết năm 2024', date: '30/12/2024', reference: 'Báo cáo tổng kết năm 2024 của Đảng ủy phường' },
      { id: 's1', title: 'Hội nghị sơ kết 9 tháng 2024', date: '11/10/2024', reference: 'Báo cáo sơ kết 9 tháng 2024' },
    ],
    legend: [
      { label: 'Phường Mỹ Thới', color: '#0072B2' },
      { label: 'Mức cần đạt theo tiến độ', color: '#B00020', dashed: true },
    ],
  };
  return { ...base, model: withChart(model, 'percent') };
}

/** Resolution targets of one ward: met beside the total, over two years. */
export function targetsPanel(): PanelExport {
  const base = testPanel();
  const key = (m: string) => `my-thoi~0~resolution_targets_met~${m}`;
  const chart = {
    layout: 'byPeriod',
    boundaries: [],
    series: [
      { key: key('value'), label: 'Đạt – Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'resolution_targets_met', era: 0, metric: 'value' },
      { key: key('outOf'), label: 'Tổng số chỉ tiêu – Phường Mỹ Thới', unitId: 'my-thoi', indicatorId: 'resolution_targets_met', era: 0, metric: 'outOf' },
    ],
    rows: [
      { period: '2024-Q4', label: 'Cả năm 2024', [key('value')]: 10, [key('outOf')]: 11 },
      { period: '2026-Q1', label: 'Quý I 2026', [key('value')]: 8, [key('outOf')]: 20 },
    ],
  } satisfies ChartModel;
  const model = {
    ...base.model,
    chart,
    measure: 'target',
    tiles: [{ key: 't', label: 'Chỉ tiêu Nghị quyết đạt', value: '10/11 chỉ tiêu' }],
    figures: [
      figure({ key: 'r1', period: 'Cả năm 2024', indicator: 'Chỉ tiêu Nghị quyết đạt', value: 10, outOf: 11, unitOfMeasure: 'chỉ tiêu', formatted: '10/11 chỉ tiêu' }),
      figure({ key: 'r2', period: 'Quý I 2026', indicator: 'Chỉ tiêu Nghị quyết đạt', value: 8, outOf: 20, unitOfMeasure: 'chỉ tiêu', formatted: '8/20 chỉ tiêu', source: 'Hội nghị quý I 2026 (10/04/2026)' }),
    ],
    sources: [
      { id: 's3', title: 'Hội nghị quý I 2026', date: '10/04/2026', reference: 'x' },
      { id: 's2', title: 'Hội nghị tổng kết năm 2024', date: '30/12/2024', reference: 'y' },
    ],
    legend: [
      { label: 'Đạt – Phường Mỹ Thới', color: '#0072B2' },
      { label: 'Tổng số chỉ tiêu – Phường Mỹ Thới', color: '#A6CEE4' },
    ],
  };
  return { ...base, slug: 'chi-tieu-nghi-quyet', title: 'Chỉ tiêu Nghị quyết', model: withChart(model, 'target') };
}

/** Poverty of one ward, as the model hands it: two charts, households and houses, each with its axis. */
export function povertyPanel(): PanelExport {
  const base = testPanel();
  const k = (id: string) => `my-thoi~0~${id}~value`;
  const trend = (ids: { id: string; label: string }[], values: Record<string, number>[]) =>
    ({
      layout: 'byPeriod',
      boundaries: [],
      series: ids.map(({ id, label }) => ({ key: k(id), label, unitId: 'my-thoi', indicatorId: id, era: 0, metric: 'value' })),
      rows: [
        { period: '2024-Q2', label: '6 tháng 2024', ...values[0] },
        { period: '2024-Q4', label: 'Cả năm 2024', ...values[1] },
      ],
    }) satisfies ChartModel;
  const households = trend(
    [
      { id: 'near_poor_households_reduced', label: 'Hộ cận nghèo giảm – Phường Mỹ Thới' },
      { id: 'poor_households_reduced', label: 'Hộ nghèo giảm – Phường Mỹ Thới' },
    ],
    [{ [k('near_poor_households_reduced')]: 6, [k('poor_households_reduced')]: 1 }, { [k('near_poor_households_reduced')]: 13, [k('poor_households_reduced')]: 3 }],
  );
  const houses = trend([{ id: 'houses_built_or_repaired', label: 'Nhà cất mới và sửa chữa – Phường Mỹ Thới' }], [{ [k('houses_built_or_repaired')]: 2 }, { [k('houses_built_or_repaired')]: 1770 }]);
  const model = {
    ...base.model,
    chart: households,
    charts: [
      { chart: households, series: households.series.map((c, i) => ({ key: c.key, label: c.label, colorIndex: i })), legend: [{ label: 'Hộ cận nghèo giảm – Phường Mỹ Thới', color: '#009E73' }, { label: 'Hộ nghèo giảm – Phường Mỹ Thới', color: '#0072B2' }], axis: { measure: 'household', label: 'Đơn vị: hộ', divisor: 1 } },
      { chart: houses, series: houses.series.map((c) => ({ key: c.key, label: c.label, colorIndex: 2 })), legend: [{ label: 'Nhà cất mới và sửa chữa – Phường Mỹ Thới', color: '#CC79A7' }], axis: { measure: 'house', label: 'Đơn vị: căn', divisor: 1 } },
    ],
  } satisfies ExportModel;
  return { ...base, slug: 'giam-ngheo', title: 'Giảm nghèo', model };
}

/** Made-up units (giả lập) ranked by coverage: `n` with a figure, the second one the user's own, and one without a figure. */
export function rankedPanel(n: number): PanelExport {
  const base = testPanel();
  const key = 'compare~health_insurance_coverage';
  const names = Array.from({ length: n }, (_, i) => `Xã Giả Lập Số ${i + 1}`);
  const value = (i: number) => Math.round((96 - i * 0.37) * 100) / 100;
  const chart = {
    layout: 'byUnit',
    boundaries: [],
    series: [{ key, label: 'Tỷ lệ dân số tham gia bảo hiểm y tế – Cả năm 2024', unitId: '', indicatorId: 'health_insurance_coverage', era: 0, metric: 'value' }],
    rows: [
      ...names.map((label, i) => ({ unitId: `gl-${i + 1}`, label, [key]: value(i), benchmark: 94, asOf: i === 2 ? '9 tháng 2024' : null, rank: i + 1 })),
      { unitId: 'gl-none', label: 'Xã Giả Lập Chưa Báo Cáo', [key]: null, benchmark: 94, asOf: null, rank: null },
    ],
    benchmark: { key: 'benchmark', label: 'Mục tiêu của tỉnh' },
  } satisfies ChartModel;
  const model = {
    ...base.model,
    chart,
    measure: 'percent',
    ranked: true,
    tiles: [{ key: 'on-track', label: 'Đạt mục tiêu của tỉnh', value: `${n} xã, phường` }],
    summaryLines: [`1 xã chưa có số liệu Cả năm 2024`],
    figures: [
      ...names.map((unit, i) =>
        figure({ key: `h${i}`, unit, period: 'Cả năm 2024', indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', value: value(i), formatted: `${value(i)}%`, rank: i + 1, ...(i === 1 ? { mine: true as const } : {}) }),
      ),
      figure({ key: 'h-9m', unit: names[0]!, period: '9 tháng 2024', indicator: 'Tỷ lệ dân số tham gia bảo hiểm y tế', value: 91, formatted: '91%', rank: 1, source: SOURCE_9M }),
    ],
    legend: [
      { label: 'Tỷ lệ dân số tham gia bảo hiểm y tế – Cả năm 2024', color: '#0072B2' },
      { label: 'Mục tiêu của tỉnh', color: '#B00020', dashed: true },
    ],
  };
  return {
    ...base,
    slug: 'bao-hiem-y-te',
    title: 'Bảo hiểm y tế',
    unitIds: names.map((_, i) => `gl-${i + 1}`),
    unitNames: names,
    unitsLabel: `${n + 1} xã, phường (giả lập)`,
    model: withChart(model, 'percent'),
  };
}
