import { useState } from 'react';
import type { FigureRow } from '../../lib/panel-export';

/** The chart's text alternative: every figure behind it, in a table drawn when it is opened. */
export function DataTable({ caption, rows, defaultOpen = false }: { caption: string; rows: FigureRow[]; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="data-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Xem bảng số liệu ({rows.length} số liệu)</summary>
      {open && (
        <div className="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Phường</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Giá trị</th>
                <th scope="col">Nguồn</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>{r.unit}</td>
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
