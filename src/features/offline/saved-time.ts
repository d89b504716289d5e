/**
 * When the figures on screen were given by the server, if the page is showing them without a
 * connection: the oldest answer among the figures' queries in use, while any of them shows a
 * saved copy or the connection is lost. Undefined when the figures are current.
 */
import type { Query, QueryCache } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import type { SavedCopies } from './saved-copies';

const isFigures = (query: Query) => query.queryKey[0] === queryKeys.observations[0];

export function savedTimeOf(cache: QueryCache, lost: boolean, copies: Pick<SavedCopies, 'shows' | 'showsAny'>): number | undefined {
  // asked at every change of the cache: the figures current and the connection there (nearly
  // always) is answered without walking it
  if (!lost && !copies.showsAny()) return undefined;
  let oldest: number | undefined;
  let fromCopy = false;
  for (const query of cache.getAll()) {
    if (!isFigures(query) || query.getObserversCount() === 0 || query.state.data === undefined) continue;
    fromCopy ||= copies.shows(query);
    oldest = Math.min(oldest ?? Infinity, query.state.dataUpdatedAt);
  }
  return fromCopy || lost ? oldest : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05 ngày 03/12/2025", in the browser's time zone. */
export function formatSavedTime(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ngày ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** What the page and anything made from it say about a saved copy. */
export function savedCopyText(time: number): string {
  return `Đang xem bản lưu lúc ${formatSavedTime(time)} — không có kết nối`;
}
