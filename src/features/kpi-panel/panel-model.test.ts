import { describe, expect, it } from 'vitest';
import { summarizeSource, type Indicator, type Observation, type SourceSummary, type Unit } from '../../api/contract';
import { seriesFill } from '../../components/charts/palette';
import { TEST_INDICATORS, TEST_OBSERVATIONS, TEST_SOURCES, TEST_UNITS } from '../../lib/test-data';
import { FAMILIES, type FamilyConfig } from './families';
import { buildPanelModel, unitsToFetch } from './panel-model';

const data = { units: TEST_UNITS, indicators: TEST_INDICATORS, sources: TEST_SOURCES, observations: TEST_OBSERVATIONS };
/** The sources as GET /api/sources lists them. */
const listed = data.sources.map(summarizeSource);
const budget = FAMILIES.find((f) => f.family === 'budget')!;

function model(sources: readonly SourceSummary[], unitIds = ['my-thoi'], period = '2024-Q4') {
  return buildPanelModel({
    config: budget,
    unitIds,
    period,
    observations: data.observations.filter((o) => unitIds.includes(o.unitId)),
    units: data.units,
    indicators: data.indicators,
    sources,
  });
}

describe('buildPanelModel: sources', () => {
  it('lists the reports behind the shown figures, newest first, with title, date and reference', () => {
    const m = model(listed);
    expect(m.sources.map((s) => s.id)).toEqual(['my-thoi-2026-q1', 'my-thoi-2024-year', 'my-thoi-2024-9m']);
    expect(m.sources[1]).toEqual({
      id: 'my-thoi-2024-year',
      title: 'Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024',
      date: '30/12/2024',
      reference: expect.stringContaining('seeds/000_5e51efec5228260f.txt') as string,
    });
  });

  it('says which reports have a stored text, without carrying any text', () => {
    const text = 'Thu ngân sách đạt trên 12 tỉ đồng.\n<img src=x onerror=alert(1)> & <b>đậm</b>';
    const sources = data.sources.map((s) => summarizeSource(s.id === 'my-thoi-2024-year' ? { ...s, text } : s));
    const m = model(sources);
    expect(m.sources.find((s) => s.id === 'my-thoi-2024-year')).toMatchObject({ hasText: true });
    expect(m.sources.find((s) => s.id === 'my-thoi-2024-9m')).not.toHaveProperty('hasText');
    expect(JSON.stringify(m)).not.toContain('12 tỉ');
  });

  it('leaves out the sources of wards that are not chosen', () => {
    const m = model(listed, ['my-quy'], '2024-Q2');
    expect(m.sources.map((s) => s.id)).toEqual(['my-quy-2024-6m']);
  });
});

/* ---- many units ranked, a province chosen, a few units' tiles, lineage ---- */

const commune = (id: string, name: string, kind: Unit['kind'] = 'xa', more: Partial<Unit> = {}): Unit => ({
  id, code: '30000', name, kind, province: 'An Giang', parentIds: ['tinh'], validFrom: '2025-07-01', validTo: null, ...more,
});
const PROVINCE: Unit[] = [
  { id: 'tinh', code: '91', name: 'Tỉnh An Giang', kind: 'tinh', province: 'An Giang', validFrom: '2025-07-01', validTo: null },
  commune('xa-a', 'Xã A'),
  commune('xa-b', 'Xã B'),
  commune('xa-c', 'Xã C'),
  commune('xa-d', 'Xã D'),
  commune('xa-e', 'Xã E'),
  commune('phuong-f', 'Phường F', 'phuong', { formedFrom: [{ unitId: 'cu-1', whole: true }, { unitId: 'cu-2', whole: true }] }),
  commune('cu-1', 'Phường Cũ Một', 'phuong', { validFrom: null, validTo: '2025-06-30', parentIds: [], becamePartOf: [{ unitId: 'phuong-f', whole: true }] }),
  commune('cu-2', 'Phường Cũ Hai', 'phuong', { validFrom: null, validTo: '2025-06-30', parentIds: [], becamePartOf: [{ unitId: 'phuong-f', whole: true }] }),
];
let seq = 0;
const pct = (unitId: string, value: number, period = '2026-Q1', indicatorId = 'budget_revenue_pct'): Observation => ({
  id: `f${++seq}`, unitId, indicatorId, period, value, qualifier: 'exact', sourceId: 'my-thoi-2026-q1', version: 1,
});
const provinceModel = (observations: Observation[], more: Partial<Parameters<typeof buildPanelModel>[0]> = {}) =>
  buildPanelModel({ config: budget, unitIds: ['tinh'], period: '2026-Q1', observations, units: PROVINCE, indicators: data.indicators, sources: listed, ...more });

