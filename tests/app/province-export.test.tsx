/**
 * The export of a panel of the province's 102 communes, ranked: the image names them all in
 * full on its chart, counts them in its header, says how many are on track, and stays bounded
 * (its chart and a few lines: the sources of hundreds of synthetic reports are summarized).
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { syntheticDataset } from '../../data/synthetic';
import { summarizeSource } from '../../src/api/contract';
import { ComparisonChart } from '../../src/components/charts/comparison-chart';
import { ROW_HEIGHT } from '../../src/components/charts/comparison-geometry';
import { captureChart } from '../../src/features/export/capture-chart';
import { composePanelSvg } from '../../src/features/export/compose-svg';
import { FAMILIES } from '../../src/features/kpi-panel/families';
import { buildPanelModel } from '../../src/features/kpi-panel/panel-model';
import { formatAxisValue, formatBarValue, formatValue } from '../../src/lib/format';

describe('the export of 102 communes ranked', () => {
  it('names every commune in full, counts them in its header, and stays bounded', () => {
    const real = loadDataset();
    const data = syntheticDataset({ register: real.units, indicators: real.indicators, firstYear: 2026, years: 1 });
    const budget = FAMILIES.find((f) => f.family === 'budget')!;
    const model = buildPanelModel({ config: budget, unitIds: ['an-giang'], period: '2026-Q1', ...data, sources: data.sources.map(summarizeSource) });
    expect(model.viewIds).toHaveLength(102);
    if (model.chart.layout !== 'byUnit') throw new Error('not a comparison');

    const { container } = render(
      <ComparisonChart
        rows={model.chart.rows}
        series={model.chartSeries}
        benchmark={model.chart.benchmark}
        formatValue={(v) => formatValue(v, 'percent')}
        formatAxis={(v) => formatAxisValue(v, 'percent')}
        formatLabel={(v) => formatBarValue(v, 'percent')}
        width={900}
      />,
    );
    const chart = captureChart(container.querySelector<SVGSVGElement>('svg[data-kpi-chart]')!);
    const composed = composePanelSvg(
      { slug: budget.slug, title: budget.title, unitIds: model.viewIds, unitNames: [], unitsLabel: model.unitsLabel, period: '2026-Q1', periodLabel: 'Quý I 2026', model, getChartSvg: () => null },
      { chart, fontCss: '', now: new Date(2026, 3, 2, 9, 0) },
    );
    const doc = new DOMParser().parseFromString(composed.svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
    const top = (g: Element) => Number(/translate\(0 ([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]);
    const chartTexts = [...doc.querySelectorAll('g.chart .comparison-row')]
      .sort((a, b) => top(a) - top(b))
      .map((g) => g.querySelector('.comparison-label')?.textContent ?? '');

    // every commune, in full, in rank order
    expect(chartTexts).toEqual(model.chart.rows.map((r) => r.label));
    expect(chartTexts).toContain('Xã Vĩnh Thạnh Trung');
    expect(chartTexts.some((t) => t.includes('…'))).toBe(false);
    expect(texts).toContain('Tỉnh An Giang · 102 xã, phường · Quý I 2026');
    expect(texts.some((t) => /^\d+\/102 xã, phường đạt tiến độ/.test(t))).toBe(true);
    // 102 reports: the first few named, the rest counted
    expect(texts.some((t) => /^và \d+ báo cáo khác/.test(t))).toBe(true);
    // bounded: the chart (one band per commune) and a few hundred pixels; at 2× under 7,000 px tall
    expect(chart.height).toBeLessThan(102 * ROW_HEIGHT + 120);
    expect(composed.height).toBeLessThan(chart.height + 700);
    expect(composed.width).toBeLessThanOrEqual(900 + 48);
    expect(2 * composed.height).toBeLessThan(7000);
  });
});
