/**
 * Opens the configured storage: SQLite in DATA_DIR, seeded from data/ on first start.
 * KPI_SEED=synthetic (benchmarks only) adds the SYNTHETIC province-sized dataset of
 * data/synthetic.ts (102 wards, 2019-2026) to the reports' figures on that first start.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../../data';
import { syntheticDataset } from '../../data/synthetic';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './types';

export const DATABASE_FILE = 'kpi.sqlite';

/** The reports' figures, plus the labelled synthetic wards when `seed` is 'synthetic'. */
export function seedDataset(seed = process.env.KPI_SEED): Dataset {
  const real = loadDataset();
  if (!seed || seed === 'data') return real;
  if (seed !== 'synthetic') throw new Error(`KPI_SEED must be "data" or "synthetic", not "${seed}"`);
  // the four panels' indicators: 11 × 102 wards × 32 quarters ≈ 36,000 observations
  const indicators = real.indicators.filter((i) => i.family !== 'other');
  const synthetic = syntheticDataset({ indicators, units: 102, years: 8 });
  return {
    units: [...real.units, ...synthetic.units],
    indicators: real.indicators,
    sources: [...real.sources, ...synthetic.sources],
    observations: [...real.observations, ...synthetic.observations],
  };
}

export async function openStorage(dataDir: string): Promise<{ storage: Storage; file: string; seeded: boolean }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const storage = openSqliteStorage(file);
  const seeded = await storage.isEmpty();
  if (seeded) await storage.seed(seedDataset());
  return { storage, file, seeded };
}
