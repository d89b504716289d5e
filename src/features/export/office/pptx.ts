/**
 * "Tải PowerPoint": a 16:9 deck (pptxgenjs) of one panel, or of the whole page after a cover
 * slide. Each chart is a native PowerPoint chart, its figures in the workbook behind it ("Edit
 * Data"); the title, units and period, headline figures, sources and export time are text.
 * Every run is in Arial, which Office and LibreOffice (as Liberation Sans) have with all of
 * Vietnamese, and marked vi-VN.
 */
import PptxGenJS from 'pptxgenjs';
import type { PanelExport, TileModel } from '../../../lib/panel-export';
import { officeSlides, type OfficeChart } from './chart-data';
import { APP_NAME, dataAsOfLine, exportedAt, measuresLine, nfc, OFFICE_MIME, savedCopyOf, sourcesLine, sourceText } from './office-text';
import { statusTone } from '../../../lib/status';
import { ATTAINMENT_WORDS } from '../../../lib/vocabulary';

type Slide = PptxGenJS.Slide;
type TextOptions = PptxGenJS.TextPropsOptions;

/** LAYOUT_WIDE: 13.333 × 7.5 inches, 16:9. */
const W = 13.333;
const MARGIN = 0.5;
const INNER = W - 2 * MARGIN;
const FONT = 'Arial';
const LANG = 'vi-VN';
const COLORS = { ink: '1D2733', muted: '5B6673', accent: '9B1C1C', ok: '1E6B3A', behind: 'C25E00', warn: '8A4B00', line: 'C9D0D8' };
/** Body between the header and the footer. */
const BODY_TOP = 1.85;
const BODY_BOTTOM = 6.55;
const SIDE_W = 3.7;
/** Headline figures beside a chart; more are counted (every figure is in the Excel and Word files). */
const MAX_TILES = 5;
/** Rows of figures on a slide of a panel without a chart. */
const MAX_TABLE_ROWS = 12;

export interface DeckOptions {
  now: Date;
  /** The whole page: a cover slide first, with the page's title. */
  cover?: { title: string };
}

const text = (t: string) => nfc(t);
const base = (o: TextOptions): TextOptions => ({ fontFace: FONT, lang: LANG, color: COLORS.ink, margin: 0, valign: 'top', ...o });

/** Lines a text takes in a box of `width` inches at `size` pt (Arial averages about half an em a character). */
function lineCount(t: string, size: number, width: number): number {
  const perLine = Math.max(8, Math.floor((width * 72) / (size * 0.5)));
  return Math.max(1, Math.ceil(t.length / perLine));
}

function header(slide: Slide, title: string, subtitle: string, measures: string | null): void {
  slide.addText(text(title), base({ x: MARGIN, y: 0.35, w: INNER, h: 0.65, fontSize: 30, bold: true, color: COLORS.accent, valign: 'middle' }));
  slide.addText(text(subtitle), base({ x: MARGIN, y: 1.02, w: INNER, h: 0.42, fontSize: 18, bold: true }));
  if (measures) slide.addText(text(measures), base({ x: MARGIN, y: 1.44, w: INNER, h: 0.32, fontSize: 13, color: COLORS.muted }));
}

/** The footer: the saved copy the figures come from (offline), the sources, the export time. */
function footer(slide: Slide, panel: PanelExport, now: Date): void {
  slide.addShape('line', { x: MARGIN, y: 6.68, w: INNER, h: 0, line: { color: COLORS.line, width: 0.75 } });
  const runs: PptxGenJS.TextProps[] = [];
  if (panel.savedCopy) runs.push({ text: text(panel.savedCopy), options: { bold: true, color: COLORS.warn, breakLine: true } });
  const sources = sourcesLine(panel.model.sources, 230, 'tệp Excel và Word');
  if (sources) runs.push({ text: text(sources), options: { color: COLORS.muted } });
  if (runs.length) slide.addText(runs, base({ x: MARGIN, y: 6.74, w: INNER - 3.2, h: 0.6, fontSize: 11 }));
  slide.addText(text(exportedAt(now)), base({ x: W - MARGIN - 3, y: 6.74, w: 3, h: 0.3, fontSize: 11, color: COLORS.muted, align: 'right' }));
  // the speaker's notes name every report, however many
  if (panel.model.sources.length) slide.addNotes(text(`Nguồn:\n${panel.model.sources.map(sourceText).join('\n')}`));
}

