/**
 * The import of reports: paste a report's text, or drop or choose several files (.docx, PDF
 * with text, .txt; read by src/lib/documents, fetched when the import is first opened), and each
 * report becomes one review in a queue (unit, period, held date, candidates with their
 * sentences; review-card.tsx). The editor decides on each candidate, then saves a report (its
 * source and its accepted figures in one batch), or accepts and saves every report at once.
 * The targets a report's plan sets are never figures: the editor accepts them one by one and
 * saves them apart, to the unit's resolution of their year or term (added to it, or a new one
 * made from the report, as its source). Nothing is saved until the editor accepts; a candidate
 * already stored is "đã có" and not saved again, and the same report saved twice reuses its
 * stored source (the server's rule), which the import says.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { ApiIssue, NewObservation, NewSource, Observation, Resolution, Source } from '../../api/contract';
import { addObservations, addResolution, addSource, issuesOf, resolutionConflictOf, updateResolution } from '../../api/mutations';
import { queries, resolutionsQuery } from '../../api/queries';
import { formatDate, formatNumber } from '../../lib/format';
import { checkBatch, checkSource, rowUnit, withSource, type CandidateRow } from './import-draft';
import { acceptPending, PASTED, startReview, storedMatch, type Review, type ReviewMessage } from './import-review';
import { loadDocumentReaders, MAX_REPORT_CHARS, readReportFile, REPORT_FILE_TYPES } from './report-files';
import { ReviewCard } from './review-card';
import { ReviewMessageView } from './review-message';
import { checkTargets, newPlanResolution, resolutionHolding, resolutionOf, withTargets, type TargetGroup, type TargetRow } from './target-draft';
import { apiIssueMessage, type FieldErrors } from './field-errors';
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

interface TargetVars {
  key: number;
  unitId: string;
  source: NewSource;
  groups: TargetGroup[];
}

/** What a save of targets wrote, resolution by resolution (so far, when a later write failed). */
interface TargetsSaved {
  key: number;
  /** The rows saved. */
  rows: number[];
  resolutions: { resolution: Resolution; added: number; created: boolean }[];
  /** Of the write being sent: how many targets the resolution had before (a refusal's "targets.N" is N minus these). */
  before: number;
}

