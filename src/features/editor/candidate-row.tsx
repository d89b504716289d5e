/**
 * One figure read from a report: what it is, the sentence it came from with the matched phrase
 * marked (text nodes and <mark> only), and the editor's decision. Nothing is saved unless accepted.
 */
import { useId } from 'react';
import type { Indicator, Observation } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { bindFields } from './bind-fields';
import { ChoiceField } from './choice-field';
import { DECISION_LABELS, DecisionButtons } from './decision-buttons';
import { figureText } from './describe-figure';
import { readTypedNumber } from './figure-draft';
import { IndicatorSelect } from './indicator-select';
import { rowPeriod, splitPeriod, joinPeriod, type CandidateRow, type ReportDraft } from './import-draft';
import { BASIS_CHOICES, QUALIFIER_CHOICES, SCOPE_CHOICES, STATUS_CHOICES } from '../../lib/vocabulary';
import { NOT_STATED } from './labels';
import { PeriodFields } from './period-fields';
import { ReadRow } from './read-row';
import { TextField } from './text-field';

const STORED_LABEL = 'Đã có';

export function CandidateRowView({
  row,
  index,
  report,
  indicators,
  indicatorOf,
  existing,
  stored,
  storedSource,
  locked,
  unitName,
  onChange,
}: {
  row: CandidateRow;
  index: number;
  report: ReportDraft;
  indicators: Indicator[];
  indicatorOf: (id: string) => Indicator | undefined;
  /** Figures already stored for this ward, indicator and period (other than `stored`). */
  existing: Observation[];
  /** The stored figure this one states already: it is "đã có" and not saved again. */
  stored?: Observation;
  /** That figure's source, in words. */
  storedSource?: string;
  /** Why it cannot be taken (a unit the token may not write): it cannot be accepted. */
  locked?: string;
  unitName: string;
  onChange: (patch: Partial<CandidateRow>) => void;
}) {
  const id = useId();
  const c = row.candidate;
  const indicator = indicatorOf(row.indicatorId);
  const name = indicator?.name ?? row.indicatorId;
  const value = readTypedNumber(row.value);
  const outOf = row.outOf.trim() ? readTypedNumber(row.outOf) : undefined;
  const shown =
    value === null || outOf === null
      ? row.value
      : figureText({ indicatorId: row.indicatorId, value, outOf: outOf ?? undefined, qualifier: row.qualifier }, { indicatorOf });
  const period = rowPeriod(row, report);
  const field = bindFields(id, row, row.errors, onChange);
  const state = stored ? 'stored' : row.decision;
  const details = [
    row.basis && `so với ${BASIS_CHOICES[row.basis].toLowerCase()}`,
    c.asOf && `tính đến ${formatDate(c.asOf)}`,
    c.scope && row.indicatorId === c.indicatorId && SCOPE_CHOICES[c.scope].toLowerCase(),
    c.status === 'estimated' && STATUS_CHOICES.estimated.toLowerCase(),
  ].filter(Boolean);
  const meta = `${periodLabel(period)}${unitName ? ` · ${unitName}` : ''}${details.length ? ` · ${details.join(', ')}` : ''}`;

  return (
    <ReadRow id={id} index={index} name={name} value={shown} meta={meta} state={state} badge={stored ? STORED_LABEL : DECISION_LABELS[row.decision]} read={c}>
      {stored && (
        <p className="candidate-note">
          Số liệu này đã có trên máy chủ{storedSource ? ` (nguồn: ${storedSource})` : ''}; không lưu lại.
        </p>
      )}
      {locked && <p className="candidate-note">{locked}</p>}
      {existing.length > 0 && (
        <p className="candidate-note">
          Đã có số liệu này trong kỳ: {existing.map((o) => figureText(o, { indicatorOf })).join('; ')}. Nhận thêm sẽ tạo một số liệu nữa.
        </p>
      )}
      {row.editing && (
        <div className="form-grid candidate-edit" role="group" aria-label={`Sửa đề xuất ${index + 1}`}>
          <IndicatorSelect {...field('indicatorId')} label="Chỉ tiêu" className="span-2" indicators={indicators} />
          <TextField {...field('value')} label="Giá trị" inputMode="decimal" />
          <TextField {...field('outOf')} label="Trên tổng số" inputMode="decimal" />
          <ChoiceField {...field('qualifier')} label="Mức độ" choices={Object.entries(QUALIFIER_CHOICES)} />
          <ChoiceField {...field('basis')} label="So với" choices={Object.entries(BASIS_CHOICES)} none={NOT_STATED} />
          <PeriodFields
            id={id}
            labels={{ year: 'Năm của số liệu', quarter: 'Kỳ của số liệu' }}
            errors={row.errors}
            value={splitPeriod(period)}
            onChange={({ year, quarter }) => onChange({ ownPeriod: joinPeriod(year, quarter) })}
          />
        </div>
      )}
      <DecisionButtons
        name={name}
        decision={row.decision}
        editing={row.editing}
        errors={row.errors}
        disabled={Boolean(stored || locked)}
        onChange={onChange}
      />
    </ReadRow>
  );
}
