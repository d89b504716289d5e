import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDocx, imageBox, pngSize } from './docx';
import { partsLike, readZip, xmlText, zipPartBytes } from '../../../../tests/zip-reader';
import { SAVED_COPY } from '../test-panel';
import { budgetPanel, rankedPanel, targetsPanel } from './test-panels';

const now = new Date(2025, 1, 1, 10, 5);

/** A white PNG of the size, made here (a real file: signature, IHDR, IDAT, IEND). */
function whitePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

async function documentXml(blob: Blob) {
  const parts = await readZip(blob);
  return { parts, doc: parts.get('word/document.xml')! };
}

/** Each table's rows, each row's cells' text. */
function tables(doc: string): string[][][] {
  return [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t]) =>
    [...t!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, r]) => [...r!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) => xmlText(c!))),
  );
}

describe('buildDocx', () => {
  it('is A4 portrait with the margins of Party documents, in Times New Roman 13–14 pt, marked Vietnamese', async () => {
    const { parts, doc } = await documentXml(await buildDocx([budgetPanel()], { now }));
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).not.toContain('w:orient="landscape"');
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    expect(styles).toContain('<w:lang w:val="vi-VN"/>');
    // every size 13 or 14 pt and every font Times New Roman, in the text and in its styles (the tables' own)
    const tableStyles = [...styles.matchAll(/<w:style w:type="paragraph" w:styleId="Table(?:Text|Head)"[\s\S]*?<\/w:style>/g)].map((m) => m[0]).join('');
    expect(tableStyles).not.toBe('');
    const sizes = new Set([...(doc + tableStyles).matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    expect([...sizes].sort()).toEqual([26, 28]);
    const fonts = new Set([...(doc + tableStyles).matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="TableText"[\s\S]*?<w:sz w:val="26"\/>/);
    expect(doc).toContain('<w:pStyle w:val="TableText"/>');
  });

  it('heads the appendix with its title, units, period, the date the figures reach and the export time', async () => {
    const { doc } = await documentXml(await buildDocx([budgetPanel(), targetsPanel()], { now, title: 'Chỉ tiêu Nghị quyết các phường' }));
    const words = xmlText(doc);
    expect(words.startsWith('PHỤ LỤC SỐ LIỆU Chỉ tiêu Nghị quyết các phường Phường Mỹ Thới · Kỳ báo cáo: Cả năm 2024 Số liệu đến ngày 10/04/2026 · Xuất lúc 01/02/2025 10:05')).toBe(true);
    expect(words).toContain('1. Thu ngân sách');
    expect(words).toContain('2. Chỉ tiêu Nghị quyết');
    expect(words).toBe(words.normalize('NFC'));
  });

  it('says under its heading, made from a saved copy, that it was and when the copy was saved; nothing of it otherwise', async () => {
    const panels = [budgetPanel(), targetsPanel()].map((p) => ({ ...p, savedCopy: SAVED_COPY }));
    const { doc } = await documentXml(await buildDocx(panels, { now, title: 'Chỉ tiêu Nghị quyết các phường' }));
    const words = xmlText(doc);
    expect(words.startsWith(`PHỤ LỤC SỐ LIỆU Chỉ tiêu Nghị quyết các phường Phường Mỹ Thới · Kỳ báo cáo: Cả năm 2024 Số liệu đến ngày 10/04/2026 · Xuất lúc 01/02/2025 10:05 ${SAVED_COPY} 1. Thu ngân sách`)).toBe(true);
    // said once, in the heading, in bold
    expect(words.split(SAVED_COPY)).toHaveLength(2);
    const run = new RegExp(`<w:rPr>((?:(?!</w:rPr>)[\\s\\S])*)</w:rPr><w:t[^>]*>${SAVED_COPY}</w:t>`).exec(doc);
    expect(run?.[1]).toContain('<w:b/>');
    const current = xmlText((await documentXml(await buildDocx([budgetPanel()], { now }))).doc);
    expect(current).not.toContain('bản lưu');
  });

  it('gives each panel its figures as a Word table whose header repeats on every page, each figure’s source numbered below it', async () => {
    const { doc } = await documentXml(await buildDocx([budgetPanel(), targetsPanel()], { now }));
    const [budget, targets] = tables(doc);
    // one unit, named in the heading: no column of units
    expect(budget![0]).toEqual(['STT', 'Kỳ báo cáo', 'Chỉ tiêu', 'Số liệu', 'Nguồn']);
    expect(budget!.slice(1)).toEqual([
      ['1', '9 tháng 2024', 'Thu ngân sách nhà nước', 'trên 8 tỷ đồng', '[2]'],
      ['2', '9 tháng 2024', 'Tỷ lệ thu ngân sách so với cả năm', '74%', '[2]'],
      ['3', 'Cả năm 2024', 'Thu ngân sách nhà nước', 'trên 12 tỷ đồng', '[1]'],
      ['4', 'Cả năm 2024', 'Tỷ lệ thu ngân sách so với cả năm', '100%', '[1]'],
    ]);
    expect(targets![1]).toEqual(['1', 'Cả năm 2024', 'Chỉ tiêu Nghị quyết đạt', '10/11 chỉ tiêu', '[2]']);
    const firstRow = /<w:tbl>[\s\S]*?<w:tr>([\s\S]*?)<\/w:tr>/.exec(doc)![1]!;
    expect(firstRow).toContain('<w:tblHeader/>');
    const words = xmlText(doc);
    expect(words).toContain('[1] Hội nghị tổng kết năm 2024 (30/12/2024) — Báo cáo tổng kết năm 2024 của Đảng ủy phường');
    expect(words).toContain('[2] Hội nghị sơ kết 9 tháng 2024 (11/10/2024) — Báo cáo sơ kết 9 tháng 2024');
    expect(words).toContain('Xuất lúc 01/02/2025 10:05 từ Bảng chỉ tiêu Nghị quyết các phường.');
  });

  it('ranks many units with a Hạng column, the period’s figures only (all of them are in the Excel file), and numbers a source the list lacks', async () => {
    const { doc } = await documentXml(await buildDocx([rankedPanel(3)], { now }));
    const [table] = tables(doc);
    expect(table![0]).toEqual(['Hạng', 'Phường, xã', 'Kỳ báo cáo', 'Chỉ tiêu', 'Số liệu', 'Nguồn']);
    expect(table!.slice(1).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['1', 'Xã Giả Lập Số 1', '96%', '[1]'],
      ['2', 'Xã Giả Lập Số 2', '95.63%', '[1]'],
      ['3', 'Xã Giả Lập Số 3', '95.26%', '[1]'],
    ]);
    // the list names the reports of the table's rows (one the panel's list lacks added): not the earlier period's, nor one no row cites
    expect(xmlText(doc)).toContain('Nguồn: [1] Hội nghị tổng kết năm 2024 (30/12/2024)');
    expect(xmlText(doc)).not.toContain('9 tháng 2024');
    expect(xmlText(doc)).not.toContain('Đảng ủy & UBND');
    expect(xmlText(doc)).toContain('Bảng gồm 3 số liệu Cả năm 2024; đủ 4 số liệu của mọi kỳ có trong tệp Excel.');
    expect(xmlText(doc)).toContain('1 xã chưa có số liệu Cả năm 2024');
  });

  it('places each chart as an image at the text’s width, with a caption; a panel without one has none', async () => {
    const png = whitePng(2400, 1200);
    const file = await buildDocx([budgetPanel(), targetsPanel()], { now, images: [png, null] });
    const { parts, doc } = await documentXml(file);
    const media = [...parts.keys()].filter((p) => p.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(await zipPartBytes(file, media[0]!)).toEqual(png);
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]) }));
    // 16.5 cm wide (the text's width), half as tall: EMU, 914400 to the inch
    expect(extents).toHaveLength(1);
    expect(extents[0]!.cx / 914400).toBeCloseTo(6.5, 1);
    expect(extents[0]!.cy / extents[0]!.cx).toBeCloseTo(0.5, 2);
    expect(xmlText(doc)).toContain('Biểu đồ 1. Thu ngân sách — Phường Mỹ Thới · Cả năm 2024');
    expect(xmlText(doc)).not.toContain('Biểu đồ 2.');
    expect(partsLike(parts, /^word\/_rels\/document\.xml\.rels$/)[0]).toContain('media/');
  });

  it('sizes images to fit the page: never wider than the text, never larger than drawn, a tall one shorter than a page', () => {
    expect(pngSize(whitePng(30, 20))).toEqual({ width: 30, height: 20 });
    expect(imageBox({ width: 2400, height: 1200 }, 2)).toEqual({ width: 623, height: 312 });
    expect(imageBox({ width: 600, height: 300 }, 2)).toEqual({ width: 300, height: 150 });
    expect(imageBox({ width: 600, height: 300 }, 1.5)).toEqual({ width: 400, height: 200 });
    const tall = imageBox({ width: 1400, height: 21000 }, 2);
    expect(tall.height).toBeLessThan(900);
    expect(tall.width / tall.height).toBeCloseTo(1400 / 21000, 2);
  });
});
