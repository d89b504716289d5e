/**
 * The data of several queries (what useQueries returns) as one array that stays the same while
 * every query's data is the same, so that what is built from it can be memoised. Compared by
 * reference only: the query library's own `combine` deep-compares what it returns, and with the
 * province that walked thousands of figures one by one at each change of the filters.
 */
import { useState } from 'react';

export function useSameData<T>(results: readonly { data: T | undefined }[]): readonly (T | undefined)[] {
  const data = results.map((r) => r.data);
  // kept as React keeps state that follows props: set during render, the component renders again at once
  const [kept, setKept] = useState(data);
  const same = kept.length === data.length && kept.every((d, i) => d === data[i]);
  if (!same) setKept(data);
  return same ? kept : data;
}
