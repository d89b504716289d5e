/**
 * One figure read from a report: what it is, the sentence it came from with the matched phrase
 * marked (text nodes and <mark> only), and the editor's decision. Nothing is saved unless accepted.
 */
import { useId } from 'react';
import type { Indicator, Observation } from '../../api/contract';
import { formatDate } from '../../lib/format';
import { periodLabel } from '../../lib/periods';
import { figureText } from './describe-figure';
import { Field } from './field';
import { readTypedNumber } from './figure-draft';
import { splitHighlight } from './highlight';
import { rowPeriod, splitPeriod, joinPeriod, type CandidateRow, type ReportDraft } from './import-draft';
import { BASIS_LABELS, FAMILY_LABELS, QUALIFIER_LABELS, QUARTER_OPTIONS, SCOPE_LABELS, STATUS_LABELS } from './labels';

const DECISION_LABELS = { pending: 'Chờ duyệt', accepted: 'Đã nhận', rejected: 'Đã bỏ' } as const;

export function CandidateRowView({
  row,
  index,
  report,
  indicators,
  indicatorOf,
  existing,
  unitName,
  onChange,
}: {
  row: CandidateRow;
  index: number;
  report: ReportDraft;
  indicators: Indicator[];
  indicatorOf: (id: string) => Indicator | undefined;
  /** Figures already stored for this ward, indicator and period. */
  existing: Observation[];
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
  const parts = splitHighlight(c.sentence, c.sentenceRange, c.range);
  const period = rowPeriod(row, report);
  const own = splitPeriod(period);
  const details = [
    row.basis && `so với ${BASIS_LABELS[row.basis].toLowerCase()}`,
    c.asOf && `tính đến ${formatDate(c.asOf)}`,
    c.scope && row.indicatorId === c.indicatorId && SCOPE_LABELS[c.scope].toLowerCase(),
    c.status === 'estimated' && STATUS_LABELS.estimated.toLowerCase(),
  ].filter(Boolean);

  return (
    <li className={`candidate candidate-${row.decision}`} aria-labelledby={`${id}-name`}>
      <div className="candidate-head">
        <span className="candidate-index">{index + 1}.</span>
        <strong id={`${id}-name`}>{name}</strong>
        <span className="candidate-value">{shown}</span>
        <span className="candidate-meta">
          {periodLabel(period)}
          {unitName ? ` · ${unitName}` : ''}
          {details.length ? ` · ${details.join(', ')}` : ''}
        </span>
        <span className={`badge badge-${row.decision}`}>{DECISION_LABELS[row.decision]}</span>
      </div>
      <blockquote className="candidate-sentence" aria-label="Câu trong báo cáo">
        {parts.before}
        <mark>{parts.mark}</mark>
        {parts.after}
      </blockquote>
      {c.note && <p className="candidate-note">Lưu ý: {c.note}</p>}
      {existing.length > 0 && (
        <p className="candidate-note">
          Đã có số liệu này trong kỳ: {existing.map((o) => figureText(o, { indicatorOf })).join('; ')}. Nhận thêm sẽ tạo một số liệu nữa.
        </p>
      )}
      {row.editing && (
        <div className="form-grid candidate-edit" role="group" aria-label={`Sửa đề xuất ${index + 1}`}>
          <Field id={`${id}-indicator`} name="indicatorId" label="Chỉ tiêu" errors={row.errors} className="span-2">
            {(p) => (
              <select {...p} value={row.indicatorId} onChange={(e) => onChange({ indicatorId: e.target.value })}>
                {Object.entries(FAMILY_LABELS).map(([family, label]) => (
                  <optgroup key={family} label={label}>
                    {indicators
                      .filter((i) => i.family === family)
                      .map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-value`} name="value" label="Giá trị" errors={row.errors}>
            {(p) => <input {...p} inputMode="decimal" value={row.value} onChange={(e) => onChange({ value: e.target.value })} />}
          </Field>
          <Field id={`${id}-outof`} name="outOf" label="Trên tổng số" errors={row.errors}>
            {(p) => <input {...p} inputMode="decimal" value={row.outOf} onChange={(e) => onChange({ outOf: e.target.value })} />}
          </Field>
          <Field id={`${id}-qualifier`} name="qualifier" label="Mức độ" errors={row.errors}>
            {(p) => (
              <select {...p} value={row.qualifier} onChange={(e) => onChange({ qualifier: e.target.value as CandidateRow['qualifier'] })}>
                {Object.entries(QUALIFIER_LABELS).map(([q, label]) => (
                  <option key={q} value={q}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-basis`} name="basis" label="So với" errors={row.errors}>
            {(p) => (
              <select {...p} value={row.basis} onChange={(e) => onChange({ basis: e.target.value as CandidateRow['basis'] })}>
                <option value="">— Không ghi —</option>
                {Object.entries(BASIS_LABELS).map(([b, label]) => (
                  <option key={b} value={b}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-year`} name="period" label="Năm của số liệu" errors={row.errors}>
            {(p) => (
              <input {...p} inputMode="numeric" value={own.year} onChange={(e) => onChange({ ownPeriod: joinPeriod(e.target.value, own.quarter) })} />
            )}
          </Field>
          <Field id={`${id}-quarter`} name="quarter" label="Kỳ của số liệu" errors={row.errors}>
            {(p) => (
              <select {...p} value={own.quarter} onChange={(e) => onChange({ ownPeriod: joinPeriod(own.year, e.target.value) })}>
                {QUARTER_OPTIONS.map(([q, label]) => (
                  <option key={q} value={q}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {!row.editing && Object.values(row.errors).some((l) => l?.length) && (
        <p className="field-error" role="alert">
          {Object.values(row.errors).flat().join(' ')} Bấm “Sửa” để chỉnh.
        </p>
      )}
      <div className="candidate-actions">
        <button
          type="button"
          className={row.decision === 'accepted' ? 'primary' : undefined}
          aria-pressed={row.decision === 'accepted'}
          aria-label={`Nhận: ${name}`}
          onClick={() => onChange({ decision: row.decision === 'accepted' ? 'pending' : 'accepted' })}
        >
          Nhận
        </button>
        <button type="button" aria-pressed={row.editing} aria-label={`Sửa: ${name}`} onClick={() => onChange({ editing: !row.editing })}>
          {row.editing ? 'Xong' : 'Sửa'}
        </button>
        <button
          type="button"
          aria-pressed={row.decision === 'rejected'}
          aria-label={`Bỏ: ${name}`}
          onClick={() => onChange({ decision: row.decision === 'rejected' ? 'pending' : 'rejected' })}
        >
          Bỏ
        </button>
      </div>
    </li>
  );
}
