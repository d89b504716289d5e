/**
 * "Tải Word": a "phụ lục số liệu" for the meeting (docx): A4 portrait with the margins of Party
 * documents, Times New Roman 13–14 pt, a heading with the units and period, then for each panel
 * its chart as an image (the PNG the panel exports), its figures as a Word table (the header row
 * repeated on each page) with the source of each figure numbered, the sources, and the export time
 * (and under the heading, offline, the saved copy the figures come from).
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
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { FigureRow, PanelExport } from '../../../lib/panel-export';
import { APP_NAME, dataAsOfLine, exportedAt, measuresLine, nfc, OFFICE_MIME, savedCopyOf, sourceText } from './office-text';

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
/**
 * The text column in CSS pixels (96 to the inch; 1440 twips to the inch), and the tallest image:
 * 60 % of the page, so that the appendix's heading, a panel's heading, its chart and caption
 * share the first page instead of the chart (kept with its heading) leaving it blank.
 */
const IMAGE_MAX_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
const IMAGE_MAX_HEIGHT = Math.floor(((PAGE.height - MARGIN.top - MARGIN.bottom) / 1440) * 96 * 0.6);
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

/** Table text: 13 pt, in a paragraph style (a property per run would cost a millisecond a row with many units). */
const TABLE_TEXT = 'TableText';
const TABLE_HEAD = 'TableHead';

/** A cell of a fixed-layout table: its width comes from the table's grid. */
function cell(t: string, o: { head?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    ...(o.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF1' } } : {}),
    children: [new Paragraph({ style: o.head ? TABLE_HEAD : TABLE_TEXT, ...(o.align ? { alignment: o.align } : {}), children: [new TextRun(nfc(t))] })],
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
function figuresTable(panel: PanelExport, figures: readonly FigureRow[], sourceNumber: (f: FigureRow) => string): Table {
  const { ranked } = panel.model;
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
    new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.head, { head: true, align: AlignmentType.CENTER })) }),
    ...figures.map((f, n) => new TableRow({ cantSplit: true, children: columns.map((c) => cell(c.value(f, n), { align: c.align })) })),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
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

  // many units ranked: the table holds the period's figures (a printed page per hundred rows); every period's are in the Excel file
  const all = panel.model.figures;
  const ofPeriod = panel.model.ranked ? all.filter((f) => f.period === panel.periodLabel) : all;
  const figures = ofPeriod.length ? ofPeriod : all;

  // each figure's source by its number in the list under the table (the reports of its rows); a source the list lacks (a sum of figures) is added
  const used = new Set(figures.map((f) => f.source));
  const listed = panel.model.sources
    .filter((s) => used.has(sourceText(s)))
    .map((s) => {
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
  if (figures.length) out.push(figuresTable(panel, figures, (f) => numberOf.get(f.source)!));
  else out.push(para('Chưa có số liệu.', { size: SMALL }));
  if (figures.length < all.length) {
    out.push(para(`Bảng gồm ${figures.length} số liệu ${panel.periodLabel}; đủ ${all.length} số liệu của mọi kỳ có trong tệp Excel.`, { size: SMALL, italics: true }, { spacing: { before: 60 } }));
  }

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
  const saved = savedCopyOf(panels);
  head.push(para([asOf, exportedAt(options.now)].filter(Boolean).join(' · '), { italics: true, size: SMALL }, { alignment: AlignmentType.CENTER, spacing: { after: saved ? 60 : 240 } }));
  // made from a saved copy (offline): said under the heading, with when it was saved
  if (saved) head.push(para(saved, { bold: true, size: SMALL }, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));

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
      paragraphStyles: [
        { id: TABLE_TEXT, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { font: FONT, size: SMALL }, paragraph: { spacing: { line: 260, lineRule: LineRuleType.AUTO } } },
        { id: TABLE_HEAD, name: 'Table Heading', basedOn: TABLE_TEXT, quickFormat: true, run: { bold: true } },
      ],
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
