/**
 * The report an import stores as the figures' source: its ward, period, date, names and
 * reference, as read from the text and corrected by the editor; with what the reading noticed.
 */
import { parsePeriod } from '../../api/periods';
import { periodLabel } from '../../lib/period-names';
import { bindFields } from './bind-fields';
import type { FieldErrors } from './field-errors';
import { reportPeriod, type ReportDraft } from './import-draft';
import { PeriodFields } from './period-fields';
import { TextField } from './text-field';
import type { UnitGroup } from './unit-labels';
import { UnitSelect } from './unit-select';

/** A unit the report names, as the editor may choose it. */
export interface UnitChoice {
  id: string;
  label: string;
  /** False when the token may not write it: shown, not chosen. */
  writable: boolean;
}

export function ReportFacts({
  id,
  report,
  errors,
  groups,
  choices,
  notes,
  onChange,
}: {
  id: string;
  report: ReportDraft;
  errors: FieldErrors;
  /** Every unit the editor may choose. */
  groups: readonly UnitGroup[];
  /** The units the report names, in force on its date (report-units.ts): offered first. */
  choices: readonly UnitChoice[];
  /** What the reading of the text noticed (several wards named, no period found, …). */
  notes: string[];
  onChange: (patch: Partial<ReportDraft>) => void;
}) {
  const field = bindFields(id, report, errors, onChange);
  const period = reportPeriod(report);
  const autoLabel = parsePeriod(period) ? periodLabel(period) : '';
  return (
    <fieldset className="report-facts">
      <legend>Báo cáo (nguồn của các số liệu)</legend>
      <p className="editor-hint">Phường và kỳ được đọc từ văn bản; hãy sửa nếu chưa đúng.</p>
      {choices.length > 1 && (
        <fieldset className="unit-choices">
          <legend>Đơn vị được nêu trong báo cáo: chọn đơn vị của báo cáo</legend>
          {choices.map((c) => (
            <label key={c.id} className={c.writable ? undefined : 'unit-choice-off'}>
              <input
                type="radio"
                name={`${id}-unit-choice`}
                value={c.id}
                checked={report.unitId === c.id}
                disabled={!c.writable}
                onChange={() => onChange({ unitId: c.id })}
              />
              {c.label}
              {!c.writable && <span className="field-hint"> (mã truy cập của bạn không được nhập cho đơn vị này)</span>}
            </label>
          ))}
        </fieldset>
      )}
      {/* no field alone on a row at any width: see .report-grid */}
      <div className="form-grid report-grid">
        <UnitSelect {...field('unitId')} label="Phường, xã của báo cáo" className="report-unit" groups={groups} />
        <PeriodFields
          id={id}
          labels={{ year: 'Năm của báo cáo', quarter: 'Kỳ của báo cáo' }}
          errors={errors}
          value={report}
          // choosing a period is confirming it
          onChange={(p) => onChange({ ...p, periodToConfirm: undefined })}
        />
        <TextField {...field('heldOn')} label="Ngày họp / ngày báo cáo" className="report-date" type="date" />
        <TextField
          {...field('periodLabel')}
          label="Tên kỳ"
          hint={autoLabel ? `Để trống: “${autoLabel}”.` : undefined}
          className="report-label"
          placeholder={autoLabel}
        />
        {report.periodToConfirm && (
          <div className="period-confirm span-3" role="group" aria-label="Kỳ đề xuất cho báo cáo tháng">
            <p>
              Báo cáo tháng: số liệu chưa trọn một quý. Kỳ đề xuất là “{periodLabel(report.periodToConfirm)}” (các số liệu giữ ngày tính
              đến của chúng). Hãy xác nhận, hoặc chọn năm và kỳ khác ở trên.
            </p>
            <button type="button" onClick={() => onChange({ periodToConfirm: undefined })}>
              Xác nhận kỳ {periodLabel(report.periodToConfirm)}
            </button>
          </div>
        )}
        <TextField {...field('title')} label="Tên báo cáo" className="span-3" />
        <TextField {...field('reference')} label="Trích dẫn (tên và ngày báo cáo, nơi lưu)" className="span-3" />
      </div>
      {notes.length > 0 && (
        <ul className="candidate-note">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
