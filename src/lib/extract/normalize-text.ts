/**
 * Text normalisation for the extractor. Reports arrive partly in decomposed Unicode (NFD),
 * with non-breaking spaces and old-style tone placement ("Đảng uỷ", "Mỹ Hoà"). Rules run on a
 * folded copy whose offsets map back to the text as given, so the UI can highlight phrases.
 */

export interface NormalizedText {
  /** The input as given. */
  original: string;
  /** NFC text. */
  text: string;
  /** Same length as `text`: lower case, NBSP → space, old-style tone marks moved ("uỷ" → "ủy"). */
  match: string;
  /** Maps an offset in `text`/`match` to an offset in `original`. */
  toOriginal(offset: number): number;
}

/** Old-style tone placement → new style; both spellings are common in the reports. */
const TONE_FOLD: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
/** Only at the end of a syllable: "hoà" → "hòa", but "hoàn" stays. */
const TONE_FOLD_PATTERN = /(?<!q)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu;

/** Lower case, NBSP → space and tone folding, keeping the length of an NFC string. */
export function foldForMatch(nfc: string): string {
  let lower = '';
  for (const ch of nfc) {
    const l = ch.toLowerCase();
    lower += l.length === ch.length ? l : ch;
  }
  return lower
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(TONE_FOLD_PATTERN, (m) => TONE_FOLD[m] ?? m);
}

/** NFC-normalises `input`, keeping a map from the new offsets back to the input's. */
export function normalizeText(input: string): NormalizedText {
  // Canonical composition only joins a base letter with the marks that follow it,
  // so normalising cluster by cluster gives the NFC text and an exact offset map.
  const clusters = input.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  const map: number[] = [];
  let text = '';
  let orig = 0;
  for (const cluster of clusters) {
    const nfc = cluster.normalize('NFC');
    for (let k = 0; k < nfc.length; k++) map.push(orig);
    text += nfc;
    orig += cluster.length;
  }
  map.push(orig);
  return {
    original: input,
    text,
    match: foldForMatch(text),
    toOriginal: (offset) => map[Math.max(0, Math.min(offset, map.length - 1))] ?? input.length,
  };
}