describe('buildPanelModel: a province, ranked', () => {
  const figures = [pct('xa-a', 20), pct('xa-b', 40), pct('xa-c', 40), pct('xa-d', 26), pct('phuong-f', 10)];

  it('stands a province for its communes in force at the period’s end, and counts them', () => {
    const m = provinceModel(figures);
    expect(m.viewIds).toEqual(['xa-a', 'xa-b', 'xa-c', 'xa-d', 'xa-e', 'phuong-f']);
    expect(m.unitsLabel).toBe('Tỉnh An Giang · 6 xã, phường');
    // before the province was formed: none, and why
    const before = provinceModel([], { period: '2024-Q4' });
    expect(before.viewIds).toEqual([]);
    expect(before.unitNotes).toEqual(['Tỉnh An Giang được thành lập từ 01/07/2025: chọn kỳ từ 9 tháng 2025 trở đi.']);
  });

  it('ranks best first with dense ties, units without a figure last and unranked', () => {
    const m = provinceModel(figures);
    if (m.chart.layout !== 'byUnit') throw new Error('not a comparison');
    expect(m.chart.rows.map((r) => [r.label, r.rank])).toEqual([
      ['Xã B', 1],
      ['Xã C', 1],
      ['Xã D', 2],
      ['Xã A', 3],
      ['Phường F', 4],
      ['Xã E', null],
    ]);
    expect(m.ranked).toBe(true);
    expect(m.figures.filter((f) => f.indicator.startsWith('Tỷ lệ')).map((f) => [f.unit, f.rank])).toEqual([
      ['Xã B', 1],
      ['Xã C', 1],
      ['Xã D', 2],
      ['Xã A', 3],
      ['Phường F', 4],
    ]);
  });

  it('says how many are on track against the even pace, and how many have no figure', () => {
    const m = provinceModel(figures);
    // the pace of Quý I is 25%: B, C and D meet it
    expect(m.summaryLines).toEqual(['3/6 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 25%', '1 xã, phường chưa có số liệu Quý I 2026']);
  });

  it('marks the user’s own units, only among those shown', () => {
    const m = provinceModel(figures, { mine: ['xa-d', 'my-thoi'] });
    expect(m.mine).toEqual(['xa-d']);
    expect(m.figures.filter((f) => f.mine).map((f) => f.unit)).toEqual(['Xã D']);
    expect(m.legend.map((l) => l.label)).toContain('Đơn vị của tôi');
  });
});

describe('buildPanelModel: two to four units', () => {
  it('gives each unit its tiles under its name, and names the one without figures for the period', () => {
    const m = buildPanelModel({
      config: budget,
      unitIds: ['xa-a', 'xa-e', 'xa-b'],
      period: '2026-Q1',
      observations: [pct('xa-a', 20), pct('xa-b', 30, '2025-Q4'), pct('xa-b', 40)],
      units: PROVINCE,
      indicators: data.indicators,
      sources: listed,
    });
    expect(m.tileGroups!.map((g) => [g.name, g.tiles.length, g.missing])).toEqual([
      ['Xã A', 1, undefined],
      ['Xã E', 0, 'Chưa có số liệu của Xã E'],
      ['Xã B', 1, undefined],
    ]);
    expect(m.toFill).toEqual([{ unitId: 'xa-e', name: 'Xã E' }]);
    const later = buildPanelModel({ config: budget, unitIds: ['xa-a', 'xa-b'], period: '2026-Q2', observations: [pct('xa-a', 20, '2025-Q4'), pct('xa-b', 50, '2026-Q2')], units: PROVINCE, indicators: data.indicators, sources: listed });
    expect(later.tileGroups![0]!.missing).toBe('Xã A: chưa có số liệu 6 tháng 2026');
    expect(later.summaryLines).toEqual(['Xã A: chưa có số liệu 6 tháng 2026']);
  });
});

