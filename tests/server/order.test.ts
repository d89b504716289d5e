import fc from 'fast-check';
import Database from 'libsql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBSERVATIONS_PAGE_MAX, Observation, observationOrder, type ObservationQuery } from '../../src/api/contract';
import { localeKey, openSqliteStorage } from '../../server/storage/sqlite';
import type { Dataset } from '../../data';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/);
const all: ObservationQuery = { unit: [], family: [], indicator: [] };

describe('the SQL order is the contract order (observationOrder)', () => {
  it('localeKey orders ids as localeCompare does', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const select = db.prepare(`SELECT x FROM t ORDER BY ${localeKey('x')}`);
    fc.assert(
      fc.property(fc.array(id, { minLength: 2, maxLength: 30 }), (xs) => {
        db.exec('DELETE FROM t');
        for (const x of xs) insert.run(x);
        const fromSql = (select.all() as { x: string }[]).map((r) => r.x);
        const expected = [...xs].sort((a, b) => a.localeCompare(b));
        expect(fromSql).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    db.close();
  });

  it('a stored dataset with tricky ids comes back in observationOrder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-order-'));
    const storage = openSqliteStorage(join(dir, 'order.sqlite'));
    const unitIds = ['a-b', 'a_b', 'a0', 'ab', 'a', 'a9-x', 'b_1'];
    const indicatorIds = ['x_y', 'x', 'xy', 'x_1'];
    const dataset: Dataset = {
      units: unitIds.map((u, i) => ({ id: u, code: String(10000 + i), name: u, kind: 'phuong', province: 'P', validFrom: null, validTo: null })),
      indicators: indicatorIds.map((x) => ({ id: x, family: 'other', name: x, unit: 'person', aggregation: 'ytd', higherIsBetter: true })),
      sources: [{ id: 's', unitId: 'a', title: 'T', heldOn: '2024-01-01', periodLabel: 'P', reference: 'R' }],
      observations: [],
    };
    let n = 0;
    for (const u of unitIds)
      for (const x of indicatorIds)
        for (const suffix of ['', '-2', '_2']) {
          n++;
          dataset.observations.push(
            Observation.parse({ id: `o${n % 3}${suffix}-${u}-${x}`.replace(/_+$/, ''), unitId: u, indicatorId: x, period: `202${n % 3}-Q${1 + (n % 4)}`, value: n, qualifier: 'exact', sourceId: 's', version: 1 }),
          );
        }
    await storage.seed(dataset);
    const page = await storage.observationsPage(all, { limit: OBSERVATIONS_PAGE_MAX });
    expect(page.nextFrom).toBeUndefined();
    const got = (JSON.parse(page.json) as Observation[]).map((o) => o.id);
    expect(got).toEqual([...dataset.observations].sort(observationOrder).map((o) => o.id));
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
