/**
 * A panel's charts: many units ranked (the hand-drawn ComparisonChart, its code fetched when
 * wanted and drawn one panel per frame, behind a placeholder, with Retry if it could not load)
 * or trends. A trend is first a picture (TrendPicture); reaching for it (a pointer over it, a
 * touch, the keyboard's focus) wakes the Recharts chart with its tooltips (`useKpiChart`, kept
 * by the panel across its states), which then takes the picture's place; focus moves with it.
 * If that code cannot load, the picture stays, with a word and Retry. A panel of figures in
 * several units of measure draws one small chart per unit (model.charts), side by side where
 * there is room. The charts' root svgs sit in the box `boxId`, in the model's order, where the
 * exports find them.
 */
import { useMemo, useRef, useState } from 'react';
import type { ComparisonChartProps } from '../../components/charts/comparison-chart';
import type { TouchPoint } from '../../components/charts/kpi-chart';
import { multipleWidth, SmallMultiples } from '../../components/charts/small-multiples';
import { TrendPicture } from '../../components/charts/trend-picture';
import type { LazyChart } from '../../components/charts/use-kpi-chart';
import { useIsPhone } from '../../components/use-phone';
import { formatAxisTick, formatBarValue, formatValue } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { MINE_LABEL } from './chart-series';
import type { PanelModel } from './panel-model';

/** A chart alone is this tall; each of several, less. */
const HEIGHT = 300;
const SMALL_HEIGHT = 240;
/**
 * The width of a panel's chart box in the server's first screen, which cannot measure it: the
 * box on a 412 px phone (many Android phones, and Lighthouse's) and on a 1366 px laptop
 * (styles.css, .page and .panels). On another screen the picture is scaled into its box until
 * the page has measured it (trend-picture.tsx): a little smaller, or with room on its right.
 */
const GUESSED_BOX = { phone: 362, laptop: 625 } as const;

export function PanelChart({ model, boxId, trend, comparison }: {
  model: PanelModel;
  boxId: string;
  trend: LazyChart;
  comparison: LazyChart<ComparisonChartProps>;
}) {
  const compare = model.chart.layout === 'byUnit';
  const Chart = trend.Chart;
  const Comparison = comparison.Chart;
  // the picture had the keyboard's focus: the chart that takes its place takes it too; a touch
  // on it (which focuses it too, just after): the chart shows the touched point's figures instead
  const [focusChart, setFocusChart] = useState(false);
  const [touchedAt, setTouchedAt] = useState<TouchPoint>();
  const touched = useRef(false);
  const { wake } = trend;

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
  const height = drawn.length > 1 ? SMALL_HEIGHT : HEIGHT;
  const guessWidth = multipleWidth(GUESSED_BOX[useIsPhone() ? 'phone' : 'laptop'], drawn.length);

  let body;
  if (!first) {
    body = null;
  } else if (compare) {
    if (Comparison) {
      body = <Comparison {...first.props} formatLabel={formatLabel} mine={model.mine} mineLabel={MINE_LABEL} />;
    } else if (comparison.failed) {
      body = (
        <div className="chart-placeholder" role="alert">
          <p>Không tải được biểu đồ (các số liệu trên vẫn đúng). Hãy kiểm tra mạng rồi bấm “Thử lại”.</p>
          <button type="button" onClick={comparison.retry}>
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
  } else {
    body = (
      <>
        <SmallMultiples>
          {drawn.map((d) => (
            <div key={d.key} className="chart-multiple" data-chart-measure={d.measure}>
              {Chart ? (
                <Chart {...d.props} height={height} autoFocus={focusChart && d === first} touchedAt={touchedAt} />
              ) : (
                <TrendPicture {...d.props} height={height} guessWidth={guessWidth} />
              )}
            </div>
          ))}
        </SmallMultiples>
        {trend.failed && (
          <p className="chart-note" role="alert">
            Không tải được phần xem số liệu từng cột (biểu đồ và các số liệu vẫn đúng). Hãy kiểm tra mạng rồi bấm{' '}
            <button type="button" onClick={trend.retry}>
              Thử lại
            </button>
          </p>
        )}
      </>
    );
  }
  // reaching for a trend's picture wakes its chart
  const reach = compare || Chart ? undefined : wake;
  return (
    <div
      className={compare ? 'chart-box chart-box-ranked' : 'chart-box'}
      id={boxId}
      // a touch is a pointer over it too (pointerover comes before pointerdown)
      onPointerOver={
        reach &&
        ((e) => {
          if (e.pointerType === 'touch') {
            touched.current = true;
            setTouchedAt({ clientX: e.clientX, clientY: e.clientY });
          }
          reach();
        })
      }
      onFocus={
        reach &&
        (() => {
          if (!touched.current) setFocusChart(true);
          wake();
        })
      }
    >
      {body}
    </div>
  );
}
