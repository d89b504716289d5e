/** A ward's figures with filters (ward, family, indicator, period); correct or delete each one. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type ComponentType } from 'react';
import type { Family, Observation } from '../../api/contract';
import { deleteObservation } from '../../api/mutations';
import { queries } from '../../api/queries';
import { userMessageOf } from '../../api/client';
import { formatDate } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { Options } from './choice-field';
import { figureText } from './describe-figure';
import { BASIS_CHOICES, FAMILY_NAMES, STATUS_CHOICES } from '../../lib/vocabulary';
import { UnitOptions } from './unit-select';
import type { EditorData } from './use-editor-data';
import { useEditorWrite } from './use-editor-write';
import { writeFailure } from './write-errors';

const ALL = 'Tất cả';

/** Shows a stored report's text behind a disclosure; the app hands in the dashboard's (features/kpi-panel). */
export type ReportTextView = ComponentType<{ id: string; title: string; summary?: string }>;

export interface ListFilter {
  unitId: string;
  family: '' | Family;
  indicatorId: string;
  period: string;
}

export function FigureList({
  data,
  filter,
  onFilter,
  onEdit,
  onDeleted,
  ReportText,
}: {
  data: EditorData;
  filter: ListFilter;
  onFilter: (f: ListFilter) => void;
  onEdit: (o: Observation) => void;
  onDeleted: (o: Observation) => void;
  ReportText: ReportTextView;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState<{ o: Observation; message?: string } | null>(null);
  const list = useQuery({
    ...queries.observations({ units: [filter.unitId], family: filter.family || undefined }),
    placeholderData: keepPreviousData,
  });

  const remove = useEditorWrite({
    write: (o: Observation, token) => deleteObservation(o.id, o.version, token),
    changes: ['observations'],
    onSuccess: (deleted) => {
      setConfirming(null);
      onDeleted(deleted);
    },
    onError: (error, o) => {
      const f = writeFailure(error, data.names);
      if (f.conflict) {
        setConfirming({
          o: f.conflict,
          message: `Số liệu này vừa được người khác sửa: bản hiện tại là ${figureText(f.conflict, data)} (trước đó ${figureText(o, data)}). Bạn vẫn muốn xóa bản hiện tại?`,
        });
        remove.refresh();
      } else setConfirming({ o, message: f.message });
    },
  });

  const set = (patch: Partial<ListFilter>) => onFilter({ ...filter, ...patch });
  const indicators = data.indicators.filter((i) => !filter.family || i.family === filter.family);
  const all = useMemo(() => list.data ?? [], [list.data]);
  const periods = useMemo(() => [...new Set(all.map((o) => o.period))].sort().reverse(), [all]);
  const rows = all
    .filter((o) => (!filter.indicatorId || o.indicatorId === filter.indicatorId) && (!filter.period || o.period === filter.period))
    .sort((a, b) => b.period.localeCompare(a.period) || a.indicatorId.localeCompare(b.indicatorId));

  return (
    <section className="editor-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Số liệu đã có</h2>
      <div className="list-filters" role="group" aria-label="Lọc số liệu">
        <label>
          Phường, xã
          <select value={filter.unitId} onChange={(e) => set({ unitId: e.target.value })}>
            <UnitOptions groups={data.writableGroups} />
          </select>
        </label>
        <label>
          Nhóm chỉ tiêu
          <select value={filter.family} onChange={(e) => set({ family: e.target.value as ListFilter['family'], indicatorId: '' })}>
            <option value="">{ALL}</option>
            <Options choices={Object.entries(FAMILY_NAMES)} />
          </select>
        </label>
        <label>
          Chỉ tiêu
          <select value={filter.indicatorId} onChange={(e) => set({ indicatorId: e.target.value })}>
            <option value="">{ALL}</option>
            <Options choices={indicators.map((i) => [i.id, i.name] as const)} />
          </select>
        </label>
        <label>
          Kỳ báo cáo
          <select value={filter.period} onChange={(e) => set({ period: e.target.value })}>
            <option value="">{ALL}</option>
            <Options choices={[...new Set([...periods, ...(filter.period ? [filter.period] : [])])].map((p) => [p, periodLabel(p)] as const)} />
          </select>
        </label>
      </div>

      {confirming && (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="confirm">
          <p id={`${id}-confirm`}>
            {confirming.message ??
              `Xóa số liệu “${data.indicatorOf(confirming.o.indicatorId)?.name ?? confirming.o.indicatorId}, ${periodLabel(confirming.o.period)}: ${figureText(confirming.o, data)}”?`}
          </p>
          <div className="form-actions">
            <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.send(confirming.o)}>
              {remove.isPending ? 'Đang xóa…' : 'Xóa'}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Không xóa
            </button>
          </div>
        </div>
      )}

      {list.isPending ? (
        <p className="editor-hint">Đang tải số liệu…</p>
      ) : list.isError ? (
        <div role="alert" className="form-error">
          <p>{userMessageOf(list.error)}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Thử lại
          </button>
        </div>
      ) : rows.length === 0 ? (
        <p className="editor-hint">Chưa có số liệu nào khớp bộ lọc.</p>
      ) : (
        <div className="table-scroll">
          <table className="figure-table">
            <caption>
              {rows.length} số liệu của {data.unitName(filter.unitId)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kỳ</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Giá trị</th>
                <th scope="col">Ghi thêm</th>
                <th scope="col">Nguồn</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => {
                const name = data.indicatorOf(o.indicatorId)?.name ?? o.indicatorId;
                const source = data.sourceOf(o.sourceId);
                const extra = [
                  o.basis && `so với ${BASIS_CHOICES[o.basis].toLowerCase()}`,
                  o.asOf && `tính đến ${formatDate(o.asOf)}`,
                  o.status === 'estimated' && STATUS_CHOICES.estimated.toLowerCase(),
                  o.note,
                ].filter(Boolean);
                return (
                  <tr key={o.id}>
                    <td>{periodLabel(o.period)}</td>
                    <th scope="row">{name}</th>
                    <td className="num">{figureText(o, data)}</td>
                    <td className="muted">{extra.join('; ')}</td>
                    <td className="muted">
                      {source ? `${source.title} (${formatDate(source.heldOn)})` : o.sourceId}
                      {source?.hasText && <ReportText id={source.id} title={source.title} summary="Văn bản báo cáo" />}
                    </td>
                    <td className="row-actions">
                      <button type="button" aria-label={`Sửa ${name}, ${periodLabel(o.period)}`} onClick={() => onEdit(o)}>
                        Sửa
                      </button>
                      <button type="button" aria-label={`Xóa ${name}, ${periodLabel(o.period)}`} onClick={() => setConfirming({ o })}>
                        Xóa
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