function tileLabel(tile: TileModel, panel: PanelExport): string {
  if (!tile.unitId || panel.unitIds.length < 2) return tile.label;
  const name = panel.unitNames[panel.unitIds.indexOf(tile.unitId)];
  return name ? `${name}: ${tile.label}` : tile.label;
}

/** The headline figures, what they add up to and the notes, as one column of text. */
function sideColumn(slide: Slide, panel: PanelExport, x: number, width: number, withTiles: boolean): void {
  const runs: PptxGenJS.TextProps[] = [];
  let used = 0;
  const room = BODY_BOTTOM - BODY_TOP;
  const add = (t: string, size: number, o: PptxGenJS.TextPropsOptions = {}, after = 2) => {
    used += (lineCount(t, size, width) * size * 1.2 + after) / 72;
    runs.push({ text: text(t), options: { fontSize: size, breakLine: true, paraSpaceAfter: after, ...o } });
  };
  const tiles = withTiles ? panel.model.tiles : [];
  const shown = tiles.length > MAX_TILES ? tiles.slice(0, MAX_TILES - 1) : tiles;
  for (const tile of shown) {
    add(tileLabel(tile, panel), 12, { color: COLORS.muted }, 0);
    add(tile.value, 20, { bold: true }, tile.detail || tile.comparison ? 0 : 8);
    if (tile.detail) add(tile.detail, 11, { color: tile.earlier ? COLORS.warn : COLORS.muted, bold: tile.earlier }, tile.comparison ? 0 : 8);
    if (tile.comparison) {
      const word = tile.status ? ATTAINMENT_WORDS[tile.status] : '';
      const tone = statusTone(tile.status);
      const colour = tone === 'met' ? COLORS.ok : tone === 'behind' ? COLORS.behind : COLORS.ink;
      add(word ? `${word}: ${tile.comparison}` : tile.comparison, 11, { color: colour, bold: Boolean(word) }, 8);
    }
  }
  if (shown.length < tiles.length) add(`và ${tiles.length - shown.length} số liệu khác — đủ trong tệp Excel và Word`, 11, { color: COLORS.muted, italic: true }, 8);
  const notes = [
    ...panel.model.summaryLines.map((l) => ({ l, color: COLORS.ink })),
    ...panel.model.unitNotes.map((l) => ({ l, color: COLORS.warn })),
    ...panel.model.chart.boundaries.map((b) => ({ l: `Thay đổi địa giới ${b.label}: số liệu trước và sau không nối liền.`, color: COLORS.warn })),
  ];
  // what does not fit is counted on a last line, for which room is kept
  const rest = (n: number) => `và ${n} dòng khác — đủ trong tệp Excel và Word`;
  const reserve = (lineCount(rest(notes.length), 11, width) * 11 * 1.2 + 8) / 72;
  let drawn = 0;
  for (const { l, color } of notes) {
    const last = drawn === notes.length - 1;
    if (used + (lineCount(l, 12, width) * 12 * 1.2) / 72 + (last ? 0 : reserve) > room) break;
    add(l, 12, { color }, 6);
    drawn++;
  }
  if (drawn < notes.length) add(rest(notes.length - drawn), 11, { color: COLORS.muted, italic: true }, 8);
  if (runs.length) slide.addText(runs, base({ x, y: BODY_TOP, w: width, h: room }));
}

/** White text reads on it (relative luminance under 0.3). */
function isDark(color: string): boolean {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.3;
}

