import './source-list.css';

export interface SourceLine {
  id: string;
  title: string;
  date: string;
  reference: string;
  /** The report's own text, where it was stored (imported reports): shown as plain text only. */
  text?: string;
}

/**
 * Where the panel's figures came from: each report's title and date, and, for a report whose
 * text was kept, a disclosure to read it. The text is rendered as a React text node in a
 * pre-wrapped block, so markup in a report is shown as written and never interpreted.
 */
export function SourceList({ sources }: { sources: SourceLine[] }) {
  if (sources.length === 0) return null;
  return (
    <footer className="sources">
      <span className="sources-label">Nguồn:</span>
      <ul aria-label="Nguồn số liệu">
        {sources.map((s) => (
          <li key={s.id} title={s.reference}>
            {s.title} ({s.date})
            {s.text && (
              <details className="source-report">
                <summary>Xem văn bản báo cáo</summary>
                {/* scrollable, so it takes the focus for keyboard scrolling */}
                <div className="source-report-text" role="group" aria-label={`Văn bản báo cáo: ${s.title}`} tabIndex={0}>
                  {s.text}
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
    </footer>
  );
}
