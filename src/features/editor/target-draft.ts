/**
 * The targets a report's plan sentences set (ExtractResult.targetCandidates), as rows an editor
 * decides on (accept, correct, reject), and the accepted rows as the resolution writes that keep
 * them: added to the unit's resolution for their year (or term), or a new one made from the
 * report. Never figures; nothing here writes.
 */
import { TARGET_TYPES, type Indicator, type MeasureUnit, type NewResolution, type NewResolutionTarget, type Resolution, type ResolutionUpdate, type Source, type TargetType } from '../../api/contract';
import type { PlanTarget } from '../../lib/extract';
import { MEASURE_NAMES, TARGET_TYPE_TEXT } from '../../lib/vocabulary';
import type { FieldErrors } from './field-errors';
import { readTypedNumber, typedNumber } from './figure-draft';
import type { Decision } from './import-draft';

/** Each type as the resolution words it, short (the "Nghị quyết" tab explains them in full). */
export const TARGET_TYPE_CHOICES = TARGET_TYPES.map((t) => [t, TARGET_TYPE_TEXT[t].label] as const);

export interface TargetRow {
  key: number;
  candidate: PlanTarget;
  decision: Decision;
  editing: boolean;
  name: string;
  type: TargetType;
  value: string;
  valueMax: string;
  unit: MeasureUnit;
  /** Empty: none measures it (its status is then set by hand on the "Nghị quyết" tab). */
  indicatorId: string;
  /** The year of a yearly resolution ("2026"); empty for a term's target. */
  year: string;
  /** The term of a term resolution ("2025-2030"); empty for a year's target. */
  term: string;
  errors: FieldErrors;
}

export function targetRowsFrom(targets: readonly PlanTarget[]): TargetRow[] {
  return targets.map((t, key) => ({
    key,
    candidate: t,
    decision: 'pending',
    editing: false,
    name: t.name,
    type: t.type,
    value: typedNumber(t.value),
    valueMax: typedNumber(t.valueMax),
    unit: t.unit,
    indicatorId: t.indicatorId ?? '',
    year: t.term ? '' : t.year !== undefined ? String(t.year) : '',
    term: t.term ?? '',
    errors: {},
  }));
}

/** The resolution a target goes to: a year's, or a term's. */
export type Slot = { kind: 'year'; year: number } | { kind: 'term'; term: string };

export const slotText = (s: Slot) => (s.kind === 'year' ? `năm ${s.year}` : `nhiệm kỳ ${s.term.replace('-', '–')}`);
const slotKey = (s: Slot) => (s.kind === 'year' ? `year:${s.year}` : `term:${s.term}`);
const inSlot = (r: Resolution, s: Slot) => r.kind === s.kind && (s.kind === 'year' ? r.year === s.year : r.term === s.term);

/** Accepted targets of one resolution, in the rows' order. */
export interface TargetGroup {
  slot: Slot;
  rows: number[];
  targets: Omit<NewResolutionTarget, 'number'>[];
}

export type TargetCheck = { ok: true; groups: TargetGroup[] } | { ok: false; rowErrors: Map<number, FieldErrors> };

const termOf = (row: Pick<TargetRow, 'term'>) => row.term.trim().replace(/\s*[–—]\s*/, '-');

/** The resolution a row's target goes to, as its year or term reads (none while they are not right). */
export function rowSlot(row: Pick<TargetRow, 'year' | 'term'>): Slot | undefined {
  const term = termOf(row);
  if (term) {
    const years = /^(20\d{2})-(20\d{2})$/.exec(term);
    return years && Number(years[2]) - Number(years[1]) === 5 ? { kind: 'term', term } : undefined;
  }
  const year = row.year.trim();
  return /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100 ? { kind: 'year', year: Number(year) } : undefined;
}

const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The unit's resolution (of the row's year or term) that has the row's target already: the same
 * value, upper value and unit, and the same name or the same type measured by the same indicator.
 * Such a row is "đã có trong nghị quyết" and is not saved again.
 */
export function resolutionHolding(list: readonly Resolution[], unitId: string, row: TargetRow): Resolution | undefined {
  const slot = rowSlot(row);
  const value = readTypedNumber(row.value);
  const valueMax = row.valueMax.trim() ? readTypedNumber(row.valueMax) : undefined;
  if (!unitId || !slot || value === null || valueMax === null) return undefined;
  const upper = valueMax === value ? undefined : valueMax;
  const holds = (t: Resolution['targets'][number]) =>
    t.value === value &&
    t.valueMax === upper &&
    t.unit === row.unit &&
    (nameKey(t.name) === nameKey(row.name) || (Boolean(row.indicatorId) && t.indicatorId === row.indicatorId && t.type === row.type));
  const resolution = resolutionOf(list, unitId, slot);
  return resolution?.targets.some(holds) ? resolution : undefined;
}

