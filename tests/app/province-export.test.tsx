/**
 * The exports of a panel of the province's 102 communes, ranked, from the real register and the
 * synthetic figures (giả lập): the image and the slide count the communes in their header, say
 * how many are on track, stay bounded (the top and the bottom of the ranking and the user's own
 * communes, each run left out counted; the sources summarized), and are drawn from the panel's
 * data, not from the chart on screen.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { syntheticDataset } from '../../data/synthetic';
import { summarizeSource } from '../../src/api/contract';
import { composePanelSvg } from '../../src/features/export/compose-svg';
import { imageCharts } from '../../src/features/export/image-file';
import { estimateText } from '../../src/features/export/measure-text';
import { composeSlideSvg } from '../../src/features/export/slide-image';
import { FAMILIES } from '../../src/features/kpi-panel/families';
import { buildPanelModel } from '../../src/features/kpi-panel/panel-model';
import type { PanelExport } from '../../src/lib/panel-export';

const now = new Date(2026, 3, 2, 9, 0);

function provincePanel(mine: string[] = []): PanelExport & { ranking: { unitId: string; label: string; rank: number | null }[] } {
  const real = loadDataset();
  const data = syntheticDataset({ register: real.units, indicators: real.indicators, firstYear: 2026, years: 1 });
  const budget = FAMILIES.find((f) => f.family === 'budget')!;
  const model = buildPanelModel({ config: budget, unitIds: ['an-giang'], period: '2026-Q1', ...data, sources: data.sources.map(summarizeSource), mine });
  if (model.chart.layout !== 'byUnit') throw new Error('not a comparison');
  return {
    slug: budget.slug,
    title: budget.title,
    unitIds: model.viewIds,
    unitNames: [],
    unitsLabel: model.unitsLabel,
    period: '2026-Q1',
    periodLabel: 'Quý I 2026',
    model,
    getChartSvg: () => {
      throw new Error('the exports draw from the data, not from the screen');
    },
    ranking: model.chart.rows,
  };
}

const parse = (svg: string) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
};
const texts = (doc: Document, selector = 'text') => [...doc.querySelectorAll(selector)].map((t) => t.textContent ?? '');
const rowNames = (doc: Document) => [...doc.querySelectorAll('.comparison-row')].map((g) => g.querySelector('.comparison-label, .comparison-gap')?.textContent ?? '');

describe('the exports of 102 communes ranked', () => {
  it('PNG/SVG: counted in the header, the top and bottom of the ranking and my communes, under 4,000 px at 2×', () => {
    const panel = provincePanel();
    expect(panel.unitIds).toHaveLength(102);
    // the user's own commune: one from the middle of the ranking
    const middle = panel.ranking.find((r) => r.rank !== null && r.rank > 40 && r.rank < 60)!;
    const withMine = provincePanel([middle.unitId]);
    const rankedNames = withMine.ranking.map((r) => r.label);

    const composed = composePanelSvg(withMine, { charts: imageCharts(withMine, estimateText), fontCss: '', now });
    expect(2 * composed.height).toBeLessThan(4000);
    const doc = parse(composed.svg);
    const all = texts(doc);
    expect(all).toContain('Tỉnh An Giang · 102 xã, phường · Quý I 2026');
    expect(all.some((t) => /^\d+\/102 xã, phường đạt /.test(t))).toBe(true);
    expect(all.some((t) => /^Nguồn: \d+ báo cáo — danh sách trong tệp CSV\/Excel$/.test(t))).toBe(true);

    const names = rowNames(doc);
    expect(names.slice(0, 5)).toEqual(rankedNames.slice(0, 5));
    expect(names).toContain(middle.label);
    const gaps = names.filter((n) => n.startsWith('⋯'));
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    const counted = gaps.reduce((sum, g) => sum + Number(/^⋯ (\d+) /.exec(g)![1]), 0);
    expect(names.length - gaps.length + counted).toBe(102);
    expect(all).toContain(`Hình nêu ${names.length - gaps.length}/102 đơn vị (đầu và cuối bảng xếp hạng, đơn vị của tôi); đủ 102 đơn vị trong tệp CSV/Excel.`);
    // names in full, never cut
    expect(names.filter((n) => !n.startsWith('⋯')).every((n) => rankedNames.includes(n))).toBe(true);
  });

  it('slide: 1920 × 1080 with the top of the ranking, counted units and summarized sources', () => {
    const panel = provincePanel();
    const slide = composeSlideSvg(panel, { fontCss: '', now, measure: estimateText });
    expect([slide.width, slide.height]).toEqual([1920, 1080]);
    const doc = parse(slide.svg);
    expect(texts(doc, '.slide-subtitle')).toEqual(['Tỉnh An Giang · 102 xã, phường · Quý I 2026']);
    const names = rowNames(doc);
    expect(names.length).toBeLessThanOrEqual(12);
    expect(names[0]).toBe(panel.ranking[0]!.label);
    expect(texts(doc, '.slide-footer')[0]).toMatch(/^Nguồn: \d+ báo cáo — danh sách trong tệp CSV\/Excel · Xuất lúc 02\/04\/2026 09:00$/);
  });
});
