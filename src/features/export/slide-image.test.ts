import { describe, expect, it } from 'vitest';
import { ExportError } from './export-panel';
import { composeSlideSvg, exportSlideImage, SLIDE_HEIGHT, SLIDE_WIDTH, slideFileName, slideFooter } from './slide-image';
import { estimateText } from './measure-text';
import { budgetTestPanel, rankedTestPanel, SAVED_COPY, targetListTestPanel, targetsTestPanel, testPanel } from './test-panel';

const now = new Date(2026, 10, 23, 14, 5);

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

/** The product of the scale() transforms of an element and its ancestors. */
function scaleOf(el: Element | null): number {
  let k = 1;
  for (let e = el; e; e = e.parentElement) {
    const m = /scale\(([\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (m) k *= Number(m[1]);
  }
  return k;
}

/** The size a text is drawn at on the slide: its (inherited) font-size times the scale it is drawn at. */
function drawnSize(el: Element): number {
  let size = NaN;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const attr = e.getAttribute('font-size');
    if (attr) {
      size = Number(attr);
      break;
    }
  }
  return size * scaleOf(el);
}

const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((t) => t.textContent ?? '');

function slide(panel = budgetTestPanel()) {
  const composed = composeSlideSvg(panel, { fontCss: '', now, measure: estimateText });
  return { ...composed, doc: parse(composed.svg) };
}

describe('the slide image of a trend', () => {
  it('is 1920 × 1080 (16:9) with the title, the units and period, and no dependence on the chart on screen', () => {
    const panel = budgetTestPanel({
      getChartSvg: () => {
        throw new Error('the slide must not read the chart on screen');
      },
    });
    const { svg, width, height, doc } = slide(panel);
    expect([width, height]).toEqual([1920, 1080]);
    expect(width / height).toBeCloseTo(16 / 9, 5);
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['1920', '1080', '0 0 1920 1080']);
    expect(texts(doc, '.slide-title')).toEqual(['Thu ngân sách']);
    expect(texts(doc, '.slide-subtitle')).toEqual(['Phường Mỹ Thới · Cả năm 2024']);
    // the same panel gives the same file
    expect(slide(panel).svg).toBe(svg);
  });

  it('writes every tick, period, value, legend entry and note at 28 px or more', () => {
    for (const panel of [budgetTestPanel(), targetsTestPanel(), rankedTestPanel(102, { mine: ['gl-40'] })]) {
      const { doc } = slide(panel);
      const chartTexts = [...doc.querySelectorAll('.slide-chart text')];
      expect(chartTexts.length).toBeGreaterThan(5);
      for (const t of [...chartTexts, ...doc.querySelectorAll('.slide-legend')]) {
        expect(drawnSize(t), t.textContent ?? '').toBeGreaterThanOrEqual(28);
      }
      expect(drawnSize(doc.querySelector('.slide-title')!)).toBeGreaterThanOrEqual(44);
      expect(drawnSize(doc.querySelector('.slide-footer')!)).toBeGreaterThanOrEqual(24);
    }
  });

  it('writes each bar’s value on it, and names every period under its bars', () => {
    const { doc } = slide(targetsTestPanel());
    expect(doc.querySelectorAll('.slide-chart rect.kpi-bar')).toHaveLength(8);
    expect(texts(doc, '.slide-chart .chart-value')).toEqual(['6', '11', '9', '11', '10', '11', '8', '20']);
    expect(texts(doc, '.slide-chart .chart-period')).toEqual(['6 tháng 2023', 'Cả năm 2023', 'Cả năm 2024', 'Quý I 2026']);
    // the boundary change is marked on the chart and said under it
    expect(texts(doc, '.slide-chart .chart-boundary text')).toEqual(['Thay đổi địa giới']);
    expect(texts(doc, '.slide-note').join(' ')).toContain('01/07/2025: Phường Mỹ Thới nhận Mỹ Thạnh');
  });

  it('draws the total lighter than what was met, its legend box in the colour of its bars', () => {
    const { doc } = slide(targetsTestPanel());
    const bars = [...doc.querySelectorAll('.slide-chart rect.kpi-bar')].map((r) => r.getAttribute('fill'));
    // met, total, met, total…
    const [met, total] = bars;
    expect(met).toBe('#0072B2');
    expect(total).not.toBe(met);
    expect(bars).toEqual(Array.from({ length: 4 }, () => [met, total]).flat());
    // lighter: every channel nearer white
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    channels(total!).forEach((c, i) => expect(c).toBeGreaterThan(channels(met!)[i]!));
    const swatches = [...doc.querySelectorAll('rect.legend-swatch')].map((r) => r.getAttribute('fill'));
    expect(swatches).toEqual([met, total]);
    expect(texts(doc, '.slide-legend')).toEqual(['Đạt – Phường Mỹ Thới', 'Tổng số chỉ tiêu – Phường Mỹ Thới']);
  });

  it('keeps the chart, legend and notes between the header and the footer', () => {
    for (const panel of [budgetTestPanel(), targetsTestPanel(), rankedTestPanel(102, { mine: ['gl-50', 'gl-90'] }), rankedTestPanel(6)]) {
      const { doc } = slide(panel);
      const footerLine = Number(doc.querySelector('svg > line')!.getAttribute('y1'));
      const chart = doc.querySelector('.slide-chart')!;
      const top = Number(/translate\([\d.]+ ([\d.]+)\)/.exec(chart.getAttribute('transform')!)![1]);
      const subtitle = Number(doc.querySelector('.slide-subtitle')!.getAttribute('y'));
      expect(top).toBeGreaterThan(subtitle);
      const ys = [...doc.querySelectorAll('.slide-legend, .slide-note')].map((t) => Number(t.getAttribute('y')));
      for (const y of ys) expect(y).toBeLessThan(footerLine);
      expect(Number(doc.querySelector('.slide-footer')!.getAttribute('y'))).toBeLessThanOrEqual(SLIDE_HEIGHT - 24);
    }
  });
});

describe('the slide footer', () => {
  it('is one line: the source and the time of export', () => {
    const { doc } = slide();
    expect(texts(doc, '.slide-footer')).toEqual(['Nguồn: Hội nghị tổng kết năm 2024 <Đảng ủy & UBND> (30/12/2024) · Xuất lúc 23/11/2026 14:05']);
  });

  it('counts many sources and says where they are listed', () => {
    const { doc } = slide(rankedTestPanel(102));
    expect(texts(doc, '.slide-footer')).toEqual(['Nguồn: 102 báo cáo — danh sách trong tệp CSV/Excel · Xuất lúc 23/11/2026 14:05']);
  });

  it('says, above that line, that the figures are a saved copy and when it was saved; nothing of it when they are current', () => {
    for (const panel of [budgetTestPanel({ savedCopy: SAVED_COPY }), { ...rankedTestPanel(102), savedCopy: SAVED_COPY }]) {
      const { doc } = slide(panel);
      expect(texts(doc, '.slide-saved-copy')).toEqual([SAVED_COPY]);
      const saved = Number(doc.querySelector('.slide-saved-copy')!.getAttribute('y'));
      const rule = Number(doc.querySelector('svg > line')!.getAttribute('y1'));
      const footer = Number(doc.querySelector('.slide-footer')!.getAttribute('y'));
      // under the rule, above the sources and the time of export, with room for its letters
      expect(saved - 26).toBeGreaterThan(rule);
      expect(footer - saved).toBeGreaterThanOrEqual(26);
      expect(footer).toBeLessThanOrEqual(SLIDE_HEIGHT - 24);
      // the chart, its legend and notes stay above the rule; the periods are the figures' own
      for (const y of [...doc.querySelectorAll('.slide-legend, .slide-note')].map((t) => Number(t.getAttribute('y')))) expect(y).toBeLessThan(rule);
      expect(texts(doc, '.slide-subtitle').join(' ')).toBe(`${panel.unitsLabel} · ${panel.periodLabel}`);
    }
    const current = slide(budgetTestPanel()).doc;
    expect(current.querySelector('.slide-saved-copy')).toBeNull();
    expect(current.documentElement.textContent).not.toContain('bản lưu');
  });

  it('shortens one long title to fit the line', () => {
    const panel = testPanel();
    panel.model.sources = [{ id: 's', title: 'Hội nghị '.repeat(40).trim(), date: '11/10/2024', reference: '' }];
    const line = slideFooter(panel, now, SLIDE_WIDTH - 144, estimateText);
    expect(estimateText(line, 26, 400)).toBeLessThanOrEqual(SLIDE_WIDTH - 144);
    expect(line).toMatch(/^Nguồn: Hội nghị .*… \(11\/10\/2024\) · Xuất lúc 23\/11\/2026 14:05$/);
  });
});

describe('the slide image of many units ranked', () => {
  it('shows the top, the bottom and the user’s own units, each run left out said in a line', () => {
    const panel = rankedTestPanel(102, { mine: ['gl-50'] });
    const { doc } = slide(panel);
    const rows = [...doc.querySelectorAll('.slide-chart .comparison-row')];
    expect(rows.length).toBeLessThanOrEqual(12);
    const names = rows.map((g) => g.querySelector('.comparison-label, .comparison-gap')?.textContent ?? '');
    expect(names[0]).toBe(panel.unitNames[0]);
    expect(names).toContain('Xã Giả Lập Số 50');
    expect(names[names.length - 1]).toBe(panel.unitNames[101]);
    expect(names.filter((n) => n.startsWith('⋯'))).toHaveLength(2);
    expect(names.find((n) => n.startsWith('⋯'))).toMatch(/^⋯ \d+ xã, phường khác$/);
    // the user's unit on its band, in bold
    const mine = rows[names.indexOf('Xã Giả Lập Số 50')]!;
    expect(mine.querySelector('.comparison-label')!.getAttribute('font-weight')).toBe('700');
    expect(doc.querySelectorAll('.slide-chart .comparison-mine rect')).toHaveLength(1);
    // each unit shown has its rank and its value written after its bar
    const shown = rows.filter((g) => g.querySelector('.comparison-label'));
    for (const g of shown) {
      expect(g.querySelector('.comparison-rank')?.textContent).toMatch(/^\d+$/);
      expect(g.querySelector('.comparison-value')?.textContent).toMatch(/^\d+(,\d+)?%$/);
    }
    expect(texts(doc, '.slide-note')[0]).toBe(
      `Hình nêu ${shown.length}/102 đơn vị (đầu và cuối bảng xếp hạng, đơn vị của tôi); đủ 102 đơn vị trong tệp CSV/Excel.`,
    );
    expect(texts(doc, '.slide-summary')).toEqual(['68/102 xã, phường đạt tiến độ: Tỷ lệ thu ngân sách so với cả năm từ 100%']);
  });

  it('shows every unit of a short ranking', () => {
    const { doc } = slide(rankedTestPanel(6));
    expect(texts(doc, '.slide-chart .comparison-label')).toEqual(Array.from({ length: 6 }, (_, i) => (i === 3 ? 'Phường Giả Lập Số 4' : `Xã Giả Lập Số ${i + 1}`)));
    expect(texts(doc, '.slide-note')).toEqual([]);
  });
});

describe('the slide image of a panel without a chart', () => {
  it('lists what the panel says (a resolution’s targets, at risk first) as far as they fit, and counts the lines left out', () => {
    const panel = targetListTestPanel(20, 3);
    const { doc } = slide(panel);
    const lines = [...doc.querySelectorAll('.slide-line')];
    const said = lines.map((t) => t.textContent ?? '').join(' ');
    expect(lines[0]!.getAttribute('font-weight')).toBe('700');
    expect(said).toContain('Theo số liệu: 8/20 đạt hoặc đúng tiến độ');
    expect(said).toContain('1. Chỉ tiêu giả lập số 1 về tỷ lệ hộ dân được phục vụ: Chưa đạt.');
    // the middle is filled, down to the rule above the footer, never over it
    const ruleY = Number(doc.querySelector('line')!.getAttribute('y1'));
    const ys = lines.map((t) => Number(t.getAttribute('y')));
    expect(Math.max(...ys)).toBeLessThan(ruleY);
    expect(Math.max(...ys)).toBeGreaterThan(ruleY - 200);
    const more = texts(doc, '.slide-more');
    expect(more).toHaveLength(1);
    const left = Number(/^và (\d+) dòng khác — đủ trong tệp Excel và Word$/.exec(more[0]!)?.[1]);
    // the lines drawn (each first piece of a wrapped line starts a model line) and those counted are all of them
    const drawn = panel.model.summaryLines.filter((l) => said.includes(l.split(' ').slice(0, 6).join(' '))).length;
    expect(drawn + left).toBe(panel.model.summaryLines.length);
    expect(Number(doc.querySelector('.slide-more')!.getAttribute('y'))).toBeLessThan(ruleY);
  });

  it('says no line is left out when they all fit', () => {
    const { doc } = slide(targetListTestPanel(4, 1));
    expect(texts(doc, '.slide-more')).toEqual([]);
    expect(texts(doc, '.slide-line').join(' ')).toContain('4. Chỉ tiêu giả lập số 4');
  });
});

describe('exportSlideImage', () => {
  it('refuses, in Vietnamese, a panel with no chart to draw', async () => {
    const failure = exportSlideImage(testPanel());
    await expect(failure).rejects.toBeInstanceOf(ExportError);
    await expect(failure).rejects.toThrow('Phần này chưa có biểu đồ để trình chiếu.');
  });
});

describe('slideFileName', () => {
  it('says the slide and its size, apart from the PNG of the panel', () => {
    const panel = { slug: 'thu-ngan-sach', unitIds: ['my-thoi'], period: '2024-Q4' };
    expect(slideFileName(panel, 1)).toBe('thu-ngan-sach_my-thoi_2024-ca-nam_trinh-chieu-1920x1080.png');
    expect(slideFileName(panel, 2)).toBe('thu-ngan-sach_my-thoi_2024-ca-nam_trinh-chieu-3840x2160.png');
  });
});
