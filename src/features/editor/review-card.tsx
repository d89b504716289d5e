/**
 * One report of the import to review: where its text came from and what reading it noticed, the
 * report's facts (unit, period, held date), its candidates with their sentences (those already
 * stored marked "đã có"), and its own save. Decisions are handed up; the import saves.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { queries } from '../../api/queries';
import { CandidateRowView } from './candidate-row';
import { sourceText } from './describe-figure';
import { sameSlot } from '../../api/same-figure';
import { rowPeriod, rowUnit, type CandidateRow, type ReportDraft } from './import-draft';
import { acceptPending, countRows, storedMatch, type Review } from './import-review';
import { PlanTargets } from './plan-targets';
import { ReportFacts } from './report-facts';
import { ReviewMessageView } from './review-message';
import type { EditorData } from './use-editor-data';
import { foreignReportMessage } from './write-errors';

export function ReviewCard({
  review,
  data,
  /** Shown with its own heading: the queue holds more than one report. */
  titled,
  busy,
  onChange,
  onSave,
  savingTargets,
  onSaveTargets,
}: {
  review: Review;
  data: EditorData;
  titled: boolean;
  busy: boolean;
  onChange: (update: (r: Review) => Review) => void;
  onSave: () => void;
  /** The targets of a plan are being saved. */
  savingTargets: boolean;
  onSaveTargets: () => void;
}) {
  const id = useId();
  const { report, rows, result } = review;
  // the report's unit, and the wards a city's report lists figures of
  const units = [...new Set([report.unitId, ...rows.map((r) => r.candidate.unitId ?? '')])].filter(Boolean).sort();
  const existing = useQuery({ ...queries.observations({ units }), enabled: units.length > 0 });
  const list = useMemo(() => (units.length > 0 ? (existing.data ?? []) : []), [existing.data, units.length]);
  const storedOf = (row: CandidateRow) => storedMatch(list, row, report);
  /** Why a row cannot be taken with this token (a ward of a city's list the token may not write). */
  const lockedOf = (row: CandidateRow) => {
    const unit = rowUnit(row, report);
    return unit && !data.mayWrite(unit) ? `Mã truy cập của bạn không được nhập số liệu cho ${data.unitName(unit)}.` : undefined;
  };
  const isStored = (row: CandidateRow) => storedOf(row) !== undefined;
  const counts = countRows(rows, isStored);
  const acceptable = (row: CandidateRow) => !isStored(row) && !lockedOf(row);

  const patchReport = (patch: Partial<ReportDraft>) => onChange((r) => ({ ...r, report: { ...r.report, ...patch } }));
  const patchRow = (key: number, patch: Partial<CandidateRow>) =>
    onChange((r) => ({ ...r, rows: r.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)) }));
  const acceptAll = () => onChange((r) => ({ ...r, rows: acceptPending(r.rows, (row) => !acceptable(row)) }));
  const toAccept = rows.filter((r) => r.decision === 'pending' && acceptable(r)).length;

  return (
    <section className={titled ? 'review review-titled' : 'review'} aria-labelledby={titled ? `${id}-title` : undefined}>
      {titled && (
        <h3 id={`${id}-title`} className="review-title">
          {review.name}
        </h3>
      )}
      {review.fileNotes.length > 0 && (
        <ul className="file-notes" aria-label={`Khi đọc ${review.name}`}>
          {review.fileNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {review.foreignUnit && (
        <p role="alert" className="form-error">
          {foreignReportMessage(data.unitName(review.foreignUnit), data.writableUnits.map((u) => u.name))}
        </p>
      )}
      {(rows.length > 0 || review.saved === 0) && (
        <ReportFacts
          id={id}
          report={report}
          errors={review.reportErrors}
          groups={data.writableGroups}
          choices={review.unitChoices}
          notes={result.notes}
          onChange={patchReport}
        />
      )}

      {rows.length === 0 ? (
        <p className="editor-hint">{result.candidates.length === 0 ? 'Không đọc được số liệu nào trong văn bản này.' : 'Không còn số liệu nào để duyệt.'}</p>
      ) : (
        <>
          <h4 className="candidates-title">
            {counts.total} số liệu đọc được · {counts.accepted} đã nhận · {counts.pending} chờ duyệt
            {counts.stored > 0 ? ` · ${counts.stored} đã có` : ''}
          </h4>
          <ol className="candidates" aria-label="Số liệu đọc được">
            {rows.map((row, i) => {
              const stored = storedOf(row);
              const period = rowPeriod(row, report);
              const unit = rowUnit(row, report);
              return (
                <CandidateRowView
                  key={row.key}
                  row={row}
                  index={i}
                  report={report}
                  indicators={data.indicators}
                  indicatorOf={data.indicatorOf}
                  existing={list.filter((o) => o !== stored && sameSlot(o, { unitId: unit, indicatorId: row.indicatorId, period }))}
                  stored={stored}
                  storedSource={stored ? sourceText(stored.sourceId, data) : undefined}
                  locked={lockedOf(row)}
                  unitName={unit ? data.unitName(unit) : ''}
                  onChange={(patch) => patchRow(row.key, patch)}
                />
              );
            })}
          </ol>
        </>
      )}

      <ReviewMessageView message={review.message} />
      {rows.length > 0 && counts.stored === counts.total && (
        <p className="editor-hint">Mọi số liệu đọc được từ báo cáo này đã có trên máy chủ; không có gì cần lưu.</p>
      )}
      {rows.length > 0 && counts.stored < counts.total && (
        <div className="form-actions sticky-actions">
          <button type="button" className="primary" disabled={busy} onClick={onSave}>
            {busy ? 'Đang lưu…' : `Lưu ${counts.accepted} số liệu đã nhận`}
          </button>
          {toAccept > 0 && (
            <button type="button" disabled={busy} onClick={acceptAll}>
              Nhận cả {toAccept} số liệu chờ duyệt
            </button>
          )}
        </div>
      )}
      <PlanTargets review={review} data={data} busy={savingTargets} onChange={onChange} onSave={onSaveTargets} />
    </section>
  );
}
