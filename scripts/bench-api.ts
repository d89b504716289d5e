/**
 * npm run bench:api — load test of GET /api/observations on a province-sized SYNTHETIC dataset
 * (the register's 102 current communes, 2019-2026 within each one's life, 12 indicators,
 * data/synthetic.ts), served by the real
 * server in a child process on 127.0.0.1. Prints req/s and p50/p99 latency, each the median
 * of several autocannon runs, with the read cache on (the default) and off.
 * Not a test: it asserts nothing, it measures. Bounded: about 2 minutes.
 * Its companion `npm run bench:soak` (scripts/soak.ts) runs mixed and hostile traffic with
 * writes for 60 s and reports errors by kind and the server's peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../data';
import { syntheticDataset, syntheticUnits } from '../data/synthetic';
import { openSqliteStorage } from '../server/storage/sqlite';
import { DATABASE_FILE } from '../server/storage/open';
import { startServer } from './soak-server';

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
}
interface Options {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  headers?: Record<string, string>;
}
type Autocannon = (opts: Options) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** The communes that report every quarter of the 8 years (they kept their code and name in 2025). */
const steady = syntheticUnits(loadDataset().units).filter((u) => u.validFrom === null).map((u) => u.id);
const QUERIES = [
  ['one unit, all periods', `/api/observations?unit=${steady[20]!}`],
  // 2025-Q4: a quarter in which all 102 current communes have figures
  ['all units, one period', '/api/observations?from=2025-Q4&to=2025-Q4'],
  ['budget of 3 units, 2 years', `/api/observations?family=budget&${steady.slice(0, 3).map((u) => `unit=${u}`).join('&')}&from=2023-Q1&to=2024-Q4`],
] as const;

/** How the server runs and what the client accepts. */
const MODES = [
  { name: 'cache, gzip', readCache: true, headers: { 'accept-encoding': 'gzip' } },
  { name: 'cache, plain', readCache: true, headers: {} },
  { name: 'no cache, plain', readCache: false, headers: {} },
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
  try {
    const real = loadDataset();
    const dataset = syntheticDataset({ register: real.units, indicators: real.indicators.slice(0, 12) });
    const storage = openSqliteStorage(join(dataDir, DATABASE_FILE));
    const t0 = performance.now();
    await storage.seed(dataset);
    await storage.close();
    console.log(
      `SYNTHETIC dataset: ${syntheticUnits(dataset.units).length} current communes (of ${dataset.units.length} units), ${dataset.observations.length} observations ` +
        `(seeded in ${Math.round(performance.now() - t0)} ms); ${RUNS} runs × ${SECONDS} s, ${CONNECTIONS} connections, 127.0.0.1\n`,
    );
    const rows: string[][] = [];
    for (const mode of MODES) {
      const server = await startServer(dataDir, { KPI_READ_CACHE: mode.readCache ? '1' : '0' });
      const { url } = server;
      try {
        for (const [name, path] of QUERIES) {
          const size = (await (await fetch(url + path)).text()).length;
          const options = { url: url + path, connections: CONNECTIONS, pipelining: 1, headers: { ...mode.headers } };
          await autocannon({ ...options, duration: 1 }); // warm-up
          const runs: Result[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await autocannon({ ...options, duration: SECONDS }));
          const failed = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
          rows.push([
            name,
            mode.name,
            `${Math.round(size / 1024)} kB`,
            String(Math.round(median(runs.map((r) => r.requests.average)))),
            String(median(runs.map((r) => r.latency.p50))),
            String(median(runs.map((r) => r.latency.p99))),
            String(failed),
          ]);
        }
      } finally {
        await server.stop();
      }
    }
    const header = ['query', 'mode', 'body', 'req/s', 'p50 ms', 'p99 ms', 'errors'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(header));
    for (const r of rows) console.log(line(r));
    console.log('\nTarget: p99 under 50 ms and over 2,000 req/s (medians of the runs above).');
    console.log(`Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
