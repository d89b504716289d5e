/**
 * Paste a report's text, get the figures it states as candidates (src/lib/extract), decide on
 * each, then store the report as a source and the accepted figures in one batch.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { NewObservation, NewSource, Observation, Source } from '../../api/contract';
import { addObservations, addSource } from '../../api/mutations';
import { queries } from '../../api/queries';
import { extractCandidates, type ExtractResult } from '../../lib/extract';
import { CandidateRowView } from './candidate-row';
import type { FieldErrors } from './field-errors';
import {
  checkBatch,
  checkSource,
  reportDraftFrom,
  rowPeriod,
  rowsFrom,
  withSource,
  type CandidateRow,
  type ReportDraft,
} from './import-draft';
import { ReportFacts, type UnitChoice } from './report-facts';
import { reportUnitChoices } from './report-units';
import type { EditorData } from './use-editor-data';
import { useEditorWrite } from './use-editor-write';
import { NOTHING_SAVED, foreignReportMessage, onlyReportSaved, writeFailure } from './write-errors';

interface Saved {
  source: Source;
  observations: Observation[];
}

export function ImportReport({ data, onSaved }: { data: EditorData; onSaved?: (saved: Saved) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ExtractResult | null>(null);
  const [report, setReport] = useState<ReportDraft | null>(null);
  const [rows, setRows] = useState<CandidateRow[]>([]);
  const [reportErrors, setReportErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  /** The unit the text is a report of, when the token may not write it: said before anything is saved. */
  const [foreignUnit, setForeignUnit] = useState<string | null>(null);
  /** The units the text names, in force on its date: the editor confirms or changes the unit among them. */
  const [unitChoices, setUnitChoices] = useState<UnitChoice[]>([]);
  /**
   * The report stored by a save whose batch then failed: a retry with the same report reuses it
   * instead of adding another, and the failure says it is stored. A ref, so that the failure
   * handler of the very save that stored it sees it.
   */
  const storedSource = useRef<{ key: string; source: Source } | null>(null);

  const existing = useQuery({
    ...queries.observations({ units: report?.unitId ? [report.unitId] : [] }),
    enabled: Boolean(report?.unitId),
  });

  const read = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!text.trim()) {
      setMessage({ kind: 'error', text: 'Hãy dán văn bản báo cáo vào ô trước.' });
      return;
    }
    // every unit is recognised, so that a report of a unit the token may not write is told as such
    const r = extractCandidates(text, { units: data.units, indicators: data.indicators });
    const draft = reportDraftFrom(r, text, data.unitName);
    const foreign = draft.unitId && !data.mayWrite(draft.unitId) ? draft.unitId : null;
    if (foreign) draft.unitId = '';
    else if (!draft.unitId && data.writableUnits.length === 1) draft.unitId = data.writableUnits[0]!.id;
    setForeignUnit(foreign);
    setUnitChoices(
      reportUnitChoices(text, r, data.units).map((u) => ({ id: u, label: data.unitLabel(u), writable: data.mayWrite(u) })),
    );
    setResult(r);
    setReport(draft);
    setRows(rowsFrom(r));
    setReportErrors({});
    storedSource.current = null;
  };

  const save = useEditorWrite({
    write: async ({ source, batch }: { source: NewSource; batch: NewObservation[] }, token): Promise<Saved> => {
      const key = JSON.stringify(source);
      if (storedSource.current?.key !== key) storedSource.current = { key, source: await addSource(source, token) };
      const stored = storedSource.current.source;
      const observations = await addObservations(withSource(batch, stored.id), token);
      return { source: stored, observations };
    },
    changes: ['observations', 'sources'],
    onSuccess: (saved) => {
      storedSource.current = null;
      setMessage({
        kind: 'done',
        text: `Đã lưu ${saved.observations.length} số liệu từ báo cáo “${saved.source.title}”. Số liệu đã có trên bảng chỉ tiêu.`,
      });
      setRows((rs) => rs.filter((r) => r.decision !== 'accepted'));
      onSaved?.(saved);
    },
    onError: (error) => {
      // the report may be stored (by this save or an earlier one) while its figures are not: say so
      save.refresh(['sources']);
      const stored = storedSource.current?.source;
      const f = writeFailure(error, data.names, stored ? onlyReportSaved(stored.title) : NOTHING_SAVED);
      setReportErrors(f.errors);
      if (f.itemErrors.size > 0) {
        // the batch's item i is the i-th accepted row
        const accepted = rows.filter((r) => r.decision === 'accepted').map((r) => r.key);
        setRows((rs) => rs.map((r) => ({ ...r, errors: f.itemErrors.get(accepted.indexOf(r.key)) ?? {} })));
      }
      setMessage({ kind: 'error', text: f.message });
    },
  });

  const accepted = rows.filter((r) => r.decision === 'accepted');
  const pending = rows.filter((r) => r.decision === 'pending').length;
  const existingFor = useMemo(() => {
    const list = existing.data ?? [];
    return (indicatorId: string, period: string) => list.filter((o) => o.indicatorId === indicatorId && o.period === period);
  }, [existing.data]);

  const submit = () => {
    if (!report) return;
    setMessage(null);
    const source = checkSource(report, text);
    const batch = checkBatch(rows, report, data.ctx, data.names);
    setReportErrors(source.ok ? {} : source.errors);
    setRows((rs) => rs.map((r) => ({ ...r, errors: batch.ok ? {} : (batch.rowErrors.get(r.key) ?? {}) })));
    if (!source.ok || !batch.ok) {
      setMessage({ kind: 'error', text: 'Chưa lưu: có chỗ cần sửa (xem thông báo ở báo cáo và ở từng số liệu).' });
      return;
    }
    if (batch.batch.length === 0) {
      setMessage({ kind: 'error', text: 'Chưa có số liệu nào được nhận. Bấm “Nhận” ở từng số liệu đúng với báo cáo.' });
      return;
    }
    save.send({ source: source.value, batch: batch.batch });
  };

  const patchReport = (patch: Partial<ReportDraft>) => setReport((r) => (r ? { ...r, ...patch } : r));
  const patchRow = (key: number, patch: Partial<CandidateRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

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

      {result && report && (
        <>
          {foreignUnit && (
            <p role="alert" className="form-error">
              {foreignReportMessage(data.unitName(foreignUnit), data.writableUnits.map((u) => u.name))}
            </p>
          )}
          <ReportFacts
            id={id}
            report={report}
            errors={reportErrors}
            groups={data.writableGroups}
            choices={unitChoices}
            notes={result.notes}
            onChange={patchReport}
          />

          {rows.length === 0 ? (
            <p className="editor-hint">Không còn số liệu nào để duyệt.</p>
          ) : (
            <>
              <h3 className="candidates-title">
                {rows.length} số liệu đọc được · {accepted.length} đã nhận · {pending} chờ duyệt
              </h3>
              <ol className="candidates" aria-label="Số liệu đọc được">
                {rows.map((row, i) => (
                  <CandidateRowView
                    key={row.key}
                    row={row}
                    index={i}
                    report={report}
                    indicators={data.indicators}
                    indicatorOf={data.indicatorOf}
                    existing={report.unitId ? existingFor(row.indicatorId, rowPeriod(row, report)) : []}
                    unitName={report.unitId ? data.unitName(report.unitId) : ''}
                    onChange={(patch) => patchRow(row.key, patch)}
                  />
                ))}
              </ol>
            </>
          )}
        </>
      )}

      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'form-done'}>
          <p>{message.text}</p>
        </div>
      )}
      {result && report && rows.length > 0 && (
        <div className="form-actions sticky-actions">
          <button type="button" className="primary" disabled={save.isPending} onClick={submit}>
            {save.isPending ? 'Đang lưu…' : `Lưu ${accepted.length} số liệu đã nhận`}
          </button>
        </div>
      )}
    </section>
  );
}
