/**
 * "Ảnh trình chiếu": a panel's chart alone as a 16:9 PNG for a slide, 1920 × 1080 (or
 * 3840 × 2160 at scale 2): its title, the units and period, the chart drawn from its data at a
 * fixed size (the same file from a phone or a desktop) with large type (ticks, names, values on
 * the bars and the legend at 28 px or more), and a one-line footer with the sources and the
 * time of export (above it, offline, the saved copy the figures come from). A long ranking
 * shows its top, its bottom and the user's own units.
 */
import type { LegendItem, PanelExport } from '../../lib/panel-export';
import { formatDateTime } from '../../lib/format';
import { exportChartsOf } from './chart-data';
import { cutNote, legendSwatch, sourcesSummary, type ComposedSvg } from './compose-svg';
import { CHART_GAP, drawCharts } from './draw-chart';
import { ExportError, type ExportedFile } from './export-panel';
import { exportFileName } from './file-name';
import { embeddedFontCss, FONT_STACK, measuringFontsReady } from './font';
import { layoutLegend, type LegendStyle } from './legend-layout';
import type { MeasureText } from '../../components/charts/text-width';
import { canvasMeasure, estimateText, wrapText } from './measure-text';
import { rasterizeSvg } from './rasterize';
import { escapeXml, num } from '../../components/charts/svg-markup';

/** The slide's size in CSS pixels; scale 2 doubles it (3840 × 2160). */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
export type SlideScale = 1 | 2;

/**
 * Charts are drawn at 12 px type (a trend's values and notes at 11) and scaled up by this much:
 * every text of the chart is then at least 28 px. A ranking's text is all at 12 px, so it is
 * scaled less and more of its units fit.
 */
export const SLIDE_CHART_SCALE = 28 / 11;
export const SLIDE_RANKING_SCALE = 28 / 12;
/** Sizes of the slide's own text, in px at 1920 wide. */
export const SLIDE_TYPE = { title: 60, subtitle: 34, note: 28, legend: 30, footer: 26 } as const;
/** The most lines of a ranking on a slide (units and the runs left out). */
const SLIDE_RANKING_LINES = 12;

const PAD_X = 72;
const PAD_TOP = 52;
const PAD_BOTTOM = 40;
const COLORS = { ink: '#1d2733', muted: '#5b6673', accent: '#9b1c1c', warn: '#8a4b00', line: '#dde2e8' };

export interface SlideOptions {
  fontCss: string;
  now: Date;
  measure?: MeasureText;
}

/** "thu-ngan-sach_my-thoi_2024-ca-nam_trinh-chieu-1920x1080.png" */
export function slideFileName(panel: Pick<PanelExport, 'slug' | 'unitIds' | 'period'>, scale: SlideScale): string {
  return exportFileName(panel, 'png', `trinh-chieu-${SLIDE_WIDTH * scale}x${SLIDE_HEIGHT * scale}`);
}

interface Text {
  x: number;
  y: number;
  text: string;
  size: number;
  fill?: string;
  weight?: 700;
  anchor?: 'middle' | 'end';
  className?: string;
}

