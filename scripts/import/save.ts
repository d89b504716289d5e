/**
 * `--save`: the accepted candidates of a file whose unit, period and held date were read, stored
 * through the API, all or nothing per file. Accepted: every candidate with its period read (one
 * whose period is only proposed waits for a person, on the editor's page). Before anything is
 * written the file's figures are checked with the API's own rules (src/api/rules.ts) against what
 * the server holds, and compared with its stored figures: one equal to a stored figure is "đã có"
 * and not written again; one that differs from a stored figure of the same unit, indicator and
 * period, or that the rules refuse, stops the whole file. Then the report is stored as a source
 * (the server answers the same report stored before with that one) and the figures in one batch, which the server
 * stores whole or not at all. The API cannot delete a source: if the server still refuses the
 * batch, the report stays stored without figures, is said so, and is reused by the next import.
 */
import { basename } from 'node:path';
import {
  NewObservation as NewObservationSchema,
  NewSource as NewSourceSchema,
  type ApiIssue,
  type Indicator,
  type NewObservation,
  type Observation,
  type SessionResponse,
  type SourceSummary,
  type Unit,
} from '../../src/api/contract';
import { observationProblems, ruleContext, sourceProblems } from '../../src/api/rules';
import { sameFigure, sameSlot } from '../../src/api/same-figure';
import { containersOf } from '../../src/api/units';
import { unitLabel } from '../../src/lib/extract';
import { formatDate, formatQualified } from '../../src/lib/format';
import { periodLabel } from '../../src/lib/period-names';
import { ApiFailure, type Api } from './api';
import type { LeftOut, SaveOutcome } from './outcome';
import type { FileReport } from './read-file';

export interface SaveTarget {
  api: Api;
  session: SessionResponse;
  units: Unit[];
  indicators: Indicator[];
  /** The server's sources, with those this run adds. */
  sources: SourceSummary[];
}

/** Checks the token and reads what the rules need; an ApiFailure says why not. */
export async function saveTarget(api: Api): Promise<SaveTarget> {
  const session = await api.session();
  if (session.role !== 'editor') throw new ApiFailure('mã truy cập KPI_TOKEN là của người xem, không được ghi: hãy dùng mã của biên tập viên');
  const [units, indicators, sources] = await Promise.all([api.units(), api.indicators(), api.sources()]);
  return { api, session, units, indicators, sources };
}

const PENDING_SOURCE = 'pending-source';
const ON_THE_PAGE = 'hãy nhập tệp này trên trang Nhập số liệu';
const NOTHING = 'không lưu gì của tệp này';

