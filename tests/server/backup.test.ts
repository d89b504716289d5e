/**
 * npm run backup -- FILE copies the RUNNING database consistently: taken while an editor writes,
 * the copy holds every batch acknowledged before it began and each batch whole or not at all;
 * restored into a fresh DATA_DIR (server/README.md, "Backups"), a server finds every figure.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewObservation } from '../../src/api/contract';
import { newToken } from '../../server/auth/tokens';
import { DATABASE_FILE } from '../../server/storage/open';
import { startChildServer } from './support/child';
import { budget } from './support/fixtures';
import { send } from './support/http';
import { allObservations } from './support/pages';

const ROOT = join(import.meta.dirname, '../..');
const token = newToken();
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kpi-backup-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run backup -- FILE` as a person would (the script itself, with DATA_DIR). */
function backup(dataDir: string, file: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

const batch = (k: number): NewObservation[] =>
  Array.from({ length: 200 }, (_, i) =>
    budget(1e9 + i, { id: `b${k}-${i}`, period: '2024-Q4', sourceId: 'my-thoi-2024-year', note: `lô ${k}` }),
  );

/** Starts a server on a copy of FILE in a fresh DATA_DIR, as the README says to restore. */
async function restored(file: string, name: string) {
  const dataDir = join(work, name);
  mkdirSync(dataDir);
  copyFileSync(file, join(dataDir, DATABASE_FILE));
  return startChildServer({ DATA_DIR: dataDir });
}

describe('npm run backup', () => {
  it('copies the running database while it is written; the restored copy has every figure', async () => {
    const live = join(work, 'live');
    const server = await startChildServer({ DATA_DIR: live, KPI_TOKENS: `editor:${token}` });
    try {
      const acknowledged: number[] = [];
      let writing = true;
      const writer = (async () => {
        for (let k = 0; writing && k < 200; k++) {
          const res = await send(`${server.url}/api/observations`, 'POST', batch(k), token);
          expect(res.status).toBe(201);
          acknowledged.push(k);
        }
      })();
      while (acknowledged.length < 3) await new Promise((r) => setTimeout(r, 20));
      const before = [...acknowledged];
      const during = join(work, 'during.sqlite');
      const made = await backup(live, during);
      writing = false;
      await writer;
      expect(made.code, made.out).toBe(0);
      expect(made.out).toMatch(/\[backup\] .*during\.sqlite: \d+ figures, \d+ sources/);

      const fromBackup = await restored(during, 'restored-during');
      const rows = await allObservations(fromBackup.url);
      await fromBackup.stop();
      const ids = new Set(rows.map((o) => o.id));
      expect(ids.has('my-thoi-2024-q4-budget-revenue')).toBe(true);
      for (const k of before) expect(ids.has(`b${k}-0`) && ids.has(`b${k}-199`), `batch ${k}`).toBe(true);
      for (const k of acknowledged) {
        const stored = batch(k).filter((o) => ids.has(o.id!)).length;
        expect([0, 200], `batch ${k}`).toContain(stored);
      }

      // after the writes: the restored copy answers exactly as the live server does
      const after = join(work, 'after.sqlite');
      expect((await backup(live, after)).code).toBe(0);
      const liveRows = await allObservations(server.url);
      const copy = await restored(after, 'restored-after');
      const copyRows = await allObservations(copy.url);
      const [liveSources, copySources] = await Promise.all(
        [server.url, copy.url].map(async (u) => (await fetch(`${u}/api/sources`)).json()),
      );
      await copy.stop();
      expect(copyRows).toEqual(liveRows);
      expect(copySources).toEqual(liveSources);
      expect(liveRows.length).toBeGreaterThan(acknowledged.length * 200);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('never overwrites a file, and says so', async () => {
    const live = join(work, 'live');
    const taken = join(work, 'taken.sqlite');
    writeFileSync(taken, 'a file the operator keeps');
    const res = await backup(live, taken);
    expect(res.code).toBe(1);
    expect(res.out).toContain(`${taken} already exists: a backup never overwrites a file`);
    expect(readFileSync(taken, 'utf8')).toBe('a file the operator keeps');
  });

  it('says what is wrong when there is no database or no FILE', async () => {
    const none = await backup(join(work, 'nowhere'), join(work, 'x.sqlite'));
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/there is no database at .*nowhere/);
    const usage = await backup(join(work, 'live'), '');
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/usage: npm run backup -- FILE/);
  });
});
