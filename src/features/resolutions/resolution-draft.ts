/**
 * A resolution as its form holds it (text in the fields), to and from the contract's shapes,
 * with the checks a person can fix before anything is sent, in Vietnamese. What the server still
 * refuses comes back as issues on paths ("targets.2.value"), said here with the field's name.
 */
import { RESOLUTION_LIMITS, type ApiIssue, type MeasureUnit, type NewResolution, type NewResolutionTarget, type Resolution, type ResolutionTarget, type TargetType } from '../../api/contract';
import { formatNumber } from '../../lib/format';
import type { TargetCandidate } from '../../lib/parse-targets';

/** Each type in plain Vietnamese: how it reads, and what it asks. */
export interface TargetDraft {
  key: string;
  id?: string;
  number: string;
  group: string;
  name: string;
  type: TargetType | '';
  value: string;
  valueMax: string;
  unit: MeasureUnit;
  indicatorId: string;
  manualStatus?: ResolutionTarget['manualStatus'];
  /** Read from a pasted line: the sentence, and whether the editor keeps it. */
  sentence?: string;
  accepted: boolean;
}

export interface ResolutionDraft {
  id?: string;
  version?: number;
  unitId: string;
  title: string;
  kind: 'term' | 'year';
  term: string;
  year: string;
  adoptedOn?: string;
  sourceId?: string;
  targets: TargetDraft[];
}

let seq = 0;
const nextKey = () => `t${++seq}`;
const numberText = (v: number | undefined) => (v === undefined ? '' : formatNumber(v, 6).replace(/\./g, ''));

export function emptyTarget(number: number): TargetDraft {
  return { key: nextKey(), number: String(number), group: '', name: '', type: '', value: '', valueMax: '', unit: 'percent', indicatorId: '', accepted: true };
}

export function newDraft(unitId: string): ResolutionDraft {
  return { unitId, title: '', kind: 'term', term: '2025-2030', year: '', targets: [emptyTarget(1)] };
}

export function draftOf(r: Resolution): ResolutionDraft {
  return {
    id: r.id,
    version: r.version,
    unitId: r.unitId,
    title: r.title,
    kind: r.kind,
    term: r.term ?? '2025-2030',
    year: r.year !== undefined ? String(r.year) : '',
    adoptedOn: r.adoptedOn,
    sourceId: r.sourceId,
    targets: r.targets.map((t) => ({
      key: nextKey(),
      id: t.id,
      number: String(t.number),
      group: t.group ?? '',
      name: t.name,
      type: t.type,
      value: numberText(t.value),
      valueMax: numberText(t.valueMax),
      unit: t.unit,
      indicatorId: t.indicatorId ?? '',
      manualStatus: t.manualStatus,
      accepted: true,
    })),
  };
}

/** Candidates read from a pasted list, numbered after the draft's last target. */
export function candidateDrafts(candidates: readonly TargetCandidate[], after: number): TargetDraft[] {
  return candidates.map((c, i) => ({
    key: nextKey(),
    number: String(after + i + 1),
    group: '',
    name: c.name,
    type: c.type ?? '',
    value: numberText(c.value),
    valueMax: numberText(c.valueMax),
    unit: c.unit ?? 'percent',
    indicatorId: c.indicatorId ?? '',
    sentence: c.sentence,
    accepted: c.problem === undefined,
  }));
}

/** "8,5" and "1.200" as written in Vietnamese; undefined when not a number. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return undefined;
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t;
  if (!/^\d+(\.\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

export interface DraftProblem {
  /** The field's id in the form ("title", "t3-value"). */
  field: string;
  message: string;
}

