/**
 * The operator's side, against the real entry point: a port in use, `npm start` as one process
 * that kill -9 cannot orphan, URLs and headers over the limits, the access log, the token's id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/contract';
import { parseTokens, tokenIdOf } from '../../server/auth/tokens';
import { startChildServer, type ChildServer } from './support/child';

const ROOT = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'kpi-operations-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A folder that looks like a build, so that npm start does not build. */
function fakeDist(): string {
  const dir = mkdtempSync(join(temp, 'dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when nothing listens on the port any more (a new connection is refused). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function freeWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await portFree(port)) return true;
    await sleep(50);
  }
  return portFree(port);
}

/** The processes whose parent is `pid` (from /proc: Linux). */
function childrenOf(pid: number): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) {
        out.push({ pid: Number(name), cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
      }
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    // a zombie (ended, not yet reaped) counts as gone
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

interface NpmStart {
  npm: ChildProcess;
  port: number;
  output: () => string;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const p of started.splice(0)) {
    if (p.pid && alive(p.pid)) p.kill('SIGKILL');
    for (const c of p.pid ? childrenOf(p.pid) : []) process.kill(c.pid, 'SIGKILL');
  }
});

async function npmStart(env: Record<string, string>, timeout = 20_000): Promise<NpmStart> {
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(temp, 'data-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen:\n${out}`)), timeout);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    npm.stdout.on('data', onData);
    npm.stderr.on('data', onData);
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  return { npm, port, output: () => out };
}

describe('a port in use', () => {
  let other: Server;
  let port: number;
  beforeAll(async () => {
    other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    port = (other.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  it('is one line naming the port and what to do, exit 1, and no database is created', () => {
    const dataDir = join(temp, 'never-created');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    const lines = (run.stdout + run.stderr).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port} is already in use`);
    expect(lines[0]).toMatch(/stop the other program.*PORT=/);
    expect(lines[0]).not.toMatch(/EADDRINUSE|\bat .+:\d+/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('npm start', () => {
  it('is the server itself: kill -9 of the process npm started frees the port at once', async () => {
    const { npm, port } = await npmStart({ DIST_DIR: fakeDist() });
    const children = childrenOf(npm.pid!);
    expect(children).toHaveLength(1);
    expect(children[0]!.cmdline).toContain('server/main.ts');
    expect(childrenOf(children[0]!.pid)).toEqual([]); // no grandchild server behind it
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    process.kill(children[0]!.pid, 'SIGKILL');
    expect(await freeWithin(port, 2000)).toBe(true);
    await exited; // and npm goes with it
  });

  it('leaves no server behind when npm itself is killed with -9', async () => {
    const { npm, port, output } = await npmStart({ DIST_DIR: fakeDist() });
    const server = childrenOf(npm.pid!)[0]!.pid;
    npm.kill('SIGKILL');
    expect(await freeWithin(port, 2000)).toBe(true);
    const deadline = Date.now() + 2000;
    while (alive(server) && Date.now() < deadline) await sleep(50);
    expect(alive(server)).toBe(false);
    expect(output()).not.toContain('[server] could not start');
  });

  it('builds dist/ when it has no build, then serves it', { timeout: 120_000 }, async () => {
    const dist = join(temp, 'dist-to-build');
    const { port, output } = await npmStart({ DIST_DIR: dist }, 110_000);
    expect(output()).toMatch(/dist\/ has no build: running vite build[\s\S]*listening on/);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});

describe('the limits of a request, answered in JSON', () => {
  let s: ChildServer;
  beforeAll(async () => {
    s = await startChildServer({ DATA_DIR: mkdtempSync(join(temp, 'data-')), KPI_ACCESS_LOG: '0' });
  });
  afterAll(() => s.stop());

  async function refusal(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(s.url + path, { headers });
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    return { status: res.status, code: ApiError.parse(JSON.parse(text)).error.code };
  }

  it('a URL over 16 kB is a 414, however long', async () => {
    expect(await refusal(`/api/units?x=${'a'.repeat(20_000)}`)).toEqual({ status: 414, code: 'uri_too_long' });
    expect(await refusal(`/api/units?x=${'a'.repeat(40_000)}`)).toEqual({ status: 414, code: 'uri_too_long' });
    expect(await refusal(`/api/units?x=${'a'.repeat(200_000)}`)).toEqual({ status: 414, code: 'uri_too_long' });
    expect(await refusal(`/${'a'.repeat(20_000)}`)).toEqual({ status: 414, code: 'uri_too_long' });
  });

  it('headers over 32 kB are a 431', async () => {
    expect(await refusal('/api/units', { 'x-big': 'b'.repeat(40_000) })).toEqual({ status: 431, code: 'headers_too_large' });
    expect(await refusal('/api/units', { 'x-big': 'b'.repeat(200_000) })).toEqual({ status: 431, code: 'headers_too_large' });
  });

  it('a URL of 15 kB is still answered, and so is the next request', async () => {
    const res = await fetch(`${s.url}/api/observations?unit=my-thoi&x=${'a'.repeat(15_000)}`);
    expect(res.status).toBe(400); // an unknown parameter: the app read it
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });
});

describe('the access log', () => {
  const editor = 'operations-test-editor-token-0123456789';
  const editorId = parseTokens(`editor:${editor}`, 'test')[0]!.id;

  it('writes one line per request: method, path, status, ms and the token id, never the token', async () => {
    const s = await startChildServer({ DATA_DIR: mkdtempSync(join(temp, 'data-')), KPI_TOKENS: `editor:${editor}` });
    try {
      await fetch(`${s.url}/api/units`);
      await fetch(`${s.url}/api/session`, { headers: { authorization: `Bearer ${editor}` } });
      await fetch(`${s.url}/api/observations/nothing-here?version=1`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${editor}` },
      });
      await fetch(`${s.url}/api/observations?unit=${'x'.repeat(5000)}`);
      await fetch(`${s.url}/api/units`, { headers: { authorization: 'Bearer not-a-token-of-ours-0123456789' } });
      await sleep(200);
      const lines = s.output().split('\n').filter((l) => l.startsWith('[access] '));
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatch(/^\[access\] \d{4}-\d\d-\d\dT\S+Z GET \/api\/units 200 \d+\.\dms -$/);
      expect(lines[1]).toMatch(new RegExp(`GET /api/session 200 \\S+ms ${editorId}$`));
      expect(lines[2]).toMatch(new RegExp(`DELETE /api/observations/nothing-here\\?version=1 404 \\S+ms ${editorId}$`));
      expect(lines[3]).toMatch(/GET \/api\/observations\?unit=x+…\(\d+ chars\) 400 \S+ms -$/);
      expect(lines[3]!.length).toBeLessThan(320);
      expect(lines[4]).toMatch(/GET \/api\/units 200 \S+ms -$/);
      expect(s.output()).not.toContain(editor);
      expect(s.output()).not.toContain('not-a-token-of-ours');
    } finally {
      await s.stop();
    }
  });

  it('is off with KPI_ACCESS_LOG=0', async () => {
    const s = await startChildServer({ DATA_DIR: mkdtempSync(join(temp, 'data-')), KPI_ACCESS_LOG: '0' });
    try {
      await fetch(`${s.url}/api/units`);
      await sleep(200);
      expect(s.output()).not.toContain('[access]');
      expect(s.output()).toContain('access log off');
    } finally {
      await s.stop();
    }
  });
});

describe('npm run token', () => {
  it('prints the id under which the server logs the new token', () => {
    const run = spawnSync(process.execPath, ['scripts/token.mjs', 'editor'], { cwd: ROOT, encoding: 'utf8' });
    const token = /^editor:(\S+)$/m.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    const id = tokenIdOf(createHash('sha256').update(token!).digest());
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(run.stdout).toContain(`access log and history: ${id}`);
  });
});
