/**
 * What a KPI panel hands to its export buttons: everything the image and the CSV must carry,
 * as the panel's model builds it (features/kpi-panel). The exports read only these types, so
 * they depend on neither the panel's view nor its model.
 */

/** A headline figure. */
export interface TileModel {
  key: string;
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
  chart: { boundaries: { period: string; label: string }[] };
  /** The chart's series and benchmark, with the colours they are drawn in. */
  legend: LegendItem[];
}

export interface PanelExport {
  /** "thu-ngan-sach" */
  slug: string;
  /** "Thu ngân sách" */
  title: string;
  unitIds: string[];
  unitNames: string[];
  /** "2024-Q4" and "Cả năm 2024" */
  period: string;
  periodLabel: string;
  model: ExportModel;
  /** The chart's svg on screen (the root svg marked `data-kpi-chart`, either chart kind), if drawn. */
  getChartSvg: () => SVGSVGElement | null;
}
