/** Storage failures are told plainly; other errors are a generic 500, logged short, with one stack per kind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/contract';
import { StorageFailure } from '../../server/storage/errors';
import type { Storage } from '../../server/storage/types';
import { budget } from './support/fixtures';
import { send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

/** The real storage, with some methods replaced. */
function failing(real: Storage, replace: Partial<Record<keyof Storage, () => Promise<never>>>): Storage {
  return new Proxy(real, {
    get(target, prop, receiver) {
      const replaced = replace[prop as keyof Storage];
      if (replaced) return replaced;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('a StorageFailure', () => {
  let s: TestServer;
  const logged: string[] = [];
  beforeAll(async () => {
    s = await startTestServer({
      logError: (line) => logged.push(line),
      wrapStorage: (real) =>
        failing(real, {
          listSources: () => Promise.reject(new StorageFailure(500, 'damaged_data', 'A row of the database is damaged.')),
        }),
    });
  });
  afterAll(() => s.close());

  it('is the contract’s error with its own status, code and message', async () => {
    const res = await send(`${s.url}/api/sources`, 'GET', undefined);
    expect(res.status).toBe(500);
    expect(ApiError.parse(res.body).error).toEqual({ code: 'damaged_data', message: 'A row of the database is damaged.' });
  });

  it('writes one short line per request, no stack', async () => {
    logged.length = 0;
    for (let i = 0; i < 3; i++) await send(`${s.url}/api/sources`, 'GET', undefined);
    expect(logged).toHaveLength(3);
    for (const line of logged) {
      expect(line).toMatch(/^\[server\] storage failure on GET \/api\/sources: damaged_data: /);
      expect(line).not.toContain('\n');
    }
  });
});

describe('a full disk on a write', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      wrapStorage: (real) =>
        failing(real, {
          addObservations: () => Promise.reject(new StorageFailure(507, 'disk_full', 'The disk of the database is full.')),
        }),
    });
  });
  afterAll(() => s.close());

  it('is a 507 disk_full, and reads keep working', async () => {
    const res = await send(`${s.url}/api/observations`, 'POST', [budget(1)], s.editorToken);
    expect(res.status).toBe(507);
    expect(ApiError.parse(res.body).error.code).toBe('disk_full');
    expect((await send(`${s.url}/api/units`, 'GET', undefined)).status).toBe(200);
  });
});

describe('an unexpected error', () => {
  let s: TestServer;
  const logged: string[] = [];
  let calls = 0;
  beforeAll(async () => {
    s = await startTestServer({
      logError: (line) => logged.push(line),
      wrapStorage: (real) =>
        failing(real, {
          listUnits: () => {
            calls++;
            return Promise.reject(new TypeError(`SECRET_DETAIL ${calls} ${'x'.repeat(1000)}`));
          },
          listIndicators: () => Promise.reject(new RangeError('another kind')),
        }),
    });
  });
  afterAll(() => s.close());

  it('is a generic 500; the log has one short line per request and the stack once per kind', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await send(`${s.url}/api/units?i=${i}`, 'GET', undefined);
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('SECRET_DETAIL');
      expect(ApiError.parse(res.body).error.code).toBe('internal');
    }
    await send(`${s.url}/api/indicators`, 'GET', undefined);
    await send(`${s.url}/api/indicators`, 'GET', undefined);

    const short = logged.filter((l) => l.startsWith('[server] unexpected error on '));
    const stacks = logged.filter((l) => l.includes('\n    at '));
    expect(short).toHaveLength(22);
    for (const line of short) expect(line.length).toBeLessThan(400);
    expect(short[0]).toContain('GET /api/units?i=0: TypeError: SECRET_DETAIL 1');
    expect(stacks).toHaveLength(2); // one TypeError, one RangeError
    expect(stacks[0]).toMatch(/^TypeError: SECRET_DETAIL/);
    expect(stacks[1]).toMatch(/^RangeError: another kind/);
  });
});
