/** A stale edit (409): the editor's version beside the one on the server, and the choice between them. */
import type { Observation, ObservationFields } from '../../api/contract';
import { FIELD_LABELS, fieldText, type Lookups } from './describe-figure';
import { changedFields } from './figure-draft';

const ORDER = Object.keys(FIELD_LABELS) as (keyof ObservationFields)[];

export function ConflictView({
  mine,
  current,
  lookups,
  busy,
  onKeepMine,
  onTakeCurrent,
}: {
  mine: ObservationFields;
  current: Observation;
  lookups: Lookups;
  busy: boolean;
  onKeepMine: () => void;
  onTakeCurrent: () => void;
}) {
  const changed = new Set(changedFields(mine, current));
  return (
    <div className="conflict" role="group" aria-label="So sánh hai bản số liệu">
      <table className="conflict-table">
        <caption>Các dòng tô màu là chỗ hai bản khác nhau (bản trên máy chủ là phiên bản {current.version}).</caption>
        <thead>
          <tr>
            <th scope="col">Trường</th>
            <th scope="col">Bản của bạn</th>
            <th scope="col">Bản hiện tại trên máy chủ</th>
          </tr>
        </thead>
        <tbody>
          {ORDER.map((f) => (
            <tr key={f} className={changed.has(f) ? 'conflict-changed' : undefined}>
              <th scope="row">{FIELD_LABELS[f]}</th>
              <td>{fieldText(f, mine, lookups)}</td>
              <td>{fieldText(f, current, lookups)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={onKeepMine}>
          Giữ bản của tôi (ghi đè)
        </button>
        <button type="button" disabled={busy} onClick={onTakeCurrent}>
          Dùng bản hiện tại
        </button>
      </div>
    </div>
  );
}
