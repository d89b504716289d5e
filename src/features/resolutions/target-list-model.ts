/**
 * The "Chỉ tiêu Nghị quyết" panel's list of targets, as data: for each unit shown, the
 * resolution in force for the period (the year's, else the term's), its targets judged by
 * lib/target-status.ts at risk first, the count computed from the figures beside the count the
 * report gives (resolution_targets_met, as reported), and whether the two differ. With many units,
 * one line per unit: how many targets are met, on track, at risk, behind, ranked. The exports
 * read `exportRows` (CSV rows and the lines of the images).
 */
import type { Indicator, Observation, Resolution, Unit } from '../../api/contract';
import { formatNumber, formatQualified } from '../../lib/format';
import type { FigureRow } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { byRisk, countTargetStatuses, indexFigures, resolutionStatus, TARGET_STATUS_WORDS, type TargetStatusKind } from '../../lib/target-status';
import { MEASURE_NAMES, QUALIFIER_NAMES, STATUS_COUNT_WORDS } from '../../lib/vocabulary';
import { resolutionInForce } from './target-figures';

export const REPORTED_INDICATOR = 'resolution_targets_met';

export interface TargetRow {
  id: string;
  number: number;
  group?: string;
  name: string;
  status: TargetStatusKind;
  word: string;
  reason: string;
  /** Set by an editor rather than judged on the figures. */
  byHand: boolean;
  /** The latest figure judged on, as written: "trên 95% (9 tháng 2026)". */
  figure?: string;
  figureValue?: number;
  figureUnit?: string;
  figureQualifier?: string;
  figurePeriod?: string;
}

export interface UnitTargets {
  unitId: string;
  unitName: string;
  kind?: Unit['kind'];
  resolution?: Resolution;
  rows: TargetRow[];
  counts: Record<TargetStatusKind, number>;
  /** Met or on track. */
  good: number;
  /** "Theo số liệu: 12/20 đạt hoặc đúng tiến độ" */
  computedText?: string;
  /** "Theo báo cáo: 10/11 chỉ tiêu đạt" (the report's own count, as reported) */
  reportedText?: string;
  /** Said where the report's count and the computed one differ. */
  differs?: string;
  /** In a ranking of many units: its rank (units without a resolution are not ranked). */
  rank?: number;
}

export interface TargetListModel {
  /** The period the list judges. */
  period: string;
  units: UnitTargets[];
  /** Many units: one line per unit, ranked. */
  byUnit: boolean;
  exportRows: { figures: FigureRow[]; summaryLines: string[] };
}

export interface TargetListInput {
  unitIds: readonly string[];
  period: string;
  resolutions: readonly Resolution[];
  figures: readonly Observation[];
  indicators: readonly Indicator[];
  units: readonly Unit[];
  /** The report's own counts (resolution_targets_met) of the units. */
  reported: readonly Observation[];
  byUnit: boolean;
}

/** How many targets are counted "met or on track", out of those judged: the computed count. */
export function computedCountText(good: number, total: number): string {
  return `Theo số liệu: ${formatNumber(good)}/${formatNumber(total)} ${STATUS_COUNT_WORDS.ok}`;
}

/** A resolution's targets judged for the period, at risk first: its rows and their counts. */
export interface JudgedTargets {
  rows: TargetRow[];
  counts: Record<TargetStatusKind, number>;
  /** Met or on track. */
  good: number;
}

/** What judging targets needs: the period, the figures and the register (not the report's counts). */
export type JudgeInput = Pick<TargetListInput, 'period' | 'figures' | 'indicators' | 'units'>;

/**
 * Judges each resolution's targets once for the period and these figures (the costly part of the
 * list), keeping the answer: the list can be judged while the report's counts of the view still
 * load, and put together from them at once when they are in.
 */
