/** Opens the configured storage: SQLite in DATA_DIR, seeded from data/ on first start. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../data';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './types';

export const DATABASE_FILE = 'kpi.sqlite';

export async function openStorage(dataDir: string): Promise<{ storage: Storage; file: string; seeded: boolean }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const storage = openSqliteStorage(file);
  const seeded = await storage.isEmpty();
  if (seeded) await storage.seed(loadDataset());
  return { storage, file, seeded };
}
