/**
 * The text of a Word or PDF document whose runs used a legacy font (.VnTime, VNI-Times): such
 * text arrives as the latin-1 characters of the legacy bytes and is converted here.
 */
import { convertLegacy, detectLegacyEncoding, type LegacyEncoding } from '../extract';

/**
 * A PDF printed from a TCVN3 document shows the legacy bytes through a font's WinAnsiEncoding,
 * and PDF readers give two of them back as other characters: 0xB5 (TCVN3 "à", the glyph "mu")
 * as Greek μ, and 0xAD (TCVN3 "ư", the glyph "hyphen") as a hyphen, so "ng-êi" for "người".
 * A hyphen right after a bare initial consonant ("n-íc", "th-¬ng") or starting a word before a
 * TCVN3 vowel ("-íc", "-u") is "ư"; after a vowel ("M¸c-Lªnin"), between digits or with spaces
 * around it stays a hyphen.
 */
const U_HORN_AS_HYPHEN =
  /(?<![\p{L}\p{M}\u00a1-\u00ff\d])(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx\u00ae\u00a7])?-(?=[\u00a1-\u00ffu])/giu;

export function restoreTcvn3FromPdf(text: string): string {
  return text.replace(/\u03bc/g, '\u00b5').replace(U_HORN_AS_HYPHEN, (_, onset: string | undefined) => `${onset ?? ''}\u00ad`);
}

export interface LegacyReading {
  text: string;
  /** The legacy encoding the text was converted from, if it was. */
  legacy?: LegacyEncoding;
}

/** Detects TCVN3 or VNI in a document's text and converts it (lines already in Unicode stay). */
export function convertDocumentText(text: string, from: 'docx' | 'pdf'): LegacyReading {
  if (from === 'pdf') {
    const restored = restoreTcvn3FromPdf(text);
    if (restored !== text && detectLegacyEncoding(restored) === 'tcvn3') return { text: convertLegacy(restored, 'tcvn3'), legacy: 'tcvn3' };
  }
  const encoding = detectLegacyEncoding(text);
  return encoding ? { text: convertLegacy(text, encoding), legacy: encoding } : { text };
}
