/**
 * Vietnamese text typed in the pre-Unicode encodings TCVN3 (ABC, the .VnTime fonts) and VNI
 * (VNI-Windows, the VNI-Times fonts): detection and conversion to Unicode (NFC).
 *
 * Such text reaches us in two ways, and both end up as the same string: a `.txt` file's bytes
 * read as windows-1252, or the text of a .docx/PDF run that used a legacy font, where each
 * legacy byte is the windows-1252 (= latin-1 above 0x9F) character of that byte. Every
 * Vietnamese letter of both encodings lies in 0xA0–0xFF, where windows-1252 and latin-1 agree.
 *
 * Tables (facts cross-checked in at least two independent sources):
 * - TCVN3 = TCVN 5712:1993 "VN3", the subset of VN1 used by the ABC fonts: the 67 lower-case
 *   letters, Ă Â Ê Ô Ơ Ư Đ, and five combining tone marks at 0xB0–0xB4. Checked against
 *   GNU libiconv lib/tcvn.h (TCVN-5712, seen as koron/libiconv), UniKey's vnconv/data.cpp
 *   (SingleByteTables "TCVN3", seen as nhvu95/unikey-muong-language), xvnkb tcvn.h
 *   (lamdao/xvnkb) and BoGo's src/charset.hpp (cmpitg/bogoengine); all four agree on every code.
 *   VN1's toned capitals (libiconv maps some to 0x01–0x17, 0x80–0x9F, 0xAF, 0xBA, 0xBF–0xC5, …)
 *   are not part of VN3 and are left as they are.
 * - VNI: a base letter followed by one mark character that carries the shape and/or the tone
 *   (never two marks: "ố" is o + "á", "ướ" is "ö" + "ô" + "ù"); i, ơ, ư, đ and ỵ have letters of
 *   their own. Capitals are the upper-case of the same characters ("Á" = "AÙ"). Checked against
 *   UniKey's vnconv/data.cpp (DoubleByteTables "VNIWIN": low byte base, high byte mark) and
 *   xvnkb vni.h (lamdao/xvnkb); they agree on every letter.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Tone columns of the rows below: none, acute, grave, hook above, tilde, dot below. */
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** TCVN3 codes of the lower-case vowels, by vowel (with its shape) and tone column. */
const TCVN3_VOWELS: Record<string, readonly number[]> = {
  a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
/** The other TCVN3 letters: đ and the only capitals VN3 has (no toned capitals). */
const TCVN3_OTHERS: Record<string, number> = {
  đ: 0xae, Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7,
};
/** TCVN3 0xB0–0xB4: combining grave, hook above, tilde, acute, dot below (libiconv). */
const TCVN3_COMBINING = new Map<string, string>([
  ['\u00b0', '\u0300'], ['\u00b1', '\u0309'], ['\u00b2', '\u0303'], ['\u00b3', '\u0301'], ['\u00b4', '\u0323'],
]);

/**
 * VNI sequences of the lower-case vowels, same columns. Marks: ù acute, ø grave, û hook,
 * õ tilde, ï dot; â circumflex and á à å ã ä circumflex with a tone; ê breve and é è ú ü ë
 * breve with a tone. ô is ơ and ö is ư.
 */
const VNI_VOWELS: Record<string, readonly string[]> = {
  a: ['a', 'aù', 'aø', 'aû', 'aõ', 'aï'],
  ă: ['aê', 'aé', 'aè', 'aú', 'aü', 'aë'],
  â: ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä'],
  e: ['e', 'eù', 'eø', 'eû', 'eõ', 'eï'],
  ê: ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä'],
  i: ['i', 'í', 'ì', 'æ', 'ó', 'ò'],
  o: ['o', 'où', 'oø', 'oû', 'oõ', 'oï'],
  ô: ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä'],
  ơ: ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï'],
  u: ['u', 'uù', 'uø', 'uû', 'uõ', 'uï'],
  ư: ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï'],
  y: ['y', 'yù', 'yø', 'yû', 'yõ', 'î'],
};
const VNI_OTHERS: Record<string, string> = { đ: 'ñ' };

function buildTcvn3(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [vowel, codes] of Object.entries(TCVN3_VOWELS)) {
    codes.forEach((code, tone) => {
      table.set((vowel + TONE_MARKS[tone]).normalize('NFC'), String.fromCharCode(code));
    });
    if (/[a-z]/.test(vowel)) table.set(vowel.toUpperCase(), vowel.toUpperCase());
  }
  for (const [letter, code] of Object.entries(TCVN3_OTHERS)) table.set(letter, String.fromCharCode(code));
  return table;
}

function buildVni(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (letter: string, legacy: string) => {
    table.set(letter, legacy);
    table.set(letter.toUpperCase(), legacy.toUpperCase());
  };
  for (const [vowel, seqs] of Object.entries(VNI_VOWELS)) {
    seqs.forEach((legacy, tone) => add((vowel + TONE_MARKS[tone]).normalize('NFC'), legacy));
  }
  for (const [letter, legacy] of Object.entries(VNI_OTHERS)) add(letter, legacy);
  return table;
}

