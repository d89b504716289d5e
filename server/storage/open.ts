/**
 * Opens the configured storage: SQLite in DATA_DIR, seeded from data/ on first start.
 * KPI_SEED=synthetic (benchmarks only) adds the SYNTHETIC province-sized dataset of
 * data/synthetic.ts (102 wards, 2019-2026) to the reports' figures on that first start.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../../data';
import { syntheticDataset } from '../../data/synthetic';
import { checkExistingDatabase } from './check';
import { DatabaseRefused, isDiskFull, StorageFailure } from './errors';
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

export interface OpenStorageOptions {
  /** SQLite's max_page_count for the file: the tests' way to make a full disk (sqlite-db.ts). */
  maxPageCount?: number;
}

/**
 * Opens $DATA_DIR/kpi.sqlite: an existing file is checked first (check.ts) and refused, as it
 * is, if damaged; then migrated, and seeded if new. A full disk stops the start with a message
 * that says so, never as "cannot rollback - no transaction is active".
 */
export async function openStorage(
  dataDir: string,
  options: OpenStorageOptions = {},
): Promise<{ storage: Storage; file: string; seeded: boolean }> {
  const file = join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    checkExistingDatabase(file);
    const storage = openSqliteStorage(file, options);
    try {
      const seeded = await storage.isEmpty();
      if (seeded) await storage.seed(seedDataset());
      return { storage, file, seeded };
    } catch (err) {
      await storage.close();
      throw err;
    }
  } catch (err) {
    if (isDiskFull(err) || (err instanceof StorageFailure && err.code === 'disk_full')) {
      throw new DatabaseRefused(
        `the disk holding ${file} is full: the database could not be opened or brought up to date ` +
          '(SQLite: database or disk is full). Free some space on that disk, then start the server again; ' +
          'nothing was lost (SQLite rolled the change back).',
      );
    }
    throw err;
  }
}
