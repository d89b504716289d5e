import { periodLabel } from '../../lib/period-names';
import './filter-notices.css';
import { useFilters } from './store';

/**
 * Says what was wrong in the URL and what is shown instead, and which period a link without one
 * shows (the latest with figures, or the running one when none has any).
 */
export function FilterNotices() {
  const notices = useFilters((s) => s.notices);
  const dismiss = useFilters((s) => s.dismissNotices);
  const period = useFilters((s) => (s.latest ? s.period : ''));
  const found = useFilters((s) => s.latestFound);
  const latestLine = !period
    ? undefined
    : found === true
      ? `Đang xem kỳ gần nhất có số liệu: ${periodLabel(period)}.`
      : found === false
        ? `Các đơn vị đã chọn chưa có số liệu ở kỳ nào; đang hiển thị ${periodLabel(period)}.`
        : undefined;
  return (
    <>
      {latestLine && (
        <p className="notice-latest" role="status">
          {latestLine}
        </p>
      )}
      {notices.length > 0 && (
        <div className="notices" role="status">
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            Đã hiểu
          </button>
        </div>
      )}
    </>
  );
}
