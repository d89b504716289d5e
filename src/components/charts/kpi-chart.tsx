/**
 * The one chart of the app: bars per period for each series, a stepped line for the benchmark
 * (target or even pace), and a dashed vertical line where a unit's boundaries changed.
 * The only place besides this folder's siblings that knows recharts.
 */
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { memo } from 'react';
import { BENCHMARK_COLOR, BOUNDARY_COLOR, seriesColor } from './palette';

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
  boundaries: { x: string; label: string }[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  /** 'byUnit': one horizontal bar per ward (many wards compared), instead of periods across. */
  layout?: 'byPeriod' | 'byUnit';
  /** Fixed size for tests and exports; responsive to its container otherwise. */
  width?: number;
  height?: number;
}

/** The benchmark of each period: a dashed bar across its group, not a line joining periods. */
function tick(across: boolean) {
  return function BenchmarkTick({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g key={index} />;
    const [dx, dy] = across ? [36, 0] : [0, 11];
    return (
      <line key={index} x1={cx - dx} x2={cx + dx} y1={cy - dy} y2={cy + dy} stroke={BENCHMARK_COLOR} strokeWidth={2.5} strokeDasharray="6 3" />
    );
  };
}
const acrossTick = tick(true);
const uprightTick = tick(false);

export function KpiChart(props: KpiChartProps) {
  const { rows, series, benchmark, boundaries, formatValue, formatAxis, width, layout = 'byPeriod' } = props;
  const byUnit = layout === 'byUnit';
  const height = props.height ?? (byUnit ? Math.max(200, rows.length * 26 + 90) : 300);
  const sized = width ? { width, height } : { responsive: true, style: { width: '100%', height } };
  return (
    <ComposedChart
      data={rows}
      layout={byUnit ? 'vertical' : 'horizontal'}
      data-kpi-chart={byUnit ? 'comparison' : 'trend'}
      margin={{ top: 24, right: 16, bottom: 8, left: 8 }}
      {...sized}
    >
      <CartesianGrid stroke="#e3e6ea" vertical={byUnit} horizontal={!byUnit} />
      {byUnit ? (
        <>
          <XAxis type="number" tickFormatter={formatAxis} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={150} interval={0} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={formatAxis} tick={{ fontSize: 12 }} width={64} />
        </>
      )}
      <Tooltip formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))} />
      <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={seriesColor(s.colorIndex)}
          fillOpacity={s.muted ? 0.35 : 1}
          isAnimationActive={false}
          maxBarSize={byUnit ? 18 : 48}
        />
      ))}
      {benchmark && (
        <Line
          dataKey={benchmark.key}
          name={benchmark.label}
          stroke={BENCHMARK_COLOR}
          strokeWidth={0}
          legendType="plainline"
          dot={byUnit ? uprightTick : acrossTick}
          activeDot={false}
          isAnimationActive={false}
        />
      )}
      {boundaries.map((b) => (
        <ReferenceLine
          key={b.x}
          x={b.x}
          stroke={BOUNDARY_COLOR}
          strokeDasharray="4 4"
          label={{ value: 'Thay đổi địa giới', position: 'top', fontSize: 11, fill: BOUNDARY_COLOR }}
        />
      ))}
    </ComposedChart>
  );
}

/** Drawn again only when its props change: a panel re-renders for other reasons (fetching, busy buttons). */
export default memo(KpiChart);
