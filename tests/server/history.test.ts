/** Each change in observation_history names who made it (a token's short id); so does a new source. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { budget, fieldsOf } from './support/fixtures';
import { startTestServer, type TestServer } from './support/in-process';

let s: TestServer;
let db: SqliteStorage['db'];
beforeAll(async () => {
  s = await startTestServer();
  db = (s.storage as SqliteStorage).db;
});
afterAll(() => s.close());

const history = (id: string) =>
  db.prepare('SELECT op, version, actor FROM observation_history WHERE observation_id = ? ORDER BY seq').all(id) as {
    op: string;
    version: number;
    actor: string | null;
  }[];

describe('who changed a figure', () => {
  it('is kept with every change: create, update, delete', async () => {
    const added = await s.storage.addObservations([budget(5e9, { id: 'who-1', sourceId: 'my-thoi-2024-year' })], { id: 'a1b2c3d4' });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const o = added.value[0]!;
    expect((await s.storage.updateObservation(o.id, { ...fieldsOf(o), value: 6e9, version: 1 }, { id: 'e5f60718' })).ok).toBe(true);
    expect((await s.storage.deleteObservation(o.id, 2, { id: 'a1b2c3d4' })).ok).toBe(true);
    expect(history(o.id).map((r) => ({ op: r.op, version: r.version, actor: r.actor }))).toEqual([
      { op: 'create', version: 1, actor: 'a1b2c3d4' },
      { op: 'update', version: 2, actor: 'e5f60718' },
      { op: 'delete', version: 3, actor: 'a1b2c3d4' },
    ]);
  });

  it('is empty when the caller does not say (writes made before, seeds)', async () => {
    const added = await s.storage.addObservations([budget(1e9, { id: 'who-2', sourceId: 'my-thoi-2024-year' })]);
    expect(added.ok).toBe(true);
    expect(history('who-2')).toEqual([{ op: 'create', version: 1, actor: null }]);
  });

  it('is kept with a new source as added_by', async () => {
    const added = await s.storage.addSource(
      { unitId: 'my-thoi', title: 'Báo cáo quý', heldOn: '2025-04-02', periodLabel: 'Quý I 2025', reference: 'BC 12' },
      { id: 'a1b2c3d4' },
    );
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(db.prepare('SELECT added_by FROM sources WHERE id = ?').get(added.value.id)).toMatchObject({ added_by: 'a1b2c3d4' });
  });

  it('is never a token: anything longer than a short id is refused and nothing is written', async () => {
    const token = 'k'.repeat(43);
    await expect(s.storage.addObservations([budget(2e9, { id: 'who-3', sourceId: 'my-thoi-2024-year' })], { id: token })).rejects.toThrow(
      /short token id/,
    );
    expect(history('who-3')).toEqual([]);
    expect(JSON.stringify(db.prepare('SELECT * FROM observation_history').all())).not.toContain(token);
  });
});
