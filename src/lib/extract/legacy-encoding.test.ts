import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  decodeReportBytes,
  decodeReportText,
  detectLegacyEncoding,
  legacyTable,
  type LegacyEncoding,
} from './legacy-encoding';

/**
 * Unicode → legacy through the module's own tables. TCVN3 has no toned capitals: like the ABC
 * keyboard with a .VnTimeH font, a toned capital is typed with its lower-case code.
 */
function encode(text: string, encoding: LegacyEncoding): string {
  const table = legacyTable(encoding);
  return [...text.normalize('NFC')].map((ch) => table.get(ch) ?? table.get(ch.toLowerCase()) ?? ch).join('');
}

/** A legacy string (characters ≤ U+00FF) as the bytes of a single-byte file. */
function bytesOf(legacy: string): Uint8Array {
  return Uint8Array.from(legacy, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not a byte: ${ch}`);
    return code;
  });
}

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const LOWER_LETTERS = [
  ...['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  'đ',
].filter((ch) => !/^[a-z]$/.test(ch));
const ALL_LETTERS = [...LOWER_LETTERS, ...LOWER_LETTERS.map((ch) => ch.toUpperCase())];
const SHAPED_CAPITALS = ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];

/** TCVN3 (TCVN 5712 VN3) code → letter, from GNU libiconv lib/tcvn.h (tcvn_2uni_2). */
const LIBICONV_VN3 = (
  'a1Ă a2Â a3Ê a4Ô a5Ơ a6Ư a7Đ a8ă a9â aaê abô acơ adư aeđ b5à b6ả b7ã b8á b9ạ bbằ bcẳ bdẵ beắ c6ặ ' +
  'c7ầ c8ẩ c9ẫ caấ cbậ ccè ceẻ cfẽ d0é d1ẹ d2ề d3ể d4ễ d5ế d6ệ d7ì d8ỉ dcĩ ddí deị dfò e1ỏ e2õ e3ó ' +
  'e4ọ e5ồ e6ổ e7ỗ e8ố e9ộ eaờ ebở ecỡ edớ eeợ efù f1ủ f2ũ f3ú f4ụ f5ừ f6ử f7ữ f8ứ f9ự faỳ fbỷ fcỹ ' +
  'fdý feỵ'
).split(' ');
/** VNI word (high byte mark, low byte base) → letter, from UniKey vnconv/data.cpp (VNIWIN). */
const UNIKEY_VNI = (
  'd941Á f961á d841À f861à db41Ả fb61ả d541Ã f561ã cf41Ạ ef61ạ c241Â e261â c141Ấ e161ấ c041Ầ e061ầ ' +
  'c541Ẩ e561ẩ c341Ẫ e361ẫ c441Ậ e461ậ ca41Ă ea61ă c941Ắ e961ắ c841Ằ e861ằ da41Ẳ fa61ẳ dc41Ẵ fc61ẵ ' +
  'cb41Ặ eb61ặ 00d1Đ 00f1đ d945É f965é d845È f865è db45Ẻ fb65ẻ d545Ẽ f565ẽ cf45Ẹ ef65ẹ c245Ê e265ê ' +
  'c145Ế e165ế c045Ề e065ề c545Ể e565ể c345Ễ e365ễ c445Ệ e465ệ 00cdÍ 00edí 00ccÌ 00ecì 00c6Ỉ 00e6ỉ ' +
  '00d3Ĩ 00f3ĩ 00d2Ị 00f2ị d94fÓ f96fó d84fÒ f86fò db4fỎ fb6fỏ d54fÕ f56fõ cf4fỌ ef6fọ c24fÔ e26fô ' +
  'c14fỐ e16fố c04fỒ e06fồ c54fỔ e56fổ c34fỖ e36fỗ c44fỘ e46fộ 00d4Ơ 00f4ơ d9d4Ớ f9f4ớ d8d4Ờ f8f4ờ ' +
  'dbd4Ở fbf4ở d5d4Ỡ f5f4ỡ cfd4Ợ eff4ợ d955Ú f975ú d855Ù f875ù db55Ủ fb75ủ d555Ũ f575ũ cf55Ụ ef75ụ ' +
  '00d6Ư 00f6ư d9d6Ứ f9f6ứ d8d6Ừ f8f6ừ dbd6Ử fbf6ử d5d6Ữ f5f6ữ cfd6Ự eff6ự d959Ý f979ý d859Ỳ f879ỳ ' +
  'db59Ỷ fb79ỷ d559Ỹ f579ỹ 00ceỴ 00eeỵ'
).split(' ');

const TCVN3_SENTENCES = [
  'Đảng ủy phường Mỹ Thới tổ chức hội nghị sơ kết 6 tháng đầu năm 2025; thu ngân sách đạt 88,44% dự toán.',
  'Tỷ lệ hộ nghèo giảm còn 1,2%; tỷ lệ bao phủ bảo hiểm y tế đạt 93,5% dân số, tăng 0,8% so với cùng kỳ.',
  'Trong quý III, phường đã giải quyết 245/250 hồ sơ hành chính đúng hạn, vượt kế hoạch đề ra.',
  'Công tác xây dựng Đảng được quan tâm; kết nạp 12 đảng viên mới, đạt 120% chỉ tiêu năm.',
  'Ơn nghĩa, Ưu tiên, Ân cần, Ông bà, Ê-đê: những chữ hoa có mã riêng trong TCVN3.',
];
const VNI_SENTENCES = [
  'Đảng ủy phường Mỹ Thới tổ chức hội nghị sơ kết 6 tháng đầu năm 2025; thu ngân sách đạt 88,44% dự toán.',
  'Ủy ban nhân dân phường Ấp Bắc báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội quý I năm 2024.',
  'Ước thực hiện thu ngân sách nhà nước trên địa bàn đạt 105,2% dự toán; Ở khu vực Ông Đình, số hộ được hỗ trợ tăng.',
  'Ý kiến của Ỷ Lan, Ỵ, Ẽ, Ỗ: chữ hoa có dấu vẫn giữ nguyên trong VNI.',
  'ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ PHƯỜNG LẦN THỨ XIV, NHIỆM KỲ 2025 - 2030',
];
const UNICODE_SAMPLES = [
  ...VNI_SENTENCES,
  'Thông tin các xã', // only latin-1 accents: each word also reads as a TCVN3 or VNI syllable
  'Báo cáo tháng 6: hoà giải thành 12/14 vụ, khoá sổ thu chi, quê hương đổi mới.',
  VNI_SENTENCES[0]!.normalize('NFD'),
];

describe('tables, against their sources', () => {
  it.each(LIBICONV_VN3)('TCVN3 %s is the libiconv letter', (entry) => {
    const code = String.fromCharCode(parseInt(entry.slice(0, 2), 16));
    const letter = entry.slice(2);
    expect(convertLegacy(code, 'tcvn3')).toBe(letter);
    expect(legacyTable('tcvn3').get(letter)).toBe(code);
  });

  it.each(UNIKEY_VNI)('VNI %s is the UniKey letter', (entry) => {
    const word = parseInt(entry.slice(0, 4), 16);
    const legacy = String.fromCharCode(word & 0xff) + (word >> 8 ? String.fromCharCode(word >> 8) : '');
    const letter = entry.slice(4);
    expect(convertLegacy(legacy, 'vni')).toBe(letter);
    expect(legacyTable('vni').get(letter)).toBe(legacy);
  });

  it('knows the 134 Vietnamese letters', () => {
    expect(ALL_LETTERS).toHaveLength(134);
    expect(LIBICONV_VN3).toHaveLength(LOWER_LETTERS.length + SHAPED_CAPITALS.length);
    expect(UNIKEY_VNI).toHaveLength(134);
  });
});

describe('convertLegacy', () => {
  it('reads words typed by hand from the tables', () => {
    expect(convertLegacy('Th«ng tin', 'tcvn3')).toBe('Thông tin');
    expect(convertLegacy('B¸o c¸o', 'tcvn3')).toBe('Báo cáo');
    expect(convertLegacy('§¶ng ñy', 'tcvn3')).toBe('Đảng ủy');
    expect(convertLegacy('Baùo caùo', 'vni')).toBe('Báo cáo');
    expect(convertLegacy('Ñaûng uûy', 'vni')).toBe('Đảng ủy');
    expect(convertLegacy('phöôøng', 'vni')).toBe('phường');
    expect(convertLegacy('BAÙO CAÙO', 'vni')).toBe('BÁO CÁO');
  });

  it('round-trips every TCVN3 letter: all 67 lower-case ones and Ă Â Ê Ô Ơ Ư Đ', () => {
    const letters = [...LOWER_LETTERS, ...SHAPED_CAPITALS].join(' ');
    expect(encode(letters, 'tcvn3')).not.toBe(letters);
    expect(convertLegacy(encode(letters, 'tcvn3'), 'tcvn3')).toBe(letters);
  });

  it('gives the toned capitals of TCVN3 (typed with lower-case codes) in lower case', () => {
    expect(convertLegacy(encode('Ấp Ủy Ở', 'tcvn3'), 'tcvn3')).toBe('ấp ủy ở');
  });

  it('round-trips all 134 letters in VNI', () => {
    const letters = ALL_LETTERS.join(' ');
    expect(convertLegacy(encode(letters, 'vni'), 'vni')).toBe(letters);
  });

  it.each(TCVN3_SENTENCES)('round-trips in TCVN3: %s', (sentence) => {
    const legacy = encode(sentence, 'tcvn3');
    expect(legacy).not.toBe(sentence);
    expect(convertLegacy(legacy, 'tcvn3')).toBe(sentence);
  });

  it.each(VNI_SENTENCES)('round-trips in VNI: %s', (sentence) => {
    const legacy = encode(sentence, 'vni');
    expect(legacy).not.toBe(sentence);
    expect(convertLegacy(legacy, 'vni')).toBe(sentence);
  });

  it('upper-cases a TCVN3 all-caps heading, but not one typed in lower case', () => {
    const heading = 'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025';
    expect(encode(heading, 'tcvn3')).toBe('B¸O C¸O KÕT QU¶ THùC HIÖN NHIÖM Vô N¡M 2025');
    expect(convertLegacy(encode(heading, 'tcvn3'), 'tcvn3')).toBe(heading);
    expect(convertLegacy('b¸o c¸o kÕt qu¶', 'tcvn3')).toBe('báo cáo kết quả');
    expect(convertLegacy('I. KÕT QU¶\nB¸o c¸o', 'tcvn3')).toBe('I. KẾT QUẢ\nBáo cáo');
  });

  it('joins a TCVN3 separate tone mark to its letter, and keeps it elsewhere', () => {
    expect(convertLegacy('Ba\u00b3o ca\u00b0c', 'tcvn3')).toBe('Báo càc');
    expect(convertLegacy('nhiÖt ®é 25°C', 'tcvn3')).toBe('nhiệt độ 25°C');
  });

  it('accepts a VNI mark of the other case after its base', () => {
    expect(convertLegacy('BAùO caÙo', 'vni')).toBe('BÁO cáo');
  });

  it('keeps Unicode lines of a mixed text as they are', () => {
    const mixed = `Báo cáo của phường\n${encode(TCVN3_SENTENCES[0]!, 'tcvn3')}`;
    expect(convertLegacy(mixed, 'tcvn3')).toBe(`Báo cáo của phường\n${TCVN3_SENTENCES[0]}`);
  });

  it('returns NFC text', () => {
    const out = convertLegacy(encode(VNI_SENTENCES[1]!, 'vni'), 'vni');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('detectLegacyEncoding', () => {
  it.each(UNICODE_SAMPLES)('says null for Unicode Vietnamese: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it.each([
    'The ward reported 88.44% of the budget target; café owners paid 1,200 dollars.',
    'Müller and Zoë visited the façade of the Château in Zürich.',
  ])('says null for English: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it.each([
    'Theo «trích» báo cáo © 2025, ½ số hộ đạt chuẩn; nhiệt độ 25°C, độ ẩm 80 ± 5%.',
    '«Tổng kết» ¼ năm: § 3 nêu rõ ¶ mục tiêu ® và ™.',
    'Report «draft» © 2025 — ½ done, 25°C, § 4.',
  ])('says null for text with stray symbols: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  const paragraph = `${TCVN3_SENTENCES[0]}\n${TCVN3_SENTENCES[1]}`;
  it('recognises a two-line TCVN3 paragraph', () => {
    expect(detectLegacyEncoding(encode(paragraph, 'tcvn3'))).toBe('tcvn3');
  });

  it('recognises a two-line VNI paragraph', () => {
    expect(detectLegacyEncoding(encode(paragraph, 'vni'))).toBe('vni');
  });

  it('recognises the examples of the brief', () => {
    expect(detectLegacyEncoding('Th«ng tin vÒ B¸o c¸o cña §¶ng ñy ph­êng')).toBe('tcvn3');
    expect(detectLegacyEncoding('Thoâng tin veà Baùo caùo cuûa Ñaûng uûy phöôøng')).toBe('vni');
  });
});

describe('decodeReportText', () => {
  it('converts legacy text and says which encoding it was', () => {
    const paragraph = TCVN3_SENTENCES.slice(0, 2).join('\n');
    expect(decodeReportText(encode(paragraph, 'tcvn3'))).toEqual({ text: paragraph, encoding: 'tcvn3' });
    expect(decodeReportText(encode(paragraph, 'vni'))).toEqual({ text: paragraph, encoding: 'vni' });
  });

  it('returns Unicode text as given', () => {
    const text = UNICODE_SAMPLES[1]!;
    expect(decodeReportText(text)).toEqual({ text, encoding: 'unicode' });
  });
});

describe('decodeReportBytes', () => {
  const sentence = TCVN3_SENTENCES.slice(0, 3).join('\n');
  const utf16 = (text: string, bigEndian: boolean) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
      out[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    }
    return out;
  };
  const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

  it('reads UTF-8 without and with a BOM', () => {
    const bytes = new TextEncoder().encode(sentence);
    expect(decodeReportBytes(bytes)).toEqual({ text: sentence, encoding: 'utf-8' });
    expect(decodeReportBytes(concat([0xef, 0xbb, 0xbf], bytes))).toEqual({ text: sentence, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(decodeReportBytes(concat([0xff, 0xfe], utf16(sentence, false)))).toEqual({ text: sentence, encoding: 'utf-16le' });
    expect(decodeReportBytes(concat([0xfe, 0xff], utf16(sentence, true)))).toEqual({ text: sentence, encoding: 'utf-16be' });
    expect(decodeReportBytes(utf16(sentence, false))).toEqual({ text: sentence, encoding: 'utf-16le' });
    expect(decodeReportBytes(utf16(sentence, true))).toEqual({ text: sentence, encoding: 'utf-16be' });
  });

  it('reads TCVN3 bytes', () => {
    expect(decodeReportBytes(bytesOf(encode(sentence, 'tcvn3')))).toEqual({ text: sentence, encoding: 'tcvn3' });
  });

  it('reads VNI bytes', () => {
    const text = VNI_SENTENCES.slice(0, 3).join('\r\n');
    expect(decodeReportBytes(bytesOf(encode(text, 'vni')))).toEqual({ text, encoding: 'vni' });
  });

  it('reads other single-byte text as windows-1258', () => {
    // windows-1258 keeps some precomposed letters and writes the others as letter + tone byte.
    const decoder = new TextDecoder('windows-1258');
    const byChar = new Map<string, number>();
    for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
    const cp1258 = (text: string) =>
      [...text].flatMap((ch) => {
        const direct = byChar.get(ch);
        if (direct !== undefined) return [direct];
        const [base = '', tone = ''] = [...ch.normalize('NFD')].reduce<[string, string]>(
          ([b, t], c) => (TONES.includes(c) ? [b, c] : [b + c, t]),
          ['', ''],
        );
        const codes = [byChar.get(base.normalize('NFC')), byChar.get(tone)];
        if (codes.some((c) => c === undefined)) throw new Error(`not in windows-1258: ${ch}`);
        return codes as number[];
      });
    const bytes = Uint8Array.from(cp1258(sentence));
    expect(detectLegacyEncoding(new TextDecoder('windows-1252').decode(bytes))).toBeNull();
    expect(decodeReportBytes(bytes)).toEqual({ text: sentence, encoding: 'windows-1258' });
  });

  it('converts a legacy document saved as UTF-8', () => {
    expect(decodeReportBytes(new TextEncoder().encode(encode(sentence, 'vni')))).toEqual({ text: sentence, encoding: 'vni' });
  });
});
