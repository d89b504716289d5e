import type { LazyChart } from '../../components/charts/use-kpi-chart';
import { DataTable } from './data-table';
import { HeadlineTiles } from './headline-tiles';
import { PanelChart } from './panel-chart';
import { UnitNotes } from './panel-empty';
import type { PanelModel } from './panel-model';
import { SourceList } from './source-list';

/** A panel with figures: headline tiles first, then the chart, its boundary notes, the table behind it and the sources. */
export function PanelContent({ model, caption, chartBoxId, trend }: {
  model: PanelModel;
  /** The table's caption: the panel's title and subtitle. */
  caption: string;
  chartBoxId: string;
  trend: LazyChart;
}) {
  return (
    <>
      <HeadlineTiles tiles={model.tiles} />
      <UnitNotes notes={model.unitNotes} />
      <PanelChart model={model} boxId={chartBoxId} trend={trend} />
      {model.chart.boundaries.map((b) => (
        <p key={b.period} className="boundary-note">
          <span aria-hidden="true">┆ </span>Thay đổi địa giới {b.label}: số liệu trước và sau không nối liền.
        </p>
      ))}
      <DataTable caption={caption} rows={model.figures} />
      <SourceList sources={model.sources} />
    </>
  );
}
