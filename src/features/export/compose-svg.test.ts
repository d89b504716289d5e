import { describe, expect, it } from 'vitest';
import { composePanelSvg, IMAGE_CHART_WIDTH, summarizeNotes } from './compose-svg';
import type { PanelChartDrawing } from './draw-chart';
import { imageCharts } from './image-file';
import { FONT_STACK } from './font';
import { estimateText } from './measure-text';
import { escapeXml } from '../../components/charts/svg-markup';
import { rankedTestPanel, SAVED_COPY, targetsTestPanel, testPanel } from './test-panel';
import type { PanelExport } from '../../lib/panel-export';

const legend = testPanel().model.legend;
const chart: PanelChartDrawing = { markup: '<g class="chart"><rect x="0" y="0" width="10" height="10" fill="#0072B2"/></g>', width: 600, height: 260, valuesShown: true, legend };
const charts = [chart];
const now = new Date(2026, 10, 23, 14, 5);
/** The panel's image with its charts drawn from its data, as the PNG and SVG have it. */
const image = (panel: PanelExport) => composePanelSvg(panel, { charts: imageCharts(panel, estimateText), fontCss: '', now });

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('composePanelSvg', () => {
  it('is a well-formed standalone SVG that carries everything needed to read it', () => {
    const { svg, width, height } = composePanelSvg(testPanel(), { charts, fontCss: '@font-face{font-family:x}', now });
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBe(width);
    expect(width).toBe(600 + 48);
    expect(height).toBeGreaterThan(260);
    expect(root.getAttribute('font-family')).toBe(FONT_STACK);
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Thu ngân sách');
    expect(texts).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(texts).toContain('Đơn vị tính: đồng');
    expect(texts).toContain('trên 12 tỷ đồng');
    expect(texts).toContain('Đạt: Tiến độ đều (quý/4): 100%');
    expect(texts).toContain('Tiến độ đều (quý/4)');
    expect(texts).toContain('Nguồn:');
    expect(texts.join(' ')).toContain('Hội nghị tổng kết năm 2024 <Đảng ủy & UBND> (30/12/2024)');
    expect(texts).toContain('Xuất lúc 23/11/2026 14:05 · Bảng chỉ tiêu Nghị quyết các phường');
    expect(doc.querySelector('style')?.textContent).toContain('@font-face');
    expect(doc.querySelector('g.chart rect')?.getAttribute('fill')).toBe('#0072B2');
    // white background under everything
    expect(doc.querySelector('svg > rect')?.getAttribute('fill')).toBe('#ffffff');
  });

  it('says in its footer, made from a saved copy, that it was and when the copy was saved; nothing of it otherwise', () => {
    const texts = (panel: PanelExport) => [...parse(image(panel).svg).querySelectorAll('text')].map((t) => t.textContent);
    const saved = texts(testPanel({ savedCopy: SAVED_COPY }));
    const at = saved.indexOf(SAVED_COPY);
    // after the sources, just before the time of export; the figures' own period as it was
    expect(at).toBeGreaterThan(saved.indexOf('Nguồn:'));
    expect(saved[at + 1]).toBe('Xuất lúc 23/11/2026 14:05 · Bảng chỉ tiêu Nghị quyết các phường');
    expect(saved).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(texts(testPanel()).join(' ')).not.toContain('bản lưu');
    // the image is taller by that line, nothing else moves
    expect(image(testPanel({ savedCopy: SAVED_COPY })).height).toBeGreaterThan(image(testPanel()).height);
    // many units: the same line
    expect(texts({ ...rankedTestPanel(102), savedCopy: SAVED_COPY })).toContain(SAVED_COPY);
  });

  it('draws the legend from the panel: boxes for series, a dashed line for the benchmark', () => {
    const doc = parse(composePanelSvg(testPanel(), { charts, fontCss: '', now }).svg);
    expect(doc.querySelector('line[stroke="#B00020"][stroke-dasharray]')).not.toBeNull();
    expect(doc.querySelector('rect[fill="#0072B2"][width="12"]')).not.toBeNull();
    expect(doc.querySelector('style')).toBeNull();
  });

  it('wraps long lines instead of running off the image', () => {
    const long = 'Hội nghị sơ kết tình hình thực hiện Nghị quyết Đảng ủy 9 tháng đầu năm 2024, phường Mỹ Thới, nhiệm kỳ 2020-2025';
    const panel = testPanel();
    panel.model.sources = [{ id: 's', title: long, date: '11/10/2024', reference: '' }];
    const doc = parse(composePanelSvg(panel, { charts, fontCss: '', now, measure: (t, size) => t.length * size * 0.6 }).svg);
    const lines = [...doc.querySelectorAll('text')].filter((t) => long.includes(t.textContent!.split(' (')[0]!.slice(0, 20)));
    expect(lines.length).toBeGreaterThan(1);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('composePanelSvg of many units', () => {
  const many = () => {
    const panel = testPanel({ unitIds: Array.from({ length: 102 }, (_, i) => `xa-${i}`), unitNames: Array.from({ length: 102 }, (_, i) => `Xã số ${i}`), unitsLabel: 'Tỉnh An Giang · 102 xã, phường' });
    panel.model.sources = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, title: `Báo cáo giả lập số ${i}`, date: '31/03/2026', reference: '' }));
    panel.model.summaryLines = ['38/102 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 25%'];
    return panel;
  };

  it('counts the units in its header, says how many are on track, and summarizes the sources', () => {
    const { svg } = composePanelSvg(many(), { charts, fontCss: '', now });
    const texts = [...parse(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('Tỉnh An Giang · 102 xã, phường · Cả năm 2024');
    expect(texts.join(' ')).not.toContain('Xã số 5');
    expect(texts).toContain('38/102 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 25%');
    expect(texts.filter((t) => t.startsWith('Báo cáo giả lập số'))).toEqual([]);
    expect(texts).toContain('Nguồn: 300 báo cáo — danh sách trong tệp CSV/Excel');
  });

  it('stays as tall as its chart and a few lines, however many sources there are', () => {
    const few = composePanelSvg(testPanel(), { charts, fontCss: '', now });
    const lots = composePanelSvg(many(), { charts, fontCss: '', now });
    expect(lots.height - few.height).toBeLessThan(120);
  });
});

describe('the image of a ranking of many units', () => {
  const rows = (doc: Document) =>
    [...doc.querySelectorAll('g.chart .comparison-row')].map((g) => g.querySelector('.comparison-label, .comparison-gap')?.textContent ?? '');

  it('stays under 4,000 px tall at 2×: the top and the bottom of the ranking and the user’s own units', () => {
    const panel = rankedTestPanel(102, { mine: ['gl-60'], missing: 5 });
    const { svg, height, width } = image(panel);
    expect(2 * height).toBeLessThan(4000);
    expect(width).toBe(IMAGE_CHART_WIDTH + 48);
    const doc = parse(svg);
    const names = rows(doc);
    expect(names.length).toBeLessThanOrEqual(40);
    expect(names.slice(0, 3)).toEqual(panel.unitNames.slice(0, 3));
    expect(names).toContain(panel.unitNames[59]);
    // the last units ranked (96 of them have a figure), then the 5 without one counted
    expect(names.slice(-2)).toEqual([panel.unitNames[96], '⋯ 5 xã, phường chưa có số liệu']);
    const gaps = names.filter((n) => n.startsWith('⋯'));
    expect(gaps).toHaveLength(3);
    // every unit is either drawn or counted in a gap
    const counted = gaps.reduce((sum, g) => sum + Number(/⋯ (\d+)/.exec(g)![1]), 0);
    expect(names.length - gaps.length + counted).toBe(102);
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain(`Hình nêu ${names.length - gaps.length}/102 đơn vị (đầu và cuối bảng xếp hạng, đơn vị của tôi); đủ 102 đơn vị trong tệp CSV/Excel.`);
    // without units of the user's own, the note does not speak of them
    const plain = parse(image(rankedTestPanel(102)).svg);
    expect([...plain.querySelectorAll('text')].map((t) => t.textContent).find((t) => t?.startsWith('Hình nêu'))).toMatch(/^Hình nêu \d+\/102 đơn vị \(đầu và cuối bảng xếp hạng\); đủ 102 đơn vị trong tệp CSV\/Excel\.$/);
    expect(texts).toContain('Nguồn: 97 báo cáo — danh sách trong tệp CSV/Excel');
  });

  it('draws every unit of a short ranking, and says nothing is left out', () => {
    const panel = rankedTestPanel(12);
    const doc = parse(image(panel).svg);
    expect(rows(doc)).toEqual(panel.unitNames);
    expect(doc.querySelectorAll('g.chart rect.kpi-bar')).toHaveLength(12);
    expect([...doc.querySelectorAll('text')].some((t) => t.textContent?.startsWith('Hình nêu'))).toBe(false);
  });
});

describe('the image of a trend', () => {
  it('is drawn from the panel’s data at one width, whatever the screen, with the values on the bars', () => {
    const panel = targetsTestPanel();
    const { svg, width } = image(panel);
    expect(width).toBe(IMAGE_CHART_WIDTH + 48);
    const doc = parse(svg);
    expect([...doc.querySelectorAll('g.chart .chart-period')].map((t) => t.textContent)).toEqual(['6 tháng 2023', 'Cả năm 2023', 'Cả năm 2024', 'Quý I 2026']);
    expect([...doc.querySelectorAll('g.chart .chart-value')].map((t) => t.textContent)).toEqual(['6', '11', '9', '11', '10', '11', '8', '20']);
  });

  it('gives each legend box the colour of its bars: "Tổng số chỉ tiêu" lighter than "Đạt"', () => {
    const doc = parse(image(targetsTestPanel()).svg);
    const bars = new Set([...doc.querySelectorAll('g.chart rect.kpi-bar')].map((r) => r.getAttribute('fill')));
    const boxes = [...doc.querySelectorAll('rect.legend-swatch')].map((r) => r.getAttribute('fill'));
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).not.toBe(boxes[1]);
    expect(new Set(boxes)).toEqual(bars);
  });
});

describe('summarizeNotes', () => {
  it('says the same note of many units once, with how many', () => {
    const names = Array.from({ length: 30 }, (_, i) => (i < 20 ? `Xã Giả Lập ${i + 1}` : `Phường Giả Lập ${i + 1}`));
    const notes = [...names.map((u) => `${u} được thành lập từ 01/07/2025.`), 'Tỉnh Giả Lập được thành lập từ 01/07/2025: chọn kỳ từ 9 tháng 2025 trở đi.'];
    expect(summarizeNotes(notes, names)).toEqual([
      '30 xã, phường được thành lập từ 01/07/2025.',
      'Tỉnh Giả Lập được thành lập từ 01/07/2025: chọn kỳ từ 9 tháng 2025 trở đi.',
    ]);
  });

  it('keeps a few units’ notes as they are, and counts what is beyond the lines an image lists', () => {
    const few = ['Phường Mỹ Bình không còn từ 01/07/2025; nay thuộc Phường Long Xuyên.', 'Phường Mỹ Quý không còn từ 01/07/2025; nay thuộc Phường Long Xuyên.'];
    expect(summarizeNotes(few, ['Phường Mỹ Bình', 'Phường Mỹ Quý'])).toEqual(few);
    const many = Array.from({ length: 9 }, (_, i) => `Ghi chú giả lập số ${i + 1}.`);
    expect(summarizeNotes(many, [])).toEqual([...many.slice(0, 5), 'và 4 ghi chú khác về các đơn vị']);
  });
});
