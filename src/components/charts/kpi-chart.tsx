/**
 * The trend chart: bars per period for each series, a dashed tick per period for the benchmark
 * (target or even pace), and a dashed vertical line between the periods where a unit's
 * boundaries changed. Its layout (trend-layout.ts) is decided for the width it is given, so every
 * period keeps its label on a phone; its value axis says its unit. The only place that knows
 * recharts; many wards compared in one period are drawn by comparison-chart.tsx.
 */
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { memo, useEffect, useMemo, useRef } from 'react';
import { ChartLegend } from './chart-legend';
import { legendEntries } from './legend';
import { AXIS_COLOR, BENCHMARK_COLOR, BOUNDARY_COLOR, GRID_COLOR, INK, seriesFill } from './palette';
import { BOUNDARY_NOTE, NOTE_FONT, periodLines, trendLayout, type PeriodTickMode } from './trend-layout';
import { useContainerWidth } from './use-container-width';

export interface ChartSeries {
  key: string;
  label: string;
  /** Totals are drawn lighter, beside their values. */
  muted?: boolean;
  /** Series of one unit share a colour. */
  colorIndex: number;
}

export interface KpiChartProps {
  rows: Array<Record<string, string | number | null>>;
  series: ChartSeries[];
  benchmark?: { key: string; label: string };
  /** `x`: the label of the first period after the change. */
  boundaries: { x: string; label: string }[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  /** The value axis's unit, written above it: "Đơn vị: hộ". */
  axisLabel: string;
  /** Takes the keyboard's focus once drawn (it takes the place of a focused picture, trend-picture.tsx). */
  autoFocus?: boolean;
  /**
   * Where a touch on the picture woke it: once its bars are drawn, the tooltip of that point is
   * shown, as the touch would have shown it on the chart (a phone needed a second touch).
   */
  touchedAt?: TouchPoint;
  /** Fixed size for tests and exports; the container's width otherwise. */
  width?: number;
  height?: number;
}

export interface TouchPoint {
  clientX: number;
  clientY: number;
}

/** Runs `run` with the first element of `box` matching `selector`, now or once Recharts has put it in; returns the function that stops waiting. */
function whenDrawn(box: HTMLElement, selector: string, run: (el: Element) => void): () => void {
  const found = box.querySelector(selector);
  if (found) {
    run(found);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const el = box.querySelector(selector);
    if (!el) return;
    observer.disconnect();
    run(el);
  });
  observer.observe(box, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The mouse's move to the touched point, on what is drawn there, if it is in `box`: Recharts shows that point's tooltip. */
function moveTo(box: HTMLElement, { clientX, clientY }: TouchPoint): void {
  const target = document.elementFromPoint(clientX, clientY);
  if (target && box.contains(target)) target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX, clientY, view: window }));
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A period's label under its band: one line, two (the span over its year), or upright. */
function PeriodTick({ x, y, payload, mode, fontSize }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; mode: PeriodTickMode; fontSize: number }) {
  const label = String(payload?.value ?? '');
  const common = { className: 'chart-period', fill: AXIS_COLOR, fontSize };
  if (mode === 'upright') {
    const top = Number(y) + 2;
    return (
      <text {...common} x={x} y={top} dy="0.35em" textAnchor="end" transform={`rotate(-90 ${Number(x)} ${top})`}>
        {label}
      </text>
    );
  }
  const lines = mode === 'wrap' ? periodLines(label) : [label];
  return (
    <text {...common} x={x} y={y} textAnchor="middle">
      {lines.map((line, i) => (
        // the space ends the line before, so the text reads as the whole label
        <tspan key={i} x={x} dy={i === 0 ? '0.71em' : '1.2em'}>
          {i < lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  );
}

/** Drawn again only when its props change: a panel re-renders for other reasons (fetching, busy buttons). */
export const KpiChart = memo(function KpiChart(props: KpiChartProps) {
  const { rows, series, benchmark, boundaries, formatValue, formatAxis, axisLabel } = props;
  const { ref, width } = useContainerWidth<HTMLDivElement>(props.width);
  const height = props.height ?? 300;

  const layout = useMemo(() => {
    if (!width) return null;
    const keys = [...series.map((s) => s.key), ...(benchmark ? [benchmark.key] : [])];
    const values = rows.flatMap((r) => keys.map((k) => num(r[k])).filter((v): v is number => v !== null));
    const labels = rows.map((r) => String(r.label ?? ''));
    const cuts = boundaries.map((b) => ({ index: labels.indexOf(b.x), label: b.label })).filter((b) => b.index > 0);
    return trendLayout({ width, labels, values, formatAxis, boundaries: cuts });
  }, [width, rows, series, benchmark, boundaries, formatAxis]);
  const legend = useMemo(() => legendEntries(series, benchmark), [series, benchmark]);
  // focused once, as soon as Recharts has put its surface in (a render or two after this one)
  const focused = useRef(false);
  useEffect(() => {
    const box = ref.current;
    if (!props.autoFocus || focused.current || !box) return;
    return whenDrawn(box, 'svg[data-kpi-chart]', (surface) => {
      focused.current = true;
      (surface as SVGElement).focus();
    });
  }, [props.autoFocus, ref]);
  // the touched point's tooltip, once the bars are drawn (Recharts then knows its layout), a frame later
  const { touchedAt } = props;
  useEffect(() => {
    const box = ref.current;
    if (!touchedAt || !box) return;
    let frame = 0;
    const stop = whenDrawn(box, 'svg[data-kpi-chart] [data-kpi-bar]', () => (frame = requestAnimationFrame(() => moveTo(box, touchedAt))));
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [touchedAt, ref]);

  if (!layout) {
    return (
      <div className="trend-chart" ref={ref}>
        <div style={{ height }} />
      </div>
    );
  }
  const { margin, tick, plot } = layout;
  const bottom = height - margin.bottom - layout.xAxisHeight;
  // the benchmark of each period: a dashed bar across its own band, not a line joining periods
  const benchmarkTick = ({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) =>
    cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy) ? (
      <g key={index} />
    ) : (
      <line
        key={index}
        className="chart-benchmark"
        x1={cx - layout.benchmarkHalf}
        x2={cx + layout.benchmarkHalf}
        y1={cy}
        y2={cy}
        stroke={BENCHMARK_COLOR}
        strokeWidth={2.5}
        strokeDasharray="6 3"
      />
    );

  return (
    <div className="trend-chart" ref={ref}>
      <ComposedChart data={rows} data-kpi-chart="trend" width={width} height={height} margin={margin}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="label"
          interval={0}
          height={layout.xAxisHeight}
          tickLine={false}
          stroke={AXIS_COLOR}
          tick={(p: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => <PeriodTick {...p} mode={tick.mode} fontSize={tick.fontSize} />}
        />
        <YAxis
          type="number"
          width={layout.yAxisWidth}
          ticks={layout.yTicks}
          domain={layout.yDomain}
          interval={0}
          tickFormatter={formatAxis}
          tick={{ fontSize: 12, fill: AXIS_COLOR }}
          stroke={AXIS_COLOR}
        />
        <Tooltip
          // as drawn: the series in their order, the benchmark last
          itemSorter={(item) => (item.dataKey === benchmark?.key ? series.length : series.findIndex((s) => s.key === item.dataKey))}
          separator=": "
          formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))}
          itemStyle={{ color: INK }}
          labelStyle={{ color: INK, fontWeight: 700 }}
          wrapperStyle={{ fontSize: 13 }}
        />
        {series.map((s) => (
          <Bar key={s.key} data-kpi-bar="" dataKey={s.key} name={s.label} fill={seriesFill(s)} isAnimationActive={false} maxBarSize={48} />
        ))}
        {benchmark && (
          <Line
            dataKey={benchmark.key}
            name={benchmark.label}
            stroke={BENCHMARK_COLOR}
            strokeWidth={0}
            dot={benchmarkTick}
            activeDot={false}
            isAnimationActive={false}
          />
        )}
        <text className="chart-axis-unit" x={layout.unitLabel.x} y={layout.unitLabel.y} fontSize={11} fill={AXIS_COLOR}>
          {axisLabel}
        </text>
        {layout.boundaries.map((b) => (
          <g key={b.label} className="chart-boundary">
            <line x1={b.x} x2={b.x} y1={plot.top} y2={bottom} stroke={BOUNDARY_COLOR} strokeDasharray="4 4" />
            <text x={b.labelX} y={b.labelY} textAnchor="middle" fontSize={NOTE_FONT} fill={BOUNDARY_COLOR}>
              {BOUNDARY_NOTE}
            </text>
          </g>
        ))}
      </ComposedChart>
      <ChartLegend entries={legend} />
    </div>
  );
});
