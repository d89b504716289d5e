/**
 * A report's plan, in its own section of the review: the targets its plan sentences set, which
 * are not results and never figures, each with its sentence, to accept, correct or reject, and
 * their own save (to the unit's resolution for their year or term). Decisions are handed up;
 * the import saves.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { resolutionsQuery } from '../../api/queries';
import type { Review } from './import-review';
import { ReviewMessageView } from './review-message';
import { TargetRowView } from './target-row';
import { resolutionHolding, type TargetRow } from './target-draft';
import type { EditorData } from './use-editor-data';

export function PlanTargets({
  review,
  data,
  busy,
  onChange,
  onSave,
}: {
  review: Review;
  data: EditorData;
  busy: boolean;
  onChange: (update: (r: Review) => Review) => void;
  onSave: () => void;
}) {
  const id = useId();
  const { targets } = review;
  const unitId = review.report.unitId;
  // the unit's resolutions: a target one of them has already is "đã có trong nghị quyết"
  const resolutions = useQuery({ ...resolutionsQuery([unitId]), enabled: Boolean(unitId) && targets.length > 0 });
  if (targets.length === 0 && review.targetsSaved === 0 && !review.targetMessage) return null;
  const heldBy = (row: TargetRow) => (unitId ? resolutionHolding(resolutions.data ?? [], unitId, row) : undefined);
  const held = targets.filter((t) => heldBy(t)).length;
  const accepted = targets.filter((t) => t.decision === 'accepted' && !heldBy(t)).length;
  const pending = targets.filter((t) => t.decision === 'pending' && !heldBy(t)).length;
  const patchRow = (key: number, patch: Partial<TargetRow>) =>
    onChange((r) => ({ ...r, targets: r.targets.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));

  return (
    <section className="plan-targets" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="candidates-title">
        Chỉ tiêu kế hoạch đọc được — chưa phải kết quả
      </h4>
      <p className="editor-hint">
        Các câu kế hoạch, phấn đấu trong báo cáo không được lấy làm số liệu. Chỉ tiêu bạn nhận được lưu vào nghị quyết năm (hoặc nhiệm
        kỳ) của đơn vị; đơn vị chưa có nghị quyết năm đó thì một nghị quyết mới được tạo, gắn với báo cáo này.
      </p>
      {targets.length > 0 && (
        <>
          <p className="editor-hint">
            {targets.length} chỉ tiêu · {accepted} đã nhận · {pending} chờ duyệt
            {held > 0 ? ` · ${held} đã có trong nghị quyết` : ''}
          </p>
          <ol className="candidates" aria-label="Chỉ tiêu kế hoạch đọc được">
            {targets.map((row, i) => (
              <TargetRowView
                key={row.key}
                row={row}
                index={i}
                indicators={data.indicators}
                indicatorOf={data.indicatorOf}
                held={heldBy(row)}
                onChange={(patch) => patchRow(row.key, patch)}
              />
            ))}
          </ol>
        </>
      )}
      <ReviewMessageView message={review.targetMessage} />
      {targets.length > 0 && held === targets.length && (
        <p className="editor-hint">Mọi chỉ tiêu kế hoạch đọc được từ báo cáo này đã có trong nghị quyết của đơn vị; không có gì cần lưu.</p>
      )}
      {targets.length > 0 && held < targets.length && (
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={onSave}>
            {busy ? 'Đang lưu…' : `Lưu ${accepted} chỉ tiêu đã nhận vào nghị quyết`}
          </button>
        </div>
      )}
    </section>
  );
}
