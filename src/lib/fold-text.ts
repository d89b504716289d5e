/**
 * Text folded for comparing and for ASCII names: lower case, without diacritics, đ as d.
 * "Phường Mỹ Thới" and "MỸ THỚI" fold alike; "Hoà" and "Hòa" (the tone mark on either vowel,
 * as sources spell it) both fold to "hoa"; "Đ" folds to "d". Other characters are kept as they
 * are: callers decide what separates words (unit search, file names).
 */
export function foldText(text: string): string {
  return (
    text
      // every diacritic as a combining mark after its letter, then dropped
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // đ has no decomposition
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
  );
}
