/**
 * The import of reports: paste a report's text, and each report becomes one review (unit,
 * period, held date, candidates with their sentences; review-card.tsx). The editor decides on
 * each candidate, then saves a report (its source and its accepted figures in one batch), or
 * accepts and saves every report at once. Nothing is saved until the editor accepts; a candidate
 * already stored is "đã có" and not saved again, and the same report saved twice reuses its
 * stored source (the server's rule), which the import says.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { NewObservation, NewSource, Observation, Source } from '../../api/contract';
import { addObservations, addSource } from '../../api/mutations';
import { queries } from '../../api/queries';
import { formatDate } from '../../lib/format';
import { checkBatch, checkSource, withSource } from './import-draft';
import { PASTED, startReview, storedMatch, type Review, type ReviewMessage } from './import-review';
import { ReviewCard } from './review-card';
import type { EditorData } from './use-editor-data';
import { useEditorWrite } from './use-editor-write';
import { NOTHING_SAVED, onlyReportSaved, writeFailure } from './write-errors';

export interface Saved {
  source: Source;
  observations: Observation[];
  /** The report was stored before (the same text): its figures went to that source. */
  reused: boolean;
}

interface SaveVars {
  key: number;
  source: NewSource;
  batch: NewObservation[];
  /** The rows sent, in the batch's order (the batch's item i is sent[i]). */
  sent: number[];
}

/** A review's save, checked: `patch` shows each problem on the review (none when there is none). */
type Prepared = { patch: Partial<Review> } & ({ ok: true; vars: SaveVars } | { ok: false; message: ReviewMessage });

/** What the import says of a saved report. */
export function savedMessage(saved: Saved): string {
  const n = saved.observations.length;
  if (!saved.reused) return `Đã lưu ${n} số liệu từ báo cáo “${saved.source.title}”. Số liệu đã có trên bảng chỉ tiêu.`;
  return (
    `Đã lưu ${n} số liệu. Báo cáo này đã được lưu trước đây (“${saved.source.title}”, ngày ${formatDate(saved.source.heldOn)}), ` +
    'nên các số liệu được gắn với báo cáo đã lưu, không lưu thêm bản báo cáo mới. Số liệu đã có trên bảng chỉ tiêu.'
  );
}