const TABLES: Record<LegacyEncoding, ReadonlyMap<string, string>> = { tcvn3: buildTcvn3(), vni: buildVni() };

/**
 * Unicode vowel or đ/Đ (NFC) → its legacy form, for every one the encoding has (the plain
 * vowels a e i o u y and their capitals map to themselves; consonants are not listed).
 * TCVN3 has no toned capitals: the .VnTimeH fonts show the lower-case codes as capitals,
 * so such headings come back in lower case (see `convertLegacy`).
 */
export function legacyTable(encoding: LegacyEncoding): ReadonlyMap<string, string> {
  return TABLES[encoding];
}

/** Legacy form → Unicode, without the identities (ASCII letters). */
function invert(table: ReadonlyMap<string, string>): Map<string, string> {
  const inverse = new Map<string, string>();
  for (const [letter, legacy] of table) if (legacy !== letter) inverse.set(legacy, letter);
  return inverse;
}
const TCVN3_DECODE = invert(TABLES.tcvn3);
const VNI_DECODE = (() => {
  const inverse = invert(TABLES.vni);
  // A base followed by a mark of the other case ("Aù", after a case change in Word) is the
  // same letter, in the base's case.
  for (const [legacy, letter] of [...inverse]) {
    if (legacy.length !== 2) continue;
    const [base = '', mark = ''] = legacy;
    const other = mark === mark.toUpperCase() ? mark.toLowerCase() : mark.toUpperCase();
    if (!inverse.has(base + other)) inverse.set(base + other, letter);
  }
  return inverse;
})();