function addChart(slide: Slide, pptx: PptxGenJS, chart: OfficeChart, box: { x: number; y: number; w: number; h: number }): void {
  const common: PptxGenJS.IChartOpts = {
    ...box,
    lang: LANG,
    // always a legend, as on screen: it names what the bars are (a unit, an indicator)
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 14,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: chart.layout === 'byUnit' ? 13 : 14,
    catAxisLabelColor: COLORS.ink,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 13,
    valAxisLabelColor: COLORS.muted,
    valAxisLabelFormatCode: chart.formatCode,
    valAxisMinVal: 0,
    valGridLine: { color: 'E3E6EA', size: 0.75 },
    dataLabelFontFace: FONT,
    dataLabelFontSize: chart.layout === 'byUnit' ? 12 : 14,
    dataLabelColor: COLORS.ink,
    dataLabelFormatCode: chart.formatCode,
    ...(chart.axisTitle ? { showValAxisTitle: true, valAxisTitle: text(chart.axisTitle), valAxisTitleFontFace: FONT, valAxisTitleFontSize: 13 } : {}),
  };
  // pptxgenjs writes a null as an empty point: a gap, not a zero (its types say number only)
  const points = (values: (number | null)[]) => values as number[];
  const bars = chart.series.map((s) => ({ name: text(s.name), labels: chart.categories.map(text), values: points(s.values) }));
  // a value written above its bar would sit on the benchmark's mark: inside the bar's end, in white, where every bar is dark
  const inside = Boolean(chart.benchmark) && chart.series.every((s) => isDark(s.color));
  const barOptions: PptxGenJS.IChartOpts = {
    barDir: chart.layout === 'byUnit' ? 'bar' : 'col',
    barGapWidthPct: chart.layout === 'byUnit' ? 60 : 80,
    chartColors: chart.series.map((s) => s.color),
    showValue: true,
    dataLabelPosition: inside ? 'inEnd' : 'outEnd',
    ...(inside ? { dataLabelColor: 'FFFFFF', dataLabelFontBold: true } : {}),
  };
  if (chart.layout === 'byUnit') {
    // rank 1 at the top: categories from the top down (PowerPoint's 'maxMin', which pptxgenjs writes as given)
    const topDown = { catAxisOrientation: 'maxMin' } as unknown as PptxGenJS.IChartOpts;
    slide.addChart(pptx.ChartType.bar, bars, { ...common, ...barOptions, ...topDown });
    return;
  }
  if (!chart.benchmark) {
    slide.addChart(pptx.ChartType.bar, bars, { ...common, ...barOptions });
    return;
  }
  // the benchmark as a dashed mark on each period (no line joining periods), as on screen
  const bench = chart.benchmark;
  const parts: PptxGenJS.IChartMulti[] = [
    { type: pptx.ChartType.bar, data: bars, options: barOptions },
    {
      type: pptx.ChartType.line,
      data: [{ name: text(bench.name), labels: chart.categories.map(text), values: points(bench.values) }],
      options: { chartColors: [bench.color], lineSize: 0, lineDataSymbol: 'dash', lineDataSymbolSize: 28, lineDataSymbolLineColor: bench.color, showValue: false },
    },
  ];
  // with several chart types pptxgenjs takes the options in the place of the data
  slide.addChart(parts, common as unknown as [], undefined);
}

/** A panel without a chart: its figures as a table (the first rows; all of them are in the Excel file). */
function figuresTable(slide: Slide, panel: PanelExport, box: { x: number; y: number; w: number }): void {
  const figures = panel.model.figures;
  const rows = figures.slice(0, MAX_TABLE_ROWS);
  const cell = (t: string, bold = false): PptxGenJS.TableCell => ({ text: text(t), options: { bold, fontFace: FONT, fontSize: 13, lang: LANG } });
  const head = ['Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Số liệu', 'Tình trạng'].map((t) => cell(t, true));
  slide.addTable([head, ...rows.map((f) => [cell(f.unit), cell(f.period), cell(f.indicator), cell(f.formatted), cell(f.status ?? '')])], {
    ...box,
    colW: [box.w * 0.22, box.w * 0.14, box.w * 0.3, box.w * 0.16, box.w * 0.18],
    border: { type: 'solid', color: COLORS.line, pt: 0.75 },
    color: COLORS.ink,
  });
  if (rows.length < figures.length) {
    const y = Math.min(BODY_BOTTOM - 0.3, box.y + 0.4 * (rows.length + 1));
    slide.addText(text(`và ${figures.length - rows.length} số liệu khác — đủ trong tệp Excel`), base({ x: box.x, y, w: box.w, h: 0.3, fontSize: 12, color: COLORS.muted }));
  }
}