describe('buildPanelModel: lineage', () => {
  const poverty = FAMILIES.find((f) => f.family === 'poverty')!;
  const pov = (unitId: string, period: string, value: number) => pct(unitId, value, period, 'poor_households_reduced');
  const obs = [pov('phuong-f', '2026-Q1', 5), pov('cu-1', '2024-Q4', 3), pov('cu-2', '2024-Q4', 4), pov('cu-1', '2024-Q2', 1)];
  const model = (lineage: boolean) =>
    buildPanelModel({ config: poverty, unitIds: ['phuong-f'], period: '2026-Q1', observations: obs, units: PROVINCE, indicators: [...data.indicators, { id: 'poor_households_reduced', family: 'poverty', name: 'Hộ nghèo giảm', unit: 'household', aggregation: 'ytd', higherIsBetter: true }], sources: listed, lineage });

  it('asks for the former units’ figures only when they are to be shown', () => {
    expect(unitsToFetch(['phuong-f'], '2026-Q1', PROVINCE, false)).toEqual(['phuong-f']);
    expect(unitsToFetch(['phuong-f'], '2026-Q1', PROVINCE, true)).toEqual(['phuong-f', 'cu-1', 'cu-2']);
    // many compared: no lineage
    expect(unitsToFetch(['tinh'], '2026-Q1', PROVINCE, true)).toHaveLength(6);
  });

  it('shows the former units as their own, labelled series and table rows, with the sum where whole and complete', () => {
    const off = model(false);
    expect(off.hasLineage).toBe(true);
    expect(off.legend.map((l) => l.label)).toEqual(['Hộ nghèo giảm – Phường F']);
    const on = model(true);
    expect(on.legend.map((l) => l.label)).toEqual([
      'Hộ nghèo giảm – Phường F',
      'Hộ nghèo giảm – Phường Cũ Một (cũ)',
      'Hộ nghèo giảm – Phường Cũ Hai (cũ)',
      'Hộ nghèo giảm – Phường F: cộng các đơn vị cũ',
    ]);
    // each in a colour of its own
    expect(new Set(on.legend.map((l) => l.color)).size).toBe(4);
    expect(on.figures.map((f) => [f.unit, f.period, f.value])).toEqual([
      ['Phường F', 'Quý I 2026', 5],
      ['Phường Cũ Một (cũ)', 'Cả năm 2024', 3],
      ['Phường Cũ Hai (cũ)', 'Cả năm 2024', 4],
      ['Phường Cũ Một (cũ)', '6 tháng 2024', 1],
      ['Phường F: cộng các đơn vị cũ', 'Cả năm 2024', 7],
    ]);
    // the headline stays the unit's own
    expect(on.tiles.map((t) => t.value)).toEqual(off.tiles.map((t) => t.value));
  });
});

