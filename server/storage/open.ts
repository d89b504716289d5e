/**
 * Opens the configured storage: SQLite in DATA_DIR, seeded from data/ on first start; at every
 * later start its units are brought to the register's (units-sync.ts), every figure kept.
 * KPI_SEED=synthetic (benchmarks only) adds the SYNTHETIC figures of data/synthetic.ts (the
 * register's 102 current communes, 2019-2026 within each one's life, labelled "giả lập") to the
 * reports' figures on that first start, and a SYNTHETIC term resolution of twenty targets for each
 * of those communes (titled "giả lập"); without it no resolution is seeded (none of these wards' is in data/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, registerUnits } from '../../data';
import { syntheticDataset, syntheticResolutions } from '../../data/synthetic';
import { checkExistingDatabase } from './check';
import { DatabaseRefused, isDiskFull, StorageFailure } from './errors';
import { openSqliteStorage } from './sqlite';
import type { SeedData, Storage } from './types';
import { syncUnits } from './units-sync';

export const DATABASE_FILE = 'kpi.sqlite';

/** The reports' figures, plus the labelled synthetic ones (and synthetic resolutions) when `seed` is 'synthetic'. */
export function seedDataset(seed = process.env.KPI_SEED): SeedData {
  const real = loadDataset();
  if (!seed || seed === 'data') return real;
  if (seed !== 'synthetic') throw new Error(`KPI_SEED must be "data" or "synthetic", not "${seed}"`);
  // the four panels' indicators on the 102 current communes, never where a report gave a figure
  const indicators = real.indicators.filter((i) => i.family !== 'other');
  const synthetic = syntheticDataset({ register: real.units, indicators, real: real.observations });
  return {
    units: real.units,
    indicators: real.indicators,
    sources: [...real.sources, ...synthetic.sources],
    observations: [...real.observations, ...synthetic.observations],
    resolutions: syntheticResolutions({ register: real.units }),
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
): Promise<{ storage: Storage; file: string; seeded: boolean; units: { added: number; changed: number } }> {
  const file = join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    checkExistingDatabase(file);
    const storage = openSqliteStorage(file, options);
    try {
      const seeded = await storage.isEmpty();
      if (seeded) await storage.seed(seedDataset());
      // a database of an earlier version gets the register's units (none of its figures change)
      const units = seeded ? { added: 0, changed: 0 } : syncUnits(storage.db, registerUnits());
      // texts stored before their hashes were kept (the same report sent again is found by it)
      if (!seeded) await storage.hashSourceTexts();
      return { storage, file, seeded, units };
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
