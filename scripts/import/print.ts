/** What the command prints: one JSON document (--json) or a text a person reads, per file. */
import type { Indicator } from '../../src/api/contract';
import type { DocumentEncoding } from '../../src/lib/documents';
import { unitLabel, type Candidate, type PlanTarget, type UnitName } from '../../src/lib/extract';
import { formatDate, formatQualified } from '../../src/lib/format';
import { formatTargetValue } from '../../src/lib/parse-targets';
import { periodLabel } from '../../src/lib/period-names';
import { TARGET_TYPE_TEXT } from '../../src/lib/vocabulary';
import type { SaveOutcome } from './outcome';
import type { FileReport } from './read-file';

export interface JsonCandidate {
  indicatorId: string;
  value: number;
  outOf?: number;
  period?: string;
  /** A monthly report's quarter, for a person to confirm (never stored by --save). */
  periodProposed?: string;
  /** The day the figure stands at ("2024-10-31"), when it is not a period's end. */
  asOf?: string;
  unitId?: string;
  qualifier: string;
  basis?: string;
  /** What was planned beside it ("giảm 200/119 hộ": 119), never its total. */
  plan?: number;
  sentence: string;
}

/** A target a plan sentence sets: a candidate target of a resolution, never a figure (and never stored by --save). */
export interface JsonTarget {
  name: string;
  type: string;
  value: number;
  valueMax?: number;
  unit: string;
  indicatorId?: string;
  /** The year it is for (a yearly resolution's), or the term (a term resolution's, "2025-2030"). */
  year?: number;
  term?: string;
  /** What was inferred (a year the sentence does not say). */
  note?: string;
  sentence: string;
}

export interface JsonFile {
  file: string;
  unitId?: string;
  unitName?: string;
  period?: string;
  periodProposed?: string;
  heldOn?: string;
  encoding: DocumentEncoding;
  notes: string[];
  candidates: JsonCandidate[];
  /** What its plan sentences set: not results, so never among the candidates. */
  targets: JsonTarget[];
  problem?: { kind: string; message: string };
  save?: SaveOutcome;
}

export function jsonCandidate(c: Candidate): JsonCandidate {
  const out: Partial<JsonCandidate> = { indicatorId: c.indicatorId, value: c.value };
  if (c.outOf !== undefined) out.outOf = c.outOf;
  if (c.period) out.period = c.period;
  if (c.periodProposed) out.periodProposed = c.periodProposed;
  if (c.asOf) out.asOf = c.asOf;
  if (c.unitId) out.unitId = c.unitId;
  out.qualifier = c.qualifier;
  if (c.basis) out.basis = c.basis;
  if (c.plan !== undefined) out.plan = c.plan;
  out.sentence = c.sentence;
  return out as JsonCandidate;
}

export function jsonTarget(t: PlanTarget): JsonTarget {
  const out: Partial<JsonTarget> = { name: t.name, type: t.type, value: t.value };
  if (t.valueMax !== undefined) out.valueMax = t.valueMax;
  out.unit = t.unit;
  if (t.indicatorId) out.indicatorId = t.indicatorId;
  if (t.year !== undefined) out.year = t.year;
  if (t.term) out.term = t.term;
  if (t.note) out.note = t.note;
  out.sentence = t.sentence;
  return out as JsonTarget;
}

export function jsonFile(report: FileReport, units: readonly UnitName[], save?: SaveOutcome): JsonFile {
  const out: Partial<JsonFile> = { file: report.file };
  if (report.unitId) {
    out.unitId = report.unitId;
    out.unitName = unitLabel(report.unitId, units);
  }
  if (report.period) out.period = report.period;
  if (report.periodProposed) out.periodProposed = report.periodProposed;
  if (report.heldOn) out.heldOn = report.heldOn;
  out.encoding = report.document.encoding;
  out.notes = report.notes;
  out.candidates = report.candidates.map(jsonCandidate);
  out.targets = report.targets.map(jsonTarget);
  if (report.document.problem) out.problem = { ...report.document.problem };
  if (save) out.save = save;
  return out as JsonFile;
}

const ENCODING_NAMES: Record<DocumentEncoding, string> = {
  'utf-8': 'văn bản Unicode (UTF-8)',
  'utf-16le': 'văn bản Unicode (UTF-16)',
  'utf-16be': 'văn bản Unicode (UTF-16, big endian)',
  'windows-1258': 'văn bản Windows-1258',
  tcvn3: 'văn bản TCVN3, đã chuyển sang Unicode',
  vni: 'văn bản VNI, đã chuyển sang Unicode',
  docx: 'Word (.docx)',
  pdf: 'PDF',
  unknown: 'không đọc được',
};

export interface Names {
  units: readonly UnitName[];
  indicators: ReadonlyMap<string, Pick<Indicator, 'name' | 'unit'>>;
}

