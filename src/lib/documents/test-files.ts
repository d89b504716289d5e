/**
 * Files the document readers' tests make for themselves (for tests only, never imported by the
 * app): a Word .docx written with the `docx` package, a PDF with a real text layer (an embedded
 * TrueType font from @fontsource/be-vietnam-pro, Identity-H with a ToUnicode map, as Word's own
 * PDF export writes one), a scan-like PDF (an image, no text), TCVN3 and VNI text encoded with
 * the inverse of legacy-encoding.ts's tables, UTF-16 text and an old binary .doc's header.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { legacyTable, type LegacyEncoding } from '../extract';

// ------------------------------------------------------------------------------------- Word

/** A .docx of these paragraphs, in `font` (".VnTime" for a TCVN3 document). */
export async function makeDocx(paragraphs: readonly string[], font?: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun({ text, ...(font ? { font } : {}) })] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ------------------------------------------------------------------------------------- text

/** Vietnamese text as a TCVN3 or VNI file's bytes (one byte per legacy character). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const table = legacyTable(encoding);
  let legacy = '';
  for (const ch of text.normalize('NFC')) {
    const mapped = table.get(ch) ?? ch;
    if (!table.has(ch) && ch.charCodeAt(0) > 0x7f) throw new Error(`${encoding} cannot write "${ch}"`);
    legacy += mapped;
  }
  const bytes = new Uint8Array(legacy.length);
  for (let i = 0; i < legacy.length; i++) {
    const code = legacy.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not a single byte: U+${code.toString(16)}`);
    bytes[i] = code;
  }
  return bytes;
}

/** UTF-16 bytes, little or big endian, with or without a byte order mark. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    bytes[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    bytes[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  }
  return bytes;
}

/** The first sector of an OLE compound file, as Word 97–2003 writes a .doc. */
export function oleDocHeader(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 0x18);
  return bytes;
}

// ------------------------------------------------------------------------------------- fonts

interface Font {
  /** The whole TrueType file. */
  sfnt: Uint8Array;
  glyphOf(code: number): number;
  /** Advance width in 1/1000 em. */
  widthOf(glyph: number): number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
}

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

/** WOFF 1.0 → the TrueType file it wraps (each table zlib-compressed or stored). */
function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const numTables = view.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: view.getUint32(at), checksum: view.getUint32(at + 16), data: compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw });
  }
  const headerSize = 12 + numTables * 16;
  const size = headerSize + tables.reduce((n, t) => n + Math.ceil(t.data.length / 4) * 4, 0);
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(numTables));
  w.setUint32(0, view.getUint32(4));
  w.setUint16(4, numTables);
  w.setUint16(6, power * 16);
  w.setUint16(8, Math.log2(power));
  w.setUint16(10, numTables * 16 - power * 16);
  let offset = headerSize;
  tables.forEach((t, i) => {
    w.setUint32(12 + i * 16, t.tag);
    w.setUint32(16 + i * 16, t.checksum);
    w.setUint32(20 + i * 16, offset);
    w.setUint32(24 + i * 16, t.data.length);
    out.set(t.data, offset);
    offset += Math.ceil(t.data.length / 4) * 4;
  });
  return out;
}

function readFont(file: string): Font {
  const sfnt = woffToSfnt(new Uint8Array(readFileSync(join(FONT_DIR, file))));
  const view = new DataView(sfnt.buffer);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...sfnt.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const head = table('head');
  const unitsPerEm = view.getUint16(head + 18);
  const scale = (v: number) => Math.round((v * 1000) / unitsPerEm);
  const hhea = table('hhea');
  const metrics = view.getUint16(hhea + 34);
  const hmtx = table('hmtx');

  // cmap: the Windows Unicode BMP subtable (format 4)
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    if (view.getUint16(rec) === 3 && view.getUint16(rec + 2) === 1) sub = cmap + view.getUint32(rec + 4);
  }
  if (sub < 0 || view.getUint16(sub) !== 4) throw new Error('font has no format 4 Unicode cmap');
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphOf = (code: number) => {
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + s * 2)) continue;
      const start = view.getUint16(starts + s * 2);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + s * 2);
      const ro = view.getUint16(rangeOffsets + s * 2);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = view.getUint16(rangeOffsets + s * 2 + ro + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return {
    sfnt,
    glyphOf,
    widthOf: (glyph) => scale(view.getUint16(hmtx + Math.min(glyph, metrics - 1) * 4)),
    bbox: [scale(view.getInt16(head + 36)), scale(view.getInt16(head + 38)), scale(view.getInt16(head + 40)), scale(view.getInt16(head + 42))],
    ascent: scale(view.getInt16(hhea + 4)),
    descent: scale(view.getInt16(hhea + 6)),
  };
}

