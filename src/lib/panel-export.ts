/** What a panel hands to its export buttons: everything the image and the CSV must carry. */
import type { PanelModel } from './panel-model';

export interface LegendItem {
  label: string;
  color: string;
  /** A dashed line (benchmark) rather than a filled box. */
  dashed?: boolean;
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
  model: PanelModel;
  legend: LegendItem[];
  /** The chart's svg on screen (the root svg marked `data-kpi-chart`, either chart kind), if drawn. */
  getChartSvg: () => SVGSVGElement | null;
}