export async function saveReport(report: FileReport, target: SaveTarget): Promise<SaveOutcome> {
  const leftOut: LeftOut[] = [];
  const skip = (reason: string): SaveOutcome => ({ stored: false, refused: false, reason, leftOut });
  const refuse = (reason: string): SaveOutcome => ({ stored: false, refused: true, reason, leftOut });
  const { unitId, period, heldOn } = report;
  if (!report.document.text.trim()) return skip('không đọc được chữ nào trong tệp.');
  if (!unitId) return skip(`chưa đọc được đơn vị (phường, xã) của báo cáo: ${ON_THE_PAGE} và chọn đơn vị.`);
  if (!period && report.periodProposed) {
    return skip(`kỳ báo cáo chỉ là đề xuất (${periodLabel(report.periodProposed)}, báo cáo tháng): cần người xác nhận, ${ON_THE_PAGE} và chọn kỳ.`);
  }
  if (!period) return skip(`chưa đọc được kỳ báo cáo (quý I, 6 tháng, 9 tháng hay cả năm): ${ON_THE_PAGE} và chọn kỳ.`);
  if (!heldOn) return skip(`chưa đọc được ngày họp (ngày của báo cáo): ${ON_THE_PAGE} và ghi ngày.`);
  const unitName = (id: string) => unitLabel(id, target.units);
  const allowed = target.session.units;
  if (allowed && !allowed.includes(unitId)) return skip(`mã truy cập chỉ được ghi số liệu của ${allowed.map(unitName).join(', ')}, không phải của ${unitName(unitId)}.`);
  if (report.candidates.length === 0) return skip('không có số liệu nào để lưu.');

  // the accepted candidates as figures, each checked by the API's rules
  const indicators = new Map(target.indicators.map((i) => [i.id, i]));
  const ctx = ruleContext(target.units, target.indicators, [...target.sources, { id: PENDING_SOURCE, unitId }], containersOf(target.units));
  const figures: { n: number; figure: NewObservation }[] = [];
  const problems: string[] = [];
  report.candidates.forEach((c, i) => {
    const n = i + 1;
    if (!c.period) {
      const proposed = c.periodProposed ? ` (đề xuất ${periodLabel(c.periodProposed)})` : '';
      leftOut.push({ candidate: n, reason: `chưa rõ kỳ của số liệu${proposed}: cần người xác nhận trên trang Nhập số liệu.` });
      return;
    }
    const raw: Record<string, unknown> = {
      unitId: c.unitId ?? unitId,
      indicatorId: c.indicatorId,
      period: c.period,
      value: c.value,
      outOf: c.outOf,
      basis: c.basis,
      qualifier: c.qualifier,
      asOf: c.asOf,
      scope: c.scope,
      status: c.status,
      sourceId: PENDING_SOURCE,
      note: c.note?.slice(0, 2000),
    };
    for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
    const parsed = NewObservationSchema.safeParse(raw);
    const issues: ApiIssue[] = parsed.success
      ? observationProblems(parsed.data, ctx)
      : parsed.error.issues.map((e) => ({ path: e.path.join('.'), message: e.message }));
    if (allowed && !allowed.includes(String(raw.unitId))) issues.push({ path: 'unitId', message: `mã truy cập không được ghi số liệu của ${unitName(String(raw.unitId))}` });
    if (issues.length > 0 || !parsed.success) problems.push(`số liệu ${n}: ${issues.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    else figures.push({ n, figure: parsed.data });
  });
  if (problems.length > 0) return refuse(`${problems.join('. ')}. Vì vậy ${NOTHING}.`);
  if (figures.length === 0) return skip('không có số liệu nào đã rõ kỳ để lưu.');

  // compared with what the server holds
  let stored: Observation[];
  try {
    stored = await target.api.observations([...new Set(figures.map((f) => f.figure.unitId))]);
  } catch (error) {
    return refuse(`${messageOf(error)}; ${NOTHING}.`);
  }
  const fresh: typeof figures = [];
  let alreadyStored = 0;
  for (const f of figures) {
    const slot = stored.filter((o) => sameSlot(o, f.figure));
    if (slot.some((o) => sameFigure(o, f.figure))) {
      alreadyStored++;
      continue;
    }
    const other = slot[0];
    if (other) {
      const indicator = indicators.get(f.figure.indicatorId);
      const say = (o: Pick<Observation, 'value' | 'qualifier' | 'outOf'>) => (indicator ? formatQualified(o.value, indicator.unit, o.qualifier, o.outOf) : String(o.value));
      return refuse(
        `số liệu ${f.n} (${indicator?.name ?? f.figure.indicatorId}, ${periodLabel(f.figure.period)}, ${unitName(f.figure.unitId)}: ${say(f.figure)}) khác với số đã lưu (${say(other)}, mã ${other.id}): hãy kiểm tra và sửa trên trang Nhập số liệu; ${NOTHING}.`,
      );
    }
    fresh.push(f);
  }
  if (fresh.length === 0) return skip(`mọi số liệu đọc được (${alreadyStored}) đã có trên máy chủ: báo cáo đã được nhập trước đó, không lưu lại.`);

  // the report: reused when the same one is stored, else added
  const title = report.title ?? `Báo cáo ${periodLabel(period)} – ${unitName(unitId)}`;
  const sourceRaw = {
    unitId,
    title,
    heldOn,
    periodLabel: periodLabel(period),
    reference: `${title}, ngày ${formatDate(heldOn)} (tệp ${basename(report.file)})`,
    text: report.document.text,
  };
  const sourceParsed = NewSourceSchema.safeParse(sourceRaw);
  const sourceIssues = sourceParsed.success ? sourceProblems(sourceParsed.data, ctx) : sourceParsed.error.issues.map((e) => ({ path: e.path.join('.'), message: e.message }));
  if (!sourceParsed.success || sourceIssues.length > 0) {
    return refuse(`báo cáo không lưu được (${sourceIssues.map((e) => `${e.path} ${e.message}`).join('; ')}); ${NOTHING}.`);
  }
  let sourceId: string;
  let sourceReused = false;
  try {
    // the server answers the same report stored before with that one (the write service's rule)
    const source = await target.api.addSource(sourceParsed.data);
    sourceId = source.id;
    sourceReused = target.sources.some((s) => s.id === source.id);
    if (!sourceReused) {
      const { text, ...fields } = source;
      target.sources.push({ ...fields, hasText: Boolean(text) });
    }
  } catch (error) {
    return refuse(`${messageOf(error)}; ${NOTHING}.`);
  }

  try {
    const written = await target.api.addObservations(fresh.map((f) => ({ ...f.figure, sourceId })));
    return { stored: true, sourceId, sourceReused, figures: written.length, alreadyStored, leftOut };
  } catch (error) {
    const issues = error instanceof ApiFailure ? error.issues.map((e) => `${renumber(e.path, fresh)} ${e.message}`).join('; ') : '';
    const kept = sourceReused ? '' : ` Báo cáo đã được lưu (nguồn ${sourceId}) nhưng chưa có số liệu; lần nhập sau sẽ dùng lại báo cáo này.`;
    return refuse(`${messageOf(error)}${issues ? `: ${issues}` : ''}; không số liệu nào của tệp được lưu.${kept}`);
  }
}

/** "2.value" of the batch → "số liệu N value", N the candidate's number in the file. */
function renumber(path: string, sent: readonly { n: number }[]): string {
  const [index, ...rest] = path.split('.');
  const n = sent[Number(index)]?.n;
  return n === undefined ? path : `số liệu ${n}${rest.length ? ` ${rest.join('.')}` : ''}`;
}

function messageOf(error: unknown): string {
  return error instanceof ApiFailure ? error.message : `lỗi không mong muốn: ${String(error)}`;
}
