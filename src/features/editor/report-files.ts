/**
 * Reading the report files the editor drops or chooses, with the document readers of
 * src/lib/documents (mammoth for .docx, pdf.js for PDF, the text decoders), fetched by import()
 * when the import is first opened, never with the page.
 */
import type { ReadDocument } from '../../lib/documents';

type Documents = typeof import('../../lib/documents');

let loading: Promise<Documents> | undefined;

/** The readers' module, fetched once (again after a failed fetch). */
export function loadDocumentReaders(): Promise<Documents> {
  loading ??= import('../../lib/documents').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** The most text one stored report may hold (the contract's Source.text). */
export const MAX_REPORT_CHARS = 200_000;

/** The accept list of the file picker: what the readers read, and an old .doc so that it is said to be one. */
export const REPORT_FILE_TYPES = '.docx,.pdf,.txt,.doc,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function readReportFile(file: File): Promise<ReadDocument> {
  const { readDocument } = await loadDocumentReaders();
  return readDocument(file.name, new Uint8Array(await file.arrayBuffer()));
}
