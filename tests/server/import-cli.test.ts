/**
 * `npm run import` as IT staff run it: the command itself as a child process
 * (`node --import tsx scripts/import.ts`) on report files the test makes, reading them as the
 * editor does, printing text or exactly one JSON document, and with `--save` storing through a
 * real server (a fresh database on a free port) each file whole or not at all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFile } from '../../scripts/import/print';
import indicators from '../../data/indicators.json';
import { registerUnits } from '../../data';
import { z } from 'zod/mini';
import { Indicator, type Observation, type Source, type SourceSummary } from '../../src/api/contract';
import { encodeLegacy, makeDocx, makeTextPdf, oleDocHeader } from '../../src/lib/documents/test-files';
import { extractCandidates } from '../../src/lib/extract';
import { newToken } from '../../server/auth/tokens';
import { startChildServer, type ChildServer } from './support/child';
import { getJson, send } from './support/http';

const ROOT = join(import.meta.dirname, '../..');
const SLOW = { timeout: 120_000 };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command as `npm run import -- ARGS` runs it. */
function runImport(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, KPI_TOKEN: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What --json prints: the command's own type (scripts/import/print.ts). */
interface JsonOut {
  files: JsonFile[];
}

// A report in our own words: Mỹ Thới's nine months of 2023, held on 12 October 2023.
const REPORT = [
  'Đảng ủy phường Mỹ Thới sơ kết 9 tháng đầu năm 2023',
  'Sáng ngày 12/10/2023, Đảng ủy phường Mỹ Thới tổ chức hội nghị sơ kết công tác.',
  'Tổng thu ngân sách nhà nước trên địa bàn đạt trên 21 tỉ đồng, đạt 76,5% dự toán năm; giảm 9 hộ nghèo và 14 hộ cận nghèo; tỷ lệ người dân tham gia bảo hiểm y tế đạt 90,2%.',
  'Hội nghị thống nhất các nhiệm vụ trọng tâm của những tháng cuối năm.',
];
// The same ward's year, with a poverty figure that differs from one stored before.
const YEAR_REPORT = [
  'Đảng ủy phường Mỹ Thới tổng kết công tác năm 2023',
  'Ngày 20/12/2023, Đảng ủy phường Mỹ Thới tổ chức hội nghị tổng kết.',
  'Cả năm, tổng thu ngân sách nhà nước trên địa bàn đạt hơn 30 tỉ đồng; giảm 12 hộ nghèo.',
];
// Six months of 2023: its report was stored before (from the editor's page) without its figures.
const HALF_YEAR_REPORT = [
  'Đảng ủy phường Mỹ Thới sơ kết 6 tháng đầu năm 2023',
  'Ngày 10/7/2023, Đảng ủy phường Mỹ Thới tổ chức hội nghị sơ kết.',
  'Tổng thu ngân sách nhà nước trên địa bàn đạt trên 15 tỉ đồng; giảm 5 hộ nghèo.',
];
// A monthly meeting: its figures run to the end of October, which ends no quarter.
const MONTH_REPORT = [
  'Đảng ủy phường Mỹ Thới họp thường kỳ tháng 10 năm 2024',
  'Ngày 05/11/2024, Đảng ủy phường Mỹ Thới tổ chức hội nghị.',
  'Trong tháng 10 năm 2024, tính đến ngày 31/10/2024, thu ngân sách nhà nước trên địa bàn đạt trên 25 tỉ đồng.',
];
// A meeting whose period (and year) the text never says.
const NO_PERIOD = [
  'Đảng ủy phường Mỹ Thới họp bàn công tác vận động nhân dân',
  'Thu ngân sách nhà nước trên địa bàn đạt trên 5 tỉ đồng, các đoàn thể vận động xây nhà cho hộ khó khăn.',
];

// A year's review whose plan for the next year sets targets: they are offered as targets, never as figures.
const PLAN_REPORT = [
  'Đảng ủy phường Mỹ Thới tổng kết công tác năm 2021',
  'Ngày 20/12/2021, Đảng ủy phường Mỹ Thới tổ chức hội nghị tổng kết.',
  'Cả năm, thu ngân sách nhà nước trên địa bàn đạt 18 tỷ đồng.',
  'Năm 2022, phấn đấu thu ngân sách đạt 100% dự toán, tỷ lệ bao phủ bảo hiểm y tế đạt trên 92%.',
];

const REPORT_TEXT = (lines: readonly string[]) => new TextEncoder().encode(lines.join('\n'));

let work: string;
const file = (name: string) => join(work, name);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kpi-import-'));
  writeFileSync(file('bao-cao.docx'), await makeDocx(REPORT));
  writeFileSync(file('bao-cao.pdf'), makeTextPdf([REPORT]));
  writeFileSync(file('bao-cao-tcvn3.txt'), encodeLegacy(REPORT.join('\n'), 'tcvn3'));
  writeFileSync(file('bao-cao-vni.txt'), encodeLegacy(REPORT.join('\r\n'), 'vni'));
  writeFileSync(file('ca-nam.docx'), await makeDocx(YEAR_REPORT));
  writeFileSync(file('6-thang.docx'), await makeDocx(HALF_YEAR_REPORT));
  writeFileSync(file('thang-10.txt'), REPORT_TEXT(MONTH_REPORT));
  writeFileSync(file('khong-ky.docx'), await makeDocx(NO_PERIOD));
  writeFileSync(file('ke-hoach.docx'), await makeDocx(PLAN_REPORT));
  writeFileSync(file('cu.doc'), oleDocHeader());
  writeFileSync(file('scan.pdf'), makeTextPdf([null, null]));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function parseJson(run: Run): JsonOut {
  // the whole of stdout is one JSON document
  return JSON.parse(run.stdout) as JsonOut;
}

describe('reading (no server, nothing written)', () => {
  it('--json: one document for a .docx, a text PDF, a TCVN3 and a VNI file, each with the same candidates as the text', SLOW, async () => {
    const names = ['bao-cao.docx', 'bao-cao.pdf', 'bao-cao-tcvn3.txt', 'bao-cao-vni.txt'];
    const run = await runImport(['--json', ...names.map(file)]);
    expect(run.code).toBe(0);
    const out = parseJson(run);
    expect(out.files.map((f) => [f.file, f.encoding])).toEqual([
      [file('bao-cao.docx'), 'docx'],
      [file('bao-cao.pdf'), 'pdf'],
      [file('bao-cao-tcvn3.txt'), 'tcvn3'],
      [file('bao-cao-vni.txt'), 'vni'],
    ]);
    for (const f of out.files) {
      expect(f).toMatchObject({ unitId: 'my-thoi', period: '2023-Q3', heldOn: '2023-10-12' });
      expect(f.unitName).toMatch(/^Phường Mỹ Thới/);
      expect(f.problem).toBeUndefined();
    }
    expect(out.files[2]!.notes).toContainEqual(expect.stringMatching(/TCVN3.*đã chuyển sang Unicode/));
    expect(out.files[3]!.notes).toContainEqual(expect.stringMatching(/VNI.*đã chuyển sang Unicode/));

    // what the editor offers for the report's text, field for field
    const expected = extractCandidates(REPORT.join('\n'), { units: registerUnits(), indicators: z.array(Indicator).parse(indicators) });
    const asJson = expected.candidates.map((c) => {
      const o: Record<string, unknown> = { indicatorId: c.indicatorId, value: c.value };
      if (c.outOf !== undefined) o.outOf = c.outOf;
      if (c.period) o.period = c.period;
      if (c.unitId) o.unitId = c.unitId;
      o.qualifier = c.qualifier;
      if (c.basis) o.basis = c.basis;
      o.sentence = c.sentence;
      return o;
    });
    for (const f of out.files) expect(f.candidates).toEqual(asJson);

    // what a person checks against the report
    expect(out.files[0]!.candidates).toContainEqual({
      indicatorId: 'budget_revenue',
      value: 21e9,
      period: '2023-Q3',
      qualifier: 'over',
      sentence: REPORT[2],
    });
    expect(out.files[0]!.candidates.find((c) => c.indicatorId === 'poor_households_reduced')?.value).toBe(9);
  });

  it('text: unit, period, held date and each figure with its sentence, and that nothing was stored', SLOW, async () => {
    const run = await runImport([file('bao-cao.docx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file('bao-cao.docx')} — Word (.docx)`);
    expect(run.stdout).toMatch(/Đơn vị: Phường Mỹ Thới.*\(my-thoi\)/);
    expect(run.stdout).toContain('Kỳ báo cáo: 9 tháng 2023 (2023-Q3)');
    expect(run.stdout).toContain('Ngày họp: 12/10/2023');
    expect(run.stdout).toMatch(/\d\. Thu ngân sách nhà nước: trên 21 tỷ đồng \[budget_revenue\]/);
    expect(run.stdout).toMatch(/\d\. Hộ nghèo giảm: 9 hộ/);
    expect(run.stdout).toContain(`“${REPORT[2]}”`);
    expect(run.stderr).toContain('Chưa lưu gì');
  });

  it('a plan’s targets: listed apart, each with its sentence, and never among the figures', SLOW, async () => {
    const run = await runImport(['--json', file('ke-hoach.docx')]);
    expect(run.code).toBe(0);
    const [f] = parseJson(run).files;
    expect(f!.candidates.map((c) => [c.indicatorId, c.value])).toEqual([['budget_revenue', 18e9]]);
    expect(f!.targets).toEqual([
      { name: 'Thu ngân sách đạt 100% dự toán', type: 'plan', value: 100, unit: 'percent', indicatorId: 'budget_revenue_pct', year: 2022, sentence: PLAN_REPORT[3] },
      { name: 'Tỷ lệ bao phủ bảo hiểm y tế đạt trên 92%', type: 'level_by_end', value: 92, unit: 'percent', indicatorId: 'health_insurance_coverage', year: 2022, sentence: PLAN_REPORT[3] },
    ]);
    // a file without a plan has an empty list
    expect(parseJson(await runImport(['--json', file('bao-cao.docx')])).files[0]!.targets).toEqual([]);

    const text = await runImport([file('ke-hoach.docx')]);
    expect(text.stdout).toMatch(/2 chỉ tiêu kế hoạch đọc được \(chưa phải kết quả; lệnh này không lưu chỉ tiêu, kể cả với --save/);
    // the type as the editors' page says it, never its id
    expect(text.stdout).toContain('1. Thu ngân sách đạt 100% dự toán: 100%, Đạt …% kế hoạch năm, năm 2022');
    expect(text.stdout).toContain('2. Tỷ lệ bao phủ bảo hiểm y tế đạt trên 92%: 92%, Đạt mức … vào cuối nhiệm kỳ, năm 2022 [Tỷ lệ dân số tham gia bảo hiểm y tế]');
    expect(text.stdout).not.toMatch(/\b(plan|level_by_end)\b/);
    expect(text.stdout).toContain(`“${PLAN_REPORT[3]}”`);
  });

  it('files it cannot read say what to do, and the exit code says some were not read', SLOW, async () => {
    const run = await runImport(['--json', file('cu.doc'), file('scan.pdf'), file('bao-cao.docx')]);
    expect(run.code).toBe(1);
    const [doc, scan, docx] = parseJson(run).files;
    expect(doc).toMatchObject({ encoding: 'unknown', candidates: [], problem: { kind: 'binary-doc' } });
    expect(doc!.problem!.message).toMatch(/lưu thành \.docx/);
    expect(scan).toMatchObject({ encoding: 'pdf', candidates: [], problem: { kind: 'scan-pdf' } });
    expect(docx!.candidates.length).toBeGreaterThan(0);
  });

  it('a wrong command is said before anything is read, with exit code 2 and nothing on stdout', SLOW, async () => {
    const runs = await Promise.all([
      runImport([file('bao-cao.docx'), file('khong-co.docx')]),
      runImport(['--bogus', file('bao-cao.docx')]),
      runImport([]),
      runImport(['--save', file('bao-cao.docx')], { KPI_TOKEN: 'x'.repeat(40) }),
      runImport(['--save', '--server', 'http://127.0.0.1:9', file('bao-cao.docx')]),
      runImport(['--server', 'http://127.0.0.1:9', file('bao-cao.docx')]),
      runImport(['--save', '--server', 'ftp://example', file('bao-cao.docx')], { KPI_TOKEN: 'x'.repeat(40) }),
    ]);
    const said = [
      /Không tìm thấy tệp .*khong-co\.docx/,
      /Không có tùy chọn --bogus/,
      /Chưa có tệp nào/,
      /--save cần địa chỉ máy chủ/,
      /KPI_TOKEN/,
      /--server chỉ dùng cùng --save/,
      /phải bắt đầu bằng http:\/\/ hoặc https:\/\//,
    ];
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(said[i]!);
    });
  });
});

describe('--save against a real server', () => {
  const token = newToken();
  let server: ChildServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kpi-import-db-'));
    server = await startChildServer({ DATA_DIR: dataDir, KPI_TOKENS: `editor:${token}`, KPI_ACCESS_LOG: '0' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sources = async () => ((await getJson(`${server.url}/api/sources`)).body as { sources: SourceSummary[] }).sources;
  const figures = async (query: string) =>
    ((await getJson(`${server.url}/api/observations?${query}`)).body as { observations: Observation[] }).observations;
  const save = (files: string[], env: Record<string, string> = { KPI_TOKEN: token }) =>
    runImport(['--json', '--save', '--server', server.url, ...files], env);

  it('stores the file whose unit, period and held date were read, skips the one without a period, and says which', SLOW, async () => {
    const before = await sources();
    const run = await save([file('bao-cao.docx'), file('khong-ky.docx')]);
    expect(run.code).toBe(0);
    const [stored, skipped] = parseJson(run).files;

    // the first: its report is a new source of Mỹ Thới, with the text, and its figures cite it
    expect(stored!.save).toMatchObject({ stored: true, figures: stored!.candidates.length, alreadyStored: 0 });
    const outcome = stored!.save!;
    if (!outcome.stored) throw new Error(`not stored: ${outcome.reason}`);
    const after = await sources();
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((s) => !before.some((b) => b.id === s.id))!;
    expect(added).toMatchObject({ id: outcome.sourceId, unitId: 'my-thoi', heldOn: '2023-10-12', title: REPORT[0], periodLabel: '9 tháng 2023', hasText: true });
    const full = (await getJson(`${server.url}/api/sources/${added.id}`)).body as { source: Source };
    expect(full.source.text).toBe(REPORT.join('\n'));
    const saved = await figures('unit=my-thoi&from=2023-Q3&to=2023-Q3');
    expect(saved.map((o) => [o.indicatorId, o.value, o.period, o.sourceId]).sort()).toEqual(
      stored!.candidates.map((c) => [c.indicatorId, c.value, '2023-Q3', added.id]).sort(),
    );
    expect(saved.find((o) => o.indicatorId === 'budget_revenue')).toMatchObject({ value: 21e9, qualifier: 'over' });

    // the second: skipped for want of a period, nothing of it written
    expect(skipped!.period).toBeUndefined();
    expect(skipped!.candidates.length).toBeGreaterThan(0);
    expect(skipped!.save).toMatchObject({ stored: false, refused: false, reason: expect.stringMatching(/chưa đọc được kỳ báo cáo/) });
    expect((await figures('unit=my-thoi')).filter((o) => o.value === 5e9)).toEqual([]);

    expect(run.stderr).toContain('Đã lưu 1 tệp');
    expect(run.stderr).toMatch(/Bỏ qua 1 tệp:\n.*khong-ky\.docx: chưa đọc được kỳ báo cáo/);
  });

  it('the same report again (as a PDF) writes nothing twice', SLOW, async () => {
    const [sourcesBefore, figuresBefore] = [await sources(), await figures('unit=my-thoi')];
    const run = await save([file('bao-cao.pdf')]);
    expect(run.code).toBe(0);
    expect(parseJson(run).files[0]!.save).toMatchObject({ stored: false, refused: false, reason: expect.stringMatching(/đã có trên máy chủ/) });
    expect(await sources()).toEqual(sourcesBefore);
    expect(await figures('unit=my-thoi')).toEqual(figuresBefore);
  });

  it('a report stored before is reused as the source of its figures, not added again', SLOW, async () => {
    const added = await send(
      `${server.url}/api/sources`,
      'POST',
      { unitId: 'my-thoi', title: HALF_YEAR_REPORT[0], heldOn: '2023-07-10', periodLabel: '6 tháng 2023', reference: 'nhập tay', text: `${HALF_YEAR_REPORT.join('\n\n')}\n` },
      token,
    );
    expect(added.status).toBe(201);
    const id = (added.body as { source: Source }).source.id;
    const before = await sources();

    const run = await save([file('6-thang.docx')]);
    expect(run.code).toBe(0);
    const [half] = parseJson(run).files;
    expect(half!.save).toMatchObject({ stored: true, sourceReused: true, sourceId: id, figures: half!.candidates.length });
    expect(await sources()).toEqual(before);
    expect((await figures('unit=my-thoi&from=2023-Q2&to=2023-Q2')).map((o) => [o.indicatorId, o.value, o.sourceId]).sort()).toEqual(
      half!.candidates.map((c) => [c.indicatorId, c.value, id]).sort(),
    );
  });

  it('a figure that differs from a stored one stops the whole file: none of its figures, no source', SLOW, async () => {
    const stored = await send(
      `${server.url}/api/observations`,
      'POST',
      [{ unitId: 'my-thoi', indicatorId: 'poor_households_reduced', period: '2023-Q4', value: 10, qualifier: 'exact', sourceId: 'my-thoi-2024-year' }],
      token,
    );
    expect(stored.status).toBe(201);
    const [sourcesBefore, figuresBefore] = [await sources(), await figures('unit=my-thoi')];

    const run = await save([file('ca-nam.docx')]);
    expect(run.code).toBe(1);
    const [year] = parseJson(run).files;
    expect(year!.candidates.map((c) => [c.indicatorId, c.value])).toEqual(
      expect.arrayContaining([
        ['budget_revenue', 30e9],
        ['poor_households_reduced', 12],
      ]),
    );
    expect(year!.save).toMatchObject({ stored: false, refused: true, reason: expect.stringMatching(/khác với số đã lưu.*không lưu gì của tệp này/) });
    expect(await sources()).toEqual(sourcesBefore);
    expect(await figures('unit=my-thoi')).toEqual(figuresBefore);
  });

  it('a monthly report’s proposed quarter is never stored without a person confirming it', SLOW, async () => {
    const before = await figures('unit=my-thoi');
    const run = await save([file('thang-10.txt')]);
    expect(run.code).toBe(0);
    const [month] = parseJson(run).files;
    expect(month!.period).toBeUndefined();
    // the quarter is offered as a proposal, and the figure keeps the day it stands at
    expect(month!.periodProposed).toBe('2024-Q4');
    expect(month!.candidates).toContainEqual(expect.objectContaining({ indicatorId: 'budget_revenue', value: 25e9, periodProposed: '2024-Q4', asOf: '2024-10-31' }));
    expect(month!.save).toMatchObject({ stored: false, refused: false, reason: expect.stringMatching(/kỳ báo cáo chỉ là đề xuất.*cần người xác nhận/) });
    expect(await figures('unit=my-thoi')).toEqual(before);
  });

  it('stores a report’s figures but never the targets of its plan, and says so', SLOW, async () => {
    const resolutions = async () => ((await getJson(`${server.url}/api/resolutions?unit=my-thoi`)).body as { resolutions: unknown[] }).resolutions;
    const before = await resolutions();
    const run = await save([file('ke-hoach.docx')]);
    expect(run.code).toBe(0);
    const [plan] = parseJson(run).files;
    expect(plan!.save).toMatchObject({ stored: true, figures: 1 });
    expect(plan!.targets).toHaveLength(2);
    expect(await resolutions()).toEqual(before);
    expect((await figures('unit=my-thoi&from=2021-Q4&to=2022-Q4')).map((o) => [o.indicatorId, o.value])).toEqual([['budget_revenue', 18e9]]);
    expect(run.stderr).toMatch(/2 chỉ tiêu kế hoạch đọc được: chưa phải kết quả; lệnh này không lưu chỉ tiêu, kể cả với --save/);
  });

  it('a token the server does not know writes nothing and says so', SLOW, async () => {
    const before = await sources();
    const run = await save([file('ca-nam.docx')], { KPI_TOKEN: newToken() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/KPI_TOKEN không hợp lệ.*Chưa ghi gì/);
    expect(await sources()).toEqual(before);
  });
});
