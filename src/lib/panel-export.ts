/**
 * What a KPI panel hands to its export buttons: everything the image and the CSV must carry,
 * as the panel's model builds it (features/kpi-panel). The exports read only these types, so
 * they depend on neither the panel's view nor its model.
 */
import type { MeasureUnit } from '../api/contract';
import type { ChartModel } from './kpi';
import type { StatusKind } from './vocabulary';

/** A headline figure. */
export interface TileModel {
  key: string;
  /** The unit whose figure it is (a tile of one unit's figures; none for a summary of many). */
  unitId?: string;
  label: string;
  value: string;
  detail?: string;
  /** Against its benchmark (lib/status.ts), said in words: ATTAINMENT_WORDS[status]. */
  status?: StatusKind;
  /** Why, in one sentence: "Quý I đạt 13,75% dự toán năm; theo tiến độ cần 25%". */
  reason?: string;
  /** What else qualifies the figure: what a percent is of, scope, as-of date, an estimate. */
  notes?: string;
  /** Against the same period a year earlier: "so với 9 tháng 2023: +12%", or why not compared. */
  samePeriod?: string;
  /**
   * Everything after the status word in one line, as an image draws it
   * (`${ATTAINMENT_WORDS[status]}: ${comparison}`): the reason, the notes, the same period.
   */
  comparison?: string;
  /** The tile's id on the page (tileAnchor), for links to it (the at-risk summary). */
  anchor?: string;
  earlier?: boolean;
}

/**
 * The id of a unit's tile of an indicator on the page ("chi-tieu-my-thoi-budget_revenue_pct"),
 * or with many units compared, of the indicator's first tile ("chi-tieu-budget_revenue_pct").
 */
export function tileAnchor(unitId: string | undefined, indicatorId: string): string {
  return unitId ? `chi-tieu-${unitId}-${indicatorId}` : `chi-tieu-${indicatorId}`;
}

/** A figure against its benchmark and the same period a year earlier, as the table and the CSV carry it. */
export interface FigureAssessment {
  /** "Có nguy cơ không đạt" (the word, ATTAINMENT_WORDS) */
  status?: string;
  statusReason?: string;
  /** "9 tháng 2023" */
  previousPeriod?: string;
  previousValue?: number;
  /** "trên 8 tỷ đồng" */
  previousFormatted?: string;
  /** In points for a percentage, in percent otherwise (absolute from 0): see changeUnit. */
  change?: number;
  /** "điểm %", "%", "hộ" */
  changeUnit?: string;
  /** "so với 9 tháng 2023: +12%", or why the figures are not compared ("Không so với Quý I 2025: địa giới thay đổi từ 01/07/2025"). */
  changeText?: string;
}

/** One figure behind the chart, as the table and the CSV list it. */
export interface FigureRow extends FigureAssessment {
  key: string;
  unit: string;
  period: string;
  indicator: string;
  value: number;
  outOf?: number;
  unitOfMeasure: string;
  qualifier: string;
  formatted: string;
  source: string;
  /** In a ranking of many units: the unit's rank (none: not ranked, no figure of the period). */
  rank?: number;
  /** A unit the user marked as theirs. */
  mine?: true;
}

/** A report the figures came from. */
export interface SourceLine {
  id: string;
  title: string;
  date: string;
  reference: string;
  /** The report's own text was stored (imported reports): it is fetched when someone opens it. */
  hasText?: true;
}

export interface LegendItem {
  label: string;
  color: string;
  /** A dashed line (benchmark) rather than a filled box. */
  dashed?: boolean;
}

/** The part of a panel's model that leaves the page. */
/** A chart's value axis: what it measures, what it says ("Đơn vị: tỷ đồng"), what a tick counts in (1e9 for tỷ đồng). */
export interface ValueAxis {
  measure: MeasureUnit;
  label: string;
  divisor: number;
}

/** A series as drawn: its colour by index (one unit's series share one), a total lighter. */
export interface DrawnSeries {
  key: string;
  label: string;
  muted?: boolean;
  colorIndex: number;
}

/** One chart of a panel (one per unit of measure) as the exports draw it. */
export interface ExportChart {
  chart: ChartModel;
  series: DrawnSeries[];
  legend: LegendItem[];
  axis: ValueAxis;
}

export interface ExportModel {
  tiles: TileModel[];
  figures: FigureRow[];
  sources: SourceLine[];
  /** Why chosen units have no figures: merged away, or not yet formed. */
  unitNotes: string[];
  /**
   * What the figures add up to, said in words: how many units are on track, which units have
   * no figure for the period ("Phường Mỹ Bình: chưa có số liệu Cả năm 2024").
   */
  summaryLines: string[];
  /** The figures are of many units ranked: the table and the CSV carry a "Hạng" column, in rank order. */
  ranked?: boolean;
  chart: { boundaries: { period: string; label: string }[] };
  /** The chart's series and benchmark, with the colours they are drawn in. */
  legend: LegendItem[];
  /** The panel's charts, one per unit of measure (many units compared: the ranking); none: nothing to draw. */
  charts?: ExportChart[];
  /** Ids of the units the user marked as theirs, among those shown. */
  mine?: string[];
}

export interface PanelExport {
  /** "thu-ngan-sach" */
  slug: string;
  /** "Thu ngân sách" */
  title: string;
  /** The units shown (a province or district chosen stands for its communes). */
  unitIds: string[];
  unitNames: string[];
  /** The units as the panel's subtitle says them: named ("Phường Mỹ Thới, Phường Mỹ Bình") or counted ("102 xã, phường"). */
  unitsLabel: string;
  /** "2024-Q4" and "Cả năm 2024" */
  period: string;
  periodLabel: string;
  model: ExportModel;
  /** The chart's svg on screen (the root svg marked `data-kpi-chart`, either chart kind), if drawn. */
  getChartSvg: () => SVGSVGElement | null;
  /**
   * The figures are a saved copy shown without a connection: what every file made from them
   * says of it, and when the copy was saved ("Lập từ bản lưu lúc 08:15 ngày 02/12/2026 — không
   * có kết nối"). Set by the app from the offline layer; none while the figures are current.
   */
  savedCopy?: string;
}
