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
 * - Drawn near the screen: a trend chart takes its turn only once its box has come near the
 *   screen (`reveal`, called by the panel's chart box when it is within a viewport height of
 *   the screen, use-near-screen.ts); until then its placeholder holds its place. A phone shows
 *   one or two panels: the charts further down are not drawn while the page loads. Once drawn a
 *   chart stays drawn (and is drawn again with new figures, as any other). Without
 *   IntersectionObserver (jsdom) every chart is near at once. The comparison of many units is
 *   cheap, and its panel is skipped by content-visibility: it is drawn when wanted.
 * - On paper: a page printed before its own paper drawing's code arrived (print-chart.tsx draws
 *   the charts for paper) prints the charts on screen; so when printing starts (`beforeprint`)
 *   every trend chart not drawn yet is drawn at once (flushSync, before the printed layout) if
 *   its code is there, and stays drawn. With the paper drawing there, those screen charts are
 *   hidden on paper; drawing them is the price of not knowing, paid once.
 * - Not React.lazy: a Suspense boundary that shows its fallback holds the content back for at
 *   least 300 ms (React's fallback throttle), each panel in turn.
 */
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import type { ComparisonChartProps } from './comparison-chart';
import type { KpiChartProps } from './kpi-chart';
import { afterNextPaint } from '../../lib/after-next-paint';
import { observesNearness } from './use-near-screen';

/** Trend charts not drawn yet: each draws itself at once when called (printing). */
const undrawn = new Set<() => void>();
let listening = false;

function drawTheRest(): void {
  if (undrawn.size === 0) return;
  flushSync(() => undrawn.forEach((draw) => draw()));
}

/** Keeps `draw` among the charts drawn when printing starts, until the answer is called. */
function drawnWhenPrinting(draw: () => void): () => void {
  if (!listening && typeof window !== 'undefined') {
    window.addEventListener('beforeprint', drawTheRest);
    listening = true;
  }
  undrawn.add(draw);
  return () => undrawn.delete(draw);
}

interface LazyModule<T> {
  (): Promise<T>;
  /** The module's answer once it has arrived. */
  loaded(): T | undefined;
}

/**
 * A module fetched once; a failed fetch is tried again by the next one who asks. Again at a new
 * address: a browser may keep a module's failure for its address and never ask the network again
 * (Chromium does), so the retry asks for the address the failure named, with `?retry=n`.
 */
function lazyModule<M, T>(load: () => Promise<M>, pick: (m: M) => T): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let value: T | undefined;
  let failedAt: string | undefined;
  let attempt = 0;
  const fetchModule = () => (failedAt ? (import(/* @vite-ignore */ `${failedAt}?retry=${++attempt}`) as Promise<M>) : load());
  const get = () =>
    (loading ??= fetchModule()
      .then((m) => (value = pick(m)))
      .catch((err: unknown) => {
        failedAt ??= moduleAddressOf(err);
        loading = undefined;
        throw err;
      }));
  return Object.assign(get, { loaded: () => value });
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
 * The chart component once its code is there, its box has come near the screen and it is this
 * panel's turn (`undefined` until then); `failed` if it could not load, and `retry` to ask for
 * it again. `near`: whether the box has come near the screen (or need not); `reveal` says it has
 * (stable; once near, always near).
 */
export interface LazyChart<P = KpiChartProps> {
  Chart: ComponentType<P> | undefined;
  failed: boolean;
  retry: () => void;
  near: boolean;
  reveal: () => void;
}

function useLazyChart<P>(wanted: boolean, load: LazyModule<ComponentType<P>>, waitsForScreen: boolean): LazyChart<P> {
  const [Chart, setChart] = useState<ComponentType<P> | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [near, setNear] = useState(() => !waitsForScreen || !observesNearness());
  const reveal = useCallback(() => setNear(true), []);

  useEffect(() => {
    if (!wanted || Chart || failed) return;
    let live = true;
    let giveUp: (() => void) | undefined;
    // the code is fetched as soon as it is wanted; the turn is asked for once the box is near
    load().then(
      (C) => {
        if (live && near) giveUp = waitForTurn(() => setChart(() => C));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      giveUp?.();
    };
  }, [wanted, near, Chart, failed, attempt, load]);

  // printed before it was drawn: drawn at once, if its code is there
  useEffect(() => {
    if (!waitsForScreen || !wanted || Chart) return;
    return drawnWhenPrinting(() => {
      setNear(true);
      const C = load.loaded();
      if (C) setChart(() => C);
    });
  }, [waitsForScreen, wanted, Chart, load]);

  const retry = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
  };
  return { Chart: wanted ? Chart : undefined, failed: wanted && failed, retry, near, reveal };
}

/** The trend chart (Recharts), drawn once its box is near the screen (`reveal`). */
export function useKpiChart(wanted: boolean): LazyChart<KpiChartProps> {
  return useLazyChart(wanted, loadTrend, true);
}

/** The comparison of many units (cheap to draw, its panel skipped by content-visibility): drawn when wanted. */
export function useComparisonChart(wanted: boolean): LazyChart<ComparisonChartProps> {
  return useLazyChart(wanted, loadComparison, false);
}
