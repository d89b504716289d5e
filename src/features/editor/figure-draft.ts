/**
 * A figure as the editor types it (strings, vi-VN numbers) and its way to the contract:
 * read the numbers, safeParse NewObservation / ObservationUpdate, then the indicator rules.
 */
import {
  NewObservation,
  ObservationUpdate,
  type Basis,
  type NewObservation as NewObservationType,
  type Observation,
  type ObservationFields,
  type ObservationUpdate as ObservationUpdateType,
  type Qualifier,
} from '../../api/contract';
import { observationProblems, type RuleContext } from '../../api/rules';
import { parseViNumber, readQuantity } from '../../lib/extract';
import { formatNumber } from '../../lib/format';
import { parsePeriod } from '../../api/periods';
import { apiErrorsByField, hasErrors, zodErrorsByField, type FieldErrors, type RuleNames } from './field-errors';

export interface FigureDraft {
  unitId: string;
  indicatorId: string;
  year: string;
  quarter: string;
  value: string;
  outOf: string;
  qualifier: Qualifier;
  basis: '' | Basis;
  asOf: string;
  scope: '' | NonNullable<ObservationFields['scope']>;
  status: '' | NonNullable<ObservationFields['status']>;
  sourceId: string;
  note: string;
}

export function emptyDraft(defaults: Partial<FigureDraft> = {}): FigureDraft {
  return {
    unitId: '',
    indicatorId: '',
    year: '',
    quarter: '4',
    value: '',
    outOf: '',
    qualifier: 'exact',
    basis: '',
    asOf: '',
    scope: '',
    status: '',
    sourceId: '',
    note: '',
    ...defaults,
  };
}

/** A number typed the vi-VN way: "88,44", "1.770", "12 tỷ", "528 triệu"; null when it is not one. */
export function readTypedNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s*(?:đồng|đ|%)$/u, '');
  if (s === '') return null;
  const negative = /^[-−]/.test(s);
  const body = negative ? s.slice(1).trim() : s;
  const plain = parseViNumber(body);
  if (plain !== null) return negative ? -plain : plain;
  const q = readQuantity(body);
  // only a whole match ("12 tỷ"), not a number found inside other words
  if (!q || q.qualifiedStart !== 0 || q.qualifier !== 'exact' || body.slice(q.end).trim() !== '') return null;
  return negative ? -q.value : q.value;
}

/** A stored number as the editor would type it: 88.44 → "88,44", 12e9 → "12000000000". */
export function typedNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return formatNumber(value, 6).replace(/\./g, '');
}

export function draftFromObservation(o: ObservationFields): FigureDraft {
  const p = parsePeriod(o.period);
  return {
    unitId: o.unitId,
    indicatorId: o.indicatorId,
    year: p ? String(p.year) : '',
    quarter: p ? String(p.quarter) : '4',
    value: typedNumber(o.value),
    outOf: typedNumber(o.outOf),
    qualifier: o.qualifier,
    basis: o.basis ?? '',
    asOf: o.asOf ?? '',
    scope: o.scope ?? '',
    status: o.status ?? '',
    sourceId: o.sourceId,
    note: o.note ?? '',
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The draft's fields as the contract wants them; numbers that cannot be read are errors. */
function fieldsOf(d: FigureDraft, errors: FieldErrors): Record<string, unknown> {
  const value = readTypedNumber(d.value);
  if (d.value.trim() === '') errors.value = ['Hãy nhập giá trị.'];
  else if (value === null) errors.value = [`Không đọc được số “${d.value.trim()}”. Viết kiểu 88,44 hoặc 1.770 (hoặc 12 tỷ).`];
  const outOf = d.outOf.trim() === '' ? undefined : readTypedNumber(d.outOf);
  if (outOf === null) errors.outOf = [`Không đọc được số “${d.outOf.trim()}”.`];
  if (!/^\d{4}$/.test(d.year.trim())) errors.period = ['Năm phải có 4 chữ số, ví dụ 2024.'];
  const raw: Record<string, unknown> = {
    period: `${d.year.trim()}-Q${d.quarter}`,
    value: value ?? Number.NaN,
    qualifier: d.qualifier,
  };
  // a choice not made is missing, not an empty name
  if (d.unitId) raw.unitId = d.unitId;
  if (d.indicatorId) raw.indicatorId = d.indicatorId;
  if (d.sourceId) raw.sourceId = d.sourceId;
  if (outOf !== undefined) raw.outOf = outOf ?? Number.NaN;
  if (d.basis) raw.basis = d.basis;
  if (d.asOf) raw.asOf = d.asOf;
  if (d.scope) raw.scope = d.scope;
  if (d.status) raw.status = d.status;
  if (d.note.trim()) raw.note = d.note.trim();
  return raw;
}

function check<T extends ObservationFields>(
  d: FigureDraft,
  parse: (raw: Record<string, unknown>) => { success: true; data: T } | { success: false; error: import('zod/mini').core.$ZodError },
  extra: Record<string, unknown>,
  ctx: RuleContext,
  names: RuleNames,
): Checked<T> {
  const errors: FieldErrors = {};
  const raw = { ...fieldsOf(d, errors), ...extra };
  const parsed = parse(raw);
  if (!parsed.success) {
    const contract = zodErrorsByField(parsed.error);
    // a number we could not read already has its own message
    for (const [field, list] of Object.entries(contract)) if (!errors[field] && list) errors[field] = list;
    return { ok: false, errors };
  }
  if (hasErrors(errors)) return { ok: false, errors };
  const problems = observationProblems(parsed.data, ctx);
  if (problems.length > 0) return { ok: false, errors: apiErrorsByField(problems, names) };
  return { ok: true, value: parsed.data };
}

export function checkNewFigure(d: FigureDraft, ctx: RuleContext, names: RuleNames = {}): Checked<NewObservationType> {
  return check(d, (raw) => NewObservation.safeParse(raw), {}, ctx, names);
}

export function checkFigureUpdate(
  d: FigureDraft,
  version: number,
  ctx: RuleContext,
  names: RuleNames = {},
): Checked<ObservationUpdateType> {
  return check(d, (raw) => ObservationUpdate.safeParse(raw), { version }, ctx, names);
}

/** The fields that differ between two versions of a figure, for the 409 comparison. */
export function changedFields(a: ObservationFields, b: ObservationFields): (keyof ObservationFields)[] {
  const keys: (keyof ObservationFields)[] = ['unitId', 'indicatorId', 'period', 'value', 'outOf', 'qualifier', 'basis', 'asOf', 'scope', 'status', 'sourceId', 'note'];
  return keys.filter((k) => (a[k] ?? '') !== (b[k] ?? ''));
}

/** The editable fields of a stored (or sent) figure, without id and version. */
export function withoutVersion(o: Observation | ObservationUpdateType | NewObservationType): ObservationFields {
  const copy: Partial<Observation> = { ...o };
  delete copy.id;
  delete copy.version;
  return copy as ObservationFields;
}