export function ImportReport({ data, onSaved }: { data: EditorData; onSaved?: (saved: Saved) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [reviews, setReviews] = useState<Review[]>([]);
  const [message, setMessage] = useState<ReviewMessage | null>(null);
  const nextKey = useRef(1);
  /**
   * The report each review stored by a save whose batch then failed: a retry with the same report
   * reuses it instead of adding another, and the failure says it is stored. A ref, so that the
   * failure handler of the very save that stored it sees it.
   */
  const storedSources = useRef(new Map<number, { key: string; source: Source; reused: boolean }>());
  /** Sources this page stored, beside those listed when it saved: a source answered that is one of them was reused. */
  const savedSourceIds = useRef(new Set<string>());

  const patchReview = (key: number, update: (r: Review) => Review) => setReviews((rs) => rs.map((r) => (r.key === key ? update(r) : r)));

  /** New reviews at the end of the queue; a text pasted and read replaces the one read before from the box. */
  const addReviews = (added: Review[]) =>
    setReviews((rs) => [...rs.filter((r) => !(r.name === PASTED && added.some((a) => a.name === PASTED))), ...added]);

  const read = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!text.trim()) {
      setMessage({ kind: 'error', text: 'Hãy dán văn bản báo cáo vào ô trước.' });
      return;
    }
    addReviews([startReview(nextKey.current++, PASTED, text, [], data)]);
  };

  const save = useEditorWrite({
    write: async ({ key, source, batch, sent }: SaveVars, token): Promise<Saved & { key: number; sent: number[] }> => {
      const sourceKey = JSON.stringify(source);
      let stored = storedSources.current.get(key);
      if (stored?.key !== sourceKey) {
        const known = new Set([...data.sources.map((s) => s.id), ...savedSourceIds.current]);
        const answer = await addSource(source, token);
        stored = { key: sourceKey, source: answer, reused: known.has(answer.id) };
        storedSources.current.set(key, stored);
        savedSourceIds.current.add(answer.id);
      }
      const observations = await addObservations(withSource(batch, stored.source.id), token);
      return { key, sent, source: stored.source, reused: stored.reused, observations };
    },
    changes: ['observations', 'sources'],
    onSuccess: (saved) => {
      storedSources.current.delete(saved.key);
      patchReview(saved.key, (r) => ({
        ...r,
        message: { kind: 'done', text: savedMessage(saved) },
        rows: r.rows.filter((row) => !saved.sent.includes(row.key)),
        saved: r.saved + saved.observations.length,
      }));
      onSaved?.(saved);
    },
    onError: (error, vars) => {
      // the report may be stored (by this save or an earlier one) while its figures are not: say so
      save.refresh(['sources']);
      const stored = storedSources.current.get(vars.key)?.source;
      const f = writeFailure(error, data.names, stored ? onlyReportSaved(stored.title) : NOTHING_SAVED);
      patchReview(vars.key, (r) => ({
        ...r,
        reportErrors: f.errors,
        rows:
          f.itemErrors.size > 0 ? r.rows.map((row) => ({ ...row, errors: f.itemErrors.get(vars.sent.indexOf(row.key)) ?? {} })) : r.rows,
        message: { kind: 'error', text: f.message },
      }));
    },
  });

  /** The figures stored for a review's unit, as they are now. */
  const storedList = async (r: Review): Promise<Observation[]> =>
    r.report.unitId ? queryClient.ensureQueryData(queries.observations({ units: [r.report.unitId] })).catch(() => []) : [];

  /** A review's save, checked: its source and batch, or what stops it (said on the review). */
  const prepare = (r: Review, list: readonly Observation[]): Prepared => {
    const stored = (row: Review['rows'][number]) => storedMatch(list, row, r.report) !== undefined;
    const source = checkSource(r.report, r.text);
    const batch = checkBatch(r.rows, r.report, data.ctx, data.names, stored);
    const rows = r.rows.map((row) => ({ ...row, errors: batch.ok ? {} : (batch.rowErrors.get(row.key) ?? {}) }));
    const patch = { reportErrors: source.ok ? {} : source.errors, rows };
    if (!source.ok || !batch.ok) {
      return { ok: false, patch, message: { kind: 'error', text: 'Chưa lưu: có chỗ cần sửa (xem thông báo ở báo cáo và ở từng số liệu).' } };
    }
    if (batch.batch.length === 0) {
      const all = r.rows.length > 0 && r.rows.every(stored);
      const text = all
        ? 'Mọi số liệu đọc được từ báo cáo này đã có trên máy chủ; không có gì cần lưu.'
        : 'Chưa có số liệu nào được nhận. Bấm “Nhận” ở từng số liệu đúng với báo cáo.';
      return { ok: false, patch, message: { kind: 'error', text } };
    }
    const sent = r.rows.filter((row) => row.decision === 'accepted' && !stored(row)).map((row) => row.key);
    return { ok: true, patch, vars: { key: r.key, source: source.value, batch: batch.batch, sent } };
  };

  const saveOne = async (r: Review) => {
    patchReview(r.key, (x) => ({ ...x, message: null }));
    const prepared = prepare(r, await storedList(r));
    patchReview(r.key, (x) => ({ ...x, ...prepared.patch, message: prepared.ok ? null : prepared.message }));
    if (prepared.ok) save.send(prepared.vars);
  };

  return (
    <section className="editor-card import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nhập từ văn bản báo cáo</h2>
      <p className="editor-hint">
        Dán toàn văn báo cáo (bài tin, báo cáo hội nghị). Các con số được đọc ra để bạn kiểm tra từng số với câu gốc; chỉ số liệu bạn
        bấm “Nhận” mới được lưu.
      </p>
      <form onSubmit={read}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Văn bản báo cáo</label>
          <textarea id={`${id}-text`} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            Đọc số liệu
          </button>
        </div>
      </form>
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'form-done'}>
          <p>{message.text}</p>
        </div>
      )}

      {reviews.map((r) => (
        <ReviewCard
          key={r.key}
          review={r}
          data={data}
          titled={reviews.length > 1}
          busy={save.isPending}
          onChange={(update) => patchReview(r.key, update)}
          onSave={() => void saveOne(r)}
        />
      ))}
    </section>
  );
}
