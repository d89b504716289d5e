/**
 * "Tải Word": a "phụ lục số liệu" for the meeting (docx): A4 portrait with the margins of Party
 * documents, Times New Roman 13–14 pt, a heading with the units and period, then for each panel
 * its chart as an image (the PNG the panel exports), its figures as a Word table (the header row
 * repeated on each page) with the source of each figure numbered, the sources, and the export time.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { FigureRow, PanelExport } from '../../../lib/panel-export';
import { APP_NAME, dataAsOfLine, exportedAt, measuresLine, nfc, OFFICE_MIME, sourceText } from './office-text';

export interface DocxOptions {
  now: Date;
  /** Image pixels per CSS pixel of the charts' PNGs (an image is never shown larger than drawn). */
  imageScale?: number;
  /** What the appendix covers: the page's title for the whole page; one panel's by default. */
  title?: string;
  /** Each panel's chart as a PNG (null: drawn nowhere, left out), in the panels' order. */
  images?: readonly (Uint8Array | null)[];
}

const FONT = 'Times New Roman';
/** Half-points: 14 pt for the text, 13 pt in tables and notes. */
const BODY = 28;
const SMALL = 26;
/** A4 in twips, margins of 20 mm top and bottom, 30 mm left, 15 mm right. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The text column in CSS pixels (96 to the inch; 1440 twips to the inch), and the tallest image that leaves room for its caption. */
const IMAGE_MAX_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
const IMAGE_MAX_HEIGHT = Math.floor(((PAGE.height - MARGIN.top - MARGIN.bottom) / 1440) * 96 * 0.8);
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

const run = (t: string, o: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text: nfc(t), font: FONT, language: { value: 'vi-VN' }, ...o });
const para = (t: string, o: Omit<IRunOptions, 'text'> = {}, p: IParagraphOptions = {}) => new Paragraph({ ...p, children: [run(t, o)] });

/** A PNG's size in pixels, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The image at the text's width (never larger than drawn), shorter when a page would not hold it. */
export function imageBox(size: { width: number; height: number }, pixelRatio: number): { width: number; height: number } {
  const k = Math.min(IMAGE_MAX_WIDTH / size.width, IMAGE_MAX_HEIGHT / size.height, 1 / pixelRatio);
  return { width: Math.round(size.width * k), height: Math.round(size.height * k) };
}

function cell(t: string, width: number, o: { bold?: boolean; head?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(o.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF1' } } : {}),
    children: [para(t, { size: SMALL, bold: o.bold }, { alignment: o.align ?? AlignmentType.LEFT })],
  });
}

interface TableColumn {
  head: string;
  /** Share of the text's width. */
  share: number;
  value: (f: FigureRow, i: number) => string;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

/**
 * The figures as a table: number or rank, unit (left out when the appendix is of one unit, which
 * its heading names), period, indicator, the figure as reported, and its source's number.
 */
function figuresTable(panel: PanelExport, sourceNumber: (f: FigureRow) => string): Table {
  const { figures, ranked } = panel.model;
  const oneUnit = new Set(figures.map((f) => f.unit)).size <= 1;
  const columns: TableColumn[] = [
    { head: ranked ? 'Hạng' : 'STT', share: 0.08, value: (f, i) => (ranked ? (f.rank ? String(f.rank) : '—') : String(i + 1)), align: AlignmentType.CENTER },
    ...(oneUnit ? [] : [{ head: 'Phường, xã', share: 0.19, value: (f: FigureRow) => f.unit }]),
    { head: 'Kỳ báo cáo', share: 0.17, value: (f) => f.period },
    { head: 'Chỉ tiêu', share: oneUnit ? 0.41 : 0.25, value: (f) => f.indicator },
    { head: 'Số liệu', share: oneUnit ? 0.24 : 0.21, value: (f) => f.formatted, align: AlignmentType.RIGHT },
    { head: 'Nguồn', share: 0.1, value: (f) => sourceNumber(f), align: AlignmentType.CENTER },
  ];
  const widths = columns.map((c) => Math.floor(c.share * TEXT_WIDTH));
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.head, widths[i]!, { bold: true, head: true, align: AlignmentType.CENTER })) }),
    ...figures.map((f, n) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(c.value(f, n), widths[i]!, { align: c.align })) })),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows,
  });
}

