/**
 * The same report imported twice is stored once: POST /api/sources with the text of a report
 * already stored for that unit (after normalising what differs between copies: case, spaces and
 * line breaks, composed or decomposed letters, quotes, dashes, invisible characters) answers
 * 200 with the stored source and writes nothing; a new report is a 201. The rule is the write
 * service's, so the real server (SQLite) and the msw handlers (memory) answer alike; texts stored
 * before the hashes were kept are hashed when the server starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceResponse, SourcesResponse, type NewSource } from '../../src/api/contract';
import { loadDataset } from '../../data';
import { openStorage } from '../../server/storage/open';
import type { SqliteStorage } from '../../server/storage/sqlite';
import { writeEndpoints } from '../../server/writes/endpoints';
import { MemoryWriteRepository } from '../../server/writes/memory-repository';
import { normalizeReportText } from '../../server/writes/report-text';
import { WriteService } from '../../server/writes/service';
import { getJson, send } from './support/http';
import { startTestServer, type TestServer } from './support/in-process';

// written for this test, in the manner of a ward's report
const TEXT =
  'Đảng ủy phường Mỹ Thới tổ chức hội nghị sơ kết 6 tháng đầu năm 2026\n\n' +
  'Ngày 10/7/2026, Đảng ủy phường họp đánh giá “kết quả” 6 tháng – thu ngân sách đạt 7 tỷ đồng.\n' +
  'Tỷ lệ bao phủ bảo hiểm y tế đạt 93,5% dân số.';

/** The same report as another copy gives it: decomposed letters, other line breaks and quotes, a BOM. */
const COPY = `\uFEFF${TEXT.normalize('NFD').replace(/\n+/g, '\r\n').replace(/[“”]/g, '"').replace('–', '-').toUpperCase()}  `;

const REPORT: NewSource = {
  unitId: 'my-thoi',
  title: 'Hội nghị sơ kết 6 tháng đầu năm 2026',
  heldOn: '2026-07-10',
  periodLabel: '6 tháng 2026',
  reference: 'Báo cáo sơ kết 6 tháng 2026, Đảng ủy phường Mỹ Thới',
  text: TEXT,
};

interface Reply {
  status: number;
  body: unknown;
}

/** One backend as a client sees it: POST a source with a token (limited or not), list the sources. */
interface Backend {
  post(source: unknown, limited?: boolean): Promise<Reply>;
  count(): Promise<number>;
}

let server: TestServer;
let memory: Backend;
let real: Backend;

beforeAll(async () => {
  server = await startTestServer();
  real = {
    post: (source, limited) => send(`${server.url}/api/sources`, 'POST', source, limited ? server.limitedToken : server.editorToken),
    count: async () => SourcesResponse.parse((await getJson(`${server.url}/api/sources`)).body).sources.length,
  };
  const data = structuredClone(loadDataset());
  const endpoints = writeEndpoints(new WriteService(new MemoryWriteRepository(data)));
  memory = {
    post: async (source, limited) =>
      endpoints.addSource(
        { contentType: 'application/json', text: async () => JSON.stringify(source) },
        { id: 'abcd1234', units: limited ? ['my-thoi', 'my-quy'] : undefined },
      ),
    count: async () => data.sources.length,
  };
});

afterAll(() => server.close());

describe('normalising a report’s text', () => {
  it('makes the copies of one report equal, and keeps different reports apart', () => {
    expect(normalizeReportText(COPY)).toBe(normalizeReportText(TEXT));
    expect(normalizeReportText(TEXT.replace('7 tỷ', '8 tỷ'))).not.toBe(normalizeReportText(TEXT));
    // a letter's marks are part of the word: "Mỹ" is not "My"
    expect(normalizeReportText('phường Mỹ Thới')).not.toBe(normalizeReportText('phường My Thoi'));
    expect(normalizeReportText(' \n\u200B ')).toBe('');
  });
});

describe.each([
  ['the real server', () => real],
  ['the msw handlers', () => memory],
])('POST /api/sources of a report already stored, on %s', (_name, backend) => {
  let firstId: string;

  it('stores a new report: 201', async () => {
    const before = await backend().count();
    const first = await backend().post(REPORT);
    expect(first.status).toBe(201);
    firstId = SourceResponse.parse(first.body).source.id;
    expect(await backend().count()).toBe(before + 1);
  });

  it('answers the same report again, as another copy and with another title, with the stored one: 200, nothing written', async () => {
    const before = await backend().count();
    const again = await backend().post({ ...REPORT, title: 'Sơ kết 6 tháng (bản tải lại)', text: COPY });
    expect(again.status).toBe(200);
    // the stored report, as it was stored
    expect(SourceResponse.parse(again.body).source).toEqual({ ...REPORT, id: firstId });
    expect(await backend().count()).toBe(before);
  });

  it('stores a different report, and the same text as a report of another unit, as new ones', async () => {
    const before = await backend().count();
    const other = await backend().post({ ...REPORT, text: TEXT.replace('7 tỷ', '8 tỷ') });
    expect(other.status).toBe(201);
    const elsewhere = await backend().post({ ...REPORT, unitId: 'my-quy', heldOn: '2025-01-10', periodLabel: 'Cả năm 2024' });
    expect(elsewhere.status).toBe(201);
    expect(SourceResponse.parse(elsewhere.body).source.unitId).toBe('my-quy');
    expect(await backend().count()).toBe(before + 2);
  });

  it('compares only texts: two sources without one are two sources', async () => {
    const bare = { ...REPORT, text: undefined };
    expect((await backend().post(bare)).status).toBe(201);
    expect((await backend().post(bare)).status).toBe(201);
  });

  it('refuses a token limited to other units even for a report already stored (no stored source is given away)', async () => {
    const refused = await backend().post({ ...REPORT, unitId: 'my-binh', heldOn: '2025-01-10', periodLabel: 'Cả năm 2024' });
    expect(refused.status).toBe(201); // province-wide: stored
    const limited = await backend().post({ ...REPORT, unitId: 'my-binh', heldOn: '2025-01-10', periodLabel: 'Cả năm 2024' }, true);
    expect(limited.status).toBe(403);
    expect(limited.body).not.toHaveProperty('source');
    // on its own unit, the limited token is answered with the stored report like anyone
    const own = await backend().post({ ...REPORT, text: COPY }, true);
    expect(own.status).toBe(200);
    expect(SourceResponse.parse(own.body).source.id).toBe(firstId);
  });
});

describe('texts stored before their hashes were kept', () => {
  it('are hashed at start, so that the same report sent afterwards is found', async () => {
    const s = await startTestServer();
    try {
      const first = SourceResponse.parse((await send(`${s.url}/api/sources`, 'POST', REPORT, s.editorToken)).body).source;
      // as a database of before migration 8 has it: a text without its hash
      const db = (s.storage as SqliteStorage).db;
      db.prepare('UPDATE sources SET text_hash = NULL').run();
      const hashed = (d: typeof db) => (d.prepare('SELECT count(*) AS n FROM sources WHERE text_hash IS NOT NULL').get() as { n: number }).n;
      expect(hashed(db)).toBe(0);
      await s.storage.close();

      const reopened = await openStorage(s.dataDir);
      const storage = reopened.storage as SqliteStorage;
      expect(hashed(storage.db)).toBe(1);
      const outcome = await storage.addSource({ ...REPORT, text: COPY });
      expect(outcome).toEqual({ ok: true, value: first, existing: true });
      await storage.close();
    } finally {
      await s.close();
    }
  });
});
