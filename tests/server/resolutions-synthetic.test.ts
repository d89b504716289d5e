/**
 * Resolutions in the seeds: none by default (no real resolution of these wards is in data/), and
 * with KPI_SEED=synthetic one SYNTHETIC term resolution per current commune, titled "giả lập",
 * each of which the write rules would accept as it is, stored by the seed and read back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { syntheticResolutions } from '../../data/synthetic';
import { NewResolution, Resolution, TARGET_TYPES } from '../../src/api/contract';
import { ruleContext } from '../../src/api/rules';
import { containersOf } from '../../src/api/units';
import { seedDataset } from '../../server/storage/open';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { resolutionProblems } from '../../server/writes/resolution-rules';

describe('resolutions in the seed of a new database', () => {
  const real = loadDataset();

  it('none with the reports alone', () => {
    expect(seedDataset(undefined).resolutions).toBeUndefined();
    expect(seedDataset('data')).toEqual(real);
  });

  it('with KPI_SEED=synthetic: one per current commune, labelled "giả lập", each one the write rules accept', () => {
    const { resolutions } = seedDataset('synthetic');
    expect(resolutions).toHaveLength(102);
    const current = new Set(real.units.filter((u) => u.validTo === null && u.kind !== 'tinh').map((u) => u.id));
    const ctx = ruleContext(real.units, real.indicators, real.sources, containersOf(real.units));
    for (const r of resolutions!) {
      expect(current.has(r.unitId)).toBe(true);
      expect(r.title).toContain('giả lập');
      expect(Resolution.safeParse(r).success).toBe(true);
      const fields: Partial<Resolution> = { ...r };
      delete fields.id;
      delete fields.version;
      const asSent = NewResolution.safeParse(fields);
      expect(asSent.error?.issues ?? []).toEqual([]);
      expect(resolutionProblems(asSent.data!, ctx)).toEqual([]);
      expect(r.targets).toHaveLength(20);
      // every note set by hand says it is synthetic too
      for (const t of r.targets) if (t.manualStatus) expect(t.manualStatus.note).toContain('giả lập');
    }
    expect(new Set(resolutions!.flatMap((r) => r.targets.map((t) => t.type)))).toEqual(new Set(TARGET_TYPES));
    // the same seed gives the same resolutions
    expect(syntheticResolutions({ register: real.units })).toEqual(resolutions);
  });

  it('are stored by the seed and listed back as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-resolutions-seed-'));
    const storage = openSqliteStorage(join(dir, 'kpi.sqlite'));
    try {
      const resolutions = syntheticResolutions({ register: real.units, units: 3 });
      await storage.seed({ ...real, resolutions });
      const units = resolutions.map((r) => r.unitId);
      expect(await storage.listResolutions({ unit: units })).toEqual([...resolutions].sort((a, b) => a.unitId.localeCompare(b.unitId)));
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