function panelSection(panel: PanelExport, index: number, image: Uint8Array | null, imageScale: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(`${index + 1}. ${panel.title}`, { bold: true, size: BODY })] }));
  out.push(para(`${panel.unitsLabel} · ${panel.periodLabel}`, { size: SMALL, italics: true }, { keepNext: true }));
  const measures = measuresLine(panel);
  if (measures) out.push(para(measures, { size: SMALL, italics: true }, { keepNext: true }));

  const size = image ? pngSize(image) : null;
  if (image && size) {
    const box = imageBox(size, imageScale);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120 },
        children: [
          new ImageRun({ type: 'png', data: image, transformation: box, altText: { name: nfc(panel.title), title: nfc(panel.title), description: nfc(`Biểu đồ ${panel.title}: ${panel.unitsLabel} · ${panel.periodLabel}`) } }),
        ],
      }),
    );
    out.push(para(`Biểu đồ ${index + 1}. ${panel.title} — ${panel.unitsLabel} · ${panel.periodLabel}`, { size: SMALL, italics: true }, { alignment: AlignmentType.CENTER, spacing: { after: 160 } }));
  }

  // each figure's source by its number in the list under the table; a source the list lacks (a sum of figures) is added to it
  const { figures } = panel.model;
  const listed = panel.model.sources.map((s) => {
    const reference = s.reference && s.reference !== s.title ? ` — ${s.reference}` : '';
    return { key: sourceText(s), text: `${sourceText(s)}${reference}` };
  });
  const known = new Set(listed.map((l) => l.key));
  for (const f of figures) {
    if (!known.has(f.source)) {
      known.add(f.source);
      listed.push({ key: f.source, text: f.source });
    }
  }
  const numberOf = new Map(listed.map((l, i) => [l.key, `[${i + 1}]`]));
  out.push(para(`Bảng ${index + 1}. Số liệu ${panel.title.toLowerCase()}`, { size: SMALL, bold: true }, { keepNext: true, spacing: { before: 120, after: 60 } }));
  if (figures.length) out.push(figuresTable(panel, (f) => numberOf.get(f.source)!));
  else out.push(para('Chưa có số liệu.', { size: SMALL }));

  for (const line of [...panel.model.summaryLines, ...panel.model.unitNotes]) out.push(para(line, { size: SMALL }, { spacing: { before: 60 } }));
  for (const b of panel.model.chart.boundaries) out.push(para(`Thay đổi địa giới ${b.label}: số liệu trước và sau không nối liền.`, { size: SMALL }, { spacing: { before: 60 } }));
  if (listed.length) {
    out.push(para('Nguồn:', { size: SMALL, bold: true }, { keepNext: true, spacing: { before: 120 } }));
    listed.forEach((l, i) => out.push(para(`[${i + 1}] ${l.text}`, { size: SMALL }, { indent: { left: 400, hanging: 400 } })));
  }
  return out;
}

/** The appendix of the panels as a .docx file. */
export async function buildDocx(panels: readonly PanelExport[], options: DocxOptions): Promise<Blob> {
  const first = panels[0];
  const title = options.title ?? first?.title ?? APP_NAME;
  const head: Paragraph[] = [
    para('PHỤ LỤC SỐ LIỆU', { bold: true, size: BODY }, { alignment: AlignmentType.CENTER }),
    para(title, { bold: true, size: BODY }, { alignment: AlignmentType.CENTER }),
  ];
  if (first) head.push(para(`${first.unitsLabel} · Kỳ báo cáo: ${first.periodLabel}`, { italics: true, size: BODY }, { alignment: AlignmentType.CENTER }));
  const asOf = dataAsOfLine(panels);
  head.push(para([asOf, exportedAt(options.now)].filter(Boolean).join(' · '), { italics: true, size: SMALL }, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));

  const body = panels.flatMap((p, i) => panelSection(p, i, options.images?.[i] ?? null, options.imageScale ?? 2));
  const closing = para(`${exportedAt(options.now)} từ ${APP_NAME}.`, { italics: true, size: SMALL }, { alignment: AlignmentType.RIGHT, spacing: { before: 360 } });

  const doc = new Document({
    creator: nfc(APP_NAME),
    title: nfc(`Phụ lục số liệu — ${title}`),
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY, language: { value: 'vi-VN' } }, paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: BODY, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL })] })] }),
        },
        children: [...head, ...body, closing],
      },
    ],
  });
  const bytes = await Packer.toArrayBuffer(doc);
  return new Blob([bytes], { type: OFFICE_MIME.docx });
}
