/**
 * The editors' "Nghị quyết" tab: a unit's resolutions, and the form to create one (a term
 * 2025–2030 or a year), add its targets with each type explained, paste a list of targets as
 * the press prints them to get candidates to accept or correct, edit (a stale edit says so and
 * offers the resolution as it is now), and delete after a confirmation. The editor's page hands
 * it the units the token may write, the indicators and the token (the app wires it).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Indicator, Resolution } from '../../api/contract';
import { userMessageOf } from '../../api/client';
import { addResolution, deleteResolution, issuesOf, resolutionConflictOf, updateResolution } from '../../api/mutations';
import { resolutionKeys, resolutionsQuery } from '../../api/queries';
import { ResolutionForm } from './resolution-form';
import './resolutions.css';

export interface ResolutionEditorProps {
  /** The units the token may write. */
  units: readonly { id: string; name: string }[];
  indicators: readonly Indicator[];
  token: string;
  /** The unit it opens on. */
  unitId?: string;
  /** Told the unit shown, at first and at each choice (the editor's page says it in the address). */
  onUnitChange?: (unitId: string) => void;
}

const kindText = (r: Resolution) => (r.kind === 'term' ? `nhiệm kỳ ${r.term?.replace('-', '–')}` : `năm ${r.year}`);

export function ResolutionEditor({ units, indicators, token, unitId: opening, onUnitChange }: ResolutionEditorProps) {
  const [unitId, setUnitId] = useState(() => (opening && units.some((u) => u.id === opening) ? opening : (units[0]?.id ?? '')));
  useEffect(() => onUnitChange?.(unitId), [unitId, onUnitChange]);
  const list = useQuery({ ...resolutionsQuery([unitId]), enabled: unitId !== '' });
  const [editing, setEditing] = useState<{ key: number; resolution?: Resolution } | null>(null);
  const [confirming, setConfirming] = useState<Resolution | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: resolutionKeys.all });

  const remove = useMutation({
    mutationFn: (r: Resolution) => deleteResolution(r.id, r.version, token),
    onSuccess: (r) => {
      setConfirming(null);
      setDone(`Đã xóa nghị quyết: ${r.title}.`);
      void refresh();
    },
  });
  const removeConflict = resolutionConflictOf(remove.error);

  const open = (resolution?: Resolution) => {
    setDone(null);
    setConfirming(null);
    setEditing((e) => ({ key: (e?.key ?? 0) + 1, resolution }));
  };

  return (
    <div className="resolution-editor">
      <label className="field">
        <span>Phường, xã</span>
        <select value={unitId} onChange={(e) => (setUnitId(e.target.value), setEditing(null), setDone(null))}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {done && (
        <p role="status" className="form-done">
          {done}
        </p>
      )}
      {editing ? (
        <ResolutionForm
          key={editing.key}
          unitId={unitId}
          editing={editing.resolution}
          indicators={indicators}
          save={(body, id, version) => (id ? updateResolution(id, { ...body, version: version! }, token) : addResolution(body, token))}
          onSaved={(r, created) => {
            setEditing(null);
            setDone(`${created ? 'Đã thêm' : 'Đã lưu thay đổi'} nghị quyết: ${r.title} (${r.targets.length} chỉ tiêu).`);
            void refresh();
          }}
          onReload={(current) => {
            void refresh();
            open(current);
          }}
          onCancel={() => setEditing(null)}
          conflictOf={resolutionConflictOf}
          issuesOf={issuesOf}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => open()}>
            Thêm nghị quyết
          </button>
        </div>
      )}
      <h3>Nghị quyết đã nhập</h3>
      {list.isError ? (
        <div role="alert" className="form-error">
          <p>{userMessageOf(list.error)}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Thử lại
          </button>
        </div>
      ) : !list.data ? (
        <p className="editor-hint">Đang tải các nghị quyết…</p>
      ) : list.data.length === 0 ? (
        <p className="editor-hint">Chưa có nghị quyết nào của đơn vị này.</p>
      ) : (
        <ul className="resolution-list">
          {list.data.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong> — {kindText(r)}, {r.targets.length} chỉ tiêu
              <span className="resolution-list-actions">
                <button type="button" onClick={() => open(r)} aria-label={`Sửa ${r.title}`}>
                  Sửa
                </button>
                <button type="button" onClick={() => (remove.reset(), setConfirming(r))} aria-label={`Xóa ${r.title}`}>
                  Xóa
                </button>
              </span>
              {confirming?.id === r.id && (
                <div role="alertdialog" aria-label="Xác nhận xóa nghị quyết" className="confirm-box">
                  <p>
                    Xóa nghị quyết “{r.title}” cùng {r.targets.length} chỉ tiêu của nó? Việc này không hoàn tác được.
                  </p>
                  {remove.error && (
                    <p role="alert" className="form-error">
                      {removeConflict
                        ? `Nghị quyết này vừa được sửa ở nơi khác (nay là phiên bản ${removeConflict.version}); chưa xóa. Hãy xem lại rồi xóa nếu vẫn muốn.`
                        : userMessageOf(remove.error)}
                    </p>
                  )}
                  <button type="button" className="danger" onClick={() => remove.mutate(removeConflict ?? r)} disabled={remove.isPending}>
                    Xóa hẳn
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    Thôi
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default ResolutionEditor;
