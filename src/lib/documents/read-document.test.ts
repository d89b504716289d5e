// @vitest-environment node
/**
 * readDocument on files the tests make: Word, PDF with a text layer (and with scanned or blank
 * pages, and printed from TCVN3/VNI fonts), .txt in every encoding a ward office has, and the
 * files it cannot read, each with what to do.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocument } from './index';
import { encodeLegacy, encodeUtf16, makeDocx, makeLegacyFontPdf, makeTextPdf, oleDocHeader } from './test-files';

// Test sentences written for these tests (no published report's text).
const HEAD = 'Đảng ủy phường Mỹ Thới sơ kết công tác 9 tháng đầu năm 2024';
const BODY =
  'Tổng thu ngân sách nhà nước trên địa bàn ước đạt hơn 31 tỉ đồng, bằng 82,4% dự toán được giao; tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,3%, giảm được 11 hộ nghèo, các đoàn thể cùng chăm lo đời sống người có công.';
const LIST = '- Vận động nhân dân hiến đất mở rộng đường nông thôn, xây dựng hai cây cầu mới.';
const TAIL = 'Hội nghị thống nhất phương hướng, nhiệm vụ quý IV năm 2024.';

const lines = (text: string) => text.split('\n');

describe('Word .docx', () => {
  it('reads each paragraph as one line', async () => {
    const read = await readDocument('bao-cao.docx', await makeDocx([HEAD, BODY, LIST, TAIL]));
    expect(read).toEqual({ text: [HEAD, BODY, LIST, TAIL].join('\n'), encoding: 'docx', notes: [] });
  });

  it('converts runs typed in TCVN3 (.VnTime), keeping "ư" (0xAD, a soft hyphen in Unicode)', async () => {
    const legacy = (s: string) => String.fromCharCode(...encodeLegacy(s, 'tcvn3'));
    const body = 'Người dân được hướng dẫn đăng ký, tỷ lệ tham gia bảo hiểm y tế ước đạt 92,3%.';
    expect(legacy(body)).toContain('\u00ad');
    const read = await readDocument('cu.docx', await makeDocx([legacy(HEAD), legacy(body)], '.VnTime'));
    expect(read.text).toBe(`${HEAD}\n${body}`);
    expect(read.encoding).toBe('docx');
    expect(read.notes).toEqual([expect.stringMatching(/TCVN3.*đã chuyển sang Unicode/)]);
    expect(read.problem).toBeUndefined();
  });

  it('converts a document typed in VNI-Times', async () => {
    const legacy = (s: string) => String.fromCharCode(...encodeLegacy(s, 'vni'));
    const read = await readDocument('vni.docx', await makeDocx([legacy(HEAD), legacy(BODY)], 'VNI-Times'));
    expect(read.text).toBe(`${HEAD}\n${BODY}`);
    expect(read.notes).toEqual([expect.stringMatching(/VNI.*đã chuyển sang Unicode/)]);
  });

  it('a damaged .docx and one with no words say so', async () => {
    const docx = await makeDocx([HEAD, BODY]);
    const cut = await readDocument('hong.docx', docx.slice(0, Math.floor(docx.length / 2)));
    expect(cut.problem).toEqual({ kind: 'damaged', message: expect.stringMatching(/bị hỏng.*lưu lại thành \.docx/) });
    const blank = await readDocument('trong.docx', await makeDocx(['', '  ']));
    expect(blank.problem?.kind).toBe('unsupported');
    expect(blank.problem?.message).toMatch(/không có chữ/);
  });
});

describe('PDF', () => {
  it('joins the lines a word processor wrapped back into paragraphs', async () => {
    const read = await readDocument('bao-cao.pdf', makeTextPdf([[HEAD, BODY, LIST], [TAIL]]));
    expect(read.problem).toBeUndefined();
    expect(read.encoding).toBe('pdf');
    expect(lines(read.text)).toEqual([HEAD, BODY, LIST, TAIL]);
  });

  it('a PDF of scanned pages only is a scan-pdf problem that says what to do', async () => {
    const read = await readDocument('scan.pdf', makeTextPdf([null, null]));
    expect(read.text).toBe('');
    expect(read.problem).toEqual({ kind: 'scan-pdf', message: expect.stringMatching(/ảnh quét.*\.docx.*OCR/) });
  });

  it('a scanned page among text pages is named, and the text pages are read', async () => {
    const read = await readDocument('mot-phan.pdf', makeTextPdf([[HEAD, BODY], null, [TAIL], null]));
    expect(lines(read.text)).toEqual([HEAD, BODY, TAIL]);
    expect(read.problem?.kind).toBe('scan-pdf');
    expect(read.problem?.message).toMatch(/^Trang 2 và 4 của tệp PDF là ảnh quét/);
  });

  it('a blank page is only noted', async () => {
    const read = await readDocument('trang-trong.pdf', makeTextPdf([[HEAD, BODY], []]));
    expect(read.problem).toBeUndefined();
    expect(read.notes).toEqual(['Trang 2 của tệp PDF để trống.']);
  });

  it('a PDF printed from TCVN3 text (WinAnsi font) comes back in Unicode, "ư" and "à" included', async () => {
    const paragraphs = ['Người dân ước thu ngân sách nước ngoài,', 'hướng tới ưu tiên chủ nghĩa Mác-Lênin,', 'kinh tế - xã hội 2020-2025.'];
    const read = await readDocument('tcvn3.pdf', makeLegacyFontPdf(paragraphs, 'tcvn3'));
    expect(read.text.replace(/\n/g, ' ')).toBe(paragraphs.join(' '));
    expect(read.notes).toEqual([expect.stringMatching(/Văn bản trong tệp PDF gõ bằng bảng mã TCVN3/)]);
  });

  it('a PDF printed from VNI text comes back in Unicode', async () => {
    const paragraphs = ['Thu ngân sách ước đạt hơn 31 tỉ đồng.', 'Giảm được 11 hộ nghèo trong năm.'];
    const read = await readDocument('vni.pdf', makeLegacyFontPdf(paragraphs, 'vni'));
    expect(read.text.replace(/\n/g, ' ')).toBe(paragraphs.join(' '));
    expect(read.notes[0]).toMatch(/VNI/);
  });

  it('a damaged PDF says so', async () => {
    const pdf = makeTextPdf([[HEAD, BODY]]);
    const read = await readDocument('hong.pdf', pdf.slice(0, 400));
    expect(read.problem).toEqual({ kind: 'damaged', message: expect.stringMatching(/PDF bị hỏng/) });
  });
});

describe('text files', () => {
  const text = `${HEAD}\n${BODY}\n${TAIL}`;

  it('UTF-8, with or without a byte order mark, and Windows line ends', async () => {
    const utf8 = new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    expect(await readDocument('a.txt', utf8)).toEqual({ text, encoding: 'utf-8', notes: [] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(await readDocument('a.txt', bom)).toEqual({ text, encoding: 'utf-8', notes: [] });
  });

  it.each([
    ['le', true, 'utf-16le'],
    ['be', true, 'utf-16be'],
    ['le', false, 'utf-16le'],
    ['be', false, 'utf-16be'],
  ] as const)('UTF-16 %s (BOM: %s)', async (endian, bom, encoding) => {
    expect(await readDocument('a.txt', encodeUtf16(text, endian, bom))).toEqual({ text, encoding, notes: [] });
  });

  it.each(['tcvn3', 'vni'] as const)('%s is detected, converted and said', async (encoding) => {
    const read = await readDocument('cu.txt', encodeLegacy(text, encoding));
    expect(read.text).toBe(text);
    expect(read.encoding).toBe(encoding);
    expect(read.notes).toEqual([expect.stringMatching(/^Tệp văn bản gõ bằng bảng mã .*: đã chuyển sang Unicode/)]);
  });

  it('a Vietnamese ANSI file (Windows-1258: base letters and combining tone bytes) is read and noted', async () => {
    // "Thu ngân sách đạt 12 tỉ đồng": â 0xE2, đ 0xF0, ô 0xF4, and the tone bytes acute 0xEC, dot 0xF2, hook 0xD2, grave 0xCC
    const bytes = new Uint8Array([
      ...[0x54, 0x68, 0x75, 0x20], // "Thu "
      ...[0x6e, 0x67, 0xe2, 0x6e, 0x20], // "ngân"
      ...[0x73, 0x61, 0xec, 0x63, 0x68, 0x20], // "sách"
      ...[0xf0, 0x61, 0xf2, 0x74, 0x20], // "đạt"
      ...[0x31, 0x32, 0x20], // "12 "
      ...[0x74, 0x69, 0xd2, 0x20], // "tỉ"
      ...[0xf0, 0xf4, 0xcc, 0x6e, 0x67], // "đồng"
    ]);
    const read = await readDocument('ansi.txt', bytes);
    expect(read.text).toBe('Thu ngân sách đạt 12 tỉ đồng');
    expect(read.encoding).toBe('windows-1258');
    expect(read.notes).toEqual([expect.stringMatching(/Windows-1258/)]);
  });

  it('binary data and a text file without words are problems', async () => {
    const noise = Uint8Array.from({ length: 600 }, (_, i) => (i * 73 + 11) % 256);
    expect((await readDocument('rac.txt', noise)).problem?.kind).toBe('unsupported');
    expect((await readDocument('so.txt', new TextEncoder().encode('12 34\n56'))).problem?.kind).toBe('damaged');
  });
});

describe('files the import does not read say what to do', () => {
  it('an old binary .doc (D0 CF 11 E0): save it as .docx', async () => {
    const read = await readDocument('bao-cao.doc', oleDocHeader());
    expect(read).toEqual({
      text: '',
      encoding: 'unknown',
      notes: [],
      problem: { kind: 'binary-doc', message: expect.stringMatching(/^Tệp \.doc cũ.*hãy mở bằng Word và lưu thành \.docx/) },
    });
  });

  it('a .docx that is an OLE file (a password, or a renamed .doc)', async () => {
    const read = await readDocument('bao-cao.docx', oleDocHeader());
    expect(read.problem).toEqual({ kind: 'binary-doc', message: expect.stringMatching(/mật khẩu.*lưu thành \.docx/) });
  });

  it('an Excel workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Số liệu').addRow(['Thu ngân sách', 31e9]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const read = await readDocument('so-lieu.xlsx', bytes);
    expect(read.problem).toEqual({ kind: 'unsupported', message: expect.stringMatching(/^Tệp Excel không phải văn bản báo cáo/) });
  });

  it('an empty file, a picture, RTF, and a file whose name lies', async () => {
    expect((await readDocument('a.txt', new Uint8Array())).problem).toEqual({ kind: 'damaged', message: expect.stringMatching(/rỗng/) });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await readDocument('anh.png', png)).problem?.kind).toBe('unsupported');
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi Thu ngan sach}');
    expect((await readDocument('a.rtf', rtf)).problem?.message).toMatch(/^Tệp RTF: hãy mở bằng Word và lưu thành \.docx/);
    const fake = await readDocument('bao-cao.pdf', new TextEncoder().encode(BODY));
    expect(fake.problem).toEqual({ kind: 'damaged', message: expect.stringMatching(/^Tệp có đuôi \.pdf nhưng không phải tệp PDF/) });
  });

  it('a PDF renamed to .txt is still read as the PDF it is', async () => {
    const read = await readDocument('nham-ten.txt', makeTextPdf([[HEAD, BODY]]));
    expect(read.encoding).toBe('pdf');
    expect(lines(read.text)).toEqual([HEAD, BODY]);
  });
});
