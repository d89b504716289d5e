/**
 * The editor's decision on one thing read from a report (a figure, a plan's target): accept,
 * correct, reject, each named after it ("Nhận: …", "Nhận chỉ tiêu: …"), and, while its form is
 * closed, what stops it being saved. A row that cannot be taken (already stored, of a unit the
 * token may not write) cannot be accepted.
 */
import type { FieldErrors } from './field-errors';
import type { Decision } from './import-draft';

export const DECISION_LABELS: Record<Decision, string> = { pending: 'Chờ duyệt', accepted: 'Đã nhận', rejected: 'Đã bỏ' };

export function DecisionButtons({
  name,
  what,
  decision,
  editing,
  errors,
  disabled = false,
  onChange,
}: {
  /** What the row is called, at the end of each button's name. */
  name: string;
  /** The kind of row, after each verb ("chỉ tiêu": "Nhận chỉ tiêu: …"); none: "Nhận: …". */
  what?: string;
  decision: Decision;
  editing: boolean;
  errors: FieldErrors;
  /** It cannot be accepted. */
  disabled?: boolean;
  onChange: (patch: { decision?: Decision; editing?: boolean }) => void;
}) {
  const named = (verb: string) => `${verb}${what ? ` ${what}` : ''}: ${name}`;
  const toggle = (d: Decision) => onChange({ decision: decision === d ? 'pending' : d });
  return (
    <>
      {!editing && Object.values(errors).some((l) => l?.length) && (
        <p className="field-error" role="alert">
          {Object.values(errors).flat().join(' ')} Bấm “Sửa” để chỉnh.
        </p>
      )}
      <div className="candidate-actions">
        <button
          type="button"
          className={decision === 'accepted' ? 'primary' : undefined}
          aria-pressed={decision === 'accepted' && !disabled}
          aria-label={named('Nhận')}
          disabled={disabled}
          onClick={() => toggle('accepted')}
        >
          Nhận
        </button>
        <button type="button" aria-pressed={editing} aria-label={named('Sửa')} onClick={() => onChange({ editing: !editing })}>
          {editing ? 'Xong' : 'Sửa'}
        </button>
        <button type="button" aria-pressed={decision === 'rejected'} aria-label={named('Bỏ')} onClick={() => toggle('rejected')}>
          Bỏ
        </button>
      </div>
    </>
  );
}