let fonts: Font[] | undefined;
/** Be Vietnam Pro's latin and vietnamese subsets: together they write every Vietnamese letter. */
function pdfFonts(): Font[] {
  fonts ??= ['be-vietnam-pro-latin-400-normal.woff', 'be-vietnam-pro-vietnamese-400-normal.woff'].map(readFont);
  return fonts;
}

// ------------------------------------------------------------------------------------- PDF

class PdfWriter {
  private parts: Uint8Array[] = [];
  private length = 0;
  private offsets: number[] = [];

  constructor() {
    this.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  }

  private write(chunk: string | Uint8Array) {
    const bytes = typeof chunk === 'string' ? Uint8Array.from(chunk, (c) => c.charCodeAt(0)) : chunk;
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  /** Reserves an object number (for references written before the object). */
  reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length;
  }

  object(n: number, body: string, stream?: Uint8Array) {
    this.offsets[n - 1] = this.length;
    this.write(`${n} 0 obj\n${body}\n`);
    if (stream) {
      this.write('stream\n');
      this.write(stream);
      this.write('\nendstream\n');
    }
    this.write('endobj\n');
  }

  finish(root: number): Uint8Array {
    const xref = this.length;
    let table = `xref\n0 ${this.offsets.length + 1}\n0000000000 65535 f \n`;
    for (const offset of this.offsets) table += `${String(offset).padStart(10, '0')} 00000 n \n`;
    this.write(`${table}trailer\n<< /Size ${this.offsets.length + 1} /Root ${root} 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

const PAGE = { width: 595, height: 842, margin: 72, size: 12, leading: 16, indent: 24, gap: 8 } as const;

interface Run {
  font: number;
  glyphs: number[];
}

/**
 * A PDF with a text layer: each page is a list of paragraphs, wrapped to the page's width as a
 * word processor does (lines end where the width ends, not where sentences do), first lines
 * indented. A page given as `null` holds only an image, as a scanned page does.
 */
export function makeTextPdf(pages: readonly (readonly string[] | null)[]): Uint8Array {
  const all = pdfFonts();
  const used = all.map(() => new Map<number, number>()); // glyph → code point
  const pdf = new PdfWriter();
  const catalog = pdf.reserve();
  const pagesRoot = pdf.reserve();
  const fontRefs = all.map(() => pdf.reserve());
  const image = pdf.reserve();
  const pageRefs: number[] = [];

  const runsOf = (text: string): Run[] => {
    const runs: Run[] = [];
    for (const ch of text.normalize('NFC')) {
      const code = ch.codePointAt(0)!;
      const font = all.findIndex((f) => f.glyphOf(code) !== 0);
      if (font < 0) throw new Error(`no glyph for "${ch}"`);
      const glyph = all[font]!.glyphOf(code);
      used[font]!.set(glyph, code);
      const last = runs.at(-1);
      if (last?.font === font) last.glyphs.push(glyph);
      else runs.push({ font, glyphs: [glyph] });
    }
    return runs;
  };
  const widthOf = (text: string) =>
    runsOf(text).reduce((w, r) => w + r.glyphs.reduce((s, g) => s + (all[r.font]!.widthOf(g) * PAGE.size) / 1000, 0), 0);

  for (const paragraphs of pages) {
    let content = '';
    if (paragraphs === null) {
      content = `q 451 0 0 600 72 120 cm /Im1 Do Q\n`;
    } else {
      let y = PAGE.height - PAGE.margin;
      const usable = PAGE.width - 2 * PAGE.margin;
      content += 'BT\n';
      for (const paragraph of paragraphs) {
        let line = '';
        let first = true;
        const flush = () => {
          const x = PAGE.margin + (first ? PAGE.indent : 0);
          content += `1 0 0 1 ${x} ${y} Tm\n`;
          for (const run of runsOf(line)) content += `/F${run.font + 1} ${PAGE.size} Tf <${run.glyphs.map(hex4).join('')}> Tj\n`;
          y -= PAGE.leading;
          first = false;
        };
        for (const word of paragraph.split(/\s+/).filter(Boolean)) {
          const next = line ? `${line} ${word}` : word;
          if (line && widthOf(next) > usable - (first ? PAGE.indent : 0)) {
            flush();
            line = word;
          } else line = next;
        }
        if (line) flush();
        y -= PAGE.gap;
      }
      content += 'ET\n';
    }
    const contents = pdf.reserve();
    pdf.object(contents, `<< /Length ${content.length} >>`, ascii(content));
    const page = pdf.reserve();
    const fontDict = all.map((_, i) => `/F${i + 1} ${fontRefs[i]} 0 R`).join(' ');
    pdf.object(
      page,
      `<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Contents ${contents} 0 R ` +
        `/Resources << /Font << ${fontDict} >> /XObject << /Im1 ${image} 0 R >> >> >>`,
    );
    pageRefs.push(page);
  }

  // a grey 8×8 picture for scanned pages
  const pixels = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256);
  pdf.object(image, '<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>', pixels);

  all.forEach((font, i) => {
    const name = `/BeVietnamPro-${i === 0 ? 'Latin' : 'Vietnamese'}`;
    const cid = pdf.reserve();
    const descriptor = pdf.reserve();
    const file = pdf.reserve();
    const toUnicode = pdf.reserve();
    const glyphs = [...used[i]!.entries()].sort((a, b) => a[0] - b[0]);
    const widths = glyphs.map(([g]) => `${g} [${font.widthOf(g)}]`).join(' ');
    pdf.object(fontRefs[i]!, `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
    pdf.object(
      cid,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [${widths}] >>`,
    );
    pdf.object(
      descriptor,
      `<< /Type /FontDescriptor /FontName ${name} /Flags 32 /FontBBox [${font.bbox.join(' ')}] /ItalicAngle 0 ` +
        `/Ascent ${font.ascent} /Descent ${font.descent} /CapHeight ${font.ascent} /StemV 80 /FontFile2 ${file} 0 R >>`,
    );
    pdf.object(file, `<< /Length ${font.sfnt.length} /Length1 ${font.sfnt.length} >>`, font.sfnt);
    const map = glyphs.map(([g, code]) => `<${hex4(g)}> <${hex4(code)}>`);
    const chunks: string[] = [];
    for (let k = 0; k < map.length; k += 100) chunks.push(`${Math.min(100, map.length - k)} beginbfchar\n${map.slice(k, k + 100).join('\n')}\nendbfchar`);
    const cmap =
      '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      `/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join('\n')}\n` +
      'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';
    pdf.object(toUnicode, `<< /Length ${cmap.length} >>`, ascii(cmap));
  });

  pdf.object(pagesRoot, `<< /Type /Pages /Kids [${pageRefs.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`);
  pdf.object(catalog, `<< /Type /Catalog /Pages ${pagesRoot} 0 R >>`);
  return pdf.finish(catalog);
}

/**
 * A PDF as old TCVN3 documents were printed to PDF: a simple font (Helvetica here) with
 * WinAnsiEncoding showing the legacy bytes as they are, no ToUnicode map. One line per paragraph.
 */
export function makeLegacyFontPdf(paragraphs: readonly string[], encoding: LegacyEncoding): Uint8Array {
  const pdf = new PdfWriter();
  const catalog = pdf.reserve();
  const pagesRoot = pdf.reserve();
  const font = pdf.reserve();
  const contents = pdf.reserve();
  const page = pdf.reserve();
  let y = PAGE.height - PAGE.margin;
  let content = 'BT\n';
  for (const paragraph of paragraphs) {
    const bytes = encodeLegacy(paragraph, encoding);
    const literal = [...bytes].map((b) => (b < 0x20 || b > 0x7e || b === 0x28 || b === 0x29 || b === 0x5c ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b))).join('');
    content += `1 0 0 1 ${PAGE.margin} ${y} Tm /F1 10 Tf (${literal}) Tj\n`;
    y -= PAGE.leading + PAGE.gap;
  }
  content += 'ET\n';
  pdf.object(contents, `<< /Length ${content.length} >>`, ascii(content));
  pdf.object(font, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pdf.object(page, `<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Contents ${contents} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`);
  pdf.object(pagesRoot, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  pdf.object(catalog, `<< /Type /Catalog /Pages ${pagesRoot} 0 R >>`);
  return pdf.finish(catalog);
}
