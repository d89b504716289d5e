/**
 * KPI_SEED: the reports' figures alone unless it says "synthetic"; then synthetic figures are
 * added on the register's current communes, labelled "giả lập", never replacing a real figure.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { seedDataset } from '../../server/storage/open';

describe('the seed of a new database', () => {
  const real = loadDataset();

  it('is the reports and the register alone by default, and with KPI_SEED=data', () => {
    expect(seedDataset(undefined)).toEqual(real);
    expect(seedDataset('data')).toEqual(real);
    expect(() => seedDataset('random')).toThrow(/KPI_SEED must be "data" or "synthetic"/);
  });

  it('with KPI_SEED=synthetic adds labelled figures on the current communes and keeps every real one as it is', () => {
    const seeded = seedDataset('synthetic');
    expect(seeded.units).toEqual(real.units);
    const added = seeded.observations.filter((o) => !real.observations.some((r) => r.id === o.id));
    expect(seeded.observations.slice(0, real.observations.length)).toEqual(real.observations);
    expect(added.length).toBeGreaterThan(10_000);
    const sourceOf = new Map(seeded.sources.map((s) => [s.id, s]));
    expect(added.every((o) => sourceOf.get(o.sourceId)?.title.includes('giả lập') && o.note === 'Dữ liệu giả lập')).toBe(true);
    const current = new Set(real.units.filter((u) => u.validTo === null && u.kind !== 'tinh').map((u) => u.id));
    expect(current.size).toBe(102);
    expect(added.every((o) => current.has(o.unitId))).toBe(true);
    const key = (o: { unitId: string; indicatorId: string; period: string }) => `${o.unitId} ${o.indicatorId} ${o.period}`;
    const realKeys = new Set(real.observations.map(key));
    expect(added.filter((o) => realKeys.has(key(o)))).toEqual([]);
  });
});