export function targetJudge(input: JudgeInput): (resolution: Resolution) => JudgedTargets {
  const figureIndex = indexFigures(input.figures as Observation[]);
  const indicators = new Map(input.indicators.map((i) => [i.id, i]));
  const register = new Map(input.units.map((u) => [u.id, u]));
  const judged = new WeakMap<Resolution, JudgedTargets>();
  return (resolution) => {
    const kept = judged.get(resolution);
    if (kept) return kept;
    const assessments = resolutionStatus(resolution, input.period, { figures: figureIndex, indicators, unit: register.get(resolution.unitId) });
    const rows = byRisk(
      resolution.targets.map((t, i) => {
        const a = assessments[i]!;
        const f = a.figure;
        const measure = (t.indicatorId && indicators.get(t.indicatorId)?.unit) || t.unit;
        // its sentence is worked out when read (a list of a few units, an export): a ranking of
        // many units shows only their counts
        const row: TargetRow = {
          id: t.id,
          number: t.number,
          group: t.group,
          name: t.name,
          status: a.status,
          word: a.word,
          get reason() {
            return a.reason;
          },
          byHand: a.by === 'hand',
        };
        if (f) {
          row.figure = `${formatQualified(f.value, measure, f.qualifier, f.outOf)} (${periodLabel(f.period)})`;
          row.figureValue = f.value;
          row.figureUnit = MEASURE_NAMES[measure];
          row.figureQualifier = QUALIFIER_NAMES[f.qualifier];
          row.figurePeriod = f.period;
        }
        return row;
      }),
    );
    const counts = countTargetStatuses(rows);
    const answer = { rows, counts, good: counts.met + counts.on_track };
    judged.set(resolution, answer);
    return answer;
  };
}

export function buildTargetList(input: TargetListInput, judge = targetJudge(input)): TargetListModel {
  const register = new Map(input.units.map((u) => [u.id, u]));
  const units: UnitTargets[] = input.unitIds.map((unitId) => {
    const unit = register.get(unitId);
    const reported = input.reported.find((o) => o.unitId === unitId && o.indicatorId === REPORTED_INDICATOR && o.period === input.period);
    const resolution = resolutionInForce(input.resolutions, unitId, input.period, reported?.scope);
    const unitName = unit?.name ?? unitId;
    const reportedText = reported
      ? `Theo báo cáo: ${formatNumber(reported.value)}${reported.outOf !== undefined ? `/${formatNumber(reported.outOf)}` : ''} chỉ tiêu đạt`
      : undefined;
    if (!resolution) {
      return { unitId, unitName, kind: unit?.kind, rows: [], counts: countTargetStatuses([]), good: 0, reportedText };
    }
    const { rows, counts, good } = judge(resolution);
    const total = rows.length;
    let differs: string | undefined;
    if (reported) {
      const same = reported.value === good && (reported.outOf === undefined || reported.outOf === total);
      if (!same) {
        differs = `Số của báo cáo (${formatNumber(reported.value)}${reported.outOf !== undefined ? `/${formatNumber(reported.outOf)}` : ''}) khác số tính theo số liệu (${formatNumber(good)}/${formatNumber(total)}): báo cáo đếm theo cách của báo cáo, bảng này tính từng chỉ tiêu từ số liệu đã nhập.`;
      }
    }
    return { unitId, unitName, kind: unit?.kind, resolution, rows, counts, good, computedText: computedCountText(good, total), reportedText, differs };
  });

  if (input.byUnit) rankUnits(units);
  return { period: input.period, units: input.byUnit ? [...units].sort(byRank) : units, byUnit: input.byUnit, exportRows: exportRows(units, input) };
}

const share = (u: UnitTargets) => (u.rows.length ? u.good / u.rows.length : -1);

/** Best first: the share met or on track, then fewer behind and at risk; equal shares share a rank. */
function rankUnits(units: UnitTargets[]): void {
  const ranked = units.filter((u) => u.resolution && u.rows.length > 0).sort(compareUnits);
  let rank = 0;
  ranked.forEach((u, i) => {
    if (i === 0 || compareUnits(ranked[i - 1]!, u) !== 0) rank = i + 1;
    u.rank = rank;
  });
}

function compareUnits(a: UnitTargets, b: UnitTargets): number {
  return share(b) - share(a) || a.counts.behind + a.counts.at_risk - (b.counts.behind + b.counts.at_risk);
}

