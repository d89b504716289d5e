/**
 * The export image as one standalone SVG: header (title, units named or counted, period, units
 * of measure), the headline tiles and what they add up to, each chart (drawn from its data at a
 * fixed size, draw-chart.ts) with its legend, boundary notes, and a footer with the sources
 * (summarized when there are many), the saved copy the figures come from when offline, and the
 * time of export. The font is embedded as @font-face; text stays text. The PNG is this SVG
 * rasterized.
 */
import { MINE_BAND, MINE_EDGE } from '../../components/charts/palette';
import { formatDateTime } from '../../lib/format';
import type { LegendItem, PanelExport, SourceLine, TileModel } from '../../lib/panel-export';
import { groupUnitNotes } from '../../lib/unit-notes';
import { ATTAINMENT_WORDS } from '../../lib/vocabulary';
import { CHART_GAP, type PanelChartDrawing } from './draw-chart';
import { FONT_STACK } from './font';
import { layoutLegend, type LegendStyle } from './legend-layout';
import type { FontWeight, MeasureText } from '../../components/charts/text-width';
import { estimateText, wrapText } from './measure-text';
import { escapeXml, num as n } from '../../components/charts/svg-markup';

export interface ComposeOptions {
  /** The panel's charts, drawn side by side (draw-chart.ts drawCharts); none: the image has the figures alone. */
  charts: PanelChartDrawing[];
  /** @font-face rules to embed (embeddedFontCss()); empty keeps only the fallback stack. */
  fontCss: string;
  now: Date;
  measure?: MeasureText;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

const COLORS = {
  ink: '#1d2733',
  muted: '#5b6673',
  line: '#dde2e8',
  accent: '#9b1c1c',
  ok: '#1e6b3a',
  behind: '#c25e00',
  warn: '#8a4b00',
};
const PAD = 24;
const GAP = 10;
const TILE_MIN = 190;
const MIN_WIDTH = 560;
/** The most sources listed by name; beyond, the image says how many there are and where they are listed. */
export const SOURCES_IN_IMAGE = 8;
/** The width charts are drawn at in the PNG and SVG, whatever the screen: the image is then PAD wider on each side. */
export const IMAGE_CHART_WIDTH = 912;

/** "36 báo cáo — danh sách trong tệp CSV/Excel": many sources said in one line. */
export function sourcesSummary(sources: readonly SourceLine[]): string {
  return `${sources.length} báo cáo — danh sách trong tệp CSV/Excel`;
}

/** The most notes about units an image lists; beyond, it says how many more. */
const NOTES_IN_IMAGE = 6;

/**
 * Notes about units, as an image says them: the same note of many units said once, with how
 * many (groupUnitNotes), and at most NOTES_IN_IMAGE lines.
 */
export function summarizeNotes(notes: readonly string[], unitNames: readonly string[]): string[] {
  const lines = groupUnitNotes(notes, unitNames);
  if (lines.length <= NOTES_IN_IMAGE) return lines;
  return [...lines.slice(0, NOTES_IN_IMAGE - 1), `và ${lines.length - NOTES_IN_IMAGE + 1} ghi chú khác về các đơn vị`];
}

/** The one line under a ranking cut short: how many units it shows, and where they all are. */
export function cutNote(cut: { shown: number; total: number; mine: boolean }): string {
  const which = cut.mine ? 'đầu và cuối bảng xếp hạng, đơn vị của tôi' : 'đầu và cuối bảng xếp hạng';
  return `Hình nêu ${cut.shown}/${cut.total} đơn vị (${which}); đủ ${cut.total} đơn vị trong tệp CSV/Excel.`;
}
/** Lines are laid out a little wider than measured, so that a wider fallback font (where the embedded one is ignored) still fits. */
const FALLBACK_SLACK = 1.1;


interface TextStyle {
  size: number;
  weight?: FontWeight;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** Lays out blocks top to bottom and collects their markup. */
class Canvas {
  parts: string[] = [];
  y: number;
  constructor(
    readonly width: number,
    readonly measure: MeasureText,
    readonly pad = PAD,
  ) {
    this.y = pad;
  }

