/** What a refused or failed write means for the editor, in Vietnamese, and what it left stored. Nothing typed is dropped. */
import { ApiRequestError, userMessageOf } from '../../api/client';
import type { ApiIssue, Observation } from '../../api/contract';
import { conflictOf, issuesOf } from '../../api/mutations';
import { apiErrorsByField, apiIssueMessage, indexOf, type FieldErrors, type RuleNames } from './field-errors';

export interface WriteFailure {
  message: string;
  /** Field messages of a single write (paths without an index). */
  errors: FieldErrors;
  /** Field messages per item of a batch ("3.value" → item 3). */
  itemErrors: Map<number, FieldErrors>;
  /** A stale write: the figure as it is now on the server. */
  conflict?: Observation;
}

const statusOf = (error: unknown) => (error instanceof ApiRequestError && error.kind === 'http' ? error.status : undefined);

/** The server refused the editor's token (401): ask for it again. */
export function isTokenRefused(error: unknown): boolean {
  return statusOf(error) === 401;
}

/** What a failed write leaves behind, when it wrote nothing. */
export const NOTHING_SAVED = 'Chưa có gì được lưu; những gì bạn đã nhập vẫn còn nguyên.';

/**
 * What a failed import leaves behind when its report was stored and its batch of figures (or its
 * targets) was not: a retry with the same report reuses the stored one (see ImportReport).
 */
export function onlyReportSaved(title: string, what = 'số liệu'): string {
  return (
    `Báo cáo “${title}” đã được lưu, nhưng chưa có ${what} nào của báo cáo này được lưu. ` +
    'Nếu giữ nguyên thông tin báo cáo, bấm lưu lần nữa sẽ dùng lại báo cáo đã lưu, không lưu thêm bản mới. ' +
    'Ngoài báo cáo đó, chưa có gì thay đổi; những gì bạn đã nhập vẫn còn nguyên.'
  );
}

/** The units a limited token may write, named (a few) or counted. */
export function writableNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.length} đơn vị được giao`;
}

/** An imported text is a report of a unit the token may not write: said as soon as it is read. */
export function foreignReportMessage(unit: string, writable: readonly string[]): string {
  return (
    `Văn bản này là báo cáo của ${unit}. Mã truy cập của bạn chỉ được nhập số liệu cho ${writableNames(writable)}, ` +
    'nên không lưu được số liệu của báo cáo này bằng mã này. Nếu văn bản bị đọc nhầm đơn vị, hãy chọn đúng phường, xã của báo cáo.'
  );
}

/** `kept` says what the failed write leaves stored; by default, nothing. */
export function writeFailure(error: unknown, names: RuleNames = {}, kept = NOTHING_SAVED): WriteFailure {
  const failure: WriteFailure = { message: '', errors: {}, itemErrors: new Map() };
  const status = statusOf(error);
  if (status === 401) {
    failure.message = `Mã truy cập không còn hiệu lực. Hãy đăng nhập lại rồi bấm lưu lần nữa. ${kept}`;
  } else if (status === 403) {
    // a token limited to other units names the unit in its issues; a viewer's has none
    const issues = issuesOf(error);
    collectIssues(failure, issues, names);
    failure.message =
      issues.length > 0
        ? `${apiIssueMessage(issues[0]!, names)} ${kept}`
        : `Mã truy cập này chỉ được xem, không được ghi số liệu. ${kept}`;
  } else if (status === 409) {
    failure.conflict = conflictOf(error);
    failure.message = failure.conflict
      ? 'Số liệu này vừa được người khác sửa trong lúc bạn đang sửa. Hãy so sánh hai bản và chọn bản giữ lại.'
      : `Mã số liệu đã có trên máy chủ. ${kept}`;
  } else if (status === 404) {
    failure.message = `Số liệu này không còn trên máy chủ (có thể người khác vừa xóa). Hãy tải lại danh sách. ${kept}`;
  } else if (status === 400 || status === 422) {
    collectIssues(failure, issuesOf(error), names);
    failure.message = `Máy chủ không nhận số liệu: hãy sửa các ô được đánh dấu. ${kept}`;
  } else {
    failure.message = `${userMessageOf(error)} ${kept}`;
  }
  return failure;
}

/** Each issue under its field: of the single write, or of the batch's item its path names. */
function collectIssues(failure: WriteFailure, issues: readonly ApiIssue[], names: RuleNames): void {
  for (const issue of issues) {
    const i = indexOf(issue.path);
    if (i === undefined) apiErrorsByField([issue], names, failure.errors);
    else failure.itemErrors.set(i, apiErrorsByField([issue], names, failure.itemErrors.get(i) ?? {}));
  }
}