function text({ x, y, text: content, size, fill = COLORS.ink, weight, anchor, className }: Text): string {
  const attrs = [
    ...(className ? [`class="${className}"`] : []),
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${size}"`,
    ...(weight ? [`font-weight="${weight}"`] : []),
    `fill="${fill}"`,
    ...(anchor ? [`text-anchor="${anchor}"`] : []),
  ];
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

/** The text cut with "…" to fit `width` (whole words where it can). */
function fitLine(content: string, width: number, size: number, measure: MeasureText): string {
  if (measure(content, size, 400) <= width) return content;
  const words = content.split(' ');
  while (words.length > 1 && measure(`${words.join(' ')}…`, size, 400) > width) words.pop();
  return `${words.join(' ')}…`;
}

/** The footer: the sources named when they fit on the line, counted otherwise; the time of export. */
export function slideFooter(panel: Pick<PanelExport, 'model'>, now: Date, width: number, measure: MeasureText): string {
  const time = `Xuất lúc ${formatDateTime(now)}`;
  const { sources } = panel.model;
  if (sources.length === 0) return time;
  const line = (what: string) => `Nguồn: ${what} · ${time}`;
  const named = line(sources.map((s) => `${s.title} (${s.date})`).join('; '));
  if (measure(named, SLIDE_TYPE.footer, 400) <= width) return named;
  if (sources.length === 1) {
    const s = sources[0]!;
    const room = width - measure(line(` (${s.date})`), SLIDE_TYPE.footer, 400);
    return line(`${fitLine(s.title, room, SLIDE_TYPE.footer, measure)} (${s.date})`);
  }
  return line(sourcesSummary(sources));
}

const LEGEND: LegendStyle = { size: SLIDE_TYPE.legend, box: 26, boxGap: 14, gap: 44, lineHeight: SLIDE_TYPE.legend * 1.45 };

/** A chart's legend centred in rows under it (`x0`, `width`: the chart's column), from `y`. */
function drawLegend(items: readonly LegendItem[], x0: number, width: number, y: number, measure: MeasureText): { parts: string[]; height: number } {
  const { entries, height } = layoutLegend(items, { x0, width, y0: y }, LEGEND, measure);
  const parts = entries.flatMap(({ item, x, mid, lines }) => [
    legendSwatch(item, x, mid, LEGEND.box),
    ...lines.map((line, i) =>
      text({ x: x + LEGEND.box + LEGEND.boxGap, y: mid + LEGEND.size * 0.36 + i * LEGEND.lineHeight, text: line, size: LEGEND.size, className: 'slide-legend' }),
    ),
  ]);
  return { parts, height };
}

/** The model's lines from `top`, wrapped, while they fit above `bottom`; those left out counted in a last line. */
function summaryBlock(lines: readonly string[], box: { x: number; top: number; bottom: number; width: number }, measure: MeasureText): string[] {
  const size = SLIDE_TYPE.note;
  const lineHeight = size * 1.3;
  const parts: string[] = [];
  let y = box.top;
  for (let i = 0; i < lines.length; i++) {
    const wrapped = wrapText(lines[i]!, box.width, size, i === 0 ? 700 : 400, measure);
    // the last line drawn leaves room for the one that counts the rest
    const reserve = i < lines.length - 1 ? lineHeight : 0;
    if (y + (wrapped.length + 0.3) * lineHeight + reserve > box.bottom) {
      const rest = `và ${lines.length - i} dòng khác — đủ trong tệp Excel và Word`;
      parts.push(text({ x: box.x, y: y + lineHeight * 1.3, text: rest, size, fill: COLORS.muted, className: 'slide-more' }));
      break;
    }
    y += i === 0 ? 0 : lineHeight * 0.3;
    for (const line of wrapped) {
      y += lineHeight;
      parts.push(text({ x: box.x, y, text: line, size, ...(i === 0 ? { weight: 700 as const } : {}), className: 'slide-line' }));
    }
  }
  return parts;
}

export function composeSlideSvg(panel: PanelExport, { fontCss, now, measure = estimateText }: SlideOptions): ComposedSvg {
  const charts = exportChartsOf(panel.model);
  const W = SLIDE_WIDTH;
  const H = SLIDE_HEIGHT;
  const inner = W - 2 * PAD_X;
  const parts: string[] = [];

  // header: the title, then the units and period (wrapped, never cut)
  let y = PAD_TOP;
  let titleSize: number = SLIDE_TYPE.title;
  while (titleSize > 44 && measure(panel.title, titleSize, 700) > inner) titleSize -= 2;
  for (const line of wrapText(panel.title, inner, titleSize, 700, measure)) {
    y += titleSize;
    parts.push(text({ x: PAD_X, y, text: line, size: titleSize, weight: 700, fill: COLORS.accent, className: 'slide-title' }));
    y += titleSize * 0.25;
  }
  y += 8;
  for (const line of wrapText(`${panel.unitsLabel} · ${panel.periodLabel}`, inner, SLIDE_TYPE.subtitle, 700, measure)) {
    y += SLIDE_TYPE.subtitle;
    parts.push(text({ x: PAD_X, y, text: line, size: SLIDE_TYPE.subtitle, weight: 700, className: 'slide-subtitle' }));
    y += SLIDE_TYPE.subtitle * 0.3;
  }
  // with many units: how many are on track (the model's first line about them)
  const ranked = charts.some((c) => c.layout === 'byUnit');
  const summary = ranked ? panel.model.summaryLines[0] : undefined;
  if (summary) {
    y += SLIDE_TYPE.note + 4;
    parts.push(text({ x: PAD_X, y, text: fitLine(summary, inner, SLIDE_TYPE.note, measure), size: SLIDE_TYPE.note, className: 'slide-summary' }));
  }
  const chartTop = y + 28;

  // footer (made from a saved copy: a line above it says so), and above it the legend and the notes
  const footerY = H - PAD_BOTTOM;
  const firstY = panel.savedCopy ? footerY - SLIDE_TYPE.footer * 1.35 : footerY;
  const ruleY = firstY - SLIDE_TYPE.footer - 14;
  parts.push(`<line x1="${PAD_X}" x2="${W - PAD_X}" y1="${num(ruleY)}" y2="${num(ruleY)}" stroke="${COLORS.line}" stroke-width="2"/>`);
  if (panel.savedCopy) {
    const saved = fitLine(panel.savedCopy, inner, SLIDE_TYPE.footer, measure);
    parts.push(text({ x: PAD_X, y: firstY, text: saved, size: SLIDE_TYPE.footer, weight: 700, fill: COLORS.warn, className: 'slide-saved-copy' }));
  }
  parts.push(text({ x: PAD_X, y: footerY, text: slideFooter(panel, now, inner, measure), size: SLIDE_TYPE.footer, fill: COLORS.muted, className: 'slide-footer' }));
  const bottom = ruleY - 16;

  const notes: string[] = [];
  for (const b of new Set(charts.flatMap((c) => c.boundaries.map((x) => x.label)))) notes.push(`┆ Thay đổi địa giới ${b}: số liệu trước và sau không nối liền.`);

  // the charts side by side in what is left (a ranking's text is all 12 px: scaled less), each legend under its chart
  const k = ranked ? SLIDE_RANKING_SCALE : SLIDE_CHART_SCALE;
  const columnOf = (i: number) => {
    const width = (inner - CHART_GAP * k * (charts.length - 1)) / Math.max(1, charts.length);
    return { x: PAD_X + i * (width + CHART_GAP * k), width };
  };
  const legendHeight = Math.max(0, ...charts.map((c, i) => drawLegend(c.legend, 0, columnOf(i).width, 0, measure).height));
  const notesHeight = (notes.length + (ranked ? 1 : 0)) * SLIDE_TYPE.note * 1.3;
  const chartHeight = Math.max(200, bottom - legendHeight - notesHeight - 16 - chartTop);
  const drawn = drawCharts(charts, { width: inner / k, height: chartHeight / k, maxRows: SLIDE_RANKING_LINES, maxHeight: chartHeight / k, smallFont: 12, measure });
  const cut = drawn.find((d) => d.cut)?.cut;
  if (cut) notes.unshift(cutNote(cut));

  // a short ranking leaves room: the charts, legends and notes sit in the middle of it
  const drawnHeight = Math.max(0, ...drawn.map((d) => d.height * k));
  const top = chartTop + Math.max(0, (chartHeight - drawnHeight) / 2);
  const chartsBottom = top + drawnHeight + 16;
  let legendsBottom = chartsBottom;
  drawn.forEach((d, i) => {
    const { x, width } = columnOf(i);
    parts.push(`<g class="slide-chart" transform="translate(${num(x)} ${num(top)}) scale(${Math.ceil(k * 1e4) / 1e4})" font-size="12">${d.markup}</g>`);
    const legend = drawLegend(d.legend, x, width, chartsBottom, measure);
    parts.push(...legend.parts);
    legendsBottom = Math.max(legendsBottom, chartsBottom + legend.height);
  });

  // no chart to draw: what the figures add up to, line by line (a resolution's targets, at risk first), as many as fit
  if (charts.length === 0) parts.push(...summaryBlock(panel.model.summaryLines, { x: PAD_X, top: chartTop, bottom: bottom - notesHeight, width: inner }, measure));

  // then the notes
  let noteY = legendsBottom;
  for (const note of notes) {
    noteY += SLIDE_TYPE.note * 1.3;
    parts.push(text({ x: PAD_X, y: noteY, text: fitLine(note, inner, SLIDE_TYPE.note, measure), size: SLIDE_TYPE.note, fill: COLORS.warn, className: 'slide-note' }));
  }

  const label = `${panel.title} — ${panel.unitsLabel} — ${panel.periodLabel}`;
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"` +
      ` font-family="${escapeXml(FONT_STACK)}" xml:lang="vi" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    fontCss ? `<defs><style type="text/css"><![CDATA[\n${fontCss}\n]]></style></defs>` : '',
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
  return { svg, width: W, height: H };
}

/** The slide image of a panel: a PNG of SLIDE_WIDTH × SLIDE_HEIGHT times `scale`. */
export async function exportSlideImage(panel: PanelExport, scale: SlideScale = 1, now = new Date()): Promise<ExportedFile> {
  if (exportChartsOf(panel.model).length === 0 && panel.model.summaryLines.length === 0) throw new ExportError('Phần này chưa có biểu đồ để trình chiếu.');
  const [fontCss] = await Promise.all([embeddedFontCss(), measuringFontsReady()]);
  const composed = composeSlideSvg(panel, { fontCss, now, measure: canvasMeasure() });
  return { fileName: slideFileName(panel, scale), blob: await rasterizeSvg(composed.svg, composed.width, composed.height, scale) };
}
