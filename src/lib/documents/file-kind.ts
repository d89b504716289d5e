/**
 * What a file is, from its first bytes (its name only breaks ties and names what it claims to
 * be): a file renamed to .txt is still read as the PDF it is.
 */

export type FileKind =
  | { kind: 'empty' }
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'rtf' }
  | { kind: 'image' }
  | { kind: 'text' };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = ascii('{\\rtf');
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a],
  ascii('GIF8'),
];

/** A PDF may have a few bytes of junk before its header (readers accept it within the first KiB). */
function pdfHeaderAt(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return i;
  return -1;
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, OLE)) return { kind: 'ole' };
  if (startsWith(bytes, RTF)) return { kind: 'rtf' };
  if (IMAGES.some((m) => startsWith(bytes, m))) return { kind: 'image' };
  if (pdfHeaderAt(bytes) >= 0) return { kind: 'pdf' };
  return { kind: 'text' };
}

/** The file name's extension, lower case, without the dot ("" when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Names of the parts a zip file holds, read from its local headers (uncompressed, so a scan finds them). */
export function zipHolds(bytes: Uint8Array, part: string): boolean {
  const needle = ascii(part);
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
