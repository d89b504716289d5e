/**
 * Memory stays bounded under any sequence of valid reads, without a token: the server runs
 * as `npm start` does, over the SYNTHETIC province (KPI_SEED=synthetic's dataset: the register's 102 current communes),
 * and one client asks for periods out of range (400s), then for many distinct large answers.
 * Before the answers were paged and the cache bounded by bytes, each kept answer was up to
 * 10 MB and the cache kept 500 of them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../data';
import { seededRandom, syntheticUnits } from '../../data/synthetic';
import { OBSERVATIONS_PAGE_MAX, ObservationsResponse } from '../../src/api/contract';
import { DATABASE_FILE, seedDataset } from '../../server/storage/open';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { startChildServer, type ChildServer } from './support/child';

/** The communes with synthetic figures. */
const UNITS = syntheticUnits(loadDataset().units).map((u) => u.id);
const LIMIT_MB = 300;
const QUERIES = 120;

/** The resident set of a process, now and at its peak, in MB (Linux /proc). */
function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Query i: a random subset of about 60 of the communes with synthetic figures (each answer a full page). */
function unitSubset(i: number): string {
  const rand = seededRandom(1000 + i);
  return UNITS.filter(() => rand() < 0.6).map((id) => `unit=${id}`).join('&');
}

let dataDir: string;
let server: ChildServer;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpi-memory-'));
  // the dataset of KPI_SEED=synthetic, loaded here so that the server's peak is its serving's
  const storage = openSqliteStorage(join(dataDir, DATABASE_FILE));
  await storage.seed(seedDataset('synthetic'));
  await storage.close();
  server = await startChildServer({ DATA_DIR: dataDir });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('memory under hostile reads', () => {
  it('periods out of range are 400s; distinct large answers leave the server under 300 MB', async () => {
    const atStart = rssMb(server.child.pid!).now;
    for (let year = 1000; year < 1040; year++) {
      const res = await fetch(`${server.url}/api/observations?from=${year}-Q1`);
      expect(res.status).toBe(400);
      await res.arrayBuffer();
    }
    const seen = new Set<string>();
    let rows = 0;
    const client = async (k: number) => {
      for (let i = k; i < QUERIES; i += 4) {
        const query = unitSubset(i);
        seen.add(query);
        const res = await fetch(`${server.url}/api/observations?${query}`, {
          headers: { 'accept-encoding': i % 2 ? 'gzip' : 'identity' },
        });
        expect(res.status).toBe(200);
        const page = ObservationsResponse.parse(await res.json());
        expect(page.observations).toHaveLength(OBSERVATIONS_PAGE_MAX);
        expect(page.next).toBeDefined();
        rows += page.observations.length;
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));
    expect(seen.size).toBe(QUERIES);
    const rss = rssMb(server.child.pid!);
    console.log(
      `[memory] ${seen.size} distinct queries, ${rows} rows sent; server RSS at start ${atStart.toFixed(0)} MB, ` +
        `now ${rss.now.toFixed(0)} MB, peak ${rss.peak.toFixed(0)} MB`,
    );
    expect(rss.peak).toBeLessThan(LIMIT_MB);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
