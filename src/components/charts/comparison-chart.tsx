/**
 * Many units compared in one period: one horizontal bar per unit, in the order given (a
 * ranking: best first), its rank and full name on the left (wrapped, never cut), its value after
 * the bar, the benchmark as a dashed line, the user's own units highlighted; drawn by hand in
 * SVG. With a hundred units the Recharts chart cost 80-120 ms of main thread per redraw (~1,150
 * elements and forced layouts); this one is a few hundred plain elements laid out by
 * `comparisonGeometry`. It looks like the Recharts charts (axis, grid, colours, legend under
 * the plot) and is marked, like them, with `data-kpi-chart` on its svg.
 */
import { memo, useMemo } from 'react';
import { ChartLegend } from './chart-legend';
import { comparisonGeometry, LINE_HEIGHT } from './comparison-geometry';
import { legendEntries } from './legend';
import { AXIS_COLOR, BENCHMARK_COLOR, GRID_COLOR, INK, MINE_BAND, seriesFill } from './palette';
import { useContainerWidth } from './use-container-width';
import './comparison-chart.css';

export interface ComparisonChartProps {
  rows: Array<Record<string, string | number | null>>;
  series: { key: string; label: string; muted?: boolean; colorIndex: number }[];
  benchmark?: { key: string; label: string };
  /** A unit's value in full (written after its bar when there is no `formatLabel`). */
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  /** A unit's value as written after its bar, shorter. */
  formatLabel?: (value: number) => string;
  /** Ids (the rows' `unitId`) of the units the user marked as theirs, and the legend's name of their band. */
  mine?: readonly string[];
  mineLabel?: string;
  /** The value axis's unit, written under it: "Đơn vị: %". */
  axisLabel?: string;
  /** Fixed width for tests and exports; the container's width otherwise. */
  width?: number;
}

const NO_FIGURE = 'chưa có số liệu';
const NO_MINE: readonly string[] = [];
/** Where no width can be measured (jsdom). */
const FALLBACK_WIDTH = 640;