  get inner() {
    return this.width - 2 * this.pad;
  }

  text(x: number, baseline: number, content: string, s: TextStyle, extra = ''): void {
    const attrs = [`x="${n(x)}"`, `y="${n(baseline)}"`, `font-size="${s.size}"`];
    if (s.weight === 700) attrs.push('font-weight="700"');
    attrs.push(`fill="${s.fill ?? COLORS.ink}"`);
    if (s.anchor && s.anchor !== 'start') attrs.push(`text-anchor="${s.anchor}"`);
    this.parts.push(`<text ${attrs.join(' ')}${extra}>${content}</text>`);
  }

  /** Wrapped paragraph at the current y; returns the lines drawn. */
  paragraph(content: string, s: TextStyle, x = this.pad, maxWidth = this.inner, lineHeight = 1.4): string[] {
    const lines = wrapText(content, maxWidth, s.size, s.weight ?? 400, this.measure);
    for (const line of lines) {
      this.text(x, this.y + s.size, escapeXml(line), s);
      this.y += s.size * lineHeight;
    }
    return lines;
  }
}

function unitsOfMeasure(panel: PanelExport): string[] {
  return [...new Set(panel.model.figures.map((f) => f.unitOfMeasure).filter(Boolean))];
}

/** The colour of a status's edge and word: good, at risk, behind; none without a benchmark. */
function statusColor(status: TileModel['status']): string | undefined {
  switch (status) {
    case 'met':
    case 'on_track':
      return COLORS.ok;
    case 'at_risk':
      return COLORS.behind;
    case 'behind':
      return COLORS.accent;
    default:
      return undefined;
  }
}

function drawTiles(c: Canvas, tiles: TileModel[]): void {
  if (tiles.length === 0) return;
  const cols = Math.max(1, Math.min(tiles.length, Math.floor((c.inner + GAP) / (TILE_MIN + GAP))));
  const tileW = (c.inner - GAP * (cols - 1)) / cols;
  const textW = tileW - 24;
  for (let start = 0; start < tiles.length; start += cols) {
    const row = tiles.slice(start, start + cols);
    const blocks = row.map((t) => {
      const lines: { text: string; s: TextStyle; lead?: string }[] = [];
      for (const l of wrapText(t.label, textW, 12, 400, c.measure)) lines.push({ text: l, s: { size: 12, fill: COLORS.muted } });
      for (const l of wrapText(t.value, textW, 20, 700, c.measure)) lines.push({ text: l, s: { size: 20, weight: 700 } });
      if (t.detail) {
        const s: TextStyle = { size: 11, fill: t.earlier ? COLORS.warn : COLORS.muted, weight: t.earlier ? 700 : 400 };
        for (const l of wrapText(t.detail, textW, 11, s.weight!, c.measure)) lines.push({ text: l, s });
      }
      if (t.comparison) {
        const word = t.status ? ATTAINMENT_WORDS[t.status] : '';
        const full = word ? `${word}: ${t.comparison}` : t.comparison;
        wrapText(full, textW, 11, 400, c.measure).forEach((l, i) =>
          lines.push({ text: l, s: { size: 11 }, lead: i === 0 && word ? `${word}:` : undefined }),
        );
      }
      const height = 16 + lines.reduce((h, l) => h + l.s.size * 1.35, 0);
      return { t, lines, height };
    });
    const rowH = Math.max(...blocks.map((b) => b.height));
    blocks.forEach((b, i) => {
      const x = PAD + i * (tileW + GAP);
      const edge = statusColor(b.t.status) ?? COLORS.line;
      c.parts.push(
        `<rect x="${n(x)}" y="${n(c.y)}" width="${n(tileW)}" height="${n(rowH)}" rx="6" fill="#ffffff" stroke="${COLORS.line}"/>`,
        `<rect x="${n(x)}" y="${n(c.y)}" width="4" height="${n(rowH)}" fill="${edge}"/>`,
      );
      let y = c.y + 8;
      for (const l of b.lines) {
        const baseline = y + l.s.size;
        if (l.lead) {
          const leadColor = statusColor(b.t.status) ?? COLORS.ink;
          const rest = l.text.slice(l.lead.length);
          c.parts.push(
            `<text x="${n(x + 14)}" y="${n(baseline)}" font-size="${l.s.size}" fill="${COLORS.ink}">` +
              `<tspan font-weight="700" fill="${leadColor}">${escapeXml(l.lead)}</tspan>${escapeXml(rest)}</text>`,
          );
        } else {
          c.text(x + 14, baseline, escapeXml(l.text), l.s);
        }
        y += l.s.size * 1.35;
      }
    });
    c.y += rowH + GAP;
  }
}

/** A legend's swatch at (x, mid): a dashed line for the benchmark, a band for the user's units, a box for a series. */
export function legendSwatch(item: LegendItem, x: number, mid: number, box: number): string {
  if (item.dashed) {
    return `<line x1="${n(x)}" x2="${n(x + box + 4)}" y1="${n(mid)}" y2="${n(mid)}" stroke="${item.color}" stroke-width="${n(box / 5)}" stroke-dasharray="${n(box / 2)} ${n(box / 4)}"/>`;
  }
  const edge = item.color.toLowerCase() === MINE_BAND ? ` stroke="${MINE_EDGE}"` : '';
  return `<rect class="legend-swatch" x="${n(x + 2)}" y="${n(mid - box / 2)}" width="${n(box)}" height="${n(box)}" fill="${item.color}"${edge}/>`;
}

const LEGEND: LegendStyle = { size: 13, box: 12, boxGap: 10, gap: 16, lineHeight: 13 * 1.6 };

/** The legend centred under a chart at `x0`, `width` wide, from the canvas's y; returns the y under it. */
function drawLegend(c: Canvas, legend: readonly LegendItem[], x0 = c.pad, width = c.inner): number {
  const { entries, height } = layoutLegend(legend, { x0, width, y0: c.y }, LEGEND, c.measure);
  for (const { item, x, mid, lines } of entries) {
    c.parts.push(legendSwatch(item, x, mid, LEGEND.box));
    lines.forEach((line, i) => {
      c.text(x + LEGEND.box + LEGEND.boxGap, mid + LEGEND.size * 0.35 + i * LEGEND.lineHeight, escapeXml(line), { size: LEGEND.size, fill: COLORS.ink }, ' class="legend-label"');
    });
  }
  return c.y + height;
}

/** The charts side by side, each with its legend under it, and the line that says what a long ranking leaves out. */
function drawCharts(c: Canvas, charts: readonly PanelChartDrawing[]): void {
  if (charts.length === 0) return;
  c.y += 4;
  const total = charts.reduce((w, ch) => w + ch.width, 0) + CHART_GAP * (charts.length - 1);
  let x = c.pad + Math.max(0, (c.inner - total) / 2);
  const top = c.y;
  const chartsBottom = top + Math.max(...charts.map((ch) => ch.height)) + 6;
  let bottom = chartsBottom;
  for (const chart of charts) {
    c.parts.push(`<g transform="translate(${n(x)} ${n(top)})" font-size="12">${chart.markup}</g>`);
    c.y = chartsBottom;
    bottom = Math.max(bottom, drawLegend(c, chart.legend, x, chart.width));
    x += chart.width + CHART_GAP;
  }
  c.y = bottom;
  for (const chart of charts) if (chart.cut) c.paragraph(cutNote(chart.cut), { size: 12, fill: COLORS.muted });
}

/**
 * The charts alone with their legends, as an svg for the page itself (the printed page): no
 * font embedded (the page has it), scaled to its box by its viewBox.
 */
export function composeChartsSvg(charts: readonly PanelChartDrawing[], measure: MeasureText = estimateText): ComposedSvg {
  const width = Math.ceil(charts.reduce((w, ch) => w + ch.width, 0) + CHART_GAP * Math.max(0, charts.length - 1));
  const c = new Canvas(width, (t, size, weight) => measure(t, size, weight) * FALLBACK_SLACK, 0);
  drawCharts(c, charts);
  const height = Math.ceil(c.y);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" font-family="${escapeXml(FONT_STACK)}" role="img">` +
    `${c.parts.join('')}</svg>`;
  return { svg, width, height };
}

export function composePanelSvg(panel: PanelExport, options: ComposeOptions): ComposedSvg {
  const { charts, fontCss, now } = options;
  const base = options.measure ?? estimateText;
  const measure: MeasureText = (text, size, weight) => base(text, size, weight) * FALLBACK_SLACK;
  const chartsWidth = charts.reduce((w, ch) => w + ch.width, 0) + CHART_GAP * Math.max(0, charts.length - 1);
  const width = Math.ceil(Math.max(MIN_WIDTH, chartsWidth + 2 * PAD));
  const c = new Canvas(width, measure);

  // header: title, wards and period, units
  c.paragraph(panel.title, { size: 24, weight: 700, fill: COLORS.accent }, PAD, c.inner, 1.3);
  c.y += 2;
  c.paragraph(`${panel.unitsLabel} · ${panel.periodLabel}`, { size: 15, weight: 700 });
  const measures = unitsOfMeasure(panel);
  if (measures.length) c.paragraph(`Đơn vị tính: ${measures.join('; ')}`, { size: 12, fill: COLORS.muted });
  c.y += 10;

  drawTiles(c, panel.model.tiles);
  for (const line of panel.model.summaryLines) c.paragraph(line, { size: 13, fill: COLORS.ink });
  for (const note of summarizeNotes(panel.model.unitNotes, panel.unitNames)) c.paragraph(note, { size: 12, fill: COLORS.warn });

  drawCharts(c, charts);
  for (const b of panel.model.chart.boundaries) {
    c.paragraph(`┆ Thay đổi địa giới ${b.label}: số liệu trước và sau không nối liền.`, { size: 12, fill: COLORS.warn });
  }

  // footer: sources and the time of export
  c.y += 8;
  c.parts.push(`<line x1="${PAD}" x2="${width - PAD}" y1="${n(c.y)}" y2="${n(c.y)}" stroke="${COLORS.line}"/>`);
  c.y += 6;
  const { sources } = panel.model;
  if (sources.length > SOURCES_IN_IMAGE) {
    // many units bring hundreds of reports: how many, and where each figure's is listed
    c.paragraph(`Nguồn: ${sourcesSummary(sources)}`, { size: 12, fill: COLORS.muted });
  } else if (sources.length) {
    c.paragraph('Nguồn:', { size: 12, weight: 700, fill: COLORS.muted });
    for (const s of sources) c.paragraph(`${s.title} (${s.date})`, { size: 12, fill: COLORS.muted }, PAD + 10, c.inner - 10, 1.35);
  }
  c.y += 2;
  // made from a saved copy: said, with its time, just above the time of export
  if (panel.savedCopy) c.paragraph(panel.savedCopy, { size: 12, weight: 700, fill: COLORS.warn });
  c.paragraph(`Xuất lúc ${formatDateTime(now)} · Bảng chỉ tiêu Nghị quyết các phường`, { size: 11, fill: COLORS.muted });
  const height = Math.ceil(c.y + PAD - 8);

  const label = `${panel.title} — ${panel.unitsLabel} — ${panel.periodLabel}`;
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="${escapeXml(FONT_STACK)}" xml:lang="vi" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    fontCss ? `<defs><style type="text/css"><![CDATA[\n${fontCss}\n]]></style></defs>` : '',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...c.parts,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
  return { svg, width, height };
}
