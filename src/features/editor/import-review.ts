/**
 * One report being imported, as the editor reviews it: its text (pasted, or read from a file),
 * what the importer read from it (unit, period, held date, candidates with their sentences, and
 * apart from them the targets its plans set) and the editor's decisions so far. The import's queue holds one per report; nothing here writes.
 */
import type { Observation } from '../../api/contract';
import { extractCandidates, type ExtractResult } from '../../lib/extract';
import { sameFigure } from '../../api/same-figure';
import type { FieldErrors } from './field-errors';
import { reportDraftFrom, rowFigure, rowsFrom, type CandidateRow, type ReportDraft } from './import-draft';
import type { UnitChoice } from './report-facts';
import { targetRowsFrom, type TargetRow } from './target-draft';
import { reportUnitChoices } from './report-units';
import type { EditorData } from './use-editor-data';

export interface ReviewMessage {
  kind: 'error' | 'done';
  text: string;
}

export interface Review {
  key: number;
  /** "Văn bản dán" or the file's name ("(lần 2)" after it for a file read again). */
  name: string;
  /** The file's own name, or PASTED. */
  file: string;
  text: string;
  /** What reading the file noticed (an old encoding converted…), in Vietnamese. */
  fileNotes: string[];
  result: ExtractResult;
  report: ReportDraft;
  rows: CandidateRow[];
  /** The targets its plan sentences set (never figures), to save to the unit's resolution. */
  targets: TargetRow[];
  /** What saving its targets last said. */
  targetMessage: ReviewMessage | null;
  /** How many of its targets were saved. */
  targetsSaved: number;
  /** The units the text names, in force on its date: the editor confirms or changes the unit among them. */
  unitChoices: UnitChoice[];
  /** The unit the text is a report of, when the token may not write it: said before anything is saved. */
  foreignUnit: string | null;
  reportErrors: FieldErrors;
  message: ReviewMessage | null;
  /** How many of its figures were saved. */
  saved: number;
}

export const PASTED = 'Văn bản dán';

type ReviewData = Pick<EditorData, 'units' | 'indicators' | 'unitName' | 'unitLabel' | 'mayWrite' | 'writableUnits'>;

/** Reads a report's text into a review: nothing decided, nothing saved. */
export function startReview(key: number, name: string, text: string, fileNotes: string[], data: ReviewData): Review {
  // every unit is recognised, so that a report of a unit the token may not write is told as such
  const result = extractCandidates(text, { units: data.units, indicators: data.indicators });
  const report = reportDraftFrom(result, text, data.unitName);
  const foreignUnit = report.unitId && !data.mayWrite(report.unitId) ? report.unitId : null;
  if (foreignUnit) report.unitId = '';
  else if (!report.unitId && data.writableUnits.length === 1) report.unitId = data.writableUnits[0]!.id;
  const unitChoices = reportUnitChoices(text, result, data.units).map((id) => ({
    id,
    label: data.unitLabel(id),
    writable: data.mayWrite(id),
  }));
  return {
    key,
    name,
    file: name,
    text,
    fileNotes,
    result,
    report,
    rows: rowsFrom(result),
    targets: targetRowsFrom(result.targetCandidates),
    targetMessage: null,
    targetsSaved: 0,
    unitChoices,
    foreignUnit,
    reportErrors: {},
    message: null,
    saved: 0,
  };
}

/** Accepts every row still undecided, except those `kept` as they are (already stored, of a unit the token may not write). */
export function acceptPending(rows: CandidateRow[], kept: (row: CandidateRow) => boolean): CandidateRow[] {
  return rows.map((r) => (r.decision === 'pending' && !kept(r) ? { ...r, decision: 'accepted' } : r));
}

export interface RowCounts {
  total: number;
  /** Accepted and not stored yet: what a save sends. */
  accepted: number;
  pending: number;
  stored: number;
}

export function countRows(rows: readonly CandidateRow[], stored: (row: CandidateRow) => boolean): RowCounts {
  let accepted = 0;
  let pending = 0;
  let already = 0;
  for (const r of rows) {
    if (stored(r)) already++;
    else if (r.decision === 'accepted') accepted++;
    else if (r.decision === 'pending') pending++;
  }
  return { total: rows.length, accepted, pending, stored: already };
}

/** The stored figure a row states already (same unit, indicator, period, value, total and qualifier), if any. */
export function storedMatch(list: readonly Observation[], row: CandidateRow, report: ReportDraft): Observation | undefined {
  const figure = rowFigure(row, report);
  return figure ? list.find((o) => sameFigure(o, figure)) : undefined;
}
