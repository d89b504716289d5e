/** The form of one resolution: its title and period, its targets (each type explained), and a pasted list read into candidates. */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { MeasureUnit, TARGET_TYPES, type ApiIssue, type Indicator, type NewResolution, type Resolution, type TargetType } from '../../api/contract';
import { userMessageOf } from '../../api/client';
import { MEASURE_NAMES, TARGET_TYPE_TEXT } from '../../lib/vocabulary';
import { parseTargetList } from '../../lib/parse-targets';
import { candidateDrafts, draftOf, emptyTarget, issueText, newDraft, requestOf, type DraftProblem, type ResolutionDraft, type TargetDraft } from './resolution-draft';

interface ResolutionFormProps {
  unitId: string;
  editing?: Resolution;
  indicators: readonly Indicator[];
  save: (body: NewResolution, id?: string, version?: number) => Promise<Resolution>;
  onSaved: (saved: Resolution, created: boolean) => void;
  /** After a stale edit: open the resolution as it is now. */
  onReload: (current: Resolution) => void;
  onCancel: () => void;
  conflictOf: (error: unknown) => Resolution | undefined;
  issuesOf: (error: unknown) => ApiIssue[];
}

const TERMS = ['2025-2030', '2030-2035', '2020-2025'];

export function ResolutionForm({ unitId, editing, indicators, save, onSaved, onReload, onCancel, conflictOf, issuesOf }: ResolutionFormProps) {
  const [draft, setDraft] = useState<ResolutionDraft>(() => (editing ? draftOf(editing) : newDraft(unitId)));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [pasted, setPasted] = useState('');
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const id = useId();
  const mutation = useMutation({
    mutationFn: (body: NewResolution) => save(body, draft.id, draft.version),
    onSuccess: (saved) => onSaved(saved, !draft.id),
  });
  const conflict = conflictOf(mutation.error);
  const refused = mutation.error && !conflict ? issuesOf(mutation.error) : [];

  const set = (patch: Partial<ResolutionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTarget = (key: string, patch: Partial<TargetDraft>) => setDraft((d) => ({ ...d, targets: d.targets.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));
  const lastNumber = () => Math.max(0, ...draft.targets.map((t) => Number(t.number) || 0));
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const request = requestOf(draft);
    if (!request.ok) {
      setProblems(request.problems);
      return;
    }
    setProblems([]);
    mutation.mutate(request.body);
  };

  const readPasted = () => {
    const candidates = parseTargetList(pasted, indicators);
    if (candidates.length === 0) {
      setPasteNote('Không có dòng nào để đọc: hãy dán mỗi chỉ tiêu trên một dòng.');
      return;
    }
    // an untouched empty first target is replaced by the list
    const keep = draft.targets.filter((t) => t.name.trim() || t.value.trim() || t.id);
    const after = Math.max(0, ...keep.map((t) => Number(t.number) || 0));
    set({ targets: [...keep, ...candidateDrafts(candidates, after)] });
    const unread = candidates.filter((c) => c.problem).length;
    setPasteNote(`Đã đọc ${candidates.length} dòng thành chỉ tiêu đề xuất${unread ? `, ${unread} dòng chưa đọc được số (chưa nhận, hãy nhập giá trị)` : ''}. Hãy xem lại từng chỉ tiêu bên dưới rồi lưu.`);
    setPasted('');
  };

  const title = draft.id ? 'Sửa nghị quyết' : 'Thêm nghị quyết';
  const allProblems = [...problems.map((p) => p.message), ...refused.map((i) => issueText(i, draft))];
  return (
    <form aria-label={title} className="resolution-form" onSubmit={submit} noValidate>
      <h3>{title}</h3>
      <label className="field">
        <span>Tên nghị quyết</span>
        <input value={draft.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={Boolean(problemOf('title'))} placeholder="Nghị quyết Đại hội Đảng bộ phường …, nhiệm kỳ 2025–2030" />
      </label>
      <fieldset className="field">
        <legend>Loại nghị quyết</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={draft.kind === 'term'} onChange={() => set({ kind: 'term' })} /> Nghị quyết nhiệm kỳ
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={draft.kind === 'year'} onChange={() => set({ kind: 'year' })} /> Nghị quyết năm
        </label>
      </fieldset>
      {draft.kind === 'term' ? (
        <label className="field">
          <span>Nhiệm kỳ</span>
          <select value={draft.term} onChange={(e) => set({ term: e.target.value })}>
            {TERMS.map((t) => (
              <option key={t} value={t}>
                {t.replace('-', '–')}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          <span>Năm</span>
          <input inputMode="numeric" value={draft.year} onChange={(e) => set({ year: e.target.value })} aria-invalid={Boolean(problemOf('year'))} />
        </label>
      )}

      <details className="paste-targets">
        <summary>Dán danh sách chỉ tiêu</summary>
        <label className="field">
          <span>Danh sách chỉ tiêu (mỗi dòng một chỉ tiêu, như in trên báo)</span>
          <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={'Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%\nKết nạp ít nhất 25 đảng viên mới mỗi năm'} />
        </label>
        <button type="button" onClick={readPasted}>
          Đọc danh sách
        </button>
      </details>
      {pasteNote && (
        <p role="status" className="form-notice">
          {pasteNote}
        </p>
      )}

      {draft.targets.map((t) => (
        <TargetFields key={t.key} target={t} indicators={indicators} onChange={(patch) => setTarget(t.key, patch)} onRemove={() => set({ targets: draft.targets.filter((x) => x.key !== t.key) })} problemOf={problemOf} />
      ))}
      <div className="form-actions">
        <button type="button" onClick={() => set({ targets: [...draft.targets, emptyTarget(lastNumber() + 1)] })}>
          Thêm chỉ tiêu
        </button>
      </div>

      {allProblems.length > 0 && (
        <div role="alert" className="form-error">
          <p>Chưa lưu được, hãy sửa:</p>
          <ul>
            {allProblems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {conflict && (
        <div role="alert" className="form-error">
          <p>
            Nghị quyết này vừa được sửa ở nơi khác (bạn sửa từ phiên bản {draft.version}, nay là phiên bản {conflict.version}). Thay đổi của bạn chưa được lưu.
          </p>
          <button type="button" onClick={() => onReload(conflict)}>
            Tải bản mới nhất
          </button>
        </div>
      )}
      {mutation.error && !conflict && refused.length === 0 && (
        <p role="alert" className="form-error">
          {userMessageOf(mutation.error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {draft.id ? 'Lưu thay đổi' : 'Lưu nghị quyết'}
        </button>
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

function TargetFields({ target: t, indicators, onChange, onRemove, problemOf }: { target: TargetDraft; indicators: readonly Indicator[]; onChange: (patch: Partial<TargetDraft>) => void; onRemove: () => void; problemOf: (field: string) => string | undefined }) {
  const at = (f: string) => `${t.key}-${f}`;
  const matching = indicators.filter((i) => i.family !== 'resolution_targets' && (t.type === 'yearly_growth' || i.unit === t.unit));
  return (
    <fieldset className={`target-fields${t.sentence && !t.accepted ? ' target-declined' : ''}`}>
      <legend>Chỉ tiêu số {t.number || '?'}</legend>
      {t.sentence !== undefined && (
        <div className="target-sentence">
          <p>
            Câu trong danh sách: <q>{t.sentence}</q>
          </p>
          <label>
            <input type="checkbox" checked={t.accepted} onChange={(e) => onChange({ accepted: e.target.checked })} /> Nhận chỉ tiêu này
          </label>
        </div>
      )}
      <div className="target-grid">
        <label className="field">
          <span>Số thứ tự</span>
          <input inputMode="numeric" value={t.number} onChange={(e) => onChange({ number: e.target.value })} aria-invalid={Boolean(problemOf(at('number')))} />
        </label>
        <label className="field">
          <span>Nhóm</span>
          <input value={t.group} onChange={(e) => onChange({ group: e.target.value })} placeholder="Kinh tế; Văn hóa – xã hội; …" />
        </label>
        <label className="field target-name">
          <span>Nội dung chỉ tiêu</span>
          <input value={t.name} onChange={(e) => onChange({ name: e.target.value })} aria-invalid={Boolean(problemOf(at('name')))} />
        </label>
        <label className="field">
          <span>Loại chỉ tiêu</span>
          <select value={t.type} onChange={(e) => onChange({ type: e.target.value as TargetType | '', ...(e.target.value === 'yearly_growth' ? { unit: 'percent' } : {}) })} aria-invalid={Boolean(problemOf(at('type')))}>
            <option value="">— Chọn —</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {TARGET_TYPE_TEXT[type].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Giá trị</span>
          <input inputMode="decimal" value={t.value} onChange={(e) => onChange({ value: e.target.value })} aria-invalid={Boolean(problemOf(at('value')))} />
        </label>
        <label className="field">
          <span>Đến (nếu là khoảng)</span>
          <input inputMode="decimal" value={t.valueMax} onChange={(e) => onChange({ valueMax: e.target.value })} aria-invalid={Boolean(problemOf(at('valueMax')))} />
        </label>
        <label className="field">
          <span>Đơn vị tính</span>
          <select value={t.unit} onChange={(e) => onChange({ unit: e.target.value as TargetDraft['unit'] })}>
            {MeasureUnit.options.map((u) => (
              <option key={u} value={u}>
                {MEASURE_NAMES[u]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Số liệu đo chỉ tiêu</span>
          <select value={t.indicatorId} onChange={(e) => onChange({ indicatorId: e.target.value })}>
            <option value="">Không có (đặt tình trạng bằng tay)</option>
            {[...matching, ...indicators.filter((i) => i.id === t.indicatorId && !matching.includes(i))].map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {t.type && <p className="target-help">{TARGET_TYPE_TEXT[t.type].help}</p>}
      <button type="button" onClick={onRemove} aria-label={`Bỏ chỉ tiêu số ${t.number || '?'}`}>
        Bỏ chỉ tiêu
      </button>
    </fieldset>
  );
}
