import type { ReactNode } from 'react';
import type { ComparisonChartProps } from '../../components/charts/comparison-chart';
import type { FigureRow } from '../../lib/panel-export';
import type { LazyChart } from '../../components/charts/use-kpi-chart';
import { DataTable } from './data-table';
import { HeadlineTiles } from './headline-tiles';
import { PanelChart } from './panel-chart';
import { SummaryLines, UnitNotes, UnitsToFill } from './panel-empty';
import type { PanelModel, UnitToFill } from './panel-model';
import { LineageSwitch, type LineageToggle } from './lineage-switch';
import { SourceList } from './source-list';
import './panel-units.css';

/** A panel with figures: headline tiles first, then the charts, their boundary notes, the table behind them and the sources. */
export function PanelContent({ model, rows, caption, chartBoxId, trend, comparison, lineage, renderAddFigures }: {
  model: PanelModel;
  /** The table's rows, written when it is opened (paired with a year earlier once those figures are in). */
  rows: () => FigureRow[];
  /** The table's caption: the panel's title and subtitle. */
  caption: string;
  chartBoxId: string;
  trend: LazyChart;
  comparison: LazyChart<ComparisonChartProps>;
  lineage: LineageToggle;
  renderAddFigures?: (unit: UnitToFill) => ReactNode;
}) {
  // among many, only the user's own units without figures are named here (the chart shows the others);
  // a few units' tiles name theirs
  const toFill =
    model.chart.layout === 'byUnit' ? model.toFill.filter((u) => model.mine.includes(u.unitId)) : model.tileGroups ? [] : model.toFill;
  return (
    <>
      <HeadlineTiles tiles={model.tiles} groups={model.tileGroups} renderAddFigures={renderAddFigures} />
      {/* the tiles of a few units say which have none; many: how many are on track, how many have none */}
      <SummaryLines lines={model.tileGroups ? [] : model.summaryLines} />
      <UnitsToFill units={toFill} render={renderAddFigures} />
      <UnitNotes notes={model.unitNotes} />
      {model.hasLineage && <LineageSwitch {...lineage} />}
      <PanelChart model={model} boxId={chartBoxId} trend={trend} comparison={comparison} />
      {model.chart.boundaries.map((b) => (
        <p key={b.period + b.label} className="boundary-note">
          <span aria-hidden="true">┆ </span>Thay đổi địa giới {b.label}: số liệu trước và sau không nối liền.
        </p>
      ))}
      <DataTable caption={caption} count={model.figureCount} getRows={rows} ranked={model.ranked} />
      <SourceList sources={model.sources} />
    </>
  );
}
