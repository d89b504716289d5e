/**
 * Status and cùng kỳ for the whole province: the work a filter change asks of lib/status.ts and
 * lib/same-period.ts with 102 communes shown (target: under 10 ms), in Node, on the synthetic
 * province (figures "giả lập" from the seeded generator, on the register's 102 current communes,
 * beside the reports' own figures). Each run starts from new arrays, as a new answer of the query
 * cache would be (the indexes built once per array are part of the time):
 * - the at-risk summary of 102 communes (every benchmarked headline figure, counted per family);
 * - every commune's headline figures of every family, each with its status and cùng kỳ (the
 *   judgement and the pairing, which is what "computing status and cùng kỳ" asks: target 10 ms);
 * - their sentences, as the tiles would say them if each of the 102 had its tiles (the page shows
 *   tiles of at most four units, or the highest and lowest of many);
 * - every figure of the panels' indicators of the year so far, as a row of the table and the CSV
 *   (status, the figure a year earlier and the change, in words): made when the table is opened
 *   or exported, not at a filter change.
 * The panels compare the year so far, and pair it with the same spans of the year before (cùng
 * kỳ, asked apart: kpi-panel/panel-query.ts, comparedSamePeriod), so the figures are those of
 * 2025 and 2026 up to 9 tháng 2026.
 *
 *   node --import tsx -e "import('./tests/bench/status.ts').then((m) => console.log(m.statusBenchLine(m.timeStatusAndSamePeriod())))"
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
  /** Median of the runs, ms: the summary and every headline figure's status and cùng kỳ (the target's measure). */
  median: number;
  /** The same, in CPU time of this process (ms): what it costs whatever else the machine runs. */
  cpu: number;
  parts: { summary: number; figures: number; words: number; rows: number };
  runs: number;
  units: number;
  /** Figures of the two years read (all families). */
  figures: number;
  /** Headline figures judged and paired (102 communes × every family's headline indicators). */
  headlines: number;
  /** Rows of the table written. */
  rows: number;
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

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = buildSummary({ families: FAMILIES, units, period: PERIOD, observations: fresh, indicators, byUnit: true });
  sink += summary.mode === 'units' ? summary.families.length : 0;

  const t1 = performance.now();
  const judged: { status: ReturnType<typeof assess>; same: ReturnType<typeof samePeriodOf> }[] = [];
  for (const config of FAMILIES) {
    const observations = fresh.get(config.family) ?? [];
    for (const unit of units) {
      for (const id of config.headline) {
        const indicator = indicatorById.get(id)!;
        const h = pickHeadline(observations, unit, id, PERIOD);
        if (!h) continue;
        judged.push({ status: assess(indicator, h.observation), same: samePeriodOf(h.observation, indicator, unit, observations) });
      }
    }
  }

  const t2a = performance.now();
  const headlines = judged.length;
  const c1 = process.cpuUsage(c0);
  for (const { status, same } of judged) sink += (status?.reason.length ?? 0) + (same?.text.length ?? 0);

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
  return { summary: t1 - t0, figures: t2a - t1, words: t2 - t2a, rows: t3 - t2, cpu: (c1.user + c1.system) / 1000, headlines, rowCount: rows, sink };
}

/**
 * A full garbage collection before each run, so a run does not pay for the garbage of the
 * dataset's making or of the run before (the page's heap is far smaller than this script's).
 */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return gc;
}

/** Times `runs` runs (after three warm-up runs) and returns their medians. */
export function timeStatusAndSamePeriod(runs = Math.max(1, Number(process.env.RUNS ?? 7))): StatusBench {
  const data = input();
  const gc = collectGarbage();
  for (let i = 0; i < 3; i++) once(data);
  const results = Array.from({ length: runs }, () => {
    gc();
    return once(data);
  });
  const of = (k: 'summary' | 'figures' | 'words' | 'rows') => median(results.map((r) => r[k]));
  return {
    median: median(results.map((r) => r.summary + r.figures)),
    cpu: median(results.map((r) => r.cpu)),
    parts: { summary: of('summary'), figures: of('figures'), words: of('words'), rows: of('rows') },
    runs,
    units: data.units.length,
    figures: [...data.byFamily.values()].reduce((n, l) => n + l.length, 0),
    headlines: results[0]!.headlines,
    rows: results[0]!.rowCount,
  };
}

/** One line for the benchmark's output. */
export function statusBenchLine(r: StatusBench): string {
  const ms = (v: number) => v.toFixed(2);
  return (
    `status and cùng kỳ, ${r.units} communes (Node, synthetic province "giả lập", ${r.figures} figures of 2025–9 tháng 2026): ` +
    `median ${ms(r.median)} ms (target 10; CPU time ${ms(r.cpu)} ms) of ${r.runs} runs = the at-risk summary ${ms(r.parts.summary)} + ` +
    `the status and cùng kỳ of every headline figure (${r.headlines}) ${ms(r.parts.figures)}; besides: their sentences ${ms(r.parts.words)}, ` +
    `the table's ${r.rows} rows of 2026 (made when opened) ${ms(r.parts.rows)}`
  );
}
