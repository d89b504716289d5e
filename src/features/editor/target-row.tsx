/**
 * One target a report's plan sets: what it is (name, value, type, year or term, the indicator
 * that measures it), the sentence it came from with its words marked (text nodes and <mark>
 * only), and the editor's decision. It is saved to a resolution only if accepted.
 */
import { useId } from 'react';
import { MeasureUnit, type Indicator, type Resolution } from '../../api/contract';
import { formatTargetValue } from '../../lib/parse-targets';
import { MEASURE_NAMES } from '../../lib/vocabulary';
import { bindFields } from './bind-fields';
import { ChoiceField } from './choice-field';
import { DECISION_LABELS, DecisionButtons } from './decision-buttons';
import { readTypedNumber } from './figure-draft';
import { IndicatorSelect } from './indicator-select';
import { ReadRow } from './read-row';
import { TARGET_TYPE_TEXT } from '../../lib/vocabulary';
import { slotText, TARGET_TYPE_CHOICES, type TargetRow } from './target-draft';
import { TextField } from './text-field';

const HELD_LABEL = 'Đã có trong nghị quyết';
const UNIT_CHOICES = MeasureUnit.options.map((u) => [u, MEASURE_NAMES[u]] as const);

export function TargetRowView({
  row,
  index,
  indicators,
  indicatorOf,
  held,
  onChange,
}: {
  row: TargetRow;
  index: number;
  indicators: Indicator[];
  indicatorOf: (id: string) => Indicator | undefined;
  /** The unit's resolution that has this target already: it is "đã có trong nghị quyết" and not saved again. */
  held?: Resolution;
  onChange: (patch: Partial<TargetRow>) => void;
}) {
  const id = useId();
  const c = row.candidate;
  const value = readTypedNumber(row.value);
  const valueMax = row.valueMax.trim() ? readTypedNumber(row.valueMax) : undefined;
  const shown = value === null || valueMax === null ? row.value : formatTargetValue({ value, valueMax: valueMax ?? undefined, unit: row.unit });
  const when = row.term.trim()
    ? slotText({ kind: 'term', term: row.term.trim() })
    : /^\d{4}$/.test(row.year.trim())
      ? slotText({ kind: 'year', year: Number(row.year) })
      : 'chưa rõ năm';
  const measured = row.indicatorId ? `đo bằng: ${indicatorOf(row.indicatorId)?.name ?? row.indicatorId}` : 'chưa gắn chỉ tiêu có số liệu';
  const field = bindFields(id, row, row.errors, onChange);
  const name = row.name.trim() || `Chỉ tiêu ${index + 1}`;
  const state = held ? 'stored' : row.decision;

  return (
    <ReadRow id={id} index={index} name={name} value={shown} meta={`${TARGET_TYPE_TEXT[row.type].label} · ${when} · ${measured}`} state={state} badge={held ? HELD_LABEL : DECISION_LABELS[row.decision]} read={c}>
      {held && <p className="candidate-note">Chỉ tiêu này đã có trong nghị quyết “{held.title}”; không lưu lại.</p>}
      {row.editing && (
        <div className="form-grid candidate-edit" role="group" aria-label={`Sửa chỉ tiêu ${index + 1}`}>
          <TextField {...field('name')} label="Tên chỉ tiêu" className="span-2" />
          <ChoiceField {...field('type')} label="Loại chỉ tiêu" choices={TARGET_TYPE_CHOICES} />
          <TextField {...field('value')} label="Giá trị" inputMode="decimal" />
          <TextField {...field('valueMax')} label="Mức trên (nếu là khoảng)" inputMode="decimal" />
          <ChoiceField {...field('unit')} label="Đơn vị" choices={UNIT_CHOICES} />
          <IndicatorSelect {...field('indicatorId')} label="Chỉ tiêu có số liệu đo nó" className="span-2" indicators={indicators} none="Chưa gắn" />
          <TextField {...field('year')} label="Năm của chỉ tiêu" inputMode="numeric" />
          <TextField {...field('term')} label="Nhiệm kỳ (nếu là chỉ tiêu cả nhiệm kỳ)" placeholder="2025-2030" />
        </div>
      )}
      <DecisionButtons name={name} what="chỉ tiêu" decision={row.decision} editing={row.editing} errors={row.errors} disabled={Boolean(held)} onChange={onChange} />
    </ReadRow>
  );
}
