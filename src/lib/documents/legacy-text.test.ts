import { describe, expect, it } from 'vitest';
import { encodeLegacy } from './test-files';
import { convertDocumentText, restoreTcvn3FromPdf } from './legacy-text';

/** The text a PDF reader gives for TCVN3 text shown through WinAnsiEncoding: "ư" as "-", "à" as "μ". */
const asPdfReads = (text: string) => String.fromCharCode(...encodeLegacy(text, 'tcvn3')).replace(/\u00ad/g, '-').replace(/\u00b5/g, '\u03bc');

describe('restoreTcvn3FromPdf', () => {
  it.each([
    ['người', 'ng\u00adêi'],
    ['nước', 'n\u00adíc'],
    ['thương', 'th\u00ad¬ng'],
    ['ước', '\u00adíc'],
    ['ưu', '\u00adu'],
  ])('"ư" read as a hyphen comes back (%s)', (word, legacy) => {
    expect(restoreTcvn3FromPdf(asPdfReads(word))).toBe(legacy.normalize('NFC'));
  });

  it.each(['M¸c-Lªnin', 'kinh tÕ - x· héi', '2020-2025', '- Thu ng©n s¸ch'])('a real hyphen stays: %s', (text) => {
    expect(restoreTcvn3FromPdf(text)).toBe(text);
  });
});

describe('convertDocumentText', () => {
  const text = 'Người dân trong phường hưởng ứng phong trào, ước thu ngân sách vượt dự toán, chủ nghĩa Mác-Lênin.';

  it('a TCVN3 PDF text', () => {
    expect(convertDocumentText(asPdfReads(text), 'pdf')).toEqual({ text, legacy: 'tcvn3' });
  });

  it('Unicode text is left as it is, hyphens and all', () => {
    expect(convertDocumentText(text, 'pdf')).toEqual({ text });
    expect(convertDocumentText(text, 'docx')).toEqual({ text });
  });
});