/** A candidate's line, and its sentence unless the candidate before came from the same one. */
function candidateLines(c: Candidate, i: number, report: FileReport, names: Names): string[] {
  const indicator = names.indicators.get(c.indicatorId);
  const value = indicator ? formatQualified(c.value, indicator.unit, c.qualifier, c.outOf) : String(c.value);
  const where = [
    c.unitId && c.unitId !== report.unitId ? unitLabel(c.unitId, names.units) : '',
    c.period && c.period !== report.period ? periodLabel(c.period) : '',
    !c.period && c.periodProposed ? `kỳ đề xuất ${periodLabel(c.periodProposed)}, cần xác nhận` : '',
  ].filter(Boolean);
  const lines = [`    ${i + 1}. ${indicator?.name ?? c.indicatorId}: ${value}${where.length ? ` (${where.join(', ')})` : ''} [${c.indicatorId}]`];
  if (c.note) lines.push(`       Ghi chú: ${c.note}`);
  const next = report.candidates[i + 1];
  if (next?.sentence !== c.sentence || next.sentenceRange.start !== c.sentenceRange.start) lines.push(`       “${c.sentence}”`);
  return lines;
}

export function textFile(report: FileReport, names: Names, save?: SaveOutcome): string {
  const unread = 'chưa đọc được';
  const head = `${report.file} — ${ENCODING_NAMES[report.document.encoding]}`;
  if (!report.document.text.trim()) {
    const lines = [head, `  Cần xử lý: ${report.document.problem?.message ?? 'tệp không có chữ.'}`];
    if (save) lines.push(...saveLines(save));
    return lines.join('\n');
  }
  const lines = [
    head,
    `  Đơn vị: ${report.unitId ? `${unitLabel(report.unitId, names.units)} (${report.unitId})` : unread}`,
    `  Kỳ báo cáo: ${
      report.period
        ? `${periodLabel(report.period)} (${report.period})`
        : report.periodProposed
          ? `${unread}; đề xuất ${periodLabel(report.periodProposed)} (${report.periodProposed}), cần người xác nhận`
          : unread
    }`,
    `  Ngày họp: ${report.heldOn ? formatDate(report.heldOn) : unread}`,
  ];
  if (report.document.problem) lines.push(`  Cần xử lý: ${report.document.problem.message}`);
  for (const note of report.notes) lines.push(`  Ghi chú: ${note}`);
  if (report.candidates.length === 0) lines.push('  Không đọc được số liệu nào.');
  else {
    lines.push(`  ${report.candidates.length} số liệu đọc được:`);
    report.candidates.forEach((c, i) => lines.push(...candidateLines(c, i, report, names)));
  }
  if (report.targets.length > 0) lines.push(...targetLines(report, names));
  if (save) lines.push(...saveLines(save));
  return lines.join('\n');
}

/** Why the command stores no target: a resolution's targets are accepted one by one on the editors' page. */
export const TARGETS_NOT_SAVED = 'chưa phải kết quả; lệnh này không lưu chỉ tiêu, kể cả với --save; hãy nhận từng chỉ tiêu ở trang biên tập, mục “Nhập từ báo cáo”';

/** The targets of the report's plans, each with its sentence. */
function targetLines(report: FileReport, names: Names): string[] {
  const lines = [`  ${report.targets.length} chỉ tiêu kế hoạch đọc được (${TARGETS_NOT_SAVED}):`];
  report.targets.forEach((t, i) => {
    const value = formatTargetValue(t);
    const when = t.term ? `nhiệm kỳ ${t.term.replace('-', '–')}` : t.year !== undefined ? `năm ${t.year}` : 'chưa rõ năm';
    const indicator = t.indicatorId ? ` [${names.indicators.get(t.indicatorId)?.name ?? t.indicatorId}]` : '';
    lines.push(`    ${i + 1}. ${t.name}: ${value}, ${TARGET_TYPE_TEXT[t.type].label}, ${when}${indicator}`);
    if (t.note) lines.push(`       Ghi chú: ${t.note}`);
    if (report.targets[i + 1]?.sentence !== t.sentence) lines.push(`       “${t.sentence}”`);
  });
  return lines;
}

function saveLines(save: SaveOutcome): string[] {
  const lines: string[] = [];
  if (save.stored) {
    const figures = save.figures > 0 ? `đã lưu ${save.figures} số liệu` : 'không có số liệu mới';
    const already = save.alreadyStored > 0 ? `, ${save.alreadyStored} số liệu đã có từ trước nên không lưu lại` : '';
    const source = save.sourceReused ? `dùng lại báo cáo đã lưu (nguồn ${save.sourceId})` : `nguồn ${save.sourceId}`;
    lines.push(`  Lưu: ${figures}${already}; ${source}.`);
  } else lines.push(`  ${save.refused ? 'Không lưu được' : 'Bỏ qua, không lưu'}: ${save.reason}`);
  for (const l of save.leftOut) lines.push(`    số liệu ${l.candidate} không lưu: ${l.reason}`);
  return lines;
}
