/**
 * The chart code (Recharts, about half the JavaScript) loads after the headline figures, once
 * for every panel. Not React.lazy: a Suspense boundary that shows its fallback holds the
 * content back for at least 300 ms (React's fallback throttle), and each panel showing its
 * fallback in turn kept the first chart off screen for hundreds of ms after its code was there.
 */
import { useEffect, useState } from 'react';
import type { KpiChartProps } from '../charts/kpi-chart';

type ChartComponent = React.ComponentType<KpiChartProps>;

let loaded: ChartComponent | undefined;
let loading: Promise<ChartComponent> | undefined;

function loadChart(): Promise<ChartComponent> {
  loading ??= import('../charts/kpi-chart').then(
    (m) => (loaded = m.default),
    (err: unknown) => {
      loading = undefined; // the next panel that asks tries again
      throw err;
    },
  );
  return loading;
}

/** The chart component once its code is there (`undefined` until then); `failed` if it could not load. */
export function useKpiChart(wanted: boolean): { Chart: ChartComponent | undefined; failed: boolean } {
  const [Chart, setChart] = useState<ChartComponent | undefined>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || Chart) return;
    let live = true;
    loadChart().then(
      (C) => live && setChart(() => C),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, Chart]);
  return { Chart: Chart ?? (wanted ? loaded : undefined), failed };
}
