/**
 * Add or correct one figure. Checked by the contract and the indicator rules before it is
 * sent; a refusal keeps everything typed; a stale edit (409) shows both versions. A new figure
 * for a unit, indicator and period that already has one is not added without asking: the
 * editor corrects the stored one instead, or adds a second one knowingly.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { NewObservation, Observation, ObservationFields, ObservationUpdate } from '../../api/contract';
import { addObservations, updateObservation } from '../../api/mutations';
import { queries } from '../../api/queries';
import { formatDate } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { bindFields } from './bind-fields';
import { ChoiceField } from './choice-field';
import { ConflictView } from './conflict-view';
import { figureText, sourceText } from './describe-figure';
import { sameSlot } from '../../api/same-figure';
import { Field } from './field';
import type { FieldErrors } from './field-errors';
import { checkFigureUpdate, checkNewFigure, draftFromObservation, emptyDraft, withoutVersion, type FigureDraft } from './figure-draft';
import { IndicatorSelect } from './indicator-select';
import { BASIS_CHOICES, MEASURE_NAMES, QUALIFIER_CHOICES, SCOPE_CHOICES, STATUS_CHOICES } from '../../lib/vocabulary';
import { NOT_STATED } from './labels';
import { PeriodFields } from './period-fields';
import { TextField } from './text-field';
import { UnitSelect } from './unit-select';
import type { EditorData } from './use-editor-data';
import { useEditorWrite } from './use-editor-write';
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
  const [draft, setDraft] = useState<FigureDraft>(() => (editing ? draftFromObservation(editing) : emptyDraft(defaults)));
  /** The stored figure being corrected: the one given, or a stored one the editor chose to correct instead of adding. */
  const [target, setTarget] = useState<Observation | undefined>(editing);
  const [baseVersion, setBaseVersion] = useState(editing?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<(WriteFailure & { mine?: ObservationFields }) | null>(null);
  /** A save was asked while the period already has a figure: the editor is asked to choose. */
  const [askDuplicate, setAskDuplicate] = useState(false);

  const stored = useQuery({ ...queries.observations({ units: draft.unitId ? [draft.unitId] : [] }), enabled: Boolean(draft.unitId) });
  const sameIn = (list: readonly Observation[], d: FigureDraft) => {
    const period = /^\d{4}$/.test(d.year.trim()) ? `${d.year.trim()}-Q${d.quarter}` : '';
    if (!d.unitId || !d.indicatorId || !period) return [];
    return list.filter((o) => sameSlot(o, { unitId: d.unitId, indicatorId: d.indicatorId, period }) && o.id !== target?.id);
  };
  const same = sameIn(stored.data ?? [], draft);

  const save = useEditorWrite({
    write: async (s: Save, token): Promise<Observation> => {
      if (s.kind === 'new') return (await addObservations([s.value], token))[0]!;
      return updateObservation(s.id, s.value, token);
    },
    changes: ['observations'],
    onSuccess: (saved, s) => {
      setFailure(null);
      setAskDuplicate(false);
      onDone(saved, s.kind === 'new' ? 'added' : 'updated');
    },
    onError: (error, s) => {
      const f = writeFailure(error, data.names);
      const itemErrors = f.itemErrors.get(0);
      setErrors({ ...f.errors, ...itemErrors });
      setFailure({ ...f, mine: withoutVersion(s.value) });
    },
  });

  const patch = (p: Partial<FigureDraft>) => {
    setAskDuplicate(false);
    setDraft((d) => ({ ...d, ...p }));
  };
  const field = bindFields(id, draft, errors, patch);

  /** `addAnyway`: the editor knows the period has a figure and adds another. */
  const submit = async (e?: FormEvent, addAnyway = false) => {
    e?.preventDefault();
    setFailure(null);
    const checked = target ? checkFigureUpdate(draft, baseVersion, data.ctx, data.names) : checkNewFigure(draft, data.ctx, data.names);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (target) {
      save.send({ kind: 'update', id: target.id, value: checked.value as ObservationUpdate });
      return;
    }
    if (!addAnyway) {
      // the stored figures of the unit, as they are now (loaded with the form, else asked for)
      const list = await queryClient.ensureQueryData(queries.observations({ units: [draft.unitId] })).catch(() => stored.data ?? []);
      if (sameIn(list, draft).length > 0) {
        setAskDuplicate(true);
        return;
      }
    }
    setAskDuplicate(false);
    save.send({ kind: 'new', value: checked.value as NewObservation });
  };

  /** Correct the stored figure with what was typed, instead of adding a second one. */
  const correctInstead = (o: Observation) => {
    setTarget(o);
    setBaseVersion(o.version);
    setAskDuplicate(false);
    setFailure(null);
  };

  const keepMine = () => {
    if (!target || !failure?.conflict || !failure.mine) return;
    setBaseVersion(failure.conflict.version);
    save.send({ kind: 'update', id: target.id, value: { ...failure.mine, version: failure.conflict.version } });
  };
  const takeCurrent = () => {
    if (!failure?.conflict) return;
    setDraft(draftFromObservation(failure.conflict));
    setBaseVersion(failure.conflict.version);
    setErrors({});
    setFailure(null);
    save.refresh();
  };

  const indicator = data.indicatorOf(draft.indicatorId);
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
        ? `Đơn vị: ${MEASURE_NAMES[indicator.unit]}. Dấu phẩy thập phân: 88,44; dấu chấm hàng nghìn: 1.770.`
        : 'Dấu phẩy thập phân: 88,44; dấu chấm hàng nghìn: 1.770.';
  const title = target ? 'Sửa số liệu' : 'Thêm số liệu';
  const slotName = `${data.unitName(draft.unitId)}, ${indicator?.name ?? draft.indicatorId}, ${periodLabel(`${draft.year.trim()}-Q${draft.quarter}`)}`;
  const errorCount = Object.values(errors).filter((l) => l?.length).length;

  return (
    <section className="editor-card figure-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {target && target !== editing && (
        <p className="editor-hint">
          Bạn đang sửa số liệu đã có ({figureText(target, data)}, nguồn: {sourceText(target.sourceId, data)}) thay vì thêm số liệu mới. Các ô
          giữ những gì bạn vừa nhập; bấm “Lưu thay đổi” để thay số liệu đã có.
        </p>
      )}
      {target && (
        <p className="editor-hint">
          Đang sửa bản phiên bản {baseVersion}. Nếu có người khác sửa cùng lúc, bạn sẽ được hỏi chọn bản nào.
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="form-grid">
          <UnitSelect {...field('unitId')} label="Phường, xã" groups={data.writableGroups} />
          <IndicatorSelect {...field('indicatorId')} label="Chỉ tiêu" className="span-2" indicators={data.indicators} none="— Chọn chỉ tiêu —" />
          <PeriodFields id={id} labels={{ year: 'Năm', quarter: 'Kỳ' }} errors={errors} value={draft} onChange={patch} />
          <ChoiceField {...field('qualifier')} label="Mức độ" choices={Object.entries(QUALIFIER_CHOICES)} />
          <TextField {...field('value')} label="Giá trị" hint={valueHint} inputMode="decimal" />
          <TextField {...field('outOf')} label="Trên tổng số" hint="Chỉ khi báo cáo ghi dạng 10/11." inputMode="decimal" />
          <ChoiceField {...field('basis')} label="So với" choices={Object.entries(BASIS_CHOICES)} none={NOT_STATED} />
          <TextField {...field('asOf')} label="Tính đến ngày" type="date" />
          <ChoiceField {...field('status')} label="Tình trạng" choices={Object.entries(STATUS_CHOICES)} none={NOT_STATED} />
          <ChoiceField {...field('scope')} label="Phạm vi chỉ tiêu" choices={Object.entries(SCOPE_CHOICES)} none={NOT_STATED} />
          <ChoiceField
            {...field('sourceId')}
            label="Nguồn"
            className="span-2"
            choices={sources.map((s) => [s.id, `${s.title} (${formatDate(s.heldOn)})`] as const)}
            none="— Chọn báo cáo nguồn —"
          />
          <Field id={`${id}-note`} name="note" label="Ghi chú" errors={errors} className="span-3">
            {(p) => <textarea {...p} rows={2} value={draft.note} onChange={(e) => patch({ note: e.target.value })} />}
          </Field>
        </div>
        {same.length > 0 && (
          <div className="duplicate" role="group" aria-label="Số liệu đã có trong kỳ này">
            <p>
              {target ? 'Kỳ này còn có số liệu khác' : 'Đã có số liệu'} cho {slotName}:
            </p>
            <ul>
              {same.map((o) => (
                <li key={o.id}>
                  <strong>{figureText(o, data)}</strong> (nguồn: {sourceText(o.sourceId, data)})
                  {!target && (
                    <button type="button" onClick={() => correctInstead(o)} aria-label={`Sửa số liệu đã có: ${figureText(o, data)}`}>
                      Sửa số liệu đã có
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {!target && (
              <p className="editor-hint">
                Nếu số bạn nhập là số đúng của kỳ này, hãy sửa số liệu đã có thay vì thêm một số nữa cho cùng kỳ.
              </p>
            )}
          </div>
        )}
        {askDuplicate && same.length > 0 && !target && (
          <div role="alert" className="form-error">
            <p>
              Chưa lưu: {slotName} đã có số liệu. Hãy bấm “Sửa số liệu đã có”, hoặc “Vẫn thêm số liệu mới” nếu đây là một số liệu khác
              (ví dụ của một báo cáo khác).
            </p>
            <div className="form-actions">
              <button type="button" disabled={save.isPending} onClick={() => void submit(undefined, true)}>
                Vẫn thêm số liệu mới
              </button>
            </div>
          </div>
        )}
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
            {save.isPending ? 'Đang lưu…' : target ? 'Lưu thay đổi' : 'Lưu số liệu'}
          </button>
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
        </div>
      </form>
    </section>
  );
}
