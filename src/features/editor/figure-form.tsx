/**
 * Add or correct one figure. Checked by the contract and the indicator rules before it is
 * sent; a refusal keeps everything typed; a stale edit (409) shows both versions.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Indicator, NewObservation, Observation, ObservationFields, ObservationUpdate } from '../../api/contract';
import { addObservations, updateObservation } from '../../api/mutations';
import { queryKeys } from '../../api/queries';
import { MEASURE_LABELS, formatDate } from '../../lib/format';
import { ConflictView } from './conflict-view';
import { Field } from './field';
import type { FieldErrors } from './field-errors';
import { checkFigureUpdate, checkNewFigure, draftFromObservation, emptyDraft, withoutVersion, type FigureDraft } from './figure-draft';
import { BASIS_LABELS, FAMILY_LABELS, QUALIFIER_LABELS, QUARTER_OPTIONS, SCOPE_LABELS, STATUS_LABELS } from './labels';
import { useEditorSession } from './token-store';
import type { EditorData } from './use-editor-data';
import { writeFailure, type WriteFailure } from './write-errors';

type Save = { kind: 'new'; value: NewObservation } | { kind: 'update'; id: string; value: ObservationUpdate };

export function FigureForm({
  data,
  editing,
  defaults,
  onDone,
  onCancel,
}: {
  data: EditorData;
  /** The figure being corrected; none for a new one. */
  editing?: Observation;
  defaults?: Partial<FigureDraft>;
  onDone: (saved: Observation, kind: 'added' | 'updated') => void;
  onCancel: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const token = useEditorSession((s) => s.token);
  const reject = useEditorSession((s) => s.reject);
  const [draft, setDraft] = useState<FigureDraft>(() => (editing ? draftFromObservation(editing) : emptyDraft(defaults)));
  const [baseVersion, setBaseVersion] = useState(editing?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<(WriteFailure & { mine?: ObservationFields }) | null>(null);

  const save = useMutation({
    mutationFn: async (s: Save): Promise<Observation> => {
      if (!token) throw new Error('not signed in');
      if (s.kind === 'new') return (await addObservations([s.value], token))[0]!;
      return updateObservation(s.id, s.value, token);
    },
    onSuccess: (saved, s) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.observations });
      setFailure(null);
      onDone(saved, s.kind === 'new' ? 'added' : 'updated');
    },
    onError: (error, s) => {
      const f = writeFailure(error, data.names);
      if (f.signInAgain) reject();
      const itemErrors = f.itemErrors.get(0);
      setErrors({ ...f.errors, ...itemErrors });
      setFailure({ ...f, mine: withoutVersion(s.value) });
    },
  });

  const set = <K extends keyof FigureDraft>(key: K, value: FigureDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = editing ? checkFigureUpdate(draft, baseVersion, data.ctx, data.names) : checkNewFigure(draft, data.ctx, data.names);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (editing) save.mutate({ kind: 'update', id: editing.id, value: checked.value as ObservationUpdate });
    else save.mutate({ kind: 'new', value: checked.value as NewObservation });
  };

  const keepMine = () => {
    if (!editing || !failure?.conflict || !failure.mine) return;
    setBaseVersion(failure.conflict.version);
    save.mutate({ kind: 'update', id: editing.id, value: { ...failure.mine, version: failure.conflict.version } });
  };
  const takeCurrent = () => {
    if (!failure?.conflict) return;
    setDraft(draftFromObservation(failure.conflict));
    setBaseVersion(failure.conflict.version);
    setErrors({});
    setFailure(null);
    void queryClient.invalidateQueries({ queryKey: queryKeys.observations });
  };

  const indicator = data.indicatorOf(draft.indicatorId);
  const indicators = data.indicators;
  const families = useMemo(() => {
    const groups = new Map<string, Indicator[]>();
    for (const i of indicators) groups.set(i.family, [...(groups.get(i.family) ?? []), i]);
    return [...groups];
  }, [indicators]);
  const sources = useMemo(
    () =>
      data.sources
        .filter((s) => !draft.unitId || s.unitId === draft.unitId || s.id === draft.sourceId)
        .sort((a, b) => b.heldOn.localeCompare(a.heldOn)),
    [data.sources, draft.unitId, draft.sourceId],
  );
  const valueHint =
    indicator?.unit === 'vnd'
      ? 'Đơn vị: đồng. Có thể viết 12 tỷ, 528 triệu hoặc 7 tỷ 265 triệu.'
      : indicator
        ? `Đơn vị: ${MEASURE_LABELS[indicator.unit]}. Dấu phẩy thập phân: 88,44; dấu chấm hàng nghìn: 1.770.`
        : 'Dấu phẩy thập phân: 88,44; dấu chấm hàng nghìn: 1.770.';
  const title = editing ? 'Sửa số liệu' : 'Thêm số liệu';
  const errorCount = Object.values(errors).filter((l) => l?.length).length;

  return (
    <section className="editor-card figure-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {editing && (
        <p className="editor-hint">
          Đang sửa bản phiên bản {baseVersion}. Nếu có người khác sửa cùng lúc, bạn sẽ được hỏi chọn bản nào.
        </p>
      )}
      <form onSubmit={submit} noValidate aria-label={title}>
        <div className="form-grid">
          <Field id={`${id}-unit`} name="unitId" label="Phường, xã" errors={errors}>
            {(p) => (
              <select {...p} value={draft.unitId} onChange={(e) => set('unitId', e.target.value)}>
                <option value="">— Chọn phường, xã —</option>
                {data.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                    {u.validTo ? ` (đến ${formatDate(u.validTo)})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-indicator`} name="indicatorId" label="Chỉ tiêu" errors={errors} className="span-2">
            {(p) => (
              <select {...p} value={draft.indicatorId} onChange={(e) => set('indicatorId', e.target.value)}>
                <option value="">— Chọn chỉ tiêu —</option>
                {families.map(([family, list]) => (
                  <optgroup key={family} label={FAMILY_LABELS[family as keyof typeof FAMILY_LABELS]}>
                    {list.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-year`} name="period" label="Năm" errors={errors}>
            {(p) => (
              <input {...p} inputMode="numeric" autoComplete="off" value={draft.year} onChange={(e) => set('year', e.target.value)} />
            )}
          </Field>
          <Field id={`${id}-quarter`} name="quarter" label="Kỳ" errors={errors}>
            {(p) => (
              <select {...p} value={draft.quarter} onChange={(e) => set('quarter', e.target.value)}>
                {QUARTER_OPTIONS.map(([q, label]) => (
                  <option key={q} value={q}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-qualifier`} name="qualifier" label="Mức độ" errors={errors}>
            {(p) => (
              <select {...p} value={draft.qualifier} onChange={(e) => set('qualifier', e.target.value as FigureDraft['qualifier'])}>
                {Object.entries(QUALIFIER_LABELS).map(([q, label]) => (
                  <option key={q} value={q}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-value`} name="value" label="Giá trị" hint={valueHint} errors={errors}>
            {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={draft.value} onChange={(e) => set('value', e.target.value)} />}
          </Field>
          <Field id={`${id}-outof`} name="outOf" label="Trên tổng số" hint="Chỉ khi báo cáo ghi dạng 10/11." errors={errors}>
            {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={draft.outOf} onChange={(e) => set('outOf', e.target.value)} />}
          </Field>
          <Field id={`${id}-basis`} name="basis" label="So với" errors={errors}>
            {(p) => (
              <select {...p} value={draft.basis} onChange={(e) => set('basis', e.target.value as FigureDraft['basis'])}>
                <option value="">— Không ghi —</option>
                {Object.entries(BASIS_LABELS).map(([b, label]) => (
                  <option key={b} value={b}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-asof`} name="asOf" label="Tính đến ngày" errors={errors}>
            {(p) => <input {...p} type="date" value={draft.asOf} onChange={(e) => set('asOf', e.target.value)} />}
          </Field>
          <Field id={`${id}-status`} name="status" label="Tình trạng" errors={errors}>
            {(p) => (
              <select {...p} value={draft.status} onChange={(e) => set('status', e.target.value as FigureDraft['status'])}>
                <option value="">— Không ghi —</option>
                {Object.entries(STATUS_LABELS).map(([s, label]) => (
                  <option key={s} value={s}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-scope`} name="scope" label="Phạm vi chỉ tiêu" errors={errors}>
            {(p) => (
              <select {...p} value={draft.scope} onChange={(e) => set('scope', e.target.value as FigureDraft['scope'])}>
                <option value="">— Không ghi —</option>
                {Object.entries(SCOPE_LABELS).map(([s, label]) => (
                  <option key={s} value={s}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-source`} name="sourceId" label="Nguồn" errors={errors} className="span-2">
            {(p) => (
              <select {...p} value={draft.sourceId} onChange={(e) => set('sourceId', e.target.value)}>
                <option value="">— Chọn báo cáo nguồn —</option>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} ({formatDate(s.heldOn)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-note`} name="note" label="Ghi chú" errors={errors} className="span-3">
            {(p) => <textarea {...p} rows={2} value={draft.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
        </div>
        {errorCount > 0 && !failure && (
          <p role="alert" className="form-error">
            Có {errorCount} ô cần sửa; xem thông báo dưới từng ô.
          </p>
        )}
        {failure && (
          <div role="alert" className="form-error">
            <p>{failure.message}</p>
          </div>
        )}
        {failure?.conflict && failure.mine && (
          <ConflictView mine={failure.mine} current={failure.conflict} lookups={data} busy={save.isPending} onKeepMine={keepMine} onTakeCurrent={takeCurrent} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Lưu số liệu'}
          </button>
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
        </div>
      </form>
    </section>
  );
}