/** A row as the target it states, or what a person must fix (in Vietnamese). */
function checkRow(row: TargetRow, indicatorOf: (id: string) => Pick<Indicator, 'name' | 'unit' | 'aggregation'> | undefined): { ok: true; slot: Slot; target: Omit<NewResolutionTarget, 'number'> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = row.name.trim();
  if (!name) errors.name = ['Hãy nhập tên chỉ tiêu.'];
  const value = readTypedNumber(row.value);
  if (value === null || value < 0) errors.value = ['Giá trị phải là một số không âm, ví dụ 95 hoặc 1.200.'];
  const valueMax = row.valueMax.trim() ? readTypedNumber(row.valueMax) : undefined;
  if (valueMax === null || (valueMax !== undefined && value !== null && valueMax < value)) errors.valueMax = ['Mức trên phải là một số không nhỏ hơn giá trị.'];
  const term = termOf(row);
  const slot = rowSlot(row);
  if (!slot && term) errors.term = ['Nhiệm kỳ gồm năm năm, viết như 2025-2030.'];
  else if (!slot) errors.year = ['Hãy nhập năm của chỉ tiêu (4 chữ số, ví dụ 2026), hoặc nhiệm kỳ nếu là chỉ tiêu của cả nhiệm kỳ.'];
  if (row.type === 'yearly_growth' && !row.indicatorId) errors.indicatorId = ['Chỉ tiêu tăng bình quân cần chọn chỉ tiêu có số liệu để so với năm gốc.'];
  if (row.type === 'yearly_growth' && row.unit !== 'percent') errors.unit = ['Tăng bình quân tính bằng % mỗi năm: hãy chọn đơn vị %.'];
  if (row.type === 'term_total' && !term) errors.term = ['Chỉ tiêu cả nhiệm kỳ cần nhiệm kỳ, ví dụ 2025-2030.'];
  const indicator = row.indicatorId ? indicatorOf(row.indicatorId) : undefined;
  if (indicator && row.type !== 'yearly_growth' && indicator.unit !== row.unit) {
    errors.unit = [`Đơn vị phải là đơn vị của chỉ tiêu “${indicator.name}” (${MEASURE_NAMES[indicator.unit]}).`];
  }
  if (indicator && row.type === 'level_by_end' && indicator.aggregation !== 'level') {
    errors.type = [`“${indicator.name}” được cộng dồn từ đầu năm, không phải một mức: hãy chọn “${TARGET_TYPE_TEXT.yearly_min.label}” hoặc “${TARGET_TYPE_TEXT.plan.label}”.`];
  }
  if (indicator && row.type === 'term_total' && indicator.aggregation !== 'ytd') {
    errors.type = [`“${indicator.name}” là một mức, không cộng dồn qua các năm được: chỉ tiêu cả nhiệm kỳ cần số liệu cộng dồn trong năm.`];
  }
  if (Object.keys(errors).length > 0 || !slot || value === null || valueMax === null) return { ok: false, errors };
  const target: Omit<NewResolutionTarget, 'number'> = { name, type: row.type, value, unit: row.unit };
  if (valueMax !== undefined && valueMax !== value) target.valueMax = valueMax;
  if (row.indicatorId) target.indicatorId = row.indicatorId;
  return { ok: true, slot, target };
}

/** The accepted rows, grouped by the resolution each goes to, or each row's problems. */
export function checkTargets(rows: readonly TargetRow[], indicatorOf: (id: string) => Pick<Indicator, 'name' | 'unit' | 'aggregation'> | undefined): TargetCheck {
  const rowErrors = new Map<number, FieldErrors>();
  const groups = new Map<string, TargetGroup>();
  for (const row of rows.filter((r) => r.decision === 'accepted')) {
    const checked = checkRow(row, indicatorOf);
    if (!checked.ok) {
      rowErrors.set(row.key, checked.errors);
      continue;
    }
    const key = slotKey(checked.slot);
    const group = groups.get(key) ?? { slot: checked.slot, rows: [], targets: [] };
    group.rows.push(row.key);
    group.targets.push(checked.target);
    groups.set(key, group);
  }
  return rowErrors.size > 0 ? { ok: false, rowErrors } : { ok: true, groups: [...groups.values()] };
}

/** The unit's resolution of that year (or term), if it has one. */
export function resolutionOf(list: readonly Resolution[], unitId: string, slot: Slot): Resolution | undefined {
  return list.find((r) => r.unitId === unitId && inSlot(r, slot));
}

/** The targets numbered after the resolution's last. */
function numbered(targets: TargetGroup['targets'], after: readonly { number: number }[]): NewResolutionTarget[] {
  const last = after.reduce((m, t) => Math.max(m, t.number), 0);
  return targets.map((t, i) => ({ ...t, number: last + i + 1 }));
}

/** The stored resolution with the group's targets added after its own (PUT, with the version it was read at). */
export function withTargets(r: Resolution, group: TargetGroup): ResolutionUpdate {
  const { unitId, title, kind, term, year, adoptedOn, sourceId, version } = r;
  const fields = Object.fromEntries(Object.entries({ term, year, adoptedOn, sourceId }).filter(([, v]) => v !== undefined));
  return { unitId, title, kind, ...fields, targets: [...r.targets, ...numbered(group.targets, r.targets)], version };
}

const TITLE_ROOM = 240;

/** A new resolution for the group, made from the stored report: "Kế hoạch năm 2026 (từ báo cáo “…”)". */
export function newPlanResolution(unitId: string, group: TargetGroup, source: Pick<Source, 'id' | 'title'>): NewResolution {
  const from = source.title.length > TITLE_ROOM ? `${source.title.slice(0, TITLE_ROOM - 1)}…` : source.title;
  const head = group.slot.kind === 'year' ? `Kế hoạch năm ${group.slot.year}` : `Chỉ tiêu ${slotText(group.slot)}`;
  const when = group.slot.kind === 'year' ? { year: group.slot.year } : { term: group.slot.term };
  return { unitId, title: `${head} (từ báo cáo “${from}”)`, kind: group.slot.kind, ...when, sourceId: source.id, targets: numbered(group.targets, []) };
}
