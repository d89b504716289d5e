/**
 * The data survives a restart and a crash: the real entry point runs as a child process,
 * and a SIGKILL in the middle of a large batch leaves either the whole batch or none of it.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewObservation } from '../../src/api/contract';
import { newToken } from '../../server/auth/tokens';
import { DATABASE_FILE } from '../../server/storage/open';
import { startChildServer } from './support/child';
import { budget } from './support/fixtures';
import { send } from './support/http';
import { allObservations } from './support/pages';

const token = newToken();
let dataDir: string;
const env = () => ({ DATA_DIR: dataDir, KPI_TOKENS: `editor:${token}`, KPI_BODY_LIMIT: String(32 * 1024 * 1024) });

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpi-durability-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function ids(url: string): Promise<string[]> {
  return (await allObservations(url)).map((o) => o.id);
}

function batch(tag: string, size: number): NewObservation[] {
  return Array.from({ length: size }, (_, i) =>
    budget(1e9 + i, { id: `${tag}-${i}`, period: '2024-Q4', sourceId: 'my-thoi-2024-year', note: `lô ${tag} `.repeat(40) }),
  );
}

/** Opens the file directly (server stopped): SQLite's own check of every page and index. */
function integrity(): string {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    db.close();
  }
}

describe('durability', () => {
  it('creates and seeds the database on first start, and keeps writes across a restart', async () => {
    const first = await startChildServer(env());
    expect(first.output()).toContain('seeded from data/');
    expect(first.output()).not.toContain(token);
    const seeded = await ids(first.url);
    expect(seeded).toContain('my-thoi-2024-q4-budget-revenue');
    const res = await send(`${first.url}/api/observations`, 'POST', batch('restart', 3), token);
    expect(res.status).toBe(201);
    await first.stop('SIGTERM');

    const second = await startChildServer(env());
    expect(second.output()).not.toContain('seeded');
    const after = await ids(second.url);
    expect(after).toEqual(expect.arrayContaining(['restart-0', 'restart-1', 'restart-2', ...seeded]));
    expect(after).toHaveLength(seeded.length + 3);
    // a crash right after a write keeps it too (synchronous = FULL, WAL)
    expect((await send(`${second.url}/api/observations`, 'POST', batch('crash-after', 2), token)).status).toBe(201);
    await second.stop('SIGKILL');

    const third = await startChildServer(env());
    expect(await ids(third.url)).toEqual(expect.arrayContaining(['crash-after-0', 'crash-after-1']));
    await third.stop();
    expect(integrity()).toBe('ok');
  });

  it('a SIGKILL during a large batch leaves all of it or none of it', async () => {
    const SIZE = 5000;
    const outcomes: string[] = [];
    // Kill at several moments: while the body arrives, when the database file starts to
    // change (inside the transaction), and a little later.
    const moments = ['sent', 'wal', 'wal+5ms', 'wal+20ms', 'answered'] as const;
    for (const [k, moment] of moments.entries()) {
      const server = await startChildServer(env());
      const before = await ids(server.url);
      const wal = join(dataDir, `${DATABASE_FILE}-wal`);
      // size and time of the last change: after a checkpoint the WAL is rewritten from its start
      const walStamp = () => (existsSync(wal) ? `${statSync(wal).size}:${statSync(wal).mtimeMs}` : 'none');
      const start = walStamp();
      const tag = `kill-${k}`;
      const request = send(`${server.url}/api/observations`, 'POST', batch(tag, SIZE), token).catch(() => undefined);
      if (moment === 'answered') await request;
      else if (moment !== 'sent') {
        const deadline = Date.now() + 10_000;
        while (walStamp() === start && Date.now() < deadline) await new Promise((r) => setImmediate(r));
        expect(walStamp(), 'the batch began to write').not.toBe(start);
        if (moment === 'wal+5ms') await new Promise((r) => setTimeout(r, 5));
        if (moment === 'wal+20ms') await new Promise((r) => setTimeout(r, 20));
      }
      await server.stop('SIGKILL');
      await request;

      expect(integrity()).toBe('ok');
      const restarted = await startChildServer(env());
      const after = await ids(restarted.url);
      await restarted.stop();
      const stored = after.filter((id) => id.startsWith(`${tag}-`)).length;
      expect([0, SIZE], `${moment}: ${stored} of ${SIZE} stored`).toContain(stored);
      expect(after.length - before.length).toBe(stored);
      outcomes.push(`${moment}: ${stored === 0 ? 'none' : 'all'}`);
    }
    expect(outcomes.at(-1)).toBe('answered: all');
    console.log(`[durability] kill outcomes: ${outcomes.join('; ')}`);
  }, 120_000);
});
