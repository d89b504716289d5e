/**
 * A damaged database never takes the process down. The server runs as `npm start` does (a child
 * process), so that an abort (libsql panics on invalid UTF-8: SIGABRT) is seen as the failure it is.
 * - invalid UTF-8 in a row: that request is a 500 damaged_data; everything else answers;
 * - a file whose pages are damaged, or that is no database: refused at start, left as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, encodeCursor } from '../../src/api/contract';
import { newToken } from '../../server/auth/tokens';
import { DATABASE_FILE, openStorage } from '../../server/storage/open';
import { startChildServer, type ChildServer } from './support/child';
import { coverage } from './support/fixtures';
import { getJson, send } from './support/http';

const token = newToken();
let dataDir: string;
let file: string;
let server: ChildServer | undefined;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpi-damaged-'));
  file = join(dataDir, DATABASE_FILE);
  const { storage } = await openStorage(dataDir);
  await storage.close();
  // everything into the file itself, as after a clean stop
  const db = new Database(file);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Changes the stopped server's file directly, as a bad sector or a hand edit would. */
function damage(sql: string) {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

const start = () => startChildServer({ DATA_DIR: dataDir, KPI_TOKENS: `editor:${token}` });

async function expectDamaged(url: string) {
  const res = await getJson(url);
  expect(res.status, url).toBe(500);
  expect(ApiError.parse(res.body).error.code).toBe('damaged_data');
}

function expectAlive(s: ChildServer) {
  expect(s.child.exitCode).toBeNull();
  expect(s.child.signalCode).toBeNull();
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('invalid UTF-8 in a text column', () => {
  it('makes the requests that read it a 500 damaged_data, and the server keeps serving, also after a restart', async () => {
    damage(`
      UPDATE sources SET json = CAST(x'7b22ff' AS TEXT) WHERE id = 'my-thoi-2024-year';
      UPDATE sources SET json = CAST(replace(json, '"title":"', '"title":"' || CAST(x'c3ff' AS TEXT)) AS TEXT)
        WHERE id = 'my-quy-2024-6m';
      UPDATE observations SET json = CAST(replace(json, '"qualifier"', CAST(x'ff' AS TEXT) || '"q"') AS TEXT)
        WHERE id = 'my-thoi-2024-q4-budget-revenue';
    `);
    for (let round = 0; round < 2; round++) {
      server = await start();
      const url = server.url;
      await expectDamaged(`${url}/api/sources`);
      await expectDamaged(`${url}/api/sources/my-thoi-2024-year`);
      await expectDamaged(`${url}/api/sources/my-quy-2024-6m`);
      await expectDamaged(`${url}/api/observations?unit=my-thoi`);
      const at = encodeCursor({ period: '2024-Q4', unitId: 'my-thoi', indicatorId: 'budget_revenue', id: 'my-thoi-2024-q4-budget-revenue' });
      await expectDamaged(`${url}/api/observations?limit=1&cursor=${at}`);
      // a write that reads the damaged figure fails alike, and writes nothing
      const put = await send(`${url}/api/observations/my-thoi-2024-q4-budget-revenue`, 'PUT', { ...coverage(90), version: 1 }, token);
      expect(put.status).toBe(500);
      expect(ApiError.parse(put.body).error.code).toBe('damaged_data');
      // what is not damaged answers as before
      expect((await getJson(`${url}/api/sources/my-binh-2023-midterm`)).status).toBe(200);
      expect((await getJson(`${url}/api/observations?unit=my-binh`)).status).toBe(200);
      expect((await getJson(`${url}/api/units`)).status).toBe(200);
      expect((await getJson(`${url}/api/health`)).status).toBe(200);
      expectAlive(server);
      expect(server.output()).not.toMatch(/panicked|Utf8Error/);
      await server.stop();
      server = undefined;
    }
  }, 60_000);
});

describe('a damaged file at start', () => {
  it('is refused with a message naming the file, what is wrong and what to do; the file is left as it was', async () => {
    const db = new Database(file);
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'observations'").get() as { rootpage: number };
    const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xab, (rootpage - 1) * pageSize + 100, rootpage * pageSize - 100);
    writeFileSync(file, bytes);
    const before = { hash: sha256(file), files: readdirSync(dataDir).sort() };

    const refused = await start().then(
      () => 'started',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/server exited with 1/);
    expect(refused).toContain(file);
    expect(refused).toMatch(/damaged/);
    expect(refused).toMatch(/restore .* from a backup/);
    expect({ hash: sha256(file), files: readdirSync(dataDir).sort() }).toEqual(before);
  });

  it('a file that is no SQLite database is refused the same way', async () => {
    for (const f of readdirSync(dataDir)) rmSync(join(dataDir, f));
    writeFileSync(file, 'these are the minutes of a meeting, not a database\n'.repeat(200));
    const before = sha256(file);
    const refused = await start().then(
      () => 'started',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/server exited with 1/);
    expect(refused).toContain(`${file} is not a SQLite database`);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
