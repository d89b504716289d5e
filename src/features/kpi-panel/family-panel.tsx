/**
 * One KPI family's panel (any of FAMILIES): its data, the model built from it, and its four
 * states: loading, error with Retry, no figures, and the figures (PanelContent). Headline
 * figures come first; the chart code is asked for once there are figures to draw.
 */
import { useId, useMemo, type ReactNode } from 'react';
import { userMessageOf } from '../../api/client';
import { useKpiChart } from '../../components/charts/use-kpi-chart';
import { PanelFrame } from '../../components/panel/panel-frame';
import { PanelError, PanelLoading } from '../../components/panel/panel-states';
import { CHART_SVG_SELECTOR } from '../../components/charts/chart-marker';
import type { PanelExport } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import { comparesUnits } from './compare';
import type { FamilyConfig } from './families';
import { PanelContent } from './panel-content';
import { PanelNoFigures } from './panel-empty';
import { buildPanelModel } from './panel-model';
import { usePanelData } from './use-panel-data';
import { useSettledFilters } from './use-settled-filters';

export interface FamilyPanelProps {
  config: FamilyConfig;
  /** The chosen wards (only known ones, once the wards' list is known). */
  units: string[];
  period: string;
  onSelectPeriod: (period: string) => void;
  renderActions?: (panel: PanelExport) => ReactNode;
}

export function FamilyPanel({ config, units, period, onSelectPeriod, renderActions }: FamilyPanelProps) {
  const { data, knownUnits, error, isPending, isUpdating, isRetrying, retry } = usePanelData(config.family, units, period);
  const chartId = useId();
  const shown = useSettledFilters(units, period, isUpdating);

  const model = useMemo(
    () => (data ? buildPanelModel({ config, unitIds: shown.units, period: shown.period, ...data }) : undefined),
    [data, config, shown.units, shown.period],
  );
  const unitNames = useMemo(
    () => shown.units.map((id) => knownUnits?.find((u) => u.id === id)?.name ?? id),
    [shown.units, knownUnits],
  );
  // kept here, across the panel's states, so a chart once drawn is not waited for again
  const trend = useKpiChart(!error && model?.chart.layout !== 'byUnit' && Boolean(model && model.tiles.length > 0));

  const { title } = config;
  // many wards are named on the chart's axis; the subtitle counts them
  const wards = comparesUnits(shown.units.length) ? `${shown.units.length} phường, xã` : unitNames.join(', ');
  const subtitle = `${wards} · ${periodLabel(shown.period)}`;

  let body: ReactNode;
  let exportable: PanelExport | undefined;
  if (error) {
    body = <PanelError message={userMessageOf(error)} onRetry={retry} retrying={isRetrying} />;
  } else if (isPending || !model) {
    body = <PanelLoading />;
  } else if (model.tiles.length === 0) {
    body = <PanelNoFigures model={model} title={title} wards={wards} period={shown.period} onSelectPeriod={onSelectPeriod} />;
  } else {
    exportable = {
      slug: config.slug,
      title,
      unitIds: shown.units,
      unitNames,
      period: shown.period,
      periodLabel: periodLabel(shown.period),
      model,
      getChartSvg: () => document.getElementById(chartId)?.querySelector<SVGSVGElement>(CHART_SVG_SELECTOR) ?? null,
    };
    body = <PanelContent model={model} caption={`${title}: ${subtitle}`} chartBoxId={chartId} trend={trend} />;
  }

  return (
    <PanelFrame title={title} subtitle={subtitle} slug={config.slug} actions={exportable && renderActions?.(exportable)}>
      {isUpdating && (
        <p className="updating" role="status">
          Đang cập nhật…
        </p>
      )}
      {body}
    </PanelFrame>
  );
}