function panelSlides(pptx: PptxGenJS, panel: PanelExport, now: Date): void {
  const slides = officeSlides(panel);
  const subtitle = `${panel.unitsLabel} · ${panel.periodLabel}`;
  const measures = measuresLine(panel);
  if (slides.length === 0) {
    const slide = pptx.addSlide();
    header(slide, panel.title, subtitle, measures);
    figuresTable(slide, panel, { x: MARGIN, y: BODY_TOP, w: INNER - SIDE_W - 0.3 });
    sideColumn(slide, panel, W - MARGIN - SIDE_W, SIDE_W, true);
    footer(slide, panel, now);
    return;
  }
  // ranked units over several slides: each says which ranks it holds
  const ranked = slides.filter((charts) => charts[0]!.layout === 'byUnit');
  const total = ranked.reduce((n, charts) => n + charts[0]!.categories.length, 0);
  let first = 1;
  slides.forEach((charts, i) => {
    const slide = pptx.addSlide();
    let page = '';
    if (ranked.length > 1 && charts[0]!.layout === 'byUnit') {
      const last = first + charts[0]!.categories.length - 1;
      page = ` · thứ hạng ${first}–${last} trong ${total} đơn vị có số liệu (trang ${ranked.indexOf(charts) + 1}/${ranked.length})`;
      first = last + 1;
    }
    header(slide, panel.title, subtitle + page, measures);
    // the panel's first slide has its headline figures beside the charts; the pages after it the chart alone
    const width = i === 0 ? INNER - SIDE_W - 0.3 : INNER;
    const gap = 0.25;
    const each = (width - gap * (charts.length - 1)) / charts.length;
    charts.forEach((chart, k) => {
      // a few ranked units get bars of a readable thickness, not the whole height
      const full = BODY_BOTTOM - BODY_TOP;
      const h = chart.layout === 'byUnit' ? Math.min(full, 0.9 + chart.categories.length * 0.34) : full;
      addChart(slide, pptx, chart, { x: MARGIN + k * (each + gap), y: BODY_TOP, w: each, h });
    });
    if (i === 0) sideColumn(slide, panel, W - MARGIN - SIDE_W, SIDE_W, true);
    footer(slide, panel, now);
  });
}

function coverSlide(pptx: PptxGenJS, panels: readonly PanelExport[], title: string, now: Date): void {
  const slide = pptx.addSlide();
  const first = panels[0];
  slide.addText(text(title), base({ x: MARGIN, y: 1.3, w: INNER, h: 1, fontSize: 40, bold: true, color: COLORS.accent, align: 'center', valign: 'middle' }));
  slide.addShape('line', { x: W / 2 - 2, y: 2.45, w: 4, h: 0, line: { color: COLORS.accent, width: 2 } });
  const lines: PptxGenJS.TextProps[] = [];
  const line = (t: string, size: number, o: TextOptions = {}) => lines.push({ text: text(t), options: { fontSize: size, breakLine: true, paraSpaceAfter: 10, ...o } });
  if (first) {
    line(first.unitsLabel, 28, { bold: true });
    line(`Kỳ báo cáo: ${first.periodLabel}`, 24);
  }
  const asOf = dataAsOfLine(panels);
  if (asOf) line(asOf, 20);
  const saved = savedCopyOf(panels);
  if (saved) line(saved, 18, { bold: true, color: COLORS.warn });
  line(`Gồm: ${panels.map((p) => p.title).join(' · ')}`, 16, { color: COLORS.muted });
  slide.addText(lines, base({ x: MARGIN, y: 2.8, w: INNER, h: 3.2, align: 'center' }));
  slide.addText(text(`${exportedAt(now)} · ${APP_NAME}`), base({ x: MARGIN, y: 6.74, w: INNER, h: 0.35, fontSize: 12, color: COLORS.muted, align: 'center' }));
}

/** The deck of the panels (with a cover for the whole page), as a .pptx file. */
export async function buildPptx(panels: readonly PanelExport[], options: DeckOptions): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.title = text(options.cover?.title ?? panels[0]?.title ?? APP_NAME);
  pptx.subject = text(panels[0] ? `${panels[0].unitsLabel} · ${panels[0].periodLabel}` : APP_NAME);
  pptx.company = text(APP_NAME);
  if (options.cover) coverSlide(pptx, panels, options.cover.title, options.now);
  for (const panel of panels) panelSlides(pptx, panel, options.now);
  const bytes = (await pptx.write({ outputType: 'arraybuffer', compression: true })) as ArrayBuffer;
  return new Blob([bytes], { type: OFFICE_MIME.pptx });
}
