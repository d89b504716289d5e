/**
 * "Ảnh trình chiếu": a panel's chart alone as a 16:9 PNG for a slide (1920 × 1080, or
 * 3840 × 2160 at scale 2), with its title, large type and a one-line source footer.
 */
import type { PanelExport } from '../../lib/panel-export';
import { formatDateTime } from '../../lib/format';
import { captureChart, type ChartCapture } from './capture-chart';
import { escapeXml, type ComposedSvg } from './compose-svg';
import { ExportError, waitForChart, type ExportedFile } from './export-panel';
import { exportFileName } from './file-name';
import { embeddedFontCss, FONT_STACK, pageFontsReady } from './font';
import { canvasMeasure, estimateText, type MeasureText } from './measure-text';
import { rasterizeSvg } from './rasterize';

/** The slide's size in CSS pixels; scale 2 doubles it (3840 × 2160). */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
export type SlideScale = 1 | 2;

export interface SlideOptions {
  chart: ChartCapture | null;
  fontCss: string;
  now: Date;
  measure?: MeasureText;
}

const PAD = 72;
const INK = '#1d2733';
const MUTED = '#5b6673';
const ACCENT = '#9b1c1c';

/** "thu-ngan-sach_my-thoi_2024-ca-nam_trinh-chieu-1920x1080.png" */
export function slideFileName(panel: Pick<PanelExport, 'slug' | 'unitIds' | 'period'>, scale: SlideScale): string {
  return exportFileName(panel, 'png', `trinh-chieu-${SLIDE_WIDTH * scale}x${SLIDE_HEIGHT * scale}`);
}

export function composeSlideSvg(panel: PanelExport, { chart, fontCss, now, measure = estimateText }: SlideOptions): ComposedSvg {
  const W = SLIDE_WIDTH;
  const H = SLIDE_HEIGHT;
  const parts: string[] = [];
  parts.push(`<text x="${PAD}" y="${PAD + 48}" font-size="56" font-weight="700" fill="${ACCENT}">${escapeXml(panel.title)}</text>`);
  parts.push(`<text x="${PAD}" y="${PAD + 100}" font-size="32" fill="${INK}">${escapeXml(`${panel.unitsLabel} · ${panel.periodLabel}`)}</text>`);
  const footerY = H - PAD + 8;
  const sources = panel.model.sources;
  const named = sources.map((s) => `${s.title} (${s.date})`).join('; ');
  const time = `Xuất lúc ${formatDateTime(now)}`;
  const room = W - 2 * PAD;
  const line = (text: string) => `Nguồn: ${text} · ${time}`;
  const footer =
    sources.length === 0 ? time : measure(line(named), 26, 400) <= room ? line(named) : line(`${sources.length} báo cáo — danh sách trong tệp CSV/Excel`);
  parts.push(`<text x="${PAD}" y="${footerY}" font-size="26" fill="${MUTED}">${escapeXml(footer)}</text>`);
  if (chart) {
    const top = PAD + 140;
    const boxH = footerY - 60 - top;
    const k = Math.min(room / chart.width, boxH / chart.height);
    const x = PAD + (room - chart.width * k) / 2;
    parts.push(`<g transform="translate(${x.toFixed(1)} ${top}) scale(${k.toFixed(4)})" font-size="16">${chart.markup}</g>`);
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
  const [fontCss, svg] = await Promise.all([embeddedFontCss(), waitForChart(panel), pageFontsReady()]);
  const composed = composeSlideSvg(panel, { chart: captureChart(svg), fontCss, now, measure: canvasMeasure() });
  try {
    return { fileName: slideFileName(panel, scale), blob: await rasterizeSvg(composed.svg, composed.width, composed.height, scale) };
  } catch (err) {
    throw new ExportError(`Không tạo được ảnh ${SLIDE_WIDTH * scale} × ${SLIDE_HEIGHT * scale}.`, { cause: err });
  }
}
