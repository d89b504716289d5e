import { useState } from 'react';

/**
 * The filters whose figures are on screen. While the new filters' figures load, the old ones
 * stay on screen: they are kept as they were drawn, for the filters they belong to (not re-read
 * for the new period, which is costly with many wards and shows gaps or an empty panel where
 * the old figures lack the period). The snapshot is taken during render, as React advises for
 * state that follows props.
 */
export function useSettledFilters(units: string[], period: string, isUpdating: boolean): { units: string[]; period: string } {
  const [settled, setSettled] = useState({ units, period });
  if (!isUpdating && (settled.units !== units || settled.period !== period)) setSettled({ units, period });
  return isUpdating ? settled : { units, period };
}
