export interface TableRow {
  key: string;
  unit: string;
  period: string;
  indicator: string;
  value: string;
  source: string;
}

/** The chart's text alternative: every figure behind it, in a table that can be shown. */
export function DataTable({ caption, rows }: { caption: string; rows: TableRow[] }) {
  return (
    <details className="data-table">
      <summary>Xem bảng số liệu</summary>
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
                <td>{r.value}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
