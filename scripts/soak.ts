/**
 * npm run bench:soak — the server under mixed traffic for SOAK_SECONDS (default 60) against the
 * SYNTHETIC province (the dataset of KPI_SEED=synthetic: the reports plus synthetic figures on the
 * register's 102 current communes), served by the real server in a child process on 127.0.0.1 only.
 *
 * SOAK_CONNECTIONS (default 8) clients loop over a weighted mix: reads the app makes (cached),
 * a stream of distinct hostile queries (distinct unit subsets, out-of-range periods, long and
 * too many names, bad cursors, unknown sources), paging through `next`, and an editor's writes
 * (add, correct, delete, and refused ones). It prints requests and answers by kind, the errors
 * by kind (a 400 for a bad query is expected; a 5xx, a status the kind does not expect, or a
 * socket error is not), and the server's peak RSS (VmHWM). Exit 1 if anything was unexpected
 * or the peak reached 300 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../data';
import { seededRandom, syntheticPeriods, syntheticSourceId, syntheticUnits } from '../data/synthetic';
import { ObservationsResponse, encodeCursor, type Observation } from '../src/api/contract';
import { newToken } from '../server/auth/tokens';
import { DATABASE_FILE, seedDataset } from '../server/storage/open';
import { openSqliteStorage } from '../server/storage/sqlite';
import { memoryMb, startServer } from './soak-server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8);
const PEAK_LIMIT_MB = 300;
const TIMEOUT_MS = 15_000;
/** The communes with synthetic figures, and the periods each has a synthetic report for. */
const COMMUNES = syntheticUnits(loadDataset().units).map((u) => ({ id: u.id, periods: syntheticPeriods(u) }));
const UNITS = COMMUNES.map((u) => u.id);
const FAMILIES = ['budget', 'poverty', 'health_insurance', 'resolution_targets'];

interface Request {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  token?: boolean;
}
interface Kind {
  name: string;
  weight: number;
  /** Statuses that are a right answer to this request. */
  expected: number[];
  make(): Request;
  /** What a right answer teaches the clients (pages to follow, figures to correct). */
  learn?(status: number, body: unknown, request: Request): void;
}

