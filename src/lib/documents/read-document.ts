/**
 * One entry for every report file the import takes: .docx, .pdf with a text layer, .txt
 * (UTF-8, UTF-16, TCVN3, VNI, Windows-1258). What cannot be read comes back with a problem
 * that says what to do, never as an empty import. Runs in the browser and in Node; the heavy
 * readers (mammoth, pdf.js) are loaded only when a file of theirs is read.
 */
import { extensionOf, fileKind, zipHolds } from './file-kind';
import { problems } from './messages';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { readTextFile } from './read-text-file';
import type { DocumentProblem, ReadDocument } from './types';

const failed = (problem: DocumentProblem): ReadDocument => ({ text: '', encoding: 'unknown', notes: [], problem });

/** What a name's extension promises, for a file whose bytes are none of the kinds we read. */
const CLAIMS: Record<string, string> = { docx: 'Word (.docx)', pdf: 'PDF', doc: 'Word (.doc)', xlsx: 'Excel', xls: 'Excel' };

export async function readDocument(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const ext = extensionOf(name);
  const kind = fileKind(bytes).kind;
  switch (kind) {
    case 'empty':
      return failed(problems.empty());
    case 'pdf':
      return readPdf(bytes);
    case 'zip':
      if (zipHolds(bytes, 'word/')) return readDocx(bytes);
      if (zipHolds(bytes, 'xl/')) return failed(problems.office('Excel'));
      if (zipHolds(bytes, 'ppt/')) return failed(problems.office('PowerPoint'));
      if (zipHolds(bytes, 'application/vnd.oasis.opendocument')) return failed(problems.odt());
      return failed(problems.damagedDocx());
    case 'ole':
      if (ext === 'xls') return failed(problems.oldOffice('Excel'));
      if (ext === 'ppt') return failed(problems.oldOffice('PowerPoint'));
      return failed(ext === 'docx' ? problems.lockedDocx() : problems.binaryDoc());
    case 'rtf':
      return failed(problems.rtf());
    case 'image':
      return failed(problems.image());
    case 'text': {
      const claim = CLAIMS[ext];
      if (claim) return failed(problems.notAsNamed(ext, claim));
      return readTextFile(bytes);
    }
  }
}
