/**
 * A panel's charts: many units ranked (the hand-drawn ComparisonChart) or trends (Recharts),
 * each kind's code fetched lazily and drawn one panel per frame (`useComparisonChart`,
 * `useKpiChart`, whose answers the panel keeps across its states and hands in as `comparison`
 * and `trend`), behind a placeholder, with Retry if that code could not load. A panel of figures in several units of measure draws
 * one small chart per unit (model.charts), side by side where there is room. The charts' root
 * svgs sit in the box `boxId`, in the model's order, where the exports find them.
 *
 * Trends are drawn once the box comes near the screen: the box watches for it (useNearScreen)
 * and tells the panel's `trend` (`reveal`), which then takes its turn; until then the
 * placeholder holds the chart's place (printing draws the rest, see use-kpi-chart.ts).
 */
import { useMemo, useRef } from 'react';
import type { ComparisonChartProps } from '../../components/charts/comparison-chart';
import { SmallMultiples } from '../../components/charts/small-multiples';
import type { LazyChart } from '../../components/charts/use-kpi-chart';
import { useNearScreen } from '../../components/charts/use-near-screen';
import { formatBarValue, formatValue } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { formatAxisTick } from '../../lib/format';
import { MINE_LABEL } from './chart-series';
import type { PanelModel } from './panel-model';

/** A chart alone is this tall; each of several, less. */
const HEIGHT = 300;
const SMALL_HEIGHT = 240;

export function PanelChart({ model, boxId, trend, comparison }: {
  model: PanelModel;
  boxId: string;
  trend: LazyChart;
  comparison: LazyChart<ComparisonChartProps>;
}) {
  const compare = model.chart.layout === 'byUnit';
  const { failed, retry } = compare ? comparison : trend;
  const Chart = trend.Chart;
  const Comparison = comparison.Chart;
  const box = useRef<HTMLDivElement>(null);
  const { near, reveal } = trend;
  useNearScreen(box, !compare && model.charts.length > 0 && !near, reveal);

  // stable props, so the (memoised) charts are drawn again only when their figures change
  const drawn = useMemo(
    () =>
      model.charts.map((c) => ({
        key: c.indicatorIds.join('+'),
        measure: c.axis.measure,
        props: {
          rows: c.chart.rows,
          series: c.series,
          benchmark: c.chart.benchmark,
          formatValue: (v: number) => formatValue(v, c.axis.measure),
          formatAxis: (v: number) => formatAxisTick(v, c.axis),
          axisLabel: c.axis.label,
          boundaries: c.chart.boundaries.map((b) => ({ x: periodLabel(b.period), label: b.label })),
        },
      })),
    [model],
  );
  const first = drawn[0];
  const formatLabel = useMemo(() => (v: number) => formatBarValue(v, model.measure), [model.measure]);

  let body;
  if (!first) {
    body = null;
  } else if (compare && Comparison) {
    body = <Comparison {...first.props} formatLabel={formatLabel} mine={model.mine} mineLabel={MINE_LABEL} />;
  } else if (!compare && Chart) {
    body = (
      <SmallMultiples>
        {drawn.map((d) => (
          <div key={d.key} className="chart-multiple" data-chart-measure={d.measure}>
            <Chart {...d.props} height={drawn.length > 1 ? SMALL_HEIGHT : HEIGHT} />
          </div>
        ))}
      </SmallMultiples>
    );
  } else if (failed) {
    body = (
      <div className="chart-placeholder" role="alert">
        <p>Không tải được biểu đồ (các số liệu trên vẫn đúng). Hãy kiểm tra mạng rồi bấm “Thử lại”.</p>
        <button type="button" onClick={retry}>
          Thử lại
        </button>
      </div>
    );
  } else {
    body = (
      <div className="chart-placeholder" role="status">
        Đang vẽ biểu đồ…
      </div>
    );
  }
  return (
    <div className={compare ? 'chart-box chart-box-ranked' : 'chart-box'} id={boxId} ref={box}>
      {body}
    </div>
  );
}