/** The body to send, or what to fix first (nothing is sent then). */
export function requestOf(draft: ResolutionDraft): { ok: true; body: NewResolution } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', message: 'Hãy nhập tên nghị quyết.' });
  const year = draft.kind === 'year' ? Number(draft.year) : undefined;
  if (draft.kind === 'year' && !(Number.isInteger(year) && year! >= 2000 && year! <= 2100)) problems.push({ field: 'year', message: 'Năm của nghị quyết phải là một năm, ví dụ 2026.' });
  const kept = draft.targets.filter((t) => t.accepted);
  if (kept.length > RESOLUTION_LIMITS.targets) problems.push({ field: 'targets', message: `Một nghị quyết có nhiều nhất ${RESOLUTION_LIMITS.targets} chỉ tiêu.` });
  const numbers = new Set<number>();
  const targets: NewResolutionTarget[] = [];
  for (const t of kept) {
    const at = (f: string) => `${t.key}-${f}`;
    const number = Number(t.number);
    const label = `Chỉ tiêu số ${t.number || '?'}`;
    if (!Number.isInteger(number) || number < 1 || number > 999) problems.push({ field: at('number'), message: `${label}: số thứ tự phải là số nguyên từ 1 đến 999.` });
    else if (numbers.has(number)) problems.push({ field: at('number'), message: `${label}: số thứ tự này đã có ở chỉ tiêu khác.` });
    numbers.add(number);
    if (!t.name.trim()) problems.push({ field: at('name'), message: `${label}: hãy nhập nội dung chỉ tiêu.` });
    if (!t.type) problems.push({ field: at('type'), message: `${label}: hãy chọn loại chỉ tiêu.` });
    if (t.type === 'term_total' && draft.kind !== 'term') problems.push({ field: at('type'), message: `${label}: chỉ tiêu cả nhiệm kỳ chỉ có trong nghị quyết nhiệm kỳ.` });
    const value = readNumber(t.value);
    if (value === undefined) problems.push({ field: at('value'), message: `${label}: giá trị phải là một số không âm, ví dụ 95 hoặc 8,5.` });
    const valueMax = t.valueMax.trim() ? readNumber(t.valueMax) : undefined;
    if (t.valueMax.trim() && valueMax === undefined) problems.push({ field: at('valueMax'), message: `${label}: giá trị trên của khoảng phải là một số.` });
    if (value !== undefined && valueMax !== undefined && valueMax < value) problems.push({ field: at('valueMax'), message: `${label}: giá trị trên của khoảng không được nhỏ hơn giá trị dưới.` });
    if (value === undefined || !t.type) continue;
    targets.push({
      ...(t.id ? { id: t.id } : {}),
      number,
      ...(t.group.trim() ? { group: t.group.trim() } : {}),
      name: t.name.trim(),
      ...(t.indicatorId ? { indicatorId: t.indicatorId } : {}),
      type: t.type,
      value,
      ...(valueMax !== undefined ? { valueMax } : {}),
      unit: t.unit,
      ...(t.manualStatus ? { manualStatus: t.manualStatus } : {}),
    });
  }
  if (problems.length) return { ok: false, problems };
  const body: NewResolution = {
    unitId: draft.unitId,
    title,
    kind: draft.kind,
    ...(draft.kind === 'term' ? { term: draft.term } : { year }),
    ...(draft.adoptedOn ? { adoptedOn: draft.adoptedOn } : {}),
    ...(draft.sourceId ? { sourceId: draft.sourceId } : {}),
    targets,
  } as NewResolution;
  return { ok: true, body };
}

const FIELD_NAMES: Record<string, string> = {
  title: 'tên nghị quyết',
  term: 'nhiệm kỳ',
  year: 'năm',
  unitId: 'phường, xã',
  sourceId: 'nguồn',
  number: 'số thứ tự',
  name: 'nội dung',
  group: 'nhóm',
  indicatorId: 'số liệu đo chỉ tiêu',
  type: 'loại chỉ tiêu',
  value: 'giá trị',
  valueMax: 'giá trị trên của khoảng',
  unit: 'đơn vị tính',
  manualStatus: 'tình trạng đặt tay',
};

/** A refusal's issues, said with the field's name ("Chỉ tiêu số 3, giá trị: chưa hợp lệ"). */
export function issueText(issue: ApiIssue, draft: ResolutionDraft): string {
  const m = /^targets\.(\d+)\.(\w+)/.exec(issue.path);
  const kept = draft.targets.filter((t) => t.accepted);
  if (m) {
    const t = kept[Number(m[1])];
    return `Chỉ tiêu số ${t?.number ?? Number(m[1]) + 1}, ${FIELD_NAMES[m[2]!] ?? m[2]}: máy chủ không nhận giá trị này, hãy kiểm tra lại.`;
  }
  const field = FIELD_NAMES[issue.path.split('.')[0]!] ?? issue.path;
  return `${field[0]!.toUpperCase()}${field.slice(1)}: máy chủ không nhận giá trị này, hãy kiểm tra lại.`;
}