/** What the import says of targets saved. */
export function targetsSavedMessage(saved: Pick<TargetsSaved, 'resolutions'>): string {
  const each = saved.resolutions.map(({ resolution, added, created }) =>
    created ? `Đã tạo nghị quyết “${resolution.title}” với ${added} chỉ tiêu.` : `Đã thêm ${added} chỉ tiêu vào nghị quyết “${resolution.title}”.`,
  );
  return `${each.join(' ')} Xem và sửa ở thẻ “Nghị quyết”.`;
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

/** A file of the queue: read, being read, or why it could not be. */
interface FileEntry {
  key: number;
  name: string;
  status: 'waiting' | 'reading' | 'read' | 'failed';
  /** Failed: what is wrong and what to do (Vietnamese). */
  problem?: string;
}

const FILE_STATUS: Record<Exclude<FileEntry['status'], 'failed'>, string> = {
  waiting: 'chờ đọc',
  reading: 'đang đọc…',
  read: 'đã đọc, xem bên dưới',
};

/** Where a file of the queue stands: read, and how much of it is saved. */
function fileStatus(status: Exclude<FileEntry['status'], 'failed'>, r: Review | undefined): string {
  if (status !== 'read' || !r || r.saved === 0) return FILE_STATUS[status];
  return r.rows.length > 0 ? `đã lưu ${r.saved} số liệu, còn ${r.rows.length} số liệu để duyệt` : `đã lưu ${r.saved} số liệu`;
}

export function ImportReport({ data, onSaved }: { data: EditorData; onSaved?: (saved: Saved) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [reviews, setReviews] = useState<Review[]>([]);
  const [message, setMessage] = useState<ReviewMessage | null>(null);
  const [files, setFiles] = useState<FileEntry[]>([]);
  /** While files are read: how many of how many, and which one. */
  const [reading, setReading] = useState<{ done: number; total: number; name: string } | null>(null);
  /** While every report is saved: which one of how many. */
  const [savingAll, setSavingAll] = useState<{ done: number; total: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);

  // the document readers are fetched as the import opens, not with the page
  useEffect(() => {
    loadDocumentReaders().catch(() => undefined); // a failure is said when a file is read
  }, []);
  /**
   * The report each review stored: a later save (or a retry after its batch failed) with the same
   * report's facts reuses it instead of sending it again, and a failure says it is stored. A ref,
   * so that the failure handler of the very save that stored it sees it.
   */
  const storedSources = useRef(new Map<number, { key: string; source: Source; reused: boolean }>());
  /** Sources this page stored, beside those listed when it saved: a source answered that is one of them was reused. */
  const savedSourceIds = useRef(new Set<string>());

  const patchReview = (key: number, update: (r: Review) => Review) => setReviews((rs) => rs.map((r) => (r.key === key ? update(r) : r)));

  /**
   * New reviews at the end of the queue; a text pasted and read replaces the one read before from
   * the box, and a file read again is told from its first reading ("(lần 2)").
   */
  const addReviews = (added: Review[]) =>
    setReviews((rs) => {
      const kept = rs.filter((r) => !(r.name === PASTED && added.some((a) => a.name === PASTED)));
      const named = added.map((a) => {
        const times = kept.filter((r) => r.file === a.name).length;
        return a.name === PASTED || times === 0 ? a : { ...a, name: `${a.name} (lần ${times + 1})` };
      });
      return [...kept, ...named];
    });

  const read = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!text.trim()) {
      setMessage({ kind: 'error', text: 'Hãy dán văn bản báo cáo vào ô trước.' });
      return;
    }
    addReviews([startReview(nextKey.current++, PASTED, text, [], data)]);
  };

  const patchFile = (key: number, patch: Partial<FileEntry>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  /** Reads the files one after another, each into a review of its own; nothing is saved. */
  const readFiles = async (picked: File[]) => {
    if (picked.length === 0) return;
    setMessage(null);
    const entries = picked.map((f) => ({ key: nextKey.current++, name: f.name, status: 'waiting' as const }));
    setFiles((fs) => [...fs, ...entries]);
    for (const [i, file] of picked.entries()) {
      const entry = entries[i]!;
      setReading({ done: i, total: picked.length, name: file.name });
      patchFile(entry.key, { status: 'reading' });
      try {
        const doc = await readReportFile(file);
        if (!doc.text.trim()) {
          patchFile(entry.key, { status: 'failed', problem: doc.problem?.message ?? 'Không đọc được chữ nào trong tệp này.' });
          continue;
        }
        const notes = [...doc.notes, ...(doc.problem ? [doc.problem.message] : [])];
        if (doc.text.length > MAX_REPORT_CHARS) {
          notes.push(
            `Văn bản dài ${formatNumber(doc.text.length, 0)} ký tự, quá ${formatNumber(MAX_REPORT_CHARS, 0)} ký tự của một báo cáo được lưu: hãy tách tệp thành các phần nhỏ hơn rồi nhập lại.`,
          );
        }
        addReviews([startReview(entry.key, file.name, doc.text, notes, data)]);
        patchFile(entry.key, { status: 'read' });
      } catch {
        patchFile(entry.key, {
          status: 'failed',
          problem: 'Không đọc được tệp này (trình đọc tệp không tải được hoặc gặp lỗi). Hãy kiểm tra kết nối mạng rồi chọn lại tệp.',
        });
      }
    }
    setReading(null);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFiles([...e.dataTransfer.files]);
  };

  /** The review's report as stored: by an earlier save with the same report's facts, else stored now. */
  const storeSource = async (key: number, source: NewSource, token: string) => {
    const sourceKey = JSON.stringify(source);
    let stored = storedSources.current.get(key);
    if (stored?.key !== sourceKey) {
      const known = new Set([...data.sources.map((s) => s.id), ...savedSourceIds.current]);
      const answer = await addSource(source, token);
      stored = { key: sourceKey, source: answer, reused: known.has(answer.id) };
      storedSources.current.set(key, stored);
      savedSourceIds.current.add(answer.id);
    }
    return stored;
  };

  const save = useEditorWrite({
    write: async ({ key, source, batch, sent }: SaveVars, token): Promise<Saved & { key: number; sent: number[] }> => {
      const stored = await storeSource(key, source, token);
      const observations = await addObservations(withSource(batch, stored.source.id), token);
      return { key, sent, source: stored.source, reused: stored.reused, observations };
    },
    changes: ['observations', 'sources'],
    onSuccess: (saved) => {
      // kept: a later save of the same review with the same report's facts goes to this source
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

  /** What the save of each review's targets has written so far: said, and kept, when a later write of it fails. */
  const writtenTargets = useRef(new Map<number, TargetsSaved>());

  const saveTargets = useEditorWrite({
    write: async ({ key, unitId, source, groups }: TargetVars, token): Promise<TargetsSaved> => {
      const done: TargetsSaved = { key, rows: [], resolutions: [], before: 0 };
      writtenTargets.current.set(key, done);
      const stored = await storeSource(key, source, token);
      // the unit's resolutions as they are now: a target is added to the latest version
      const list = await queryClient.fetchQuery({ ...resolutionsQuery([unitId]), staleTime: 0 });
      for (const group of groups) {
        const existing = resolutionOf(list, unitId, group.slot);
        done.before = existing?.targets.length ?? 0;
        const resolution = existing
          ? await updateResolution(existing.id, withTargets(existing, group), token)
          : await addResolution(newPlanResolution(unitId, group, stored.source), token);
        done.rows.push(...group.rows);
        done.resolutions.push({ resolution, added: group.rows.length, created: !existing });
      }
      return done;
    },
    changes: ['resolutions', 'sources'],
    onSuccess: (done) =>
      patchReview(done.key, (r) => ({
        ...r,
        targets: r.targets.filter((t) => !done.rows.includes(t.key)),
        targetsSaved: r.targetsSaved + done.rows.length,
        targetMessage: { kind: 'done', text: targetsSavedMessage(done) },
      })),
    onError: (error, vars) => {
      saveTargets.refresh(['sources', 'resolutions']);
      const done = writtenTargets.current.get(vars.key) ?? { key: vars.key, rows: [], resolutions: [], before: 0 };
      const stored = storedSources.current.get(vars.key)?.source;
      const kept =
        done.rows.length > 0
          ? 'Các chỉ tiêu chưa lưu vẫn còn nguyên; bấm lưu lần nữa để lưu tiếp.'
          : stored
            ? onlyReportSaved(stored.title, 'chỉ tiêu')
            : NOTHING_SAVED;
      const conflict = resolutionConflictOf(error);
      const failing = vars.groups[done.resolutions.length];
      const rowErrors = failing ? targetIssues(issuesOf(error), failing, done.before) : new Map<number, FieldErrors>();
      const failure = conflict
        ? `Nghị quyết “${conflict.title}” vừa được sửa ở nơi khác trong lúc bạn lưu (nay là phiên bản ${conflict.version}); chưa thêm chỉ tiêu nào vào nghị quyết đó. Bấm lưu lần nữa để thêm vào bản mới nhất. ${kept}`
        : rowErrors.size > 0
          ? `Máy chủ không nhận chỉ tiêu: hãy sửa các chỉ tiêu được đánh dấu. ${kept}`
          : writeFailure(error, data.names, kept).message;
      const saved = done.resolutions.length > 0 ? `${targetsSavedMessage(done)} ` : '';
      patchReview(vars.key, (r) => ({
        ...r,
        targets: r.targets.filter((t) => !done.rows.includes(t.key)).map((t) => ({ ...t, errors: rowErrors.get(t.key) ?? {} })),
        targetsSaved: r.targetsSaved + done.rows.length,
        targetMessage: { kind: 'error', text: `${saved}${failure}` },
      }));
    },
  });

  /** A review's accepted targets, checked and sent (not those its unit's resolution has already); what stops them is said on the review. */
  const saveReviewTargets = async (r: Review) => {
    const unitId = r.report.unitId;
    const list = unitId ? await queryClient.ensureQueryData(resolutionsQuery([unitId])).catch(() => []) : [];
    const held = (t: TargetRow) => resolutionHolding(list, unitId, t) !== undefined;
    const source = checkSource(r.report, r.text);
    const checked = checkTargets(r.targets.filter((t) => !held(t)), data.indicatorOf);
    const targets = r.targets.map((t) => ({ ...t, errors: checked.ok ? {} : (checked.rowErrors.get(t.key) ?? {}) }));
    const problem = !unitId
      ? 'Chưa lưu: hãy chọn phường, xã của báo cáo (chỉ tiêu được lưu vào nghị quyết của đơn vị đó).'
      : !source.ok
        ? 'Chưa lưu: thông tin báo cáo (nguồn của nghị quyết) còn chỗ cần sửa, xem ở phần báo cáo.'
        : !checked.ok
          ? 'Chưa lưu: có chỉ tiêu cần sửa (xem thông báo ở từng chỉ tiêu).'
          : checked.groups.length > 0
            ? null
            : r.targets.every(held)
              ? 'Mọi chỉ tiêu kế hoạch đọc được từ báo cáo này đã có trong nghị quyết của đơn vị; không có gì cần lưu.'
              : 'Chưa có chỉ tiêu nào được nhận. Bấm “Nhận” ở từng chỉ tiêu đúng với kế hoạch của báo cáo.';
    patchReview(r.key, (x) => ({
      ...x,
      targets,
      reportErrors: source.ok ? x.reportErrors : source.errors,
      targetMessage: problem ? { kind: 'error', text: problem } : null,
    }));
    if (!problem && source.ok && checked.ok) saveTargets.send({ key: r.key, unitId, source: source.value, groups: checked.groups });
  };

  /** The figures stored for a review's units (its report's, and those of a city's list), as they are now. */
  const storedList = async (r: Review): Promise<Observation[]> => {
    const units = [...new Set([r.report.unitId, ...r.rows.map((row) => row.candidate.unitId ?? '')])].filter(Boolean).sort();
    return units.length > 0 ? queryClient.ensureQueryData(queries.observations({ units })).catch(() => []) : [];
  };

  /** A review's save, checked: its source and batch, or what stops it (said on the review). */
  const prepare = (r: Review, list: readonly Observation[]): Prepared => {
    // what is stored already, or of a unit the token may not write, is not sent
    const stored = (row: CandidateRow) => storedMatch(list, row, r.report) !== undefined || !data.mayWrite(rowUnit(row, r.report));
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

  /** Accepts what is undecided in every report and saves them one after another; each says how it went. */
  const saveAll = async () => {
    setMessage(null);
    const queue = reviews.filter((r) => r.rows.length > 0);
    let figures = 0;
    let saved = 0;
    const notSaved: string[] = [];
    for (const [i, r] of queue.entries()) {
      setSavingAll({ done: i, total: queue.length });
      const list = await storedList(r);
      const kept = (row: CandidateRow) => storedMatch(list, row, r.report) !== undefined || !data.mayWrite(rowUnit(row, r.report));
      const accepted = { ...r, rows: acceptPending(r.rows, kept) };
      patchReview(r.key, (x) => ({ ...x, rows: acceptPending(x.rows, kept) }));
      const prepared = prepare(accepted, list);
      patchReview(r.key, (x) => ({ ...x, ...prepared.patch, message: prepared.ok ? null : prepared.message }));
      if (!prepared.ok) {
        if (!accepted.rows.every((row) => kept(row) || row.decision === 'rejected')) notSaved.push(r.name);
        continue;
      }
      try {
        figures += (await save.sendAsync(prepared.vars)).observations.length;
        saved++;
      } catch {
        notSaved.push(r.name); // the review says why
      }
    }
    setSavingAll(null);
    const done = `Đã lưu ${figures} số liệu của ${saved} báo cáo.`;
    setMessage(
      notSaved.length === 0
        ? { kind: 'done', text: done }
        : { kind: 'error', text: `${done} Chưa lưu ${notSaved.length} báo cáo (${notSaved.join('; ')}): xem thông báo ở từng báo cáo.` },
    );
  };

  const busy = save.isPending || savingAll !== null;
  const open = reviews.filter((r) => r.rows.length > 0).length;

  return (
    <section className="editor-card import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nhập từ văn bản báo cáo</h2>
      <p className="editor-hint">
        Chọn hoặc kéo thả các tệp báo cáo, hoặc dán toàn văn một báo cáo (bài tin, báo cáo hội nghị). Các con số được đọc ra để bạn
        kiểm tra từng số với câu gốc; chỉ số liệu bạn bấm “Nhận” mới được lưu.
      </p>
      <div
        className={dragging ? 'file-drop file-drop-active' : 'file-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {/* the native control is kept (focus, keyboard, screen readers) but drawn as the label's button, in Vietnamese */}
        <input
          id={`${id}-files`}
          className="file-input"
          type="file"
          multiple
          accept={REPORT_FILE_TYPES}
          aria-describedby={`${id}-files-hint`}
          disabled={reading !== null}
          onChange={(e) => {
            void readFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <label htmlFor={`${id}-files`} className="file-button">
          Chọn tệp báo cáo (có thể chọn nhiều tệp)
        </label>
        <p id={`${id}-files-hint`} className="field-hint">
          Hoặc kéo thả tệp vào khung này. Đọc được Word (.docx), PDF có lớp chữ và văn bản (.txt: Unicode, TCVN3, VNI); mỗi tệp là một
          báo cáo để duyệt.
        </p>
      </div>
      {reading && (
        <div role="status" className="file-progress">
          <progress value={reading.done} max={reading.total} aria-label="Tiến độ đọc tệp" />
          <span>
            Đang đọc tệp {reading.done + 1}/{reading.total}: {reading.name}
          </span>
        </div>
      )}
      {files.length > 0 && (
        <ul className="file-queue" aria-label="Tệp đã chọn">
          {files.map((f) => {
            const r = reviews.find((x) => x.key === f.key);
            return (
              <li key={f.key} className={`file-${f.status}`}>
                <strong>{r?.name ?? f.name}</strong>:{' '}
                {f.status === 'failed' ? <span className="field-error">không đọc được. {f.problem}</span> : fileStatus(f.status, r)}
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={read}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Văn bản báo cáo</label>
          <span className="field-hint">Hoặc dán toàn văn một báo cáo vào đây rồi bấm “Đọc số liệu”.</span>
          <textarea id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            Đọc số liệu
          </button>
        </div>
      </form>
      <ReviewMessageView message={message} />

      {open > 1 && (
        <div className="form-actions queue-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void saveAll()}>
            {savingAll ? `Đang lưu báo cáo ${savingAll.done + 1}/${savingAll.total}…` : `Nhận và lưu cả ${open} báo cáo`}
          </button>
          <span className="field-hint">Nhận mọi số liệu đang chờ duyệt (trừ số liệu đã có) rồi lưu từng báo cáo.</span>
        </div>
      )}
      {reviews.map((r) => (
        <ReviewCard
          key={r.key}
          review={r}
          data={data}
          titled={reviews.length > 1 || r.name !== PASTED}
          busy={busy}
          onChange={(update) => patchReview(r.key, update)}
          onSave={() => void saveOne(r)}
          savingTargets={saveTargets.isPending}
          onSaveTargets={() => void saveReviewTargets(r)}
        />
      ))}
    </section>
  );
}

/** A refusal's issues on the targets of the write that failed ("targets.N.field"), by the row each is of. */
function targetIssues(issues: readonly ApiIssue[], group: TargetGroup, before: number): Map<number, FieldErrors> {
  const out = new Map<number, FieldErrors>();
  for (const issue of issues) {
    const m = /^targets\.(\d+)\.(\w+)/.exec(issue.path);
    const row = m ? group.rows[Number(m[1]) - before] : undefined;
    if (row === undefined) continue;
    const errors = out.get(row) ?? {};
    (errors[m![2]!] ??= []).push(apiIssueMessage(issue));
    out.set(row, errors);
  }
  return out;
}
