/**
 * Turns the contract's zod issues, the indicator rules' issues (src/api/rules.ts) and a
 * server's refusal into Vietnamese messages, one list per form field.
 */
import type { z } from 'zod/mini';
import type { ApiIssue } from '../../api/contract';
import { formatNumber } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { QUARTER_NAMES } from '../../lib/vocabulary';

export type FieldErrors = Partial<Record<string, string[]>>;

/** What the field is, for messages that need to name it. */
const REQUIRED: Record<string, string> = {
  unitId: 'Hãy chọn phường, xã.',
  indicatorId: 'Hãy chọn chỉ tiêu.',
  period: 'Hãy chọn kỳ báo cáo (năm và kỳ).',
  value: 'Hãy nhập giá trị.',
  qualifier: 'Hãy chọn mức độ (đúng bằng, trên, gần, khoảng).',
  sourceId: 'Hãy chọn nguồn số liệu.',
  title: 'Hãy nhập tên báo cáo.',
  heldOn: 'Hãy nhập ngày họp hoặc ngày báo cáo.',
  periodLabel: 'Hãy nhập tên kỳ báo cáo.',
  reference: 'Hãy nhập trích dẫn báo cáo.',
};

const quarters = Object.values(QUARTER_NAMES);

const INVALID: Record<string, string> = {
  unitId: 'Phường, xã không hợp lệ.',
  indicatorId: 'Chỉ tiêu không hợp lệ.',
  period: `Kỳ báo cáo phải có năm (4 chữ số) và kỳ: ${quarters.slice(0, -1).join(', ')} hoặc ${quarters.at(-1)}.`,
  value: 'Giá trị phải là một số, ví dụ 88,44 hoặc 1.770.',
  outOf: 'Tổng số phải là số lớn hơn 0, ví dụ 11 trong “10/11”.',
  basis: 'Cơ sở so sánh không hợp lệ.',
  qualifier: 'Mức độ không hợp lệ.',
  asOf: 'Ngày không hợp lệ; chọn ngày trên lịch (ví dụ 31/05/2024).',
  scope: 'Phạm vi không hợp lệ.',
  status: 'Tình trạng không hợp lệ.',
  sourceId: 'Nguồn số liệu không hợp lệ.',
  note: 'Ghi chú dài quá 2.000 ký tự.',
  version: 'Phiên bản số liệu không hợp lệ; hãy tải lại trang.',
  heldOn: 'Ngày không hợp lệ; chọn ngày trên lịch.',
  text: 'Văn bản báo cáo quá dài (tối đa 200.000 ký tự).',
  title: 'Tên báo cáo không hợp lệ.',
  periodLabel: 'Tên kỳ báo cáo không hợp lệ.',
  reference: 'Trích dẫn không hợp lệ.',
};

/** "1.value" → "value"; "value" → "value"; "" → "form". */
export function fieldOf(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[0] ?? 'form';
}

/** The item index of a batch issue's path ("3.value" → 3), if any. */
export function indexOf(path: string): number | undefined {
  const m = /^(\d+)(?:\.|$)/.exec(path);
  return m ? Number(m[1]) : undefined;
}

function add(errors: FieldErrors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** Vietnamese for one zod issue of the contract. */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  const field = fieldOf(issue.path.map(String).join('.'));
  const missing =
    (issue.code === 'invalid_type' && /undefined/.test(issue.message)) ||
    (issue.code === 'too_small' && (issue as { origin?: string }).origin === 'string' && Number((issue as { minimum?: unknown }).minimum) === 1);
  if (missing && REQUIRED[field]) return REQUIRED[field];
  if (field === 'value' && issue.code === 'invalid_type') return INVALID.value!;
  if (field === 'outOf' && issue.code === 'too_small') return 'Tổng số phải lớn hơn 0.';
  if (issue.code === 'unrecognized_keys') return 'Biểu mẫu có trường không được nhận.';
  return INVALID[field] ?? 'Giá trị không hợp lệ.';
}

export interface RuleNames {
  unitName?: (id: string) => string;
}

/** Vietnamese for one issue of the indicator rules or of a server's refusal (messages in English). */
export function apiIssueMessage(issue: ApiIssue, names: RuleNames = {}): string {
  const m = issue.message;
  const field = fieldOf(issue.path);
  const unitName = (id: string) => names.unitName?.(id) ?? id;
  let match: RegExpExecArray | null;
  if (/^unknown unit/.test(m)) return 'Phường, xã này không có trong danh sách.';
  if (/^unknown indicator/.test(m)) return 'Chỉ tiêu này không có trong danh sách.';
  if (/^unknown source/.test(m)) return 'Nguồn số liệu này không có trong danh sách.';
  if ((match = /^this token may not write unit "([^"]+)"/.exec(m))) {
    return `Mã truy cập này không được nhập số liệu cho ${unitName(match[1]!)}.`;
  }
  if ((match = /^source "[^"]+" is a report of unit "([^"]+)", not of "([^"]+)"/.exec(m))) {
    return `Nguồn này là báo cáo của ${unitName(match[1]!)}, không phải của ${unitName(match[2]!)}.`;
  }
  if ((match = /^\d{4}-\d{2}-\d{2} is outside the life of unit "([^"]+)"/.exec(m))) {
    return `Ngày báo cáo nằm ngoài thời gian tồn tại của ${unitName(match[1]!)}.`;
  }
  if (/^must be a whole number \(a count of/.test(m)) return 'Số đếm phải là số nguyên.';
  if ((match = /^(\d{4}-Q[1-4]) is outside the life of unit "([^"]+)"/.exec(m))) {
    return `${unitName(match[2]!)} không tồn tại trong kỳ ${periodLabel(match[1]!)} (đơn vị đã sáp nhập hoặc chưa thành lập).`;
  }
  if ((match = /^must be at least (-?[\d.]+)/.exec(m))) return `Giá trị phải từ ${formatNumber(Number(match[1]))} trở lên.`;
  if ((match = /^must be at most (-?[\d.]+)/.exec(m))) return `Giá trị không được quá ${formatNumber(Number(match[1]))}.`;
  if (/^must not be more than outOf/.test(m)) return 'Giá trị không được lớn hơn tổng số (“trên tổng số”).';
  if (/need the total \(outOf\)/.test(m)) return 'Chỉ tiêu đạt cần có tổng số chỉ tiêu (ví dụ “10/11”: nhập 11).';
  if (/already exists|appears twice/.test(m)) return 'Mã số liệu này đã có; hãy để trống mã.';
  if (/^stale version/.test(m)) return 'Số liệu vừa được người khác sửa.';
  if (/unknown query parameter|unrecognized/i.test(m)) return 'Biểu mẫu có trường không được nhận.';
  return INVALID[field] ?? 'Giá trị không hợp lệ.';
}

export function zodErrorsByField(error: z.core.$ZodError, into: FieldErrors = {}): FieldErrors {
  for (const issue of error.issues) add(into, fieldOf(issue.path.map(String).join('.')), zodIssueMessage(issue));
  return into;
}

export function apiErrorsByField(issues: readonly ApiIssue[], names: RuleNames = {}, into: FieldErrors = {}): FieldErrors {
  for (const issue of issues) add(into, fieldOf(issue.path), apiIssueMessage(issue, names));
  return into;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((list) => list && list.length > 0);
}
