/**
 * One KPI family's panel: headline figures first (no chart code needed), then the chart,
 * loaded lazily, its table and its sources. Owns its loading, error and empty states.
 */
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { usePanelData } from '../../api/use-panel-data';
import { userMessageOf } from '../../api/client';
import { formatMoneyShort, formatNumber, formatValue } from '../../lib/format';
import { buildPanelModel, COMPARE_FROM, type FamilyConfig } from '../../lib/panel-model';
import type { LegendItem, PanelExport } from '../../lib/panel-export';
import { periodLabel } from '../../lib/periods';
import { ComparisonChart } from '../charts/comparison-chart';
import { CHART_SVG_SELECTOR } from '../charts/chart-marker';
import { BENCHMARK_COLOR, seriesColor } from '../charts/palette';
import { DataTable } from './data-table';
import { HeadlineTiles } from './headline-tiles';
import { PanelFrame } from './panel-frame';
import { PanelEmpty, PanelError, PanelLoading } from './panel-states';
import { SourceList } from './source-list';
import { useKpiChart } from './use-kpi-chart';


export interface FamilyPanelProps {
  units: string[];
  period: string;
  onSelectPeriod: (period: string) => void;
  renderActions?: (panel: PanelExport) => ReactNode;
}

export function FamilyPanel({ config, units, period, onSelectPeriod, renderActions }: FamilyPanelProps & { config: FamilyConfig }) {
  const { data, knownUnits, error, isPending, isUpdating, isRetrying, retry } = usePanelData(config.family, units, period);
  const chartId = useId();

  // While the new filters' figures load, the old ones stay on screen: keep them as they were
  // drawn, for the filters they belong to (not re-read for the new period, which is costly
  // with many wards and shows gaps or an empty panel where the old figures lack the period).
  const [settled, setSettled] = useState({ units, period });
  if (!isUpdating && (settled.units !== units || settled.period !== period)) setSettled({ units, period });
  const shownUnits = isUpdating ? settled.units : units;
  const shownPeriod = isUpdating ? settled.period : period;

  const model = useMemo(
    () => (data ? buildPanelModel({ config, unitIds: shownUnits, period: shownPeriod, ...data }) : undefined),
    [data, config, shownUnits, shownPeriod],
  );

  const unitNames = useMemo(
    () => shownUnits.map((id) => knownUnits?.find((u) => u.id === id)?.name ?? id),
    [shownUnits, knownUnits],
  );

  // a unit keeps its colour in every panel; after a boundary change it takes another
  const chartSeries = useMemo(
    () =>
      (model?.chart.series ?? []).map((s) => ({
        key: s.key,
        label: s.label,
        muted: s.metric === 'outOf',
        colorIndex: Math.max(0, shownUnits.indexOf(s.unitId)) + s.era * 5 + config.chart.indexOf(s.indicatorId) * 2,
      })),
    [model, config, shownUnits],
  );

  // stable props, so the (memoised) chart is drawn again only when its figures change
  const measure = data?.indicators.find((i) => i.id === config.chart[0])?.unit ?? 'percent';
  const formatAxis = useCallback(
    (v: number) => (measure === 'vnd' ? formatMoneyShort(v) : measure === 'percent' ? `${formatNumber(v, 0)}%` : formatNumber(v, 0)),
    [measure],
  );
  const formatTip = useCallback((v: number) => formatValue(v, measure), [measure]);
  const boundaries = useMemo(
    () => (model?.chart.boundaries ?? []).map((b) => ({ x: periodLabel(b.period), label: b.label })),
    [model],
  );

  // the chart's code is asked for once a panel has figures to draw, after the headline ones;
  // many wards compared are drawn by hand (ComparisonChart), without it
  const compare = model?.chart.layout === 'byUnit';
  const { Chart, failed: chartFailed, retry: retryChart } = useKpiChart(!error && !compare && Boolean(model && model.tiles.length > 0));

  const title = config.title;
  // many wards are named on the chart's axis; the subtitle counts them
  const wards = shownUnits.length >= COMPARE_FROM ? `${shownUnits.length} phường, xã` : unitNames.join(', ');
  const subtitle = `${wards} · ${periodLabel(shownPeriod)}`;

  let body: ReactNode;
  let exportable: PanelExport | undefined;
  if (error) {
    body = <PanelError message={userMessageOf(error)} onRetry={retry} retrying={isRetrying} />;
  } else if (isPending || !model) {
    body = <PanelLoading />;
  } else if (model.tiles.length === 0) {
    body = (
      <PanelEmpty>
        <p>
          {wards} chưa có số liệu {title.toLowerCase()} cho kỳ {periodLabel(shownPeriod)}.
        </p>
        {model.unitNotes.map((n) => <p key={n} className="unit-note">{n}</p>)}
        {model.latestPeriod && (
          <button type="button" className="link-button" onClick={() => onSelectPeriod(model.latestPeriod!)}>
            Xem kỳ gần nhất có số liệu: {periodLabel(model.latestPeriod)}
          </button>
        )}
      </PanelEmpty>
    );
  } else {
    const legend: LegendItem[] = [
      ...chartSeries.map((s) => ({ label: s.label, color: seriesColor(s.colorIndex) })),
      ...(model.chart.benchmark ? [{ label: model.chart.benchmark.label, color: BENCHMARK_COLOR, dashed: true }] : []),
    ];
    exportable = {
      slug: config.slug,
      title,
      unitIds: shownUnits,
      unitNames,
      period: shownPeriod,
      periodLabel: periodLabel(shownPeriod),
      model,
      legend,
      getChartSvg: () =>
        document.getElementById(chartId)?.querySelector<SVGSVGElement>(CHART_SVG_SELECTOR) ?? null,
    };
    // the same props for both chart kinds (each memoised, so they are drawn again only when these change)
    const chartProps = { rows: model.chart.rows, series: chartSeries, benchmark: model.chart.benchmark, formatValue: formatTip, formatAxis };
    body = (
      <>
        <HeadlineTiles tiles={model.tiles} />
        {model.unitNotes.map((n) => <p key={n} className="unit-note">{n}</p>)}
        <div className="chart-box" id={chartId}>
          {compare ? (
            <ComparisonChart {...chartProps} />
          ) : Chart ? (
            <Chart {...chartProps} boundaries={boundaries} />
          ) : chartFailed ? (
            <div className="chart-placeholder" role="alert">
              <p>Không tải được biểu đồ (các số liệu trên vẫn đúng). Hãy kiểm tra mạng rồi bấm “Thử lại”.</p>
              <button type="button" onClick={retryChart}>
                Thử lại
              </button>
            </div>
          ) : (
            <div className="chart-placeholder" role="status">Đang vẽ biểu đồ…</div>
          )}
        </div>
        {model.chart.boundaries.map((b) => (
          <p key={b.period} className="boundary-note">
            <span aria-hidden="true">┆ </span>Thay đổi địa giới {b.label}: số liệu trước và sau không nối liền.
          </p>
        ))}
        <DataTable
          caption={`${title}: ${subtitle}`}
          rows={model.figures.map((f) => ({ key: f.key, unit: f.unit, period: f.period, indicator: f.indicator, value: f.formatted, source: f.source }))}
        />
        <SourceList sources={model.sources} />
      </>
    );
  }

  return (
    <PanelFrame
      title={title}
      subtitle={subtitle}
      slug={config.slug}
      actions={exportable && renderActions?.(exportable)}
    >
      {isUpdating && <p className="updating" role="status">Đang cập nhật…</p>}
      {body}
    </PanelFrame>
  );
}