function convertTcvn3Run(text: string): string {
  let out = '';
  for (const ch of text) {
    const letter = TCVN3_DECODE.get(ch);
    if (letter !== undefined) {
      out += letter;
      continue;
    }
    const mark = TCVN3_COMBINING.get(ch);
    const last = out.slice(-1);
    if (mark !== undefined && /\p{L}/u.test(last)) {
      // A separate tone mark joins the letter before it; anywhere else (after a digit,
      // "25°C") it is kept as the symbol it shows in other fonts.
      const composed = (last + mark).normalize('NFC');
      if (composed.length === 1) {
        out = out.slice(0, -1) + composed;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function convertVniRun(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    // Longest match first: base + mark, then a letter of its own.
    const pair = VNI_DECODE.get(text.slice(i, i + 2));
    if (pair !== undefined && i + 1 < text.length) {
      out += pair;
      i += 2;
      continue;
    }
    const ch = text.charAt(i);
    out += VNI_DECODE.get(ch) ?? ch;
    i += 1;
  }
  return out;
}

const CONVERTERS: Record<LegacyEncoding, (text: string) => string> = { tcvn3: convertTcvn3Run, vni: convertVniRun };

/** Letters no legacy byte gives (ă đ ĩ ũ ơ ư and capitals, U+1EA0–U+1EF9, combining marks). */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u036f]/;
/** TCVN3 lines whose letters are all capitals: ASCII capitals and Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7). */
const TCVN3_UPPER = /[A-Z\u00a1-\u00a7]/g;
const TCVN3_LOWER = /[a-z\u00a8-\u00ae]/;

/**
 * Converts legacy text to Unicode (NFC), line by line:
 * - a line that already holds letters no legacy byte gives (ă đ ơ ư ĩ ũ, U+1EA0–U+1EF9,
 *   combining marks) is kept as it is, so a document mixing Unicode and legacy paragraphs
 *   keeps its Unicode ones;
 * - TCVN3 has no toned capitals: a line whose other letters are all capitals (two or more,
 *   none lower case) is taken for an all-caps heading and upper-cased ("B¸O C¸O" → "BÁO CÁO").
 *   A .VnTimeH heading typed in lower case ("b¸o c¸o") cannot be told from body text and
 *   comes out in lower case ("báo cáo"): expected.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const convert = CONVERTERS[encoding];
  return text
    .split(/(\r\n|\r|\n)/)
    .map((line, index) => {
      if (index % 2 === 1 || UNICODE_ONLY.test(line)) return line;
      const converted = convert(line).normalize('NFC');
      if (encoding === 'tcvn3' && isAllCapsLine(line)) return converted.toUpperCase();
      return converted;
    })
    .join('');
}

function isAllCapsLine(line: string): boolean {
  return (line.match(TCVN3_UPPER)?.length ?? 0) >= 2 && !TCVN3_LOWER.test(line);
}

// ---------------------------------------------------------------------------------------------
// Detection

const TONE_CHARS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Vowel groups that end a syllable (no final consonant may follow). */
const OPEN_RHYMES = 'iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|uơ';
/** Vowel groups that may take a final consonant. */
const CLOSED_RHYMES = 'uyê|iê|yê|oa|oă|oe|oo|uâ|uê|uô|ươ|uy|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư';
const SYLLABLE = new RegExp(
  `^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:(?:${OPEN_RHYMES})|(?:${CLOSED_RHYMES})(?:ch|nh|ng|[cmnpt])?)$`,
  'u',
);

/** Whether `word` is spelt like a Vietnamese syllable (onset, vowels, final; at most one tone). */
function isSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  if ((decomposed.match(TONE_CHARS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_CHARS, '').normalize('NFC').toLowerCase());
}

/** Words: letters, marks and the latin-1 symbols TCVN3 uses as letters (« = ô, ­ = ư, …). */
const WORD = /[\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/gu;
const HAS_HIGH = /[\u00a0-\u00ff]/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const MIN_HITS = 3;
const HITS_PER_MISS = 3;
const ENOUGH_EVIDENCE = 400;

interface Evidence {
  hits: number;
  misses: number;
}

function weigh(text: string, encoding: LegacyEncoding): Evidence {
  const convert = CONVERTERS[encoding];
  const evidence: Evidence = { hits: 0, misses: 0 };
  for (const [word] of text.matchAll(WORD)) {
    if (word.length < 2 || !HAS_HIGH.test(word) || BEYOND_LATIN1.test(word)) continue;
    const converted = convert(word).normalize('NFC');
    if (!isSyllable(converted)) evidence.misses++;
    else if (!isSyllable(word)) evidence.hits++;
    if (evidence.hits + evidence.misses >= ENOUGH_EVIDENCE) break;
  }
  return evidence;
}

/**
 * Which legacy encoding `text` (legacy bytes as windows-1252/latin-1 characters) is in, or null.
 *
 * Rule: split the text into words (letters, marks and the latin-1 symbols TCVN3 uses as
 * letters). Only words of two or more characters that hold a character in 0xA0–0xFF and none
 * beyond 0xFF count (plain ASCII words say nothing; a word with ă, đ, ơ, ư, ạ … is Unicode).
 * For each encoding, such a word is
 * - a hit when, converted, it is spelt like a Vietnamese syllable and, as given, it is not
 *   ("Th«ng" → "Thông", "Baùo" → "Báo"); a word valid both ways ("các", "hoà") is no evidence;
 * - a miss when, converted, it is no syllable ("«trích»", "café", "Müller").
 * An encoding is chosen when it has at least 3 hits and at least 3 hits per miss; if both
 * qualify, the one with more hits. Unicode Vietnamese and English give no hits; a few stray
 * symbols («trích», ©, ½, 25°C) give misses or single characters, which do not count.
 * Only the first 400 deciding words are weighed.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  let best: LegacyEncoding | null = null;
  let bestHits = 0;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const { hits, misses } = weigh(text, encoding);
    if (hits >= MIN_HITS && hits >= HITS_PER_MISS * misses && hits > bestHits) {
      best = encoding;
      bestHits = hits;
    }
  }
  return best;
}

/** Detects a legacy encoding and converts; Unicode text is returned as given. */
export function decodeReportText(text: string): { text: string; encoding: 'unicode' | LegacyEncoding } {
  const encoding = detectLegacyEncoding(text);
  return encoding ? { text: convertLegacy(text, encoding), encoding } : { text, encoding: 'unicode' };
}

// ---------------------------------------------------------------------------------------------
// Bytes

export type ReportBytesEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding | 'windows-1258';

/**
 * Decodes a text file's bytes: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without BOM when one byte
 * of each pair is NUL in a quarter of the pairs or more and the other in 5 % or fewer; valid
 * UTF-8; otherwise a single-byte file, read as windows-1252 and converted when it is TCVN3 or
 * VNI, else read as windows-1258 (Vietnamese ANSI; the WHATWG encoding standard has it, so
 * browsers and Node's TextDecoder decode it) and composed to NFC.
 * Unicode text holding TCVN3/VNI characters (a legacy document saved as UTF-8) is converted
 * too, and its legacy encoding is reported.
 */
export function decodeReportBytes(bytes: Uint8Array): { text: string; encoding: ReportBytesEncoding } {
  const unicode = (encoding: 'utf-8' | 'utf-16le' | 'utf-16be', start: number) => {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start));
    const decoded = decodeReportText(text);
    return { text: decoded.text, encoding: decoded.encoding === 'unicode' ? encoding : decoded.encoding };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return unicode('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return unicode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return unicode('utf-16be', 2);

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    try {
      new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return unicode(utf16, 0);
    } catch {
      // not UTF-16 after all
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return unicode('utf-8', 0);
  } catch {
    // a single-byte file
  }
  const latin = new TextDecoder('windows-1252').decode(bytes);
  const legacy = detectLegacyEncoding(latin);
  if (legacy) return { text: convertLegacy(latin, legacy), encoding: legacy };
  return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  if (oddNul >= pairs / 4 && evenNul <= pairs / 20) return 'utf-16le';
  if (evenNul >= pairs / 4 && oddNul <= pairs / 20) return 'utf-16be';
  return null;
}
