/** What a refused or failed write means for the editor, in Vietnamese. Nothing typed is dropped. */
import { ApiRequestError, userMessageOf } from '../../api/client';
import type { Observation } from '../../api/contract';
import { conflictOf, issuesOf } from '../../api/mutations';
import { apiErrorsByField, indexOf, type FieldErrors, type RuleNames } from './field-errors';

export interface WriteFailure {
  message: string;
  /** Field messages of a single write (paths without an index). */
  errors: FieldErrors;
  /** Field messages per item of a batch ("3.value" → item 3). */
  itemErrors: Map<number, FieldErrors>;
  /** A stale write: the figure as it is now on the server. */
  conflict?: Observation;
  /** The token was refused (401): ask for it again. */
  signInAgain: boolean;
}

const KEPT = 'Chưa có gì được lưu; những gì bạn đã nhập vẫn còn nguyên.';

export function writeFailure(error: unknown, names: RuleNames = {}): WriteFailure {
  const failure: WriteFailure = { message: '', errors: {}, itemErrors: new Map(), signInAgain: false };
  const status = error instanceof ApiRequestError && error.kind === 'http' ? error.status : undefined;
  if (status === 401) {
    failure.signInAgain = true;
    failure.message = `Mã truy cập không còn hiệu lực. Hãy đăng nhập lại rồi bấm lưu lần nữa. ${KEPT}`;
  } else if (status === 403) {
    failure.message = `Mã truy cập này chỉ được xem, không được ghi số liệu. ${KEPT}`;
  } else if (status === 409) {
    failure.conflict = conflictOf(error);
    failure.message = failure.conflict
      ? 'Số liệu này vừa được người khác sửa trong lúc bạn đang sửa. Hãy so sánh hai bản và chọn bản giữ lại.'
      : `Mã số liệu đã có trên máy chủ. ${KEPT}`;
  } else if (status === 404) {
    failure.message = 'Số liệu này không còn trên máy chủ (có thể người khác vừa xóa). Hãy tải lại danh sách.';
  } else if (status === 400 || status === 422) {
    for (const issue of issuesOf(error)) {
      const i = indexOf(issue.path);
      if (i === undefined) apiErrorsByField([issue], names, failure.errors);
      else failure.itemErrors.set(i, apiErrorsByField([issue], names, failure.itemErrors.get(i) ?? {}));
    }
    failure.message = `Máy chủ không nhận số liệu: hãy sửa các ô được đánh dấu. ${KEPT}`;
  } else {
    failure.message = `${userMessageOf(error)} ${KEPT}`;
  }
  return failure;
}