const num = (v: number | string | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Drawn again only when its props change (a panel re-renders for other reasons). */
export const ComparisonChart = memo(function ComparisonChart({
  rows,
  series,
  benchmark,
  formatValue,
  formatAxis,
  formatLabel,
  mine = NO_MINE,
  mineLabel = '',
  axisLabel,
  width: fixedWidth,
}: ComparisonChartProps) {
  const measured = useContainerWidth<HTMLDivElement>(fixedWidth);
  const { ref } = measured;
  const width = measured.width || FALLBACK_WIDTH;
  const g = useMemo(() => {
    const marked = new Set(mine);
    return comparisonGeometry({
      width,
      seriesCount: series.length,
      formatAxis,
      axisLabel,
      rows: rows.map((r) => {
        const first = series[0] ? num(r[series[0].key]) : null;
        const asOf = typeof r.asOf === 'string' ? ` (${r.asOf.replace(/ \d{4}$/, '')})` : '';
        return {
          key: String(r.unitId ?? r.label ?? ''),
          label: String(r.label ?? ''),
          values: series.map((s) => num(r[s.key])),
          benchmark: benchmark ? num(r[benchmark.key]) : null,
          ...('rank' in r ? { rank: num(r.rank) } : {}),
          mine: marked.has(String(r.unitId ?? '')),
          valueLabel: first !== null ? `${(formatLabel ?? formatValue)(first)}${asOf}` : null,
        };
      }),
    });
  }, [width, rows, series, benchmark, formatAxis, formatLabel, formatValue, mine, axisLabel]);
  const anyMine = g.rows.some((r) => r.mine);
  const legend = useMemo(() => legendEntries(series, benchmark, anyMine && mineLabel ? mineLabel : undefined), [series, benchmark, anyMine, mineLabel]);
  const { plot } = g;
  const bottom = plot.top + plot.height;
  const name = series.map((s) => s.label).join('; ');

  return (
    <div className="comparison-chart" ref={ref}>
      <svg
        data-kpi-chart="comparison"
        width={g.width}
        height={g.height}
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={`Biểu đồ so sánh ${rows.length} xã, phường: ${name}`}
        fontSize={12}
      >
        {anyMine && (
          <g className="comparison-mine" fill={MINE_BAND}>
            {g.rows.map((r) => r.mine && <rect key={r.key} x={0} y={r.top} width={g.width} height={r.height} />)}
          </g>
        )}
        <g className="comparison-grid" stroke={GRID_COLOR}>
          {g.ticks.map((t) => (
            <line key={t.value} x1={t.x} x2={t.x} y1={plot.top} y2={bottom} />
          ))}
        </g>
        {/*
          One group per unit, in a stable order (by unit), placed at its rank by its transform: a new
          period moves the groups and changes their bars and values, never rewrites the names.
        */}
        <g className="comparison-rows">
          {[...g.rows]
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .map((r) => {
              const mid = r.height / 2;
              const firstLine = mid - ((r.lines.length - 1) * LINE_HEIGHT) / 2;
              return (
                <g key={r.key} className="comparison-row" transform={`translate(0 ${r.top})`}>
                  {r.bars.map((b) => {
                    const s = series[b.series]!;
                    return (
                      <rect
                        key={s.key}
                        className="kpi-bar"
                        data-kpi-bar=""
                        x={b.x}
                        y={b.y - r.top}
                        width={b.width}
                        height={b.height}
                        fill={seriesFill(s)}
                      />
                    );
                  })}
                  {r.rankLabel !== null && (
                    <text className="comparison-rank" x={g.rankX} y={mid} dy="0.35em" textAnchor="end" fill={AXIS_COLOR} fontWeight={r.mine ? 700 : undefined}>
                      {r.rankLabel}
                    </text>
                  )}
                  <text
                    className="comparison-label"
                    x={g.labelX}
                    y={firstLine}
                    dy={r.lines.length === 1 ? '0.35em' : undefined}
                    fill={INK}
                    fontWeight={r.mine ? 700 : undefined}
                  >
                    {r.lines.length === 1
                      ? r.fullLabel
                      : r.lines.map((line, j) => (
                          // the space ends the line before, so the text reads as the full name
                          <tspan key={j} x={g.labelX} dy={j === 0 ? '0.35em' : LINE_HEIGHT}>
                            {j < r.lines.length - 1 ? `${line} ` : line}
                          </tspan>
                        ))}
                  </text>
                  {r.value ? (
                    <text className="comparison-value" x={r.value.x} y={mid} dy="0.35em" fontSize={11} fill={AXIS_COLOR}>
                      {r.value.text}
                    </text>
                  ) : r.empty ? (
                    <text className="comparison-value comparison-none" x={plot.left + 6} y={mid} dy="0.35em" fontSize={11} fill={AXIS_COLOR} fontStyle="italic">
                      {NO_FIGURE}
                    </text>
                  ) : null}
                </g>
              );
            })}
        </g>
        {g.benchmarks.map((b) => (
          <line
            key={`${b.y1}`}
            className="comparison-benchmark"
            x1={b.x}
            x2={b.x}
            y1={b.y1}
            y2={b.y2}
            stroke={BENCHMARK_COLOR}
            strokeWidth={2.5}
            strokeDasharray="6 3"
          />
        ))}
        <g className="comparison-axis" stroke={AXIS_COLOR}>
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
          <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} />
          {g.ticks.map((t) => (
            <line key={t.value} x1={t.x} x2={t.x} y1={bottom} y2={bottom + 6} />
          ))}
        </g>
        <g className="comparison-ticks" fill={AXIS_COLOR} textAnchor="middle">
          {g.ticks.map((t, i) => (
            <text
              key={t.value}
              x={t.x}
              y={bottom + 20}
              textAnchor={i === g.ticks.length - 1 && t.x > g.width - 24 ? 'end' : undefined}
            >
              {t.label}
            </text>
          ))}
        </g>
        {g.unitLabel && (
          <text className="chart-axis-unit" x={g.unitLabel.x} y={g.unitLabel.y} textAnchor="end" fontSize={11} fill={AXIS_COLOR}>
            {g.unitLabel.text}
          </text>
        )}
      </svg>
      <ChartLegend entries={legend} />
    </div>
  );
});
