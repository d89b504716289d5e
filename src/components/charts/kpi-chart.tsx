/**
 * The trend chart: bars per period for each series, a dashed tick per period for the benchmark
 * (target or even pace), and a dashed vertical line where a unit's boundaries changed. The only
 * place that knows recharts; many wards compared in one period are drawn by comparison-chart.tsx.
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
  /** Fixed size for tests and exports; responsive to its container otherwise. */
  width?: number;
  height?: number;
}

/** The benchmark of each period: a dashed bar across its group, not a line joining periods. */
function BenchmarkTick({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g key={index} />;
  return <line key={index} x1={cx - 36} x2={cx + 36} y1={cy} y2={cy} stroke={BENCHMARK_COLOR} strokeWidth={2.5} strokeDasharray="6 3" />;
}

/** Drawn again only when its props change: a panel re-renders for other reasons (fetching, busy buttons). */
export const KpiChart = memo(function KpiChart(props: KpiChartProps) {
  const { rows, series, benchmark, boundaries, formatValue, formatAxis, width } = props;
  const height = props.height ?? 300;
  const sized = width ? { width, height } : { responsive: true, style: { width: '100%', height } };
  return (
    <ComposedChart data={rows} data-kpi-chart="trend" margin={{ top: 24, right: 16, bottom: 8, left: 8 }} {...sized}>
      <CartesianGrid stroke="#e3e6ea" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis tickFormatter={formatAxis} tick={{ fontSize: 12 }} width={64} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))} />
      <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
      {series.map((s) => (
        <Bar
          key={s.key}
          data-kpi-bar=""
          dataKey={s.key}
          name={s.label}
          fill={seriesColor(s.colorIndex)}
          fillOpacity={s.muted ? 0.35 : 1}
          isAnimationActive={false}
          maxBarSize={48}
        />
      ))}
      {benchmark && (
        <Line
          dataKey={benchmark.key}
          name={benchmark.label}
          stroke={BENCHMARK_COLOR}
          strokeWidth={0}
          legendType="plainline"
          dot={BenchmarkTick}
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
});
