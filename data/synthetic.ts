/**
 * SYNTHETIC data for tests and benchmarks only: a province-sized dataset from a seeded
 * generator. Every unit, source and observation it makes is labelled synthetic.
 */
import type { Dataset } from './index';
import type { Indicator, Observation, Source, Unit } from '../src/api/contract';

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

export interface SyntheticOptions {
  seed?: number;
  units?: number;
  firstYear?: number;
  years?: number;
  indicators: Indicator[];
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

export function syntheticDataset(opts: SyntheticOptions): Dataset {
  const { seed = 2026, units: unitCount = 102, firstYear = 2019, years = 8, indicators } = opts;
  const rand = seededRandom(seed);
  const units: Unit[] = [];
  const sources: Source[] = [];
  const observations: Observation[] = [];
  for (let u = 0; u < unitCount; u++) {
    const id = `synthetic-${String(u + 1).padStart(3, '0')}`;
    units.push({
      id,
      code: String(90000 + u),
      name: `Phường thử nghiệm ${u + 1} (dữ liệu giả lập)`,
      kind: u % 3 === 0 ? 'xa' : 'phuong',
      province: 'Dữ liệu giả lập',
      validFrom: null,
      validTo: null,
    });
    for (let y = firstYear; y < firstYear + years; y++) {
      for (let q = 1; q <= 4; q++) {
        const period = `${y}-Q${q}`;
        const sourceId = `${id}-${y}-q${q}`;
        sources.push({
          id: sourceId,
          unitId: id,
          title: `Báo cáo giả lập ${period}`,
          heldOn: `${y}-${String(q * 3).padStart(2, '0')}-28`,
          periodLabel: period,
          reference: 'Dữ liệu giả lập từ bộ sinh có hạt giống (synthetic, not a real report)',
        });
        for (const ind of indicators) {
          observations.push({
            id: `${sourceId}-${ind.id.replace(/_/g, '-')}`,
            unitId: id,
            indicatorId: ind.id,
            period,
            ...valueFor(ind, q, rand),
            qualifier: 'exact',
            status: 'reported',
            sourceId,
            note: 'Dữ liệu giả lập',
            version: 1,
          });
        }
      }
    }
  }
  return { units, indicators, sources, observations };
}
