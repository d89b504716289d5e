/**
 * A full disk is said to be one: writes are a 507 disk_full (never "cannot rollback - no
 * transaction is active"), reads keep working, and a start that cannot write says the disk is
 * full. SQLite's max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type NewObservation } from '../../src/api/contract';
import { openStorage } from '../../server/storage/open';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { openDatabase } from '../../server/storage/sqlite-db';
import { budget, snapshot } from './support/fixtures';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const batch = (tag: string): NewObservation[] =>
  Array.from({ length: 2000 }, (_, i) =>
    budget(1e9 + i, { id: `${tag}-${i}`, period: '2024-Q4', sourceId: 'my-thoi-2024-year', note: 'ghi chú '.repeat(30) }),
  );

describe('a full disk while the server runs', () => {
  let s: TestServer;
  let db: SqliteStorage['db'];
  beforeAll(async () => {
    s = await startTestServer();
    db = (s.storage as SqliteStorage).db;
  });
  afterAll(() => s.close());

  const full = () => {
    const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    db.exec(`PRAGMA max_page_count = ${pages}`);
  };

  it('answers a write 507 disk_full, writes none of it, and reads keep working', async () => {
    const before = await snapshot(s.url);
    full();
    const res = await send(`${s.url}/api/observations`, 'POST', batch('full'), s.editorToken);
    expect(res.status).toBe(507);
    const error = ApiError.parse(res.body).error;
    expect(error.code).toBe('disk_full');
    expect(error.message).toMatch(/disk is full/);
    expect(JSON.stringify(res.body)).not.toMatch(/rollback|no transaction/i);
    expect(await snapshot(s.url)).toBe(before);
    for (const path of ['/api/units', '/api/sources', '/api/observations?unit=my-thoi', '/api/health']) {
      expect((await getJson(s.url + path)).status, path).toBe(200);
    }
    // once there is room again, the same write goes through
    db.exec('PRAGMA max_page_count = 1000000');
    expect((await send(`${s.url}/api/observations`, 'POST', batch('full'), s.editorToken)).status).toBe(201);
  });

  it('a new source on a full disk is a 507 too', async () => {
    full();
    const source = { unitId: 'my-thoi', title: 'Báo cáo', heldOn: '2025-01-05', periodLabel: 'Cả năm 2024', reference: 'BC', text: 'x'.repeat(150_000) };
    const res = await send(`${s.url}/api/sources`, 'POST', source, s.editorToken);
    expect(res.status).toBe(507);
    expect(ApiError.parse(res.body).error.code).toBe('disk_full');
    db.exec('PRAGMA max_page_count = 1000000');
  });
});

describe('a full disk at start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-full-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['before the tables are made', false],
    ['while the reports are loaded', true],
  ])('%s: says the disk is full and what to do; a later start with room seeds it whole', async (_when, schemaFirst) => {
    let maxPageCount = 1;
    if (schemaFirst) {
      // the tables exist (an earlier start stopped there): room for them and one page more
      const db = openDatabase(join(dir, 'kpi.sqlite'));
      maxPageCount = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count + 1;
      db.close();
    }
    const refused = await openStorage(dir, { maxPageCount }).then(
      () => 'opened',
      (err: Error) => err.message,
    );
    expect(refused).toContain(join(dir, 'kpi.sqlite'));
    expect(refused).toMatch(/disk holding .* is full/);
    expect(refused).toMatch(/Free some space/);
    expect(refused).not.toMatch(/rollback|no transaction/i);

    const { storage, seeded } = await openStorage(dir);
    expect(seeded).toBe(true);
    expect((await storage.listSources()).length).toBeGreaterThan(0);
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  });
});