describe('buildPanelModel: one unit of measure per chart', () => {
  const ind = (id: string, unit: Indicator['unit'], family: Indicator['family'] = 'poverty'): Indicator => ({
    id, family, name: `Chỉ tiêu ${id}`, unit, aggregation: 'ytd', higherIsBetter: true,
  });
  const indicators = [
    ind('poor_households_reduced', 'household'),
    ind('near_poor_households_reduced', 'household'),
    ind('houses_built_or_repaired', 'house'),
    ind('fire_damaged_houses_supported', 'house'),
    ind('poverty_fund_raised', 'vnd'),
    ind('gifts_given', 'gift'),
    ind('new_party_members', 'party_member', 'other'),
    ind('party_cells_completed_well', 'party_cell', 'other'),
    ind('party_cells_exemplary', 'party_cell', 'other'),
    ind('jobs_referred', 'person', 'other'),
    ind('socialized_funding', 'vnd', 'other'),
  ];
  const poverty = FAMILIES.find((f) => f.slug === 'giam-ngheo')!;
  const party = FAMILIES.find((f) => f.slug === 'xay-dung-dang')!;
  const economy = FAMILIES.find((f) => f.slug === 'kinh-te-viec-lam')!;
  const build = (config: FamilyConfig, observations: Observation[], unitIds = ['xa-a']) =>
    buildPanelModel({ config, unitIds, period: '2026-Q2', observations, units: PROVINCE, indicators, sources: listed });

  it('draws households and houses on charts of their own, each axis naming its unit, and leaves money and gifts to the tiles', () => {
    const m = build(poverty, [
      pct('xa-a', 3, '2026-Q2', 'poor_households_reduced'),
      pct('xa-a', 13, '2026-Q2', 'near_poor_households_reduced'),
      pct('xa-a', 7, '2026-Q2', 'houses_built_or_repaired'),
      pct('xa-a', 528e6, '2026-Q2', 'poverty_fund_raised'),
      pct('xa-a', 1770, '2026-Q2', 'gifts_given'),
    ]);
    expect(m.charts.map((c) => [c.axis.label, c.indicatorIds])).toEqual([
      ['Đơn vị: hộ', ['poor_households_reduced', 'near_poor_households_reduced']],
      ['Đơn vị: căn', ['houses_built_or_repaired', 'fire_damaged_houses_supported']],
    ]);
    for (const c of m.charts) {
      const units = new Set(c.chart.series.map((s) => indicators.find((i) => i.id === s.indicatorId)!.unit));
      expect(units.size).toBe(1);
    }
    // named by their indicator, in every chart (the houses' chart has one series)
    expect(m.charts[1]!.legend.map((l) => l.label)).toEqual(['Chỉ tiêu houses_built_or_repaired – Xã A']);
    expect(m.tiles.map((t) => t.value)).toEqual(expect.arrayContaining(['528 triệu đồng', '1.770 phần quà']));
    // the exports' chart is the first one
    expect(m.chart).toMatchObject({ series: m.charts[0]!.chart.series });
    expect(m.legend).toEqual(m.charts[0]!.legend);
  });

  it('counts money in the tỷ or triệu its highest value reaches', () => {
    const m = build(economy, [pct('xa-a', 611, '2026-Q2', 'jobs_referred'), pct('xa-a', 3.7e9, '2026-Q1', 'socialized_funding'), pct('xa-a', 6.1e9, '2026-Q2', 'socialized_funding')]);
    expect(m.charts.map((c) => c.axis)).toEqual([
      { measure: 'person', label: 'Đơn vị: người', divisor: 1 },
      { measure: 'vnd', label: 'Đơn vị: tỷ đồng', divisor: 1e9 },
    ]);
    const small = build(economy, [pct('xa-a', 528e6, '2026-Q2', 'socialized_funding')]);
    expect(small.charts.map((c) => c.axis.label)).toEqual(['Đơn vị: triệu đồng']);
  });

  it('draws a chart of the figures a unit reported when it reported none of the region’s charted ones', () => {
    // no new members; cells rated
    const m = build(party, [pct('xa-a', 12, '2026-Q2', 'party_cells_completed_well'), pct('xa-a', 3, '2026-Q2', 'party_cells_exemplary')]);
    expect(m.charts.map((c) => [c.axis.label, c.chart.series.map((s) => s.indicatorId)])).toEqual([
      ['Đơn vị: chi bộ', ['party_cells_completed_well', 'party_cells_exemplary']],
    ]);
    // one such figure: its series says what it is
    const one = build(party, [pct('xa-a', 12, '2026-Q2', 'party_cells_completed_well')]);
    expect(one.charts[0]!.legend.map((l) => l.label)).toEqual(['Chỉ tiêu party_cells_completed_well – Xã A']);
    // nothing at all: no chart
    expect(build(party, []).charts).toEqual([]);
  });

  it('keeps each series’ legend colour the colour it is drawn in, totals lighter', () => {
    const targets = FAMILIES.find((f) => f.slug === 'chi-tieu-nghi-quyet')!;
    const m = buildPanelModel({
      config: targets,
      unitIds: ['my-thoi'],
      period: '2024-Q4',
      observations: data.observations.filter((o) => o.unitId === 'my-thoi'),
      units: data.units,
      indicators: data.indicators,
      sources: listed,
    });
    const [met, total] = m.legend;
    expect(met!.label).toMatch(/^Đạt/);
    expect(total!.label).toMatch(/^Tổng số chỉ tiêu/);
    expect(met!.color).not.toBe(total!.color);
    expect(m.legend.map((l) => l.color)).toEqual(m.chartSeries.map((s) => seriesFill(s)));
  });
});
