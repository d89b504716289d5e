import { useState } from 'react';

export interface PanelView {
  /** The chosen ids, as the filters hold them. */
  units: string[];
  period: string;
  /** The former units' figures are shown. */
  lineage: boolean;
}

/**
 * The view whose figures are on screen. While the new view's figures load, the old ones stay
 * on screen: they are kept as they were drawn, for the view they belong to (not re-read for the
 * new period, which is costly with many units and shows gaps or an empty panel where the old
 * figures lack the period). The snapshot is taken during render, as React advises for state
 * that follows props.
 */
export function useSettledView(view: PanelView, isUpdating: boolean): PanelView {
  const [settled, setSettled] = useState(view);
  const changed = settled.units !== view.units || settled.period !== view.period || settled.lineage !== view.lineage;
  if (!isUpdating && changed) setSettled(view);
  return isUpdating || !changed ? settled : view;
}
