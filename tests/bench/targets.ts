/**
 * The status of every resolution target for the whole province (target: under 10 ms), in Node,
 * on the synthetic province as KPI_SEED=synthetic seeds it: figures "giả lập" of the register's
 * 102 current communes beside the reports' own, and one synthetic term resolution 2025–2030 of
 * twenty targets for each commune (2,040 targets, every type). Each run starts from a new array
 * of figures, as a new answer of the query cache would be, so the index built once per array
 * (lib/target-status.ts, indexFigures) is part of the time; then every target of every commune is
 * judged for 9 tháng 2026 (its figures of 2025, the base year, and of 2026) and counted per unit,
 * as the ranking of many units needs. Printed beside it, untargeted: every target's sentence made
 * as well (a sentence is made when first read; one unit's list shows twenty).
 *
 *   node --import tsx -e "import('./tests/bench/targets.ts').then((m) => console.log(m.targetsBenchLine(m.timeTargetStatus())))"
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Indicator, Observation, Resolution, Unit } from '../../src/api/contract';
import { loadDataset } from '../../data';
import { syntheticDataset, syntheticResolutions, syntheticUnits } from '../../data/synthetic';
import { countTargetStatuses, indexFigures, resolutionStatus, type TargetStatusKind } from '../../src/lib/target-status';
import { median } from './stats';

const PERIOD = '2026-Q3';
const FROM = '2025-Q1';

export interface TargetsBench {
  /** Median of the runs, ms: the index and every target's status. */
  median: number;
  /** Of which the index of the figures, ms (median). */
  index: number;
  /** CPU time of the same, ms (median): on a shared machine, what the work itself takes. */
  cpu: number;
  /** Besides: every target's sentence made too (what the list of one unit shows), ms (median). */
  words: number;
  runs: number;
  units: number;
  targets: number;
  /** Figures of 2025 and 2026 read. */
  figures: number;
  /** The statuses of one run, counted. */
  counts: Record<TargetStatusKind, number>;
}

interface Input {
  units: Unit[];
  resolutions: Resolution[];
  indicators: ReadonlyMap<string, Indicator>;
  observations: Observation[];
}

function input(): Input {
  const real = loadDataset();
  // as server/storage/open.ts seeds the synthetic province: the four panels' indicators
  const synthetic = syntheticDataset({ register: real.units, indicators: real.indicators.filter((i) => i.family !== 'other'), real: real.observations });
  const units = syntheticUnits(real.units);
  const shown = new Set(units.map((u) => u.id));
  const observations = [...real.observations, ...synthetic.observations].filter((o) => shown.has(o.unitId) && o.period >= FROM && o.period <= PERIOD);
  return {
    units,
    resolutions: syntheticResolutions({ register: real.units }),
    indicators: new Map(real.indicators.map((i) => [i.id, i])),
    observations,
  };
}

function once({ units, resolutions, indicators, observations }: Input) {
  const fresh = observations.slice();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const figures = indexFigures(fresh);
  const t1 = performance.now();
  const lists = resolutions.map((r) => resolutionStatus(r, PERIOD, { figures, indicators, unit: unitById.get(r.unitId) }));
  const perUnit = lists.map((list) => countTargetStatuses(list));
  const t2 = performance.now();
  const c1 = process.cpuUsage(c0);
  let sink = 0;
  for (const list of lists) for (const a of list) sink += a.reason.length;
  const t3 = performance.now();
  const counts = countTargetStatuses([]);
  for (const c of perUnit) for (const k of Object.keys(c) as TargetStatusKind[]) counts[k] += c[k];
  return { total: t2 - t0, index: t1 - t0, cpu: (c1.user + c1.system) / 1000, words: t3 - t2, counts, sink };
}

/** Times `runs` runs (after three warm-up runs, each after a full garbage collection) and returns their medians. */
export function timeTargetStatus(runs = Math.max(1, Number(process.env.RUNS ?? 7))): TargetsBench {
  const data = input();
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) once(data);
  const results = Array.from({ length: runs }, () => {
    gc();
    return once(data);
  });
  return {
    median: median(results.map((r) => r.total)),
    index: median(results.map((r) => r.index)),
    cpu: median(results.map((r) => r.cpu)),
    words: median(results.map((r) => r.words)),
    runs,
    units: data.resolutions.length,
    targets: data.resolutions.reduce((n, r) => n + r.targets.length, 0),
    figures: data.observations.length,
    counts: results[0]!.counts,
  };
}

/** One line for the benchmark's output. */
export function targetsBenchLine(r: TargetsBench): string {
  const ms = (v: number) => v.toFixed(2);
  const c = r.counts;
  return (
    `resolution targets, ${r.units} communes × ${r.targets / r.units} targets (Node, synthetic "giả lập", ${r.figures} figures of 2025–9 tháng 2026): ` +
    `median ${ms(r.median)} ms (target 10; CPU time ${ms(r.cpu)} ms) of ${r.runs} runs, of which the index of the figures ${ms(r.index)}; ` +
    `besides: every target's sentence ${ms(r.words)} ms; ` +
    `${c.met} đạt, ${c.on_track} đúng tiến độ, ${c.at_risk} có nguy cơ, ${c.behind} chưa đạt, ${c.no_data} chưa có số liệu`
  );
}