const rand = seededRandom(20261201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
let serial = 0;

/** What the clients learnt from answers: `next` links, and figures they made. */
const nexts: string[] = [];
const mine = new Map<string, Observation>();

const query = (params: [string, string][]) => params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

function newFigures(n: number) {
  return Array.from({ length: n }, () => {
    const unit = pick(COMMUNES);
    const period = pick(unit.periods);
    return {
      unitId: unit.id,
      indicatorId: 'budget_revenue',
      period,
      value: int(1, 40) * 1e9,
      qualifier: 'about',
      status: 'estimated',
      sourceId: syntheticSourceId(unit.id, period),
      note: `soak ${++serial}`,
    };
  });
}

const kinds: Kind[] = [
  {
    name: 'panel reads (cached)',
    weight: 14,
    expected: [200],
    make: () => ({ path: `/api/observations?${query([...UNITS.map((u): [string, string] => ['unit', u]), ['family', pick(FAMILIES)], ['from', '2024-Q1'], ['to', '2024-Q4']])}` }),
  },
  {
    name: 'distinct unit subsets',
    weight: 14,
    expected: [200],
    make: () => {
      const units = UNITS.filter(() => rand() < 0.3 + rand() * 0.6);
      const from = int(2019, 2026);
      return { path: `/api/observations?${query([...units.map((u): [string, string] => ['unit', u]), ['from', `${from}-Q1`], ['to', `${int(from, 2026)}-Q4`]])}` };
    },
    learn: (status, body) => {
      const next = status === 200 ? ObservationsResponse.safeParse(body).data?.next : undefined;
      if (next && nexts.length < 200) nexts.push(next);
    },
  },
  {
    name: 'paging through next',
    weight: 8,
    expected: [200],
    make: () => ({ path: nexts.length > 0 && rand() < 0.8 ? nexts.splice(int(0, nexts.length - 1), 1)[0]! : `/api/observations?limit=${int(100, 5000)}` }),
    learn: (status, body) => {
      const next = status === 200 ? ObservationsResponse.safeParse(body).data?.next : undefined;
      if (next && nexts.length < 200) nexts.push(next);
    },
  },
  {
    name: 'out-of-range periods',
    weight: 10,
    expected: [400],
    make: () => ({ path: `/api/observations?${pick([`from=${int(1000, 1999)}-Q${int(1, 4)}`, `to=${int(2101, 9999)}-Q4`, 'from=0000-Q1', 'from=9999-Q4', `from=2024-Q${int(5, 9)}`])}` }),
  },
  {
    name: 'long or too many names',
    weight: 8,
    expected: [400, 414, 431],
    make: () =>
      pick([
        () => ({ path: `/api/observations?unit=${'x'.repeat(int(81, 3000))}` }),
        () => ({ path: `/api/observations?${Array.from({ length: int(501, 700) }, () => `unit=${pick(UNITS)}`).join('&')}` }),
        () => ({ path: `/api/observations?${Array.from({ length: int(20, 200) }, (_, i) => `p${i}=${i}`).join('&')}` }),
        () => ({ path: `/api/observations?indicator=${'y'.repeat(int(20_000, 40_000))}` }),
      ])(),
  },
  {
    name: 'bad cursors and limits',
    weight: 8,
    expected: [400],
    make: () =>
      pick([
        () => ({ path: `/api/observations?cursor=${Buffer.from(`junk-${++serial}`).toString('base64url')}` }),
        () => ({ path: `/api/observations?cursor=${encodeURIComponent(`{"a":${++serial}}`)}` }),
        () => ({ path: `/api/observations?cursor=${encodeCursor({ period: '2024-Q4', unitId: 'a', indicatorId: 'b', id: 'c' })}x%21` }),
        () => ({ path: `/api/observations?limit=${pick(['0', '5001', '1e3', '-1', '99999999'])}` }),
      ])(),
  },
  {
    name: 'unknown sources',
    weight: 6,
    expected: [404],
    make: () => ({ path: `/api/sources/${pick([`nothing-${++serial}`, `${'z'.repeat(int(81, 500))}`, `bad%20id%20${serial}`])}` }),
  },
  {
    name: 'lists (units, indicators, sources)',
    weight: 6,
    expected: [200],
    make: () => ({ path: pick(['/api/units', '/api/indicators', '/api/sources', `/api/sources/${((u) => syntheticSourceId(u.id, pick(u.periods)))(pick(COMMUNES))}`]) }),
  },
  {
    name: 'writes: add a batch',
    weight: 6,
    expected: [201],
    make: () => ({ method: 'POST', path: '/api/observations', body: newFigures(int(1, 20)), token: true }),
    learn: (status, body) => {
      if (status !== 201) return;
      for (const o of ObservationsResponse.parse(body).observations) if (mine.size < 2000) mine.set(o.id, o);
    },
  },
  {
    name: 'writes: correct or delete',
    weight: 6,
    // 409: another client changed or deleted the figure first; 201: none made yet, so one is added
    expected: [200, 201, 404, 409],
    make: () => {
      const o = mine.size > 0 ? pick([...mine.values()]) : undefined;
      if (!o) return { method: 'POST', path: '/api/observations', body: newFigures(1), token: true };
      if (rand() < 0.3) {
        mine.delete(o.id);
        return { method: 'DELETE', path: `/api/observations/${o.id}?version=${o.version}`, token: true };
      }
      const fields: Record<string, unknown> = { ...o, value: int(1, 40) * 1e9 };
      delete fields.id;
      return { method: 'PUT', path: `/api/observations/${o.id}`, body: fields, token: true };
    },
    learn: (status, body, request) => {
      const o = (body as { observation?: Observation } | undefined)?.observation;
      if (request.method === 'PUT' && (status === 200 || status === 409) && o) mine.set(o.id, o);
      if (status === 201) for (const made of ObservationsResponse.parse(body).observations) mine.set(made.id, made);
    },
  },
  {
    name: 'writes refused (bad body, no token)',
    weight: 4,
    expected: [400, 401],
    make: () =>
      rand() < 0.5
        ? { method: 'POST', path: '/api/observations', body: [{ ...newFigures(1)[0], indicatorId: 'health_insurance_coverage', value: 150 }], token: true }
        : { method: 'POST', path: '/api/observations', body: newFigures(1) },
  },
];
const totalWeight = kinds.reduce((n, k) => n + k.weight, 0);
function draw(): Kind {
  let x = rand() * totalWeight;
  for (const k of kinds) if ((x -= k.weight) < 0) return k;
  return kinds[0]!;
}

interface Tally {
  requests: number;
  statuses: Map<string, number>;
  unexpected: number;
  ms: number[];
}
const tallies = new Map(kinds.map((k) => [k.name, { requests: 0, statuses: new Map(), unexpected: 0, ms: [] } as Tally]));
const unexpectedSamples: string[] = [];

async function client(url: string, token: string, until: number) {
  while (Date.now() < until) {
    const kind = draw();
    const request = kind.make();
    const tally = tallies.get(kind.name)!;
    const headers: Record<string, string> = { 'accept-encoding': rand() < 0.5 ? 'gzip' : 'identity' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.token) headers.authorization = `Bearer ${token}`;
    const t0 = performance.now();
    let outcome: string;
    let ok: boolean;
    try {
      const res = await fetch(url + request.path, {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      outcome = String(res.status);
      ok = kind.expected.includes(res.status) && res.status < 500;
      if (ok && kind.learn) kind.learn(res.status, text ? (JSON.parse(text) as unknown) : undefined, request);
      if (!ok && unexpectedSamples.length < 10) unexpectedSamples.push(`${kind.name}: ${request.method ?? 'GET'} ${request.path.slice(0, 120)} -> ${res.status} ${text.slice(0, 200)}`);
    } catch (err) {
      outcome = `socket: ${(err as Error).name}`;
      ok = false;
      if (unexpectedSamples.length < 10) unexpectedSamples.push(`${kind.name}: ${request.path.slice(0, 120)} -> ${String(err)}`);
    }
    tally.requests++;
    tally.ms.push(performance.now() - t0);
    tally.statuses.set(outcome, (tally.statuses.get(outcome) ?? 0) + 1);
    if (!ok) tally.unexpected++;
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpi-soak-'));
  try {
    const dataset = seedDataset('synthetic');
    const storage = openSqliteStorage(join(dataDir, DATABASE_FILE));
    await storage.seed(dataset);
    await storage.close();
    const token = newToken();
    const server = await startServer(dataDir, { KPI_TOKENS: `editor:${token}` });
    const pid = server.child.pid!;
    const startRss = memoryMb(pid).rss;
    let maxRss = startRss;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, memoryMb(pid).rss)), 250);
    console.log(
      `SYNTHETIC province (KPI_SEED=synthetic): ${UNITS.length} current communes (of ${dataset.units.length} units), ${dataset.observations.length} figures; ` +
        `${CONNECTIONS} clients for ${SECONDS} s against ${server.url} (server RSS at start ${startRss.toFixed(0)} MB)\n`,
    );
    const t0 = Date.now();
    const until = t0 + SECONDS * 1000;
    try {
      await Promise.all(Array.from({ length: CONNECTIONS }, () => client(server.url, token, until)));
    } finally {
      clearInterval(sampler);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const { rss, peak } = memoryMb(pid);
    const alive = server.child.exitCode === null && (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false));
    await server.stop();

    const rows = [...tallies].map(([name, t]) => [
      name,
      String(t.requests),
      [...t.statuses].sort().map(([s, n]) => `${s}×${n}`).join(' '),
      String(t.unexpected),
      quantile(t.ms, 0.5).toFixed(0),
      quantile(t.ms, 0.99).toFixed(0),
    ]);
    const total = [...tallies.values()].reduce((n, t) => n + t.requests, 0);
    const unexpected = [...tallies.values()].reduce((n, t) => n + t.unexpected, 0);
    const refused = [...tallies.values()].reduce(
      (n, t) => n + [...t.statuses].filter(([s]) => /^4/.test(s)).reduce((m, [, c]) => m + c, 0),
      0,
    );
    rows.push(['total', String(total), `${refused} expected 4xx refusals`, String(unexpected), '', '']);
    const header = ['kind', 'requests', 'answers', 'unexpected', 'p50 ms', 'p99 ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(header));
    for (const r of rows) console.log(line(r));
    console.log(`\n${total} requests in ${elapsed.toFixed(0)} s (${Math.round(total / elapsed)}/s); unexpected: ${unexpected} (5xx, socket errors, statuses a kind does not expect)`);
    for (const s of unexpectedSamples) console.log(`  unexpected: ${s}`);
    console.log(`server RSS: at start ${startRss.toFixed(0)} MB, highest sampled ${maxRss.toFixed(0)} MB, at the end ${rss.toFixed(0)} MB; peak (VmHWM) ${peak.toFixed(0)} MB (must stay under ${PEAK_LIMIT_MB}); alive at the end: ${alive ? 'yes' : 'NO'}`);
    console.log(`Load average: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
    if (unexpected > 0 || peak >= PEAK_LIMIT_MB || !alive) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
