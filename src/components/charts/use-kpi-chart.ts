/**
 * The chart code is not part of the entry: Recharts (about half the JavaScript) for trends, and
 * the hand-drawn comparison of many units, each a chunk fetched when it is wanted and drawn
 * after the headline figures.
 *
 * - Fetched early: when trends will be drawn (fewer wards than a comparison takes), the page asks
 *   for their module before its first render (`preloadChart`), so its download and compilation
 *   overlap the wait for the API instead of following the headline figures; a panel that will
 *   compare many units asks for the comparison's (`preloadComparisonChart`) as soon as it knows.
 *   Otherwise the first panel that wants a chart asks for it.
 * - Drawn one panel's chart per frame: drawing a Recharts chart costs tens to hundreds of ms; four
 *   in one commit kept every chart (and the page) frozen until the last was done. Panels take
 *   turns, each after the previous one was painted, in the order they asked (the page's order
 *   when their figures come together), so the first chart is on screen after one chart's work.
 * - Not React.lazy: a Suspense boundary that shows its fallback holds the content back for at
 *   least 300 ms (React's fallback throttle), each panel in turn.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { ComparisonChartProps } from './comparison-chart';
import type { KpiChartProps } from './kpi-chart';
import { afterNextPaint } from '../../lib/after-next-paint';

/**
 * A module fetched once; a failed fetch is tried again by the next one who asks. Again at a new
 * address: a browser may keep a module's failure for its address and never ask the network again
 * (Chromium does), so the retry asks for the address the failure named, with `?retry=n`.
 */
function lazyModule<M, T>(load: () => Promise<M>, pick: (m: M) => T): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failedAt: string | undefined;
  let attempt = 0;
  const fetchModule = () => (failedAt ? (import(/* @vite-ignore */ `${failedAt}?retry=${++attempt}`) as Promise<M>) : load());
  return () =>
    (loading ??= fetchModule()
      .then(pick)
      .catch((err: unknown) => {
        failedAt ??= moduleAddressOf(err);
        loading = undefined;
        throw err;
      }));
}

/** The script's address in a failed dynamic import's message ("Failed to fetch dynamically imported module: https://…/kpi-chart-x.js"). */
function moduleAddressOf(err: unknown): string | undefined {
  const address = /\bhttps?:\/\/[^\s?#]+\.js\b/.exec(err instanceof Error ? err.message : String(err))?.[0];
  return address && new URL(address).origin === location.origin ? address : undefined;
}

const loadTrend = lazyModule(
  () => import('./kpi-chart'),
  (m) => m.KpiChart as ComponentType<KpiChartProps>,
);
const loadComparison = lazyModule(
  () => import('./comparison-chart'),
  (m) => m.ComparisonChart as ComponentType<ComparisonChartProps>,
);

/** Starts fetching the trend chart's code (once); the page calls it before its first render. */
export function preloadChart(): void {
  loadTrend().catch(() => undefined); // reported once a chart is wanted
}

/** Starts fetching the comparison chart's code (once). */
export function preloadComparisonChart(): void {
  loadComparison().catch(() => undefined);
}

/** Panels waiting for their turn to draw their chart; one is let through per painted frame. */
const turns: Array<() => void> = [];
let turning = false;

function nextTurn(): void {
  if (turns.length === 0) {
    turning = false;
    return;
  }
  turning = true;
  afterNextPaint(() => {
    turns.shift()?.();
    nextTurn();
  });
}

/** Asks for a turn to draw; returns a function that gives it up (a panel unmounted first). */
function waitForTurn(go: () => void): () => void {
  turns.push(go);
  if (!turning) nextTurn();
  return () => {
    const i = turns.indexOf(go);
    if (i >= 0) turns.splice(i, 1);
  };
}

/**
 * The chart component once its code is there and it is this panel's turn (`undefined` until
 * then); `failed` if it could not load, and `retry` to ask for it again.
 */
export interface LazyChart<P = KpiChartProps> {
  Chart: ComponentType<P> | undefined;
  failed: boolean;
  retry: () => void;
}

function useLazyChart<P>(wanted: boolean, load: () => Promise<ComponentType<P>>): LazyChart<P> {
  const [Chart, setChart] = useState<ComponentType<P> | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!wanted || Chart || failed) return;
    let live = true;
    let giveUp: (() => void) | undefined;
    load().then(
      (C) => {
        if (live) giveUp = waitForTurn(() => setChart(() => C));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      giveUp?.();
    };
  }, [wanted, Chart, failed, attempt, load]);

  const retry = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
  };
  return { Chart: wanted ? Chart : undefined, failed: wanted && failed, retry };
}

/** The trend chart (Recharts). */
export function useKpiChart(wanted: boolean): LazyChart<KpiChartProps> {
  return useLazyChart(wanted, loadTrend);
}

/** The comparison of many units. */
export function useComparisonChart(wanted: boolean): LazyChart<ComparisonChartProps> {
  return useLazyChart(wanted, loadComparison);
}
