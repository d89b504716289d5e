/**
 * What a KPI panel hands to its export buttons: everything the image and the CSV must carry,
 * as the panel's model builds it (features/kpi-panel). The exports read only these types, so
 * they depend on neither the panel's view nor its model.
 */

/** A headline figure. */
export interface TileModel {
  key: string;
  /** The unit whose figure it is (a tile of one unit's figures; none for a summary of many). */
  unitId?: string;
  label: string;
  value: string;
  detail?: string;
  comparison?: string;
  status?: 'met' | 'behind' | 'unknown';
  earlier?: boolean;
}

/** One figure behind the chart, as the table and the CSV list it. */
export interface FigureRow {
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
}
