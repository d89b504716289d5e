import { useFilters } from './store';

/** Says what was wrong in the URL and what is shown instead. */
export function FilterNotices() {
  const notices = useFilters((s) => s.notices);
  const dismiss = useFilters((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status">
      <ul>
        {notices.map((n) => <li key={n}>{n}</li>)}
      </ul>
      <button type="button" onClick={dismiss}>Đã hiểu</button>
    </div>
  );
}
