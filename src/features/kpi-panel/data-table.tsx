import { useState } from 'react';
import type { FigureRow } from '../../lib/panel-export';

/** The same period a year earlier: its figure and the change ("trên 8 tỷ đồng; so với 9 tháng 2023: +50%"), or why not compared. */
function previousOf(r: FigureRow): string {
  return [r.previousFormatted, r.changeText].filter(Boolean).join('; ');
}

/**
 * The chart's text alternative: every figure behind it, in a table drawn when it is opened.
 * Many units ranked: a "Hạng" column first, the rows in rank order, the user's own units marked.
 * Where figures have a status or a same period a year earlier, a column says each (the words of
 * the tiles: "Có nguy cơ không đạt: …"; "trên 8 tỷ đồng; so với 9 tháng 2023: +50%").
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
  const withStatus = rows.some((r) => r.status);
  const withPrevious = rows.some((r) => r.changeText);
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
                {withStatus && <th scope="col">Tình trạng</th>}
                {withPrevious && <th scope="col">Cùng kỳ năm trước</th>}
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
                  {withStatus && (
                    <td>
                      {r.status && (
                        <>
                          <b>{r.status}</b>: {r.statusReason}
                        </>
                      )}
                    </td>
                  )}
                  {withPrevious && <td>{previousOf(r)}</td>}
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
