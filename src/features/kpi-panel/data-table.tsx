import { useState } from 'react';
import type { FigureRow } from '../../lib/panel-export';

/**
 * The chart's text alternative: every figure behind it, in a table drawn when it is opened.
 * Many units ranked: a "Hạng" column first, the rows in rank order, the user's own units marked.
 */
export function DataTable({ caption, count, getRows, ranked = false, defaultOpen = false }: {
  caption: string;
  count: number;
  /** The rows, read only once the table is opened. */
  getRows: () => FigureRow[];
  ranked?: boolean;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const rows = open ? getRows() : [];
  return (
    <details className="data-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Xem bảng số liệu ({count} số liệu)</summary>
      {open && (
        <div className="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {ranked && <th scope="col">Hạng</th>}
                <th scope="col">Phường, xã</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Giá trị</th>
                <th scope="col">Nguồn</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.mine ? 'row-mine' : undefined}>
                  {ranked && <td>{r.rank ?? '–'}</td>}
                  <td>
                    {r.unit}
                    {r.mine && <span className="mine-mark"> (đơn vị của tôi)</span>}
                  </td>
                  <td>{r.period}</td>
                  <td>{r.indicator}</td>
                  <td>{r.formatted}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
