export interface SourceLine {
  id: string;
  title: string;
  date: string;
  reference: string;
}

/** Where the panel's figures came from: each report's title and date. */
export function SourceList({ sources }: { sources: SourceLine[] }) {
  if (sources.length === 0) return null;
  return (
    <footer className="sources">
      <span className="sources-label">Nguồn:</span>
      <ul aria-label="Nguồn số liệu">
        {sources.map((s) => (
          <li key={s.id} title={s.reference}>
            {s.title} ({s.date})
          </li>
        ))}
      </ul>
    </footer>
  );
}
