/**
 * From a report's text to a batch: the extractor's result becomes rows an editor decides on
 * (accept, edit, reject), and the accepted rows become NewObservations of one new source.
 */
import type { NewObservation, NewSource } from '../../api/contract';
import { NewSource as NewSourceSchema } from '../../api/contract';
import type { RuleContext } from '../../api/rules';
import type { Candidate, ExtractResult } from '../../lib/extract';
import { formatDate } from '../../lib/format';
import { formatPeriodId, parsePeriod, type Quarter } from '../../api/periods';
import { periodLabel } from '../../lib/period-names';
import { zodErrorsByField, type FieldErrors, type RuleNames } from './field-errors';
import { checkNewFigure, emptyDraft, readTypedNumber, typedNumber, type FigureDraft } from './figure-draft';

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface CandidateRow {
  key: number;
  candidate: Candidate;
  decision: Decision;
  editing: boolean;
  indicatorId: string;
  value: string;
  outOf: string;
  qualifier: FigureDraft['qualifier'];
  basis: FigureDraft['basis'];
  /** A period of the figure's own ("103,9% năm 2022"); otherwise it follows the report's. */
  ownPeriod?: string;
  errors: FieldErrors;
}

export interface ReportDraft {
  unitId: string;
  year: string;
  quarter: string;
  heldOn: string;
  title: string;
  reference: string;
  /** Empty: made from the period ("9 tháng 2024"). */
  periodLabel: string;
  /**
   * A monthly report's quarter as the importer proposed it (its figures are to a month's end that
   * ends no quarter): set until the editor confirms it or chooses another period; never saved so.
   */
  periodToConfirm?: string;
}

/** Stands for the source until it is stored, so the rules can check the rows first. */
export const PENDING_SOURCE = 'pending-source';

export function reportPeriod(r: Pick<ReportDraft, 'year' | 'quarter'>): string {
  return `${r.year.trim()}-Q${r.quarter}`;
}

export function reportDraftFrom(result: ExtractResult, text: string, unitName: (id: string) => string): ReportDraft {
  const period = result.period ?? result.periodProposed;
  const p = period ? parsePeriod(period) : null;
  const firstLine = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const label = period ? periodLabel(period) : '';
  const unit = result.unitId ? unitName(result.unitId) : '';
  const title =
    firstLine.length > 0 && firstLine.length <= 200 ? firstLine : ['Báo cáo', label, unit && `– ${unit}`].filter(Boolean).join(' ');
  const draft: ReportDraft = {
    unitId: result.unitId ?? '',
    year: p ? String(p.year) : '',
    quarter: p ? String(p.quarter) : '4',
    heldOn: result.heldOn ?? '',
    title,
    reference: [title, result.heldOn && formatDate(result.heldOn)].filter(Boolean).join(', '),
    periodLabel: '',
  };
  if (!result.period && result.periodProposed) {
    draft.periodToConfirm = result.periodProposed;
    // a monthly report is called by its month, not by the quarter its figures are filed under
    const month = result.asOf ? /^(\d{4})-(\d{2})-\d{2}$/.exec(result.asOf) : null;
    if (month) draft.periodLabel = `Tháng ${month[2]}/${month[1]}`;
  }
  return draft;
}

export function rowsFrom(result: ExtractResult): CandidateRow[] {
  return result.candidates.map((c, key) => ({
    key,
    candidate: c,
    decision: 'pending',
    editing: false,
    indicatorId: c.indicatorId,
    value: typedNumber(c.value),
    outOf: typedNumber(c.outOf),
    qualifier: c.qualifier,
    basis: c.basis ?? '',
    ownPeriod: c.period && c.period !== result.period ? c.period : undefined,
    errors: {},
  }));
}

/** The unit a row's figure is of: its own (a ward in its city's list), else the report's. */
export function rowUnit(row: CandidateRow, report: ReportDraft): string {
  return row.candidate.unitId ?? report.unitId;
}

export function rowPeriod(row: CandidateRow, report: ReportDraft): string {
  return row.ownPeriod ?? reportPeriod(report);
}

