import { describe, expect, it } from 'vitest';
import { composePanelSvg, escapeXml } from './compose-svg';
import { FONT_STACK } from './font';
import { testPanel } from './test-panel';

const chart = { markup: '<g class="chart"><rect x="0" y="0" width="10" height="10" fill="#0072B2"/></g>', width: 600, height: 260 };
const now = new Date(2026, 10, 23, 14, 5);

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('composePanelSvg', () => {
  it('is a well-formed standalone SVG that carries everything needed to read it', () => {
    const { svg, width, height } = composePanelSvg(testPanel(), { chart, fontCss: '@font-face{font-family:x}', now });
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBe(width);
    expect(width).toBe(648);
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

  it('draws the legend from the panel: boxes for series, a dashed line for the benchmark', () => {
    const doc = parse(composePanelSvg(testPanel(), { chart, fontCss: '', now }).svg);
    expect(doc.querySelector('line[stroke="#B00020"][stroke-dasharray]')).not.toBeNull();
    expect(doc.querySelector('rect[fill="#0072B2"][width="12"]')).not.toBeNull();
    expect(doc.querySelector('style')).toBeNull();
  });

  it('wraps long lines instead of running off the image', () => {
    const long = 'Hội nghị sơ kết tình hình thực hiện Nghị quyết Đảng ủy 9 tháng đầu năm 2024, phường Mỹ Thới, nhiệm kỳ 2020-2025';
    const panel = testPanel();
    panel.model.sources = [{ id: 's', title: long, date: '11/10/2024', reference: '' }];
    const doc = parse(composePanelSvg(panel, { chart, fontCss: '', now, measure: (t, size) => t.length * size * 0.6 }).svg);
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

  it('counts the units in its header, says how many are on track, and lists only the first sources', () => {
    const { svg } = composePanelSvg(many(), { chart, fontCss: '', now });
    const texts = [...parse(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('Tỉnh An Giang · 102 xã, phường · Cả năm 2024');
    expect(texts.join(' ')).not.toContain('Xã số 5');
    expect(texts).toContain('38/102 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 25%');
    expect(texts.filter((t) => t.startsWith('Báo cáo giả lập số'))).toHaveLength(7);
    expect(texts).toContain('và 293 báo cáo khác — nguồn của từng số liệu có trong tệp CSV');
  });

  it('stays as tall as its chart and a few lines, however many sources there are', () => {
    const few = composePanelSvg(testPanel(), { chart, fontCss: '', now });
    const lots = composePanelSvg(many(), { chart, fontCss: '', now });
    expect(lots.height - few.height).toBeLessThan(200);
  });
});
