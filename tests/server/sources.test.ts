/**
 * GET /api/sources lists the sources without their report texts (up to 200 kB each);
 * GET /api/sources/:id answers one source with its text. Both keep ETags, 304 and the read cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceResponse, SourcesResponse, type NewSource } from '../../src/api/contract';
import { MIGRATIONS } from '../../server/storage/migrations';
import { migrate } from '../../server/storage/sqlite-db';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

const TEXT = `Báo cáo sơ kết 6 tháng đầu năm 2026\n<b>đậm</b> & "trích"\n${'Thu ngân sách đạt kế hoạch. '.repeat(7000)}`;
const REPORT: NewSource = {
  unitId: 'long-xuyen',
  title: 'Hội nghị sơ kết 6 tháng đầu năm 2026',
  heldOn: '2026-07-10',
  periodLabel: '6 tháng 2026',
  reference: 'Báo cáo sơ kết 6 tháng 2026, Đảng ủy phường Long Xuyên',
  text: TEXT,
};

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('GET /api/sources and /api/sources/:id', () => {
  it('lists an imported report without its text, and gives the text one source at a time', async () => {
    expect(TEXT.length).toBeGreaterThan(190_000);
    const before = await fetch(`${s.url}/api/sources`);
    const sizeBefore = (await before.text()).length;

    const posted = await send(`${s.url}/api/sources`, 'POST', REPORT, s.editorToken);
    expect(posted.status).toBe(201);
    const { source } = SourceResponse.parse(posted.body);
    expect(source.text).toBe(TEXT);

    const list = await fetch(`${s.url}/api/sources`);
    const raw = await list.text();
    expect(raw).not.toContain('Thu ngân sách đạt kế hoạch');
    expect(raw).not.toContain('"text"');
    // one more source: a few hundred bytes, not its 200 kB
    expect(raw.length - sizeBefore).toBeLessThan(600);
    const listed = SourcesResponse.parse(JSON.parse(raw)).sources;
    expect(listed.at(-1)).toEqual({ ...REPORT, text: undefined, id: source.id, hasText: true });
    expect(listed.filter((x) => x.hasText).map((x) => x.id)).toEqual([source.id]);

    const one = await getJson(`${s.url}/api/sources/${source.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ source });
  });

  it('keeps ETags and 304 for the list and for one source, and a write changes them', async () => {
    const id = 'long-xuyen-2026-07-10';
    const listTag = (await fetch(`${s.url}/api/sources`)).headers.get('etag');
    const oneTag = (await fetch(`${s.url}/api/sources/${id}`)).headers.get('etag');
    expect(listTag).toBeTruthy();
    expect(oneTag).toBeTruthy();
    expect((await fetch(`${s.url}/api/sources`, { headers: { 'if-none-match': listTag! } })).status).toBe(304);
    expect((await fetch(`${s.url}/api/sources/${id}`, { headers: { 'if-none-match': oneTag! } })).status).toBe(304);

    const another = await send(`${s.url}/api/sources`, 'POST', { ...REPORT, id: 'long-xuyen-second', text: undefined }, s.editorToken);
    expect(another.status).toBe(201);
    const after = await fetch(`${s.url}/api/sources`, { headers: { 'if-none-match': listTag! } });
    expect(after.status).toBe(200);
    const listed = SourcesResponse.parse(await after.json()).sources;
    expect(listed.find((x) => x.id === 'long-xuyen-second')).toMatchObject({ hasText: false });
  });

  it('stores the text apart from the listed json, which the list reads alone', () => {
    const storage = s.storage as SqliteStorage;
    const row = storage.db.prepare("SELECT json, text FROM sources WHERE id = 'long-xuyen-2026-07-10'").get() as {
      json: string;
      text: string;
    };
    expect(JSON.parse(row.json)).not.toHaveProperty('text');
    expect(JSON.parse(row.json)).toMatchObject({ hasText: true });
    expect(row.text).toBe(TEXT);
  });
});

describe('migration 4: source texts out of the listed json', () => {
  let dir: string;
  let storage: SqliteStorage | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-sources-migration-'));
  });
  afterAll(async () => {
    await storage?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the texts of an older database into their column and says which sources have one', async () => {
    const file = join(dir, 'kpi.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 3));
    const base = { unitId: 'my-thoi', heldOn: '2024-12-30', periodLabel: 'Cả năm 2024', reference: 'R' };
    old.exec(`INSERT INTO units (id, json) VALUES ('my-thoi', '{}')`);
    const insert = old.prepare('INSERT INTO sources (id, unit_id, json) VALUES (?, ?, ?)');
    insert.run('with-text', 'my-thoi', JSON.stringify({ id: 'with-text', title: 'Có văn bản', ...base, text: 'Dòng 1\n"Dòng 2" <b>' }));
    insert.run('no-text', 'my-thoi', JSON.stringify({ id: 'no-text', title: 'Không có', ...base }));
    insert.run('empty-text', 'my-thoi', JSON.stringify({ id: 'empty-text', title: 'Rỗng', ...base, text: '' }));
    old.close();

    storage = openSqliteStorage(file);
    const listed = await storage.listSources();
    expect(listed.map((x) => [x.id, x.hasText])).toEqual([
      ['with-text', true],
      ['no-text', false],
      ['empty-text', false],
    ]);
    for (const x of listed) expect(x).not.toHaveProperty('text');
    expect(SourcesResponse.parse({ sources: listed }).sources).toEqual(listed);
    expect(await storage.getSource('with-text')).toEqual({ id: 'with-text', title: 'Có văn bản', ...base, text: 'Dòng 1\n"Dòng 2" <b>' });
    expect(await storage.getSource('no-text')).toEqual({ id: 'no-text', title: 'Không có', ...base });
    expect(await storage.getSource('empty-text')).toEqual({ id: 'empty-text', title: 'Rỗng', ...base, text: '' });
  });
});
