/**
 * What the benchmark watches in the page. Times are performance.now(), i.e. ms since the
 * navigation started; "painted" is the first task after the next animation frame once the DOM
 * condition holds (style, layout and paint of that frame are included).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Mark {
  /** The DOM condition first held (in a MutationObserver callback). */
  dom: number;
  /** The frame after it was painted. */
  painted: number;
  /** JavaScript files fully loaded at `dom` (Resource Timing). */
  js: string[];
}

export interface LoadMarks {
  headline?: Mark;
  firstChart?: Mark;
  allCharts?: Mark;
}

export interface LoadProbe {
  /** The headline figures; omitted for the baseline, which has none. */
  headline?: string;
  /** A bar of a drawn chart (an element inside the chart's svg). */
  chart: string;
  /**
   * How many charts (distinct svg elements with a bar) make the page complete; the screen holds
   * them (bench.ts's viewport).
   */
  charts: number;
}

/** Watches a page of the context from its first byte; read the marks with `readLoadMarks`. */
export async function installLoadProbe(context: BrowserContext, probe: LoadProbe): Promise<void> {
  await context.addInitScript((p: LoadProbe) => {
    const marks: Record<string, unknown> = {};
    (window as unknown as { __benchMarks: unknown }).__benchMarks = marks;
    const pending = new Set<string>();
    const js = () =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /\.m?js$/.test(new URL(n).pathname));
    const hit = (key: string) => {
      if (pending.has(key) || marks[key]) return;
      pending.add(key);
      const mark = { dom: performance.now(), painted: 0, js: js() };
      requestAnimationFrame(() =>
        setTimeout(() => {
          mark.painted = performance.now();
          marks[key] = mark;
        }, 0),
      );
    };
    const check = () => {
      if (p.headline && document.querySelector(p.headline)) hit('headline');
      // charts with their bars drawn: distinct svg elements holding a match (not the bars' count)
      const charts = new Set([...document.querySelectorAll(p.chart)].map((e) => e.closest('svg'))).size;
      if (charts > 0) hit('firstChart');
      if (charts >= p.charts) {
        hit('allCharts');
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  }, probe);
}

/** Waits until every mark of the probe is painted, then returns them. */
export async function readLoadMarks(page: Page, probe: LoadProbe, timeout = 30_000): Promise<LoadMarks> {
  await page.waitForFunction(
    (withHeadline) => {
      const m = (window as unknown as { __benchMarks?: Record<string, unknown> }).__benchMarks;
      return Boolean(m && m.firstChart && m.allCharts && (!withHeadline || m.headline));
    },
    Boolean(probe.headline),
    { timeout },
  );
  return page.evaluate(() => (window as unknown as { __benchMarks: LoadMarks }).__benchMarks);
}

/**
 * Defines `window.__panelsShow(label, chart)` in the context's pages: every panel (the four
 * families and the regions of the other figures) shows the period named `label`, i.e. none is loading, updating ("Đang cập nhật…"), failed or waiting
 * for its chart code, and each panel's chart (bars drawn) has a legend entry naming the period,
 * or its empty state names it. In the comparison of many units the legend says
 * "<indicator> – <period>"; a trend's subtitle ends with the period of the figures drawn; while
 * the old figures stand in, "Đang cập nhật…" is shown. The page fits the screen (bench.ts).
 */
export async function installPanelsShow(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { __panelsShow: (label: string, chart: string) => boolean }).__panelsShow = (label, chart) => {
      const sections = [...document.querySelectorAll('section[data-panel]')];
      return (
        sections.length >= 4 &&
        sections.every((s) => {
          if (s.querySelector('.updating, .panel-loading, .panel-error, .chart-placeholder')) return false;
          if (s.querySelector('.panel-empty')) return (s.textContent ?? '').includes(label);
          // the comparison's legend names the period; a trend's subtitle does once its figures are drawn
          const named =
            [...s.querySelectorAll('.recharts-legend-item-text, .chart-legend-text')].some((e) => (e.textContent ?? '').includes(label)) ||
            (s.querySelector('.panel-subtitle')?.textContent ?? '').endsWith(label);
          return named && s.querySelector(chart) !== null;
        })
      );
    };
  });
}

type PanelsShow = { __panelsShow: (label: string, chart: string) => boolean };

export interface ChangeTiming {
  dom: number;
  painted: number;
}

/**
 * Changes a select of the filter bar (0 = year, 1 = quarter) and times until every panel
 * shows the new period's figures (`__panelsShow`, see installPanelsShow).
 */
export function timeFilterChange(page: Page, change: { select: 0 | 1; value: string; label: string; chart: string }, timeout = 30_000) {
  return page.evaluate(
    ({ select, value, label, chart, timeout }) =>
      new Promise<ChangeTiming>((resolve, reject) => {
        const show = (window as unknown as PanelsShow).__panelsShow;
        const el = document.querySelectorAll<HTMLSelectElement>('.filter-period select')[select];
        if (!el) return reject(new Error('no period select'));
        let start = 0;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          const dom = performance.now() - start;
          requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: performance.now() - start }), 0));
        };
        const observer = new MutationObserver(() => {
          if (show(label, chart)) finish();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`panels did not show ${label} within ${timeout} ms`));
        }, timeout);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
        start = performance.now();
        set.call(el, value);
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { ...change, timeout },
  );
}

/** Waits until the panels show `label` and none is busy. */
export async function waitForPeriodShown(page: Page, label: string, chart: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(({ label, chart }) => (window as unknown as PanelsShow).__panelsShow(label, chart), { label, chart }, { timeout });
}

export interface TypingTiming {
  /** Per keystroke, ms from the input event to the list showing the new query (the page's work). */
  dom: number[];
  /** Per keystroke, ms from the input event to the frame after the list showed the new query. */
  painted: number[];
  /** Options in the list after the last keystroke. */
  options: number;
}

/**
 * Types `text` into the unit picker's search box one character at a time (the input event a
 * keystroke makes, on the box's real value setter) and times each keystroke until the list
 * says it answers that query ("… khớp “query”") and the next frame is painted.
 */
export function timePickerTyping(page: Page, text: string, timeout = 10_000) {
  return page.evaluate(
    ({ text, timeout }) =>
      new Promise<TypingTiming>((resolve, reject) => {
        const box = document.querySelector<HTMLInputElement>('input[role=combobox]');
        if (!box) return reject(new Error('no unit picker search box'));
        box.focus();
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const painted: number[] = [];
        const dom: number[] = [];
        const step = (i: number) => {
          if (i > text.length) {
            resolve({ dom, painted, options: document.querySelectorAll('[role=listbox] [role=option]').length });
            return;
          }
          const query = text.slice(0, i);
          const shows = () => (document.querySelector('.picker-more')?.textContent ?? '').includes(`“${query.trim()}”`);
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the list never showed “${query}”`));
          }, timeout);
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            dom.push(performance.now() - start);
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() =>
              setTimeout(() => {
                painted.push(performance.now() - start);
                setTimeout(() => step(i + 1), 50);
              }, 0),
            );
          };
          const observer = new MutationObserver(() => {
            if (shows()) finish();
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          const start = performance.now();
          set.call(box, query);
          box.dispatchEvent(new Event('input', { bubbles: true }));
          if (shows()) finish();
        };
        step(1);
      }),
    { text, timeout },
  );
}
