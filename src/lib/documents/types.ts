/** What reading a report's file gives: its text, how it was encoded, and what the person should know. */

/**
 * How the text was stored: a text file's encoding (`windows-1258`: a Vietnamese ANSI file), the
 * legacy encoding a text file was converted from (`tcvn3`, `vni`), or the document format it was
 * read from (`docx`, `pdf`; a legacy font inside is said in `notes`). `unknown`: the file could
 * not be read as any of these (an old .doc, a picture, a damaged file; see `problem`).
 */
export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'docx' | 'pdf' | 'unknown';

/**
 * - `scan-pdf`: a PDF (or some of its pages) with no text layer, only pictures of pages;
 * - `binary-doc`: an old binary Word file (.doc, Word 97–2003) or a Word file with a password;
 * - `unsupported`: a kind of file the import does not read (Excel, PowerPoint, RTF, pictures…);
 * - `damaged`: empty, cut short or not what its name says.
 */
export type DocumentProblemKind = 'scan-pdf' | 'binary-doc' | 'unsupported' | 'damaged';

export interface DocumentProblem {
  kind: DocumentProblemKind;
  /** Vietnamese: what is wrong and what to do. */
  message: string;
}

export interface ReadDocument {
  /** The text, in Unicode (NFC); paragraphs on lines of their own. Empty when nothing could be read. */
  text: string;
  encoding: DocumentEncoding;
  /** Vietnamese, for the person: what was done to the text (a conversion from TCVN3, …). */
  notes: string[];
  /** Set when the text is missing or incomplete; `text` then holds whatever could be read. */
  problem?: DocumentProblem;
}
