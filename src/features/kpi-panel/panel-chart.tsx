/**
 * A panel's chart: many units ranked are drawn at once by hand (ComparisonChart); a trend
 * waits for the chart code (fetched lazily, one chart drawn per frame: `useKpiChart`, whose
 * answer the panel keeps across its states and hands in as `trend`) behind a placeholder, and
 * offers Retry if that code could not load. The chart's root svg sits in the box `boxId`,
 * where the exports find it.
 */
import { useCallback, useMemo } from 'react';
import { ComparisonChart } from '../../components/charts/comparison-chart';
import type { LazyChart } from '../../components/charts/use-kpi-chart';
import { formatAxisValue, formatBarValue, formatValue } from '../../lib/format';
import { MINE_LABEL } from './chart-series';
import { periodLabel } from '../../lib/period-names';
import type { PanelModel } from './panel-model';

export function PanelChart({ model, boxId, trend }: { model: PanelModel; boxId: string; trend: LazyChart }) {
  const compare = model.chart.layout === 'byUnit';
  const { Chart, failed, retry } = trend;

  // stable props, so the (memoised) chart is drawn again only when its figures change
  const { measure } = model;
  const formatAxis = useCallback((v: number) => formatAxisValue(v, measure), [measure]);
  const formatTip = useCallback((v: number) => formatValue(v, measure), [measure]);
  const formatLabel = useCallback((v: number) => formatBarValue(v, measure), [measure]);
  const boundaries = useMemo(() => model.chart.boundaries.map((b) => ({ x: periodLabel(b.period), label: b.label })), [model]);
  // the same props for both chart kinds
  const chartProps = { rows: model.chart.rows, series: model.chartSeries, benchmark: model.chart.benchmark, formatValue: formatTip, formatAxis };

  return (
    <div className="chart-box" id={boxId}>
      {compare ? (
        <ComparisonChart {...chartProps} formatLabel={formatLabel} mine={model.mine} mineLabel={MINE_LABEL} />
      ) : Chart ? (
        <Chart {...chartProps} boundaries={boundaries} />
      ) : failed ? (
        <div className="chart-placeholder" role="alert">
          <p>Không tải được biểu đồ (các số liệu trên vẫn đúng). Hãy kiểm tra mạng rồi bấm “Thử lại”.</p>
          <button type="button" onClick={retry}>
            Thử lại
          </button>
        </div>
      ) : (
        <div className="chart-placeholder" role="status">Đang vẽ biểu đồ…</div>
      )}
    </div>
  );
}
