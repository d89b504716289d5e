/** One report file read as the editor reads it: its text (src/lib/documents), then its figures (src/lib/extract). */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readDocument, type ReadDocument } from '../../src/lib/documents';
import { extractCandidates, type Candidate, type ExtractOptions, type ExtractResult, type PlanTarget } from '../../src/lib/extract';

export interface FileReport {
  /** The path as given on the command line. */
  file: string;
  document: ReadDocument;
  unitId?: string;
  period?: string;
  /** A monthly report's quarter, proposed for a person to confirm (never stored by the command). */
  periodProposed?: string;
  heldOn?: string;
  /** The document's notes, then the extractor's. */
  notes: string[];
  candidates: Candidate[];
  /** What its plan sentences set: candidate targets, never figures (and never stored by the command). */
  targets: PlanTarget[];
  /** The first line of the text, the report's title when it is one. */
  title?: string;
}

export type ReadOptions = ExtractOptions;

export async function readReportFile(file: string, options: ReadOptions): Promise<FileReport> {
  const document = await readDocument(basename(file), new Uint8Array(readFileSync(file)));
  const result: ExtractResult = document.text.trim()
    ? extractCandidates(document.text, options)
    : { kind: 'unknown', candidates: [], targetCandidates: [], notes: [] };
  const report: FileReport = { file, document, notes: [...document.notes, ...result.notes], candidates: result.candidates, targets: result.targetCandidates };
  if (result.unitId) report.unitId = result.unitId;
  if (result.period) report.period = result.period;
  if (result.periodProposed) report.periodProposed = result.periodProposed;
  if (result.heldOn) report.heldOn = result.heldOn;
  const firstLine = document.text.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  if (firstLine && firstLine.length <= 200) report.title = firstLine;
  return report;
}
