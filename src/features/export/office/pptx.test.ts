import { describe, expect, it } from 'vitest';
import { SAVED_COPY, targetListTestPanel, testPanel } from '../test-panel';
import { buildPptx } from './pptx';
import { partsLike, readZip, xmlText } from '../../../../tests/zip-reader';
import { budgetPanel, povertyPanel, rankedPanel, targetsPanel } from './test-panels';

const now = new Date(2025, 1, 1, 10, 5);

/** A chart part's series: name, colour, categories and values, as PowerPoint reads them. */
function seriesOf(chartXml: string) {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const pts = (tag: string) => {
      const block = new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser!)?.[1] ?? '';
      return [...block.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]!);
    };
    return {
      name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)?.[1],
      color: /<c:spPr>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(ser!)?.[1],
      categories: pts('cat'),
      values: pts('val').map(Number),
    };
  });
}

describe('buildPptx', () => {
  it('is a 16:9 deck whose chart is a native chart of the panel’s figures, with its workbook for “Edit Data”', async () => {
    const parts = await readZip(await buildPptx([budgetPanel()], { now }));
    expect(parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const [chart] = partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/);
    expect(chart).toBeDefined();
    expect(chart).toContain('<c:barChart>');
    const [bars, bench] = seriesOf(chart!);
    expect(bars).toEqual({ name: 'Phường Mỹ Thới', color: '0072B2', categories: ['9 tháng 2024', 'Cả năm 2024'], values: [74, 100] });
    // the benchmark: a dashed mark per period, no line between them
    expect(chart).toContain('<c:lineChart>');
    expect(bench).toMatchObject({ name: 'Mức cần đạt theo tiến độ', values: [75, 100] });
    expect(chart).toContain('<c:symbol val="dash"/>');
    // percents written as the screen writes them ("88,44%" in a Vietnamese Office), the values on the bars
    expect(chart).toContain('formatCode="General&quot;%&quot;"');
    expect(chart).toContain('<c:showVal val="1"/>');
    expect(chart).toContain('<a:latin typeface="Arial"/>');
    // the chart's own workbook, so that PowerPoint can edit its data
    const rels = partsLike(parts, /^ppt\/charts\/_rels\/chart\d+\.xml\.rels$/)[0]!;
    const workbook = /Target="\.\.\/embeddings\/([^"]+\.xlsx)"/.exec(rels)?.[1];
    expect(workbook).toBeDefined();
    expect([...parts.keys()]).toContain(`ppt/embeddings/${workbook}`);
  });

  it('writes the title, units and period, headline figures, sources and export time as text in Arial, marked Vietnamese', async () => {
    const parts = await readZip(await buildPptx([budgetPanel()], { now }));
    const slides = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(1);
    const slide = slides[0]!;
    const words = xmlText(slide);
    expect(words).toContain('Thu ngân sách');
    expect(words).toContain('Phường Mỹ Thới · Cả năm 2024');
    expect(words).toContain('Đơn vị tính: đồng; %');
    expect(words).toContain('trên 12 tỷ đồng');
    expect(words).toContain('Nguồn: Hội nghị tổng kết năm 2024 (30/12/2024); Hội nghị sơ kết 9 tháng 2024 (11/10/2024)');
    expect(words).toContain('Xuất lúc 01/02/2025 10:05');
    // every run in Arial and vi-VN; the text precomposed (NFC)
    const runs = [...slide.matchAll(/<a:rPr [^>]*>/g)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(5);
    for (const r of runs) expect(r).toContain('lang="vi-VN"');
    expect(slide.match(/<a:latin typeface="([^"]+)"/g)?.every((m) => m.includes('Arial'))).toBe(true);
    expect(words).toBe(words.normalize('NFC'));
  });

  it('says on every slide, made from a saved copy, that it was and when the copy was saved; nothing of it otherwise', async () => {
    const panels = [budgetPanel(), targetsPanel()].map((p) => ({ ...p, savedCopy: SAVED_COPY }));
    const parts = await readZip(await buildPptx(panels, { now, cover: { title: 'Chỉ tiêu Nghị quyết các phường' } }));
    const slides = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/).map(xmlText);
    expect(slides).toHaveLength(3);
    for (const slide of slides) expect(slide).toContain(SAVED_COPY);
    // the sources and the time of export still said, the figures' own period unchanged
    expect(slides[1]).toContain('Nguồn: Hội nghị tổng kết năm 2024 (30/12/2024); Hội nghị sơ kết 9 tháng 2024 (11/10/2024)');
    expect(slides[1]).toContain('Xuất lúc 01/02/2025 10:05');
    expect(slides[1]).toContain('Phường Mỹ Thới · Cả năm 2024');

    const current = await readZip(await buildPptx([budgetPanel()], { now }));
    for (const slide of partsLike(current, /^ppt\/slides\/slide\d+\.xml$/)) expect(xmlText(slide)).not.toContain('bản lưu');
  });

  it('gives the whole page a cover with units, period, the date the figures reach and the export time, then a slide per panel', async () => {
    const panels = [budgetPanel(), targetsPanel()];
    const parts = await readZip(await buildPptx(panels, { now, cover: { title: 'Chỉ tiêu Nghị quyết các phường' } }));
    const slides = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(3);
    const cover = xmlText(slides[0]!);
    expect(cover).toContain('Chỉ tiêu Nghị quyết các phường');
    expect(cover).toContain('Phường Mỹ Thới');
    expect(cover).toContain('Kỳ báo cáo: Cả năm 2024');
    expect(cover).toContain('Số liệu đến ngày 10/04/2026');
    expect(cover).toContain('Xuất lúc 01/02/2025 10:05');
    expect(cover).toContain('Gồm: Thu ngân sách · Chỉ tiêu Nghị quyết');
    expect(xmlText(slides[2]!)).toContain('Chỉ tiêu Nghị quyết');
    expect(partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(2);
  });

  it('draws a chart per unit of measure side by side, each axis saying its unit, counts with thousands separators', async () => {
    const parts = await readZip(await buildPptx([povertyPanel()], { now }));
    expect(partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(1);
    const [households, houses] = partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/);
    expect(seriesOf(households!).map((s) => [s.name, s.color, s.values])).toEqual([
      ['Hộ cận nghèo giảm – Phường Mỹ Thới', '009E73', [6, 13]],
      ['Hộ nghèo giảm – Phường Mỹ Thới', '0072B2', [1, 3]],
    ]);
    expect(seriesOf(houses!)[0]).toMatchObject({ name: 'Nhà cất mới và sửa chữa – Phường Mỹ Thới', values: [2, 1770] });
    expect(xmlText(households!)).toContain('Đơn vị: hộ');
    expect(xmlText(houses!)).toContain('Đơn vị: căn');
    expect(houses).toContain('formatCode="#,##0"');
    // side by side: the second chart starts right of the first
    const slide = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/)[0]!;
    const frames = [...slide.matchAll(/<p:graphicFrame>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)"/g)].map((m) => ({ x: Number(m[1]), w: Number(m[3]) }));
    expect(frames).toHaveLength(2);
    expect(frames[1]!.x).toBeGreaterThanOrEqual(frames[0]!.x + frames[0]!.w);
  });

  it('draws totals beside the targets met, in the lighter colour of their legend', async () => {
    const parts = await readZip(await buildPptx([targetsPanel()], { now }));
    const [met, total] = seriesOf(partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/)[0]!);
    expect(met).toMatchObject({ name: 'Đạt – Phường Mỹ Thới', color: '0072B2', values: [10, 8] });
    expect(total).toMatchObject({ name: 'Tổng số chỉ tiêu – Phường Mỹ Thới', values: [11, 20] });
    expect(total!.color).not.toBe(met!.color);
    expect(total!.color).toBe('A6CEE4');
  });

  it('ranks many units over slides of at most 15 bars, evenly, best first, naming the user’s own and earlier figures', async () => {
    const parts = await readZip(await buildPptx([rankedPanel(40)], { now }));
    const slides = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(3);
    const charts = partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/).map((c) => seriesOf(c)[0]!);
    expect(charts.map((c) => c.categories.length)).toEqual([14, 14, 12]);
    expect(charts[0]!.categories[0]).toBe('1. Xã Giả Lập Số 1');
    expect(charts[0]!.categories[1]).toBe('2. Xã Giả Lập Số 2 (của tôi)');
    expect(charts[0]!.categories[2]).toBe('3. Xã Giả Lập Số 3 (9 tháng 2024)');
    expect(charts[2]!.categories.at(-1)).toBe('40. Xã Giả Lập Số 40');
    expect(charts[0]!.values[0]).toBe(96);
    // horizontal bars, rank 1 on top; the unit without a figure is not a bar
    expect(partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/)[0]).toContain('<c:barDir val="bar"/>');
    expect(partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/)[0]).toContain('<c:orientation val="maxMin"/>');
    expect(charts.flatMap((c) => c.categories).some((c) => c.includes('Chưa Báo Cáo'))).toBe(false);
    expect(xmlText(slides[1]!)).toContain('thứ hạng 15–28 trong 40 đơn vị có số liệu (trang 2/3)');
    expect(xmlText(slides[0]!)).toContain('1 xã chưa có số liệu Cả năm 2024');
  });

  it('puts a panel’s figures in a table when it has no chart to draw', async () => {
    const parts = await readZip(await buildPptx([testPanel()], { now }));
    expect(partsLike(parts, /^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(0);
    const slide = partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/)[0]!;
    expect(slide).toContain('<a:tbl>');
    expect(xmlText(slide)).toContain('Thu ngân sách nhà nước trên 12 tỷ đồng');
  });

  it('lists a resolution’s targets with their status, and counts the lines that do not fit beside them', async () => {
    const panel = targetListTestPanel(20, 3);
    const parts = await readZip(await buildPptx([panel], { now }));
    const text = xmlText(partsLike(parts, /^ppt\/slides\/slide\d+\.xml$/)[0]!);
    expect(text).toContain('Tình trạng');
    expect(text).toContain(panel.model.figures[0]!.status!);
    const lines = panel.model.summaryLines;
    const drawn = lines.filter((l) => text.includes(l)).length;
    expect(drawn).toBeLessThan(lines.length);
    expect(text).toContain(`và ${lines.length - drawn} dòng khác — đủ trong tệp Excel và Word`);
  });
});
