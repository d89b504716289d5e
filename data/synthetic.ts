/**
 * SYNTHETIC figures for tests and benchmarks only (KPI_SEED=synthetic, npm run bench*), from a
 * seeded generator: on the real register's current communes (no invented unit), in each unit's
 * life (a unit formed on 2025-07-01 gets figures from 2025-Q3 on), never where a real figure
 * exists. Every source it makes says "giả lập" in its title, and every figure in its note.
 */
import type { Dataset } from './index';
import type { Indicator, Observation, Source, Unit } from '../src/api/contract';
import { formatPeriodId } from '../src/api/periods';
import { periodInUnitLife } from '../src/api/rules';
import { unitLevel } from '../src/api/units';

/** mulberry32: a small seeded PRNG, so the same seed gives the same dataset. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_FIRST_YEAR = 2019;
export const SYNTHETIC_YEARS = 8;

export interface SyntheticOptions {
  seed?: number;
  /** The register: its current communes get the figures, and the dataset carries all of it. */
  register: Unit[];
  /** At most this many of the current communes, in the register's order (all by default). */
  units?: number;
  firstYear?: number;
  years?: number;
  indicators: Indicator[];
  /** Real figures: none is made for a unit, indicator and period that has one. */
  real?: readonly Pick<Observation, 'unitId' | 'indicatorId' | 'period'>[];
}

/** The units that get synthetic figures: the communes in force now (validTo null). */
export function syntheticUnits(register: readonly Unit[]): Unit[] {
  return register.filter((u) => unitLevel(u.kind) === 'commune' && u.validTo === null);
}

/** The periods a unit has synthetic figures for: each quarter of the years that ends in its life. */
export function syntheticPeriods(unit: Pick<Unit, 'validFrom' | 'validTo'>, firstYear = SYNTHETIC_FIRST_YEAR, years = SYNTHETIC_YEARS): string[] {
  const periods: string[] = [];
  for (let y = firstYear; y < firstYear + years; y++) {
    for (const q of [1, 2, 3, 4] as const) {
      const period = formatPeriodId(y, q);
      if (periodInUnitLife(period, unit)) periods.push(period);
    }
  }
  return periods;
}

/** The synthetic report of a unit for a period (ids apart from every real source's). */
export function syntheticSourceId(unitId: string, period: string): string {
  return `gia-lap-${unitId}-${period.toLowerCase()}`;
}

/** Values that fit each indicator's range and aggregation. */
function valueFor(ind: Indicator, quarter: number, rand: () => number): { value: number; outOf?: number } {
  if (ind.id === 'resolution_targets_met') {
    const outOf = 10 + Math.floor(rand() * 11);
    return { value: Math.floor(rand() * (outOf + 1)), outOf };
  }
  if (ind.unit === 'vnd') return { value: Math.round((1 + rand() * 40) * quarter * 250) * 1_000_000 };
  if (ind.unit === 'percent') {
    const base = ind.aggregation === 'ytd' ? quarter * 25 : 70;
    const v = base * (0.7 + rand() * 0.5);
    return { value: Math.round(Math.min(v, ind.max ?? Infinity) * 100) / 100 };
  }
  return { value: Math.floor(rand() * 50 * (ind.aggregation === 'ytd' ? quarter : 4)) };
}

/** The register with synthetic sources and figures (seed it alone, or beside the real ones). */
export function syntheticDataset(opts: SyntheticOptions): Dataset {
  const { seed = 2026, register, firstYear = SYNTHETIC_FIRST_YEAR, years = SYNTHETIC_YEARS, indicators } = opts;
  const rand = seededRandom(seed);
  const taken = new Set((opts.real ?? []).map((o) => `${o.unitId}\0${o.indicatorId}\0${o.period}`));
  const units = syntheticUnits(register).slice(0, opts.units);
  const sources: Source[] = [];
  const observations: Observation[] = [];
  for (const unit of units) {
    for (const period of syntheticPeriods(unit, firstYear, years)) {
      const quarter = Number(period.slice(-1));
      const sourceId = syntheticSourceId(unit.id, period);
      sources.push({
        id: sourceId,
        unitId: unit.id,
        title: `Báo cáo giả lập ${period}, ${unit.name}`,
        heldOn: `${period.slice(0, 4)}-${String(quarter * 3).padStart(2, '0')}-28`,
        periodLabel: period,
        reference: 'Dữ liệu giả lập từ bộ sinh có hạt giống (synthetic, not a real report)',
      });
      for (const ind of indicators) {
        // the draw happens either way, so a real figure changes no other synthetic one
        const value = valueFor(ind, quarter, rand);
        if (taken.has(`${unit.id}\0${ind.id}\0${period}`)) continue;
        observations.push({
          id: `${sourceId}-${ind.id.replace(/_/g, '-')}`,
          unitId: unit.id,
          indicatorId: ind.id,
          period,
          ...value,
          qualifier: 'exact',
          status: 'reported',
          sourceId,
          note: 'Dữ liệu giả lập',
          version: 1,
        });
      }
    }
  }
  return { units: register, indicators, sources, observations };
}
