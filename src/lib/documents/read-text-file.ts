/** A .txt file: BOM and UTF-16 detection, UTF-8, else a single-byte file (TCVN3, VNI, Windows-1258). */
import { decodeReportBytes } from '../extract';
import { notes, problems } from './messages';
import type { ReadDocument } from './types';

/** Control characters no text file holds (NUL, and the C0 codes but tab, line feed, form feed, carriage return). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

export function readTextFile(bytes: Uint8Array): ReadDocument {
  const { text, encoding } = decodeReportBytes(bytes);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) return { text: '', encoding: 'unknown', notes: [], problem: problems.binary() };
  const clean = text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
  const read: ReadDocument = { text: clean, encoding, notes: [] };
  if (encoding === 'tcvn3' || encoding === 'vni') read.notes.push(notes.converted(encoding, 'text'));
  if (encoding === 'windows-1258') read.notes.push(notes.windows1258);
  if (!/\p{L}/u.test(clean)) read.problem = problems.emptyText();
  return read;
}
