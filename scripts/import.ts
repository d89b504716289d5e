/**
 * npm run import -- [--json] [--save --server URL] FILE…
 *
 * Reads report files (.docx, .pdf with a text layer, .txt in UTF-8, UTF-16, TCVN3, VNI) as the
 * editor's page does and prints, per file, what it would offer: unit, period, held date,
 * encoding, notes, the candidates with their sentences, and the targets its plan sentences set
 * (candidate targets, never figures). `--json`: exactly one JSON document on stdout,
 * `{ "files": [...] }` (messages go to stderr). `--save --server URL`: stores the accepted
 * candidates of the files whose unit, period and held date were read, through the API, each file
 * all or nothing (scripts/import/save.ts), with the editor token in KPI_TOKEN; it never stores a
 * target (a person accepts those on the editors' page), and says so. Without `--save` nothing is
 * written anywhere.
 *
 * Exit codes: 0 done; 1 a file could not be read, or could not be stored; 2 a wrong command
 * (an unknown flag, a missing file, no token), before anything is read.
 */
import indicatorsJson from '../data/indicators.json';
import { registerUnits } from '../data';
import { z } from 'zod/mini';
import { Indicator } from '../src/api/contract';
import { api, ApiFailure } from './import/api';
import { parseImportArgs, USAGE } from './import/args';
import type { SaveOutcome } from './import/outcome';
import { jsonFile, TARGETS_NOT_SAVED, textFile, type JsonFile, type Names } from './import/print';
import { readReportFile, type FileReport } from './import/read-file';
import { saveReport, saveTarget, type SaveTarget } from './import/save';

async function main(): Promise<number> {
  const parsed = parseImportArgs(process.argv.slice(2), process.env);
  if (parsed.ok === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!parsed.ok) {
    process.stderr.write(parsed.usage ? `${parsed.message}\n\n${USAGE}\n` : `${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  const say = (line: string) => process.stderr.write(`${line}\n`);

  let target: SaveTarget | undefined;
  if (args.save) {
    try {
      target = await saveTarget(api(args.save.server, args.save.token));
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(String(error));
      say(`Không lưu được: ${failure.message}. Chưa ghi gì.`);
      return failure.status === 401 || failure.status === 403 || /người xem/.test(failure.message) ? 2 : 1;
    }
  }

  // the register and indicators the editor reads with; with --save, the server's own
  const units = target?.units ?? registerUnits();
  const indicators = target?.indicators ?? z.array(Indicator).parse(indicatorsJson);
  const names: Names = { units, indicators: new Map(indicators.map((i) => [i.id, i])) };

  let failed = false;
  const files: JsonFile[] = [];
  const stored: string[] = [];
  const skipped: string[] = [];
  let targets = 0;
  for (const file of args.files) {
    if (!args.json) say(`Đang đọc ${file}…`);
    let report: FileReport;
    try {
      report = await readReportFile(file, { units, indicators });
    } catch (error) {
      say(`${file}: không đọc được tệp (${error instanceof Error ? error.message : String(error)}).`);
      failed = true;
      continue;
    }
    if (!report.document.text.trim()) failed = true;
    targets += report.targets.length;
    let save: SaveOutcome | undefined;
    if (target) {
      save = await saveReport(report, target);
      if (save.stored) stored.push(`${file}: ${save.figures} số liệu`);
      else {
        skipped.push(`${file}: ${save.reason}`);
        if (save.refused) failed = true;
      }
    }
    if (args.json) files.push(jsonFile(report, units, save));
    else process.stdout.write(`${textFile(report, names, save)}\n\n`);
  }

  if (args.json) process.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`);
  if (target) {
    say(`Đã lưu ${stored.length} tệp${stored.length ? `: ${stored.join('; ')}` : ''}.`);
    say(`Bỏ qua ${skipped.length} tệp${skipped.length ? `:\n  ${skipped.join('\n  ')}` : ''}`);
    if (targets > 0) say(`${targets} chỉ tiêu kế hoạch đọc được: ${TARGETS_NOT_SAVED}.`);
  } else if (!args.json) say('Chưa lưu gì (thêm --save --server URL để lưu).');
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong muốn: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
