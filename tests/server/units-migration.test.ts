/**
 * A database made before the register (by the code of commit ff8ef64: migrations 1 to 7 and its
 * six units, support/units-ff8ef64.json) is brought to the register when the server starts, and
 * every figure, source and history row stays as it was, on its unit. A unit the register does
 * not know (here one of the old synthetic wards, with a figure) is kept, after the register's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, registerUnits } from '../../data';
import { ObservationsResponse, UnitsResponse, summarizeSource, type Observation } from '../../src/api/contract';
import { MIGRATIONS } from '../../server/storage/migrations';
import { DATABASE_FILE, openStorage } from '../../server/storage/open';
import { migrate } from '../../server/storage/sqlite-db';
import { startChildServer } from './support/child';
import { getJson } from './support/http';

const oldUnits = JSON.parse(readFileSync(join(import.meta.dirname, 'support/units-ff8ef64.json'), 'utf8')) as { id: string }[];
const data = loadDataset();
/** A ward of an old KPI_SEED=synthetic database: not in the register, yet a figure names it. */
const oldSynthetic = {
  id: 'synthetic-001',
  code: '90000',
  name: 'Phường thử nghiệm 1 (dữ liệu giả lập)',
  kind: 'xa',
  province: 'Dữ liệu giả lập',
  validFrom: null,
  validTo: null,
};
const syntheticSource = { id: 'synthetic-001-2024-q4', unitId: 'synthetic-001', title: 'Báo cáo giả lập 2024-Q4', heldOn: '2024-12-28', periodLabel: '2024-Q4', reference: 'Dữ liệu giả lập' };
const syntheticFigure: Observation = {
  id: 'synthetic-001-2024-q4-budget-revenue',
  unitId: 'synthetic-001',
  indicatorId: 'budget_revenue',
  period: '2024-Q4',
  value: 5e9,
  qualifier: 'exact',
  sourceId: syntheticSource.id,
  note: 'Dữ liệu giả lập',
  version: 1,
};

let dataDir: string;
let file: string;

interface Rows {
  observations: unknown[];
  sources: unknown[];
  history: unknown[];
  units: { id: string; json: string }[];
  revision: number;
}

function rows(): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      observations: all('SELECT id, unit_id, indicator_id, period, source_id, version, json FROM observations ORDER BY id'),
      sources: all('SELECT seq, id, unit_id, json, text, added_by FROM sources ORDER BY seq'),
      history: all('SELECT * FROM observation_history ORDER BY seq'),
      units: all('SELECT id, json FROM units ORDER BY seq') as { id: string; json: string }[],
      revision: Number((db.prepare("SELECT value FROM meta WHERE key = 'revision'").get() as { value: string }).value),
    };
  } finally {
    db.close();
  }
}

let before: Rows;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpi-units-migration-'));
  file = join(dataDir, DATABASE_FILE);
  // the previous code's schema, and its seed: its six units, the reports' figures
  const db = new Database(file);
  migrate(db, MIGRATIONS.filter((m) => m.version <= 7));
  const insert = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values);
  for (const u of [...oldUnits, oldSynthetic]) insert('INSERT INTO units (id, json) VALUES (?, ?)', u.id, JSON.stringify(u));
  for (const i of data.indicators) insert('INSERT INTO indicators (id, family, json) VALUES (?, ?, ?)', i.id, i.family, JSON.stringify(i));
  for (const s of [...data.sources, syntheticSource]) {
    insert('INSERT INTO sources (id, unit_id, json, text) VALUES (?, ?, ?, ?)', s.id, s.unitId, JSON.stringify(summarizeSource(s)), null);
  }
  for (const o of [...data.observations, syntheticFigure]) {
    insert(
      'INSERT INTO observations (id, unit_id, indicator_id, period, source_id, version, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      o.id, o.unitId, o.indicatorId, o.period, o.sourceId, o.version, JSON.stringify(o),
    );
  }
  // an editor's correction, as the history keeps it
  insert(
    "INSERT INTO observation_history (observation_id, version, op, json, changed_at, actor) VALUES (?, 1, 'create', ?, '2025-01-05T08:00:00Z', 'ab12cd34')",
    syntheticFigure.id, JSON.stringify(syntheticFigure),
  );
  insert("UPDATE meta SET value = '41' WHERE key = 'revision'");
  db.close();
  before = rows();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a database from before the register', () => {
  it('is given the register at start; every figure, source and history row stays, on its unit', async () => {
    const server = await startChildServer({ DATA_DIR: dataDir });
    try {
      const units = UnitsResponse.parse((await getJson(`${server.url}/api/units`)).body).units;
      expect(units).toEqual([...registerUnits(), oldSynthetic]);
      const figures = ObservationsResponse.parse((await getJson(`${server.url}/api/observations`)).body);
      expect(figures.next).toBeUndefined();
      expect(new Map(figures.observations.map((o) => [o.id, o]))).toEqual(
        new Map([...data.observations, syntheticFigure].map((o) => [o.id, o])),
      );
      // the figures of the six old wards read through the register's ids, as before
      for (const id of oldUnits.map((u) => u.id)) {
        const mine = ObservationsResponse.parse((await getJson(`${server.url}/api/observations?unit=${id}`)).body).observations;
        const seeded = data.observations.filter((o) => o.unitId === id);
        expect(new Map(mine.map((o) => [o.id, o])), id).toEqual(new Map(seeded.map((o) => [o.id, o])));
      }
    } finally {
      await server.stop();
    }
    const after = rows();
    expect(after.observations).toEqual(before.observations);
    expect(after.sources).toEqual(before.sources);
    expect(after.history).toEqual(before.history);
    expect(after.units.map((u) => u.id)).toEqual([...registerUnits().map((u) => u.id), 'synthetic-001']);
    expect(after.units.at(-1)!.json).toBe(JSON.stringify(oldSynthetic));
    // the units changed, so cached answers and ETags of before do not stand
    expect(after.revision).toBe(before.revision + 1);
  }, 60_000);

  it('a later start finds the register in place and writes nothing', async () => {
    const done = rows();
    const { storage, seeded, units } = await openStorage(dataDir);
    await storage.close();
    expect({ seeded, units }).toEqual({ seeded: false, units: { added: 0, changed: 0 } });
    expect(rows()).toEqual(done);
  });

  it('a unit the register tells differently is brought to the register, in its place', async () => {
    const db = new Database(file);
    db.prepare("UPDATE units SET json = ? WHERE id = 'my-thoi'").run(JSON.stringify(oldUnits[0]));
    db.prepare("UPDATE units SET seq = 9999 WHERE id = 'an-giang'").run();
    db.close();
    const { storage, units } = await openStorage(dataDir);
    try {
      expect(units).toEqual({ added: 0, changed: 1 });
      expect(await storage.listUnits()).toEqual([...registerUnits(), oldSynthetic]);
    } finally {
      await storage.close();
    }
  });
});
