/**
 * A trend chart as a picture: the props of the Recharts chart (kpi-chart.tsx) drawn by the
 * exports' drawing (draw-trend.ts, laid out by trendLayout as Recharts lays it out) at the
 * width of its box once that width is known, its legend under it from the start. In the
 * server's first screen, where no box can be measured, it is drawn at the width its box is
 * guessed to have (`guessWidth`), scaled into the box from its left edge, and drawn again at
 * the box's width once the page has measured it: the first chart comes with the first paint,
 * before any script (issue 17), and its box is as tall either way. No values by
 * the bars: the chart with tooltips says them. It is what the page shows first: no chart library to fetch or
 * run, a few milliseconds a chart on a phone. The Recharts chart takes its place when a person
 * reaches for it (features/kpi-panel/panel-chart.tsx); the keyboard's focus is one way, so the
 * picture can be focused.
 */
import { memo, useMemo } from 'react';
import { ChartLegend } from './chart-legend';
import { drawTrend } from './draw-trend';
import type { KpiChartProps } from './kpi-chart';
import { legendEntries } from './legend';
import { seriesFill } from './palette';
import { useContainerWidth } from './use-container-width';

export const TrendPicture = memo(function TrendPicture(props: KpiChartProps & { guessWidth?: number }) {
  const { rows, series, benchmark, boundaries, formatAxis, axisLabel } = props;
  // measured without forcing a layout: each panel's pictures come in its own commit, and a
  // layout forced in each cost a phone tens of ms a panel while the page loaded
  const { ref, width } = useContainerWidth<HTMLDivElement>(props.width, false, props.guessWidth);
  const height = props.height ?? 300;
  const drawing = useMemo(() => {
    if (!width) return undefined;
    // a boundary is named by the label of its period's row; the drawing wants the period
    const periods = boundaries.flatMap((b) => {
      const row = rows.find((r) => r.label === b.x);
      return row?.period == null ? [] : [{ period: String(row.period), label: b.label }];
    });
    const colored = series.map((s) => ({ key: s.key, label: s.label, color: seriesFill(s) }));
    return drawTrend({ rows, series: colored, benchmark, boundaries: periods, axisLabel, formatTick: formatAxis }, { width, height });
  }, [width, height, rows, series, benchmark, boundaries, axisLabel, formatAxis]);
  const legend = useMemo(() => legendEntries(series, benchmark), [series, benchmark]);

  return (
    <div className="trend-chart" ref={ref}>
      {drawing ? (
        <svg
          data-kpi-chart="trend"
          className="trend-picture"
          // a block, as Recharts' surface is: no line's descent under it, the legend where it will stay
          // drawn at a guessed width: scaled to the box's width, never taller than drawn
          style={{ display: 'block', width: '100%', height: drawing.height }}
          preserveAspectRatio="xMinYMin meet"
          width={drawing.width}
          height={drawing.height}
          viewBox={`0 0 ${drawing.width} ${drawing.height}`}
          role="img"
          aria-label={`Biểu đồ: ${legend.map((e) => e.label).join('; ')}. Đưa chuột vào hoặc chạm để xem số liệu từng cột.`}
          tabIndex={0}
          dangerouslySetInnerHTML={{ __html: drawing.markup }}
        />
      ) : (
        // its place held, the legend under it already: nothing moves when it is drawn
        <div style={{ height }} />
      )}
      <ChartLegend entries={legend} />
    </div>
  );
});