export function rowDraft(row: CandidateRow, report: ReportDraft): FigureDraft {
  const p = parsePeriod(rowPeriod(row, report));
  const c = row.candidate;
  return emptyDraft({
    unitId: rowUnit(row, report),
    indicatorId: row.indicatorId,
    year: p ? String(p.year) : report.year,
    quarter: p ? String(p.quarter) : report.quarter,
    value: row.value,
    outOf: row.outOf,
    qualifier: row.qualifier,
    basis: row.basis,
    asOf: c.asOf ?? '',
    // the scope (year or term) says what the extractor read for targets; it stays with that indicator
    scope: row.indicatorId === c.indicatorId ? (c.scope ?? '') : '',
    status: c.status ?? '',
    sourceId: PENDING_SOURCE,
    note: c.note ?? '',
  });
}

export type SourceCheck = { ok: true; value: NewSource } | { ok: false; errors: FieldErrors };

export function checkSource(report: ReportDraft, text: string): SourceCheck {
  const errors: FieldErrors = {};
  if (!/^\d{4}$/.test(report.year.trim())) errors.period = ['Năm phải có 4 chữ số, ví dụ 2024.'];
  else if (report.periodToConfirm) {
    errors.period = [`Báo cáo tháng: hãy xác nhận kỳ “${periodLabel(report.periodToConfirm)}” hoặc chọn kỳ khác.`];
  }
  const period = reportPeriod(report);
  const raw: Record<string, unknown> = {
    title: report.title.trim(),
    heldOn: report.heldOn || undefined,
    periodLabel: report.periodLabel.trim() || (parsePeriod(period) ? periodLabel(period) : ''),
    reference: report.reference.trim(),
    text,
  };
  if (report.unitId) raw.unitId = report.unitId;
  const parsed = NewSourceSchema.safeParse(raw);
  if (!parsed.success) zodErrorsByField(parsed.error, errors);
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** What a row states, for the unit and period of its report; null while its numbers cannot be read or no unit is chosen. */
export function rowFigure(row: CandidateRow, report: ReportDraft): Pick<NewObservation, 'unitId' | 'indicatorId' | 'period' | 'value' | 'outOf' | 'qualifier'> | null {
  const value = readTypedNumber(row.value);
  const outOf = row.outOf.trim() ? readTypedNumber(row.outOf) : undefined;
  const unitId = rowUnit(row, report);
  if (!unitId || value === null || outOf === null) return null;
  return { unitId, indicatorId: row.indicatorId, period: rowPeriod(row, report), value, outOf, qualifier: row.qualifier };
}

export type BatchCheck = { ok: true; batch: NewObservation[] } | { ok: false; rowErrors: Map<number, FieldErrors> };

/**
 * The accepted rows as one batch (sourceId still PENDING_SOURCE), or each row's problems; rows
 * `stored` already ("đã có") are left out.
 */
export function checkBatch(
  rows: CandidateRow[],
  report: ReportDraft,
  ctx: RuleContext,
  names: RuleNames,
  stored: (row: CandidateRow) => boolean = () => false,
): BatchCheck {
  const withPending: RuleContext = { ...ctx, sources: new Map([...ctx.sources, [PENDING_SOURCE, { id: PENDING_SOURCE }]]) };
  const rowErrors = new Map<number, FieldErrors>();
  const batch: NewObservation[] = [];
  for (const row of rows.filter((r) => r.decision === 'accepted' && !stored(r))) {
    const checked = checkNewFigure(rowDraft(row, report), withPending, names);
    if (checked.ok) batch.push(checked.value);
    else rowErrors.set(row.key, checked.errors);
  }
  return rowErrors.size > 0 ? { ok: false, rowErrors } : { ok: true, batch };
}

export function withSource(batch: NewObservation[], sourceId: string): NewObservation[] {
  return batch.map((o) => ({ ...o, sourceId }));
}

/** For the period pickers: "2024-Q3" → year and quarter. */
export function splitPeriod(period: string): { year: string; quarter: string } {
  const p = parsePeriod(period);
  return p ? { year: String(p.year), quarter: String(p.quarter) } : { year: '', quarter: '4' };
}

export function joinPeriod(year: string, quarter: string): string {
  const y = Number(year);
  return /^\d{4}$/.test(year) ? formatPeriodId(y, Number(quarter) as Quarter) : `${year}-Q${quarter}`;
}