function byRank(a: UnitTargets, b: UnitTargets): number {
  if (a.rank === undefined || b.rank === undefined) return a.rank === undefined ? (b.rank === undefined ? a.unitName.localeCompare(b.unitName, 'vi') : 1) : -1;
  return a.rank - b.rank || a.unitName.localeCompare(b.unitName, 'vi');
}

/** One unit's counts in words: "Đạt 5 · Đúng tiến độ 7 · Có nguy cơ không đạt 3 · Chưa đạt 2 · Chưa có số liệu 3". */
export function countsText(counts: Record<TargetStatusKind, number>): string {
  return (['met', 'on_track', 'at_risk', 'behind', 'no_data'] as const).map((k) => `${TARGET_STATUS_WORDS[k]} ${formatNumber(counts[k])}`).join(' · ');
}

/**
 * The rows of the CSV and the lines of the images: every target of a few units; of many, one
 * row per unit (its rank, how many targets are met or on track, the counts by status) and the
 * first lines of the ranking in the images.
 */
const MAX_UNIT_LINES = 20;
/** The CSV's name for a unit's count of many units' ranking. */
export const UNIT_COUNT_INDICATOR = 'Số chỉ tiêu nghị quyết đạt hoặc đúng tiến độ (tính theo số liệu)';
function exportRows(units: readonly UnitTargets[], input: TargetListInput): TargetListModel['exportRows'] {
  const figures: FigureRow[] = [];
  const summaryLines: string[] = [];
  const label = periodLabel(input.period);
  if (input.byUnit) {
    const ranked = [...units].sort(byRank);
    for (const u of ranked.slice(0, MAX_UNIT_LINES)) {
      summaryLines.push(u.resolution ? `${u.rank ? `${u.rank}. ` : ''}${u.unitName}: ${countsText(u.counts)}` : `${u.unitName}: chưa có nghị quyết`);
    }
    if (ranked.length > MAX_UNIT_LINES) summaryLines.push(`… và ${formatNumber(ranked.length - MAX_UNIT_LINES)} đơn vị khác (đủ trong tệp CSV/Excel)`);
    for (const u of ranked) {
      figures.push({
        key: `targets-${u.unitId}-${u.resolution?.id ?? 'none'}`,
        unit: u.unitName,
        period: label,
        indicator: UNIT_COUNT_INDICATOR,
        value: u.resolution ? u.good : Number.NaN,
        ...(u.resolution ? { outOf: u.rows.length } : {}),
        unitOfMeasure: u.resolution ? 'chỉ tiêu' : '',
        qualifier: '',
        formatted: u.resolution ? `${formatNumber(u.good)}/${formatNumber(u.rows.length)}` : '',
        source: u.resolution?.title ?? '',
        status: u.resolution ? countsText(u.counts) : 'Chưa có nghị quyết',
        ...(u.rank ? { rank: u.rank } : {}),
      });
    }
    return { figures, summaryLines };
  }
  for (const u of units) {
    if (!u.resolution) {
      summaryLines.push(`${u.unitName}: chưa có nghị quyết cho ${label}`);
      continue;
    }
    summaryLines.push(`${u.resolution.title}: ${u.computedText}${u.reportedText ? `; ${u.reportedText.toLowerCase()}` : ''}`);
    if (u.differs) summaryLines.push(u.differs);
    for (const r of u.rows) {
      summaryLines.push(`${r.number}. ${r.name}: ${r.word}${r.byHand ? ' (đặt tay)' : ''}. ${r.reason}`);
      figures.push({
        key: `target-${u.unitId}-${u.resolution.id}-${r.id}`,
        unit: u.unitName,
        period: label,
        indicator: `Chỉ tiêu ${r.number}: ${r.name}`,
        value: r.figureValue ?? Number.NaN,
        unitOfMeasure: r.figureUnit ?? '',
        qualifier: r.figureQualifier ?? '',
        formatted: r.figure ?? '',
        source: u.resolution.title,
        status: r.word,
        statusReason: r.reason,
      });
    }
  }
  return { figures, summaryLines };
}
