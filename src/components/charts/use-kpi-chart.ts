/**
 * The chart code is not part of the entry: Recharts (about half the JavaScript) for trends that
 * answer a pointer, and the hand-drawn comparison of many units, each a chunk fetched when it is
 * wanted.
 *
 * - A trend is first a picture (trend-picture.tsx: drawn from its figures like the exports, no
 *   chart library). Recharts, with its tooltips, replaces it when a person reaches for it
 *   (`wake`: a pointer over it, a touch, the keyboard's focus). Drawing Recharts charts cost a
 *   phone about a second of blocked main thread while the page loaded (Lighthouse, 4× CPU
 *   slowdown), for tooltips nobody had asked for yet.
 * - A comparison of many units is fetched as soon as a panel knows it will compare
 *   (`preloadComparisonChart`) and drawn one panel's chart per frame: panels take turns, each
 *   after the previous one was painted, so the first is on screen after one chart's work.
 * - Not React.lazy: a Suspense boundary that shows its fallback holds the content back for at
 *   least 300 ms (React's fallback throttle), each panel in turn.
 */
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import type { ComparisonChartProps } from './comparison-chart';
import type { KpiChartProps } from './kpi-chart';
import { afterNextPaint } from '../../lib/after-next-paint';

type LazyModule<T> = () => Promise<T>;

/**
 * A module fetched once; a failed fetch is tried again by the next one who asks. Again at a new
 * address: a browser may keep a module's failure for its address and never ask the network again
 * (Chromium does), so the retry asks for the address the failure named, with `?retry=n`.
 */
function lazyModule<M, T>(load: () => Promise<M>, pick: (m: M) => T): LazyModule<T> {
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
 * then); `failed` if it could not load, and `retry` to ask for it again. `wake` says it is
 * wanted now (stable): a comparison is at once, a trend once woken.
 */
export interface LazyChart<P = KpiChartProps> {
  Chart: ComponentType<P> | undefined;
  failed: boolean;
  retry: () => void;
  wake: () => void;
}

function useLazyChart<P>(wanted: boolean, load: LazyModule<ComponentType<P>>, waitsForWake: boolean): LazyChart<P> {
  const [Chart, setChart] = useState<ComponentType<P> | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [awake, setAwake] = useState(!waitsForWake);
  const wake = useCallback(() => setAwake(true), []);

  useEffect(() => {
    if (!wanted || !awake || Chart || failed) return;
    let live = true;
    let giveUp: (() => void) | undefined;
    load().then(
      (C) => {
        if (!live) return;
        // a trend replaces its picture as soon as it can: a person is waiting for it
        if (waitsForWake) setChart(() => C);
        else giveUp = waitForTurn(() => setChart(() => C));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      giveUp?.();
    };
  }, [wanted, awake, Chart, failed, attempt, load, waitsForWake]);

  const retry = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
  };
  return { Chart: wanted ? Chart : undefined, failed: wanted && failed, retry, wake };
}

/** The trend chart (Recharts), fetched and drawn once woken (`wake`); a picture stands for it until then. */
export function useKpiChart(wanted: boolean): LazyChart<KpiChartProps> {
  return useLazyChart(wanted, loadTrend, true);
}

/** The comparison of many units (cheap to draw, its panel skipped by content-visibility): drawn when wanted. */
export function useComparisonChart(wanted: boolean): LazyChart<ComparisonChartProps> {
  return useLazyChart(wanted, loadComparison, false);
}
