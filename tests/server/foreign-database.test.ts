/**
 * A SQLite file at $DATA_DIR/kpi.sqlite that is not this server's is refused at start and left
 * as it was (before, it was migrated and seeded beside its own tables). Ours are known by their
 * application_id, older ones of ours by their schema_migrations.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../server/storage/migrations';
import { DATABASE_FILE, openStorage } from '../../server/storage/open';
import { migrate } from '../../server/storage/sqlite-db';
import { startChildServer } from './support/child';

let dataDir: string;
let file: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpi-foreign-'));
  file = join(dataDir, DATABASE_FILE);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Makes the file with a connection of its own, as another program would. */
function make(sql: string) {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** The file's bytes and the folder's names, to show that nothing was touched. */
const state = () => ({
  hash: createHash('sha256').update(readFileSync(file)).digest('hex'),
  files: readdirSync(dataDir).sort(),
});

async function refusal(): Promise<string> {
  return openStorage(dataDir).then(
    async ({ storage }) => {
      await storage.close();
      return 'opened';
    },
    (err: Error) => err.message,
  );
}

describe('a database that is not ours', () => {
  it('with tables but no schema_migrations: the server does not start, says why, and leaves the file alone', async () => {
    make("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);");
    const before = state();
    const message = await startChildServer({ DATA_DIR: dataDir }).then(
      async (s) => {
        await s.stop();
        return 'started';
      },
      (err: Error) => err.message,
    );
    expect(message).toMatch(/server exited with 1/);
    expect(message).toContain(`${file} is not a database of this server`);
    expect(message).toContain('invoices');
    expect(message).toMatch(/DATA_DIR/);
    expect(state()).toEqual(before);
  });

  it("with another program's application_id", async () => {
    make('PRAGMA application_id = 1234; CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT);');
    const before = state();
    expect(await refusal()).toMatch(/application_id is 1234/);
    expect(state()).toEqual(before);
  });

  it('with a schema_migrations of its own', async () => {
    make(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 'create users', '2024-01-01');`);
    const before = state();
    expect(await refusal()).toMatch(/schema_migrations has 1 "create users", where this server's is "core tables"/);
    expect(state()).toEqual(before);
  });

  it('made by a newer version of this server: refused, it says so', async () => {
    const db = new Database(file);
    migrate(db, [...MIGRATIONS, { version: 99, name: 'from the future', sql: 'CREATE TABLE later (x)' }]);
    db.close();
    const before = state();
    expect(await refusal()).toMatch(/newer version of this server \(migration 99 "from the future"/);
    expect(state()).toEqual(before);
  });
});

describe('a database of ours', () => {
  it('from before application_id is recognised by its migrations, brought up to date and marked', async () => {
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
    db.exec(`INSERT INTO units (id, json) VALUES ('my-thoi', '{}')`);
    expect((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id).toBe(0);
    db.close();
    const { storage, seeded } = await openStorage(dataDir);
    await storage.close();
    expect(seeded).toBe(false);
    const after = new Database(file);
    expect((after.prepare('PRAGMA application_id').get() as { application_id: number }).application_id).toBe(APPLICATION_ID);
    const versions = (after.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version);
    after.close();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a new one has our application_id, and opens again', async () => {
    await (await openStorage(dataDir)).storage.close();
    const { storage, seeded } = await openStorage(dataDir);
    expect(seeded).toBe(false);
    await storage.close();
    const db = new Database(file);
    expect((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id).toBe(APPLICATION_ID);
    db.close();
  });
});
