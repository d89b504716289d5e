/**
 * Status and cùng kỳ for the whole province: the work a filter change asks of lib/status.ts and
 * lib/same-period.ts with 102 communes shown (target: under 10 ms), in Node, on the synthetic
 * province (figures "giả lập" from the seeded generator, on the register's 102 current communes,
 * beside the reports' own figures). Each run starts from new arrays, as a new answer of the query
 * cache would be (the indexes built once per array are part of the time):
 * - the at-risk summary of 102 communes (every benchmarked headline figure, counted per family);
 * - every commune's headline figures of every family, each with its status and cùng kỳ (what the
 *   tiles of one unit do, for each of the 102);
 * - every figure of the year so far, as a row of the table and the CSV (status, the figure a year
 *   earlier and the change).
 * The panels ask for the year so far and the year before (cùng kỳ), so the figures are those of
 * 2025 and 2026 up to 9 tháng 2026.
 *
 *   node --import tsx -e "import('./tests/bench/status.ts').then((m) => console.log(m.statusBenchLine(m.timeStatusAndSamePeriod())))"
 */
import { performance } from 'node:perf_hooks';
import type { Family, Indicator, Observation, Unit } from '../../src/api/contract';
import { loadDataset } from '../../data';
import { syntheticDataset, syntheticUnits } from '../../data/synthetic';
import { FAMILIES } from '../../src/features/kpi-panel/families';
import { figureAssessment } from '../../src/features/kpi-panel/panel-tiles';
import { buildSummary } from '../../src/features/summary/summary-model';
import { pickHeadline } from '../../src/lib/kpi';
import { samePeriodOf } from '../../src/lib/same-period';
import { assess } from '../../src/lib/status';
import { median } from './stats';

const PERIOD = '2026-Q3';
const FROM = '2025-Q1';

export interface StatusBench {
  /** Median of the runs, ms: all three parts together. */
  median: number;
  parts: { summary: number; tiles: number; rows: number };
  runs: number;
  units: number;
  /** Figures of the two years read (all families). */
  figures: number;
}

interface Input {
  units: Unit[];
  indicators: Indicator[];
  byFamily: Map<Family, Observation[]>;
}

function input(): Input {
  const real = loadDataset();
  const synthetic = syntheticDataset({ register: real.units, indicators: real.indicators, real: real.observations });
  const units = syntheticUnits(real.units);
  const shown = new Set(units.map((u) => u.id));
  const familyOf = new Map(real.indicators.map((i) => [i.id, i.family]));
  const byFamily = new Map<Family, Observation[]>();
  for (const o of [...real.observations, ...synthetic.observations]) {
    if (!shown.has(o.unitId) || o.period < FROM || o.period > PERIOD) continue;
    const family = familyOf.get(o.indicatorId)!;
    const list = byFamily.get(family);
    if (list) list.push(o);
    else byFamily.set(family, [o]);
  }
  return { units, indicators: real.indicators, byFamily };
}

function once({ units, indicators, byFamily }: Input) {
  // new arrays, as a new answer of the query would be
  const fresh = new Map([...byFamily].map(([f, list]) => [f, list.slice()]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  let sink = 0;
  let rows = 0;

  const t0 = performance.now();
  const summary = buildSummary({ families: FAMILIES, units, period: PERIOD, observations: fresh, indicators, byUnit: true });
  sink += summary.mode === 'units' ? summary.families.length : 0;

  const t1 = performance.now();
  for (const config of FAMILIES) {
    const observations = fresh.get(config.family) ?? [];
    for (const unit of units) {
      for (const id of config.headline) {
        const indicator = indicatorById.get(id)!;
        const h = pickHeadline(observations, unit, id, PERIOD);
        if (!h) continue;
        if (assess(indicator, h.observation)) sink++;
        if (samePeriodOf(h.observation, indicator, unit, observations)) sink++;
      }
    }
  }

  const t2 = performance.now();
  for (const config of FAMILIES) {
    const observations = fresh.get(config.family) ?? [];
    const shown = new Set([...config.headline, ...config.chart]);
    for (const o of observations) {
      if (o.period < '2026-Q1' || !shown.has(o.indicatorId)) continue;
      const a = figureAssessment(o, indicatorById.get(o.indicatorId)!, unitById.get(o.unitId)!, observations);
      if (a.status || a.changeText) sink++;
      rows++;
    }
  }
  const t3 = performance.now();
  return { summary: t1 - t0, tiles: t2 - t1, rows: t3 - t2, rowCount: rows, sink };
}

/** Times `runs` runs (after two warm-up runs) and returns their medians. */
export function timeStatusAndSamePeriod(runs = Math.max(1, Number(process.env.RUNS ?? 7))): StatusBench {
  const data = input();
  once(data);
  once(data);
  const results = Array.from({ length: runs }, () => once(data));
  const of = (k: 'summary' | 'tiles' | 'rows') => median(results.map((r) => r[k]));
  return {
    median: median(results.map((r) => r.summary + r.tiles + r.rows)),
    parts: { summary: of('summary'), tiles: of('tiles'), rows: of('rows') },
    runs,
    units: data.units.length,
    figures: [...data.byFamily.values()].reduce((n, l) => n + l.length, 0),
  };
}

/** One line for the benchmark's output. */
export function statusBenchLine(r: StatusBench): string {
  const ms = (v: number) => v.toFixed(2);
  return (
    `status and cùng kỳ, ${r.units} communes (Node, synthetic province "giả lập", ${r.figures} figures of 2025–9 tháng 2026): ` +
    `median ${ms(r.median)} ms (target 10) of ${r.runs} runs: the at-risk summary ${ms(r.parts.summary)}, ` +
    `every commune's headline tiles ${ms(r.parts.tiles)}, the table's rows of 2026 ${ms(r.parts.rows)}`
  );
}
