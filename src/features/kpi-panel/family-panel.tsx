/**
 * One KPI family's panel (any of FAMILIES): its data, the model built from it, and its four
 * states: loading, error with Retry, no figures, and the figures (PanelContent). Headline
 * figures come first; the chart code is asked for once there are figures to draw.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { Observation } from '../../api/contract';
import { userMessageOf } from '../../api/client';
import { preloadComparisonChart, useComparisonChart, useKpiChart } from '../../components/charts/use-kpi-chart';
import { PanelFrame } from '../../components/panel/panel-frame';
import { PanelError, PanelLoading } from '../../components/panel/panel-states';
import { CHART_SVG_SELECTOR } from '../../components/charts/chart-marker';
import type { ExportModel, PanelExport } from '../../lib/panel-export';
import { periodLabel } from '../../lib/period-names';
import type { FamilyConfig } from './families';
import { PanelContent } from './panel-content';
import { PanelNoFigures } from './panel-empty';
import { comparesUnits } from './compare';
import { buildPanelModel, describeUnits, type UnitToFill } from './panel-model';
import { usePanelData } from './use-panel-data';
import { unitsInView } from './units-in-view';
import { useSettledView } from './use-settled-view';

export interface FamilyPanelProps {
  config: FamilyConfig;
  /** The chosen ids (only known ones, once the units' list is known); a province or district stands for its communes. */
  units: string[];
  period: string;
  onSelectPeriod: (period: string) => void;
  renderActions?: (panel: PanelExport) => ReactNode;
  /** The units the user marked as theirs: highlighted among many. */
  mine?: readonly string[];
  /**
   * A way for a signed-in editor to add a unit's figures, or with `what` 'resolution' its
   * resolution (the app gives it; features do not import each other).
   */
  renderAddFigures?: (unit: UnitToFill, what?: 'figures' | 'resolution') => ReactNode;
  /** For a family `withTargets`: the targets of the units' resolutions, drawn below the figures (the app gives it). */
  renderTargets?: (slot: TargetsSlot) => ReactNode;
}

/** What the panel hands to `renderTargets`: the units and period asked for, the report's own counts, and a way back for the exports' rows. */
export interface TargetsSlot {
  unitIds: string[];
  period: string;
  /** The figures of the family in view (the report's count of targets met, as reported); undefined while the view's load. */
  reported: Observation[] | undefined;
  /** Many units: one line per unit, ranked (compare.ts). */
  byUnit: boolean;
  /** The list's rows for the exports; undefined when it has none (no resolution entered). */
  onExport: (rows: TargetRows | undefined) => void;
  /** For a signed-in editor: a link to enter a unit's resolution. */
  renderEnter?: (unit: UnitToFill) => ReactNode;
  /** The units the user marked as theirs (kept when a long ranking is cut for paper). */
  mine: readonly string[];
}

type TargetRows = Pick<ExportModel, 'figures' | 'summaryLines'>;

const NO_UNITS: readonly string[] = [];

const NO_FIGURES: Observation[] = [];

export function FamilyPanel({ config, units, period, onSelectPeriod, renderActions, mine = NO_UNITS, renderAddFigures, renderTargets }: FamilyPanelProps) {
  const [lineage, setLineage] = useState(false);
  const { data, samePeriodFigures, knownUnits, error, isPending, isUpdating, isRetrying, retry } = usePanelData(config.family, units, period, lineage);
  const chartId = useId();
  const view = useMemo(() => ({ units, period, lineage }), [units, period, lineage]);
  const shown = useSettledView(view, isUpdating);

  // what is drawn; the same spans a year earlier only pair the rows of the table and the files
  const drawn = useMemo(
    () => (data ? buildPanelModel({ config, unitIds: shown.units, period: shown.period, lineage: shown.lineage, mine, ...data }) : undefined),
    [data, config, shown.units, shown.period, shown.lineage, mine],
  );
  const model = useMemo(() => (drawn && samePeriodFigures.length ? drawn.withSamePeriod(samePeriodFigures) : drawn), [drawn, samePeriodFigures]);
  const described = useMemo(() => describeUnits(shown.units, shown.period, knownUnits), [shown.units, shown.period, knownUnits]);
  // kept here, across the panel's states, so a chart once drawn is not waited for again
  // figures to draw: the units' own, or with the lineage shown, their former units'
  const hasFigures = Boolean(model && (model.tiles.length > 0 || (shown.lineage && model.figureCount > 0)));
  const drawable = !error && hasFigures && Boolean(model?.charts.length);
  const trend = useKpiChart(drawable && model?.chart.layout !== 'byUnit');
  const comparison = useComparisonChart(drawable && model?.chart.layout === 'byUnit');
  // many units to compare: their chart's code is fetched while their figures are
  const wantedIds = useMemo(() => unitsInView(units, period, knownUnits), [units, period, knownUnits]);
  const compares = comparesUnits(wantedIds.length);
  useEffect(() => {
    if (compares) preloadComparisonChart();
  }, [compares]);
  // the targets one by one, of the view asked for (their answers are asked beside the panel's),
  // with the report's counts once the panel's figures of that view are in; and the rows they add to the exports
  const [targetRows, setTargetRows] = useState<TargetRows | undefined>();
  const shownIds = useMemo(() => unitsInView(shown.units, shown.period, knownUnits), [shown.units, shown.period, knownUnits]);
  const renderEnter = useMemo(() => renderAddFigures && ((u: UnitToFill) => renderAddFigures(u, 'resolution')), [renderAddFigures]);
  // a panel that could not load says so once, with one Retry: its list comes with its figures;
  // no list where the view has no unit (a province chosen for a period before its communes)
  const withTargets = Boolean(config.withTargets && renderTargets && wantedIds.length > 0 && knownUnits && !error);
  const reported = isUpdating || isPending ? undefined : (data?.observations ?? NO_FIGURES);
  const targets = withTargets
    ? renderTargets!({ unitIds: wantedIds, period, reported, byUnit: compares, onExport: setTargetRows, renderEnter, mine })
    : null;
  // the rows the list adds to the exports (a list taken away, or not drawn, adds none)
  const listRows = withTargets ? targetRows : undefined;
  const lineageToggle = { shown: shown.lineage, onChange: setLineage, busy: isUpdating && lineage !== shown.lineage };

  const { title } = config;
  // a few units are named; many are counted (their names are on the chart's axis)
  const wards = model?.unitsLabel ?? described.label;
  const subtitle = [wards, periodLabel(shown.period)].filter(Boolean).join(' · ');

  const panelExport = (exported: ExportModel): PanelExport => ({
    slug: config.slug,
    title,
    unitIds: model?.viewIds ?? shownIds,
    unitNames: described.names,
    unitsLabel: wards,
    period: shown.period,
    periodLabel: periodLabel(shown.period),
    model: exported,
    getChartSvg: () => document.getElementById(chartId)?.querySelector<SVGSVGElement>(CHART_SVG_SELECTOR) ?? null,
  });

  let body: ReactNode;
  let exportable: PanelExport | undefined;
  if (shown.units.length === 0) {
    body = <p className="panel-state">Hãy chọn một phường, xã (hoặc cả tỉnh) để xem số liệu.</p>;
  } else if (error) {
    body = <PanelError message={userMessageOf(error)} onRetry={retry} retrying={isRetrying} />;
  } else if (isPending || !model) {
    body = <PanelLoading />;
  } else if (!hasFigures) {
    // no figures of the family, but a resolution's targets listed: the files carry the list alone
    if (listRows) {
      exportable = panelExport({
        tiles: [],
        figures: listRows.figures,
        sources: [],
        unitNotes: model.unitNotes,
        summaryLines: [...model.summaryLines, ...listRows.summaryLines],
        chart: { boundaries: [] },
        legend: [],
        charts: [],
        ranked: comparesUnits(shownIds.length),
        mine: model.mine,
      });
    }
    body = (
      <PanelNoFigures
        model={model}
        title={title}
        wards={wards}
        period={shown.period}
        onSelectPeriod={onSelectPeriod}
        renderAddFigures={renderAddFigures}
        lineage={lineageToggle}
      />
    );
  } else {
    exportable = panelExport(listRows ? { ...model, figures: [...model.figures, ...listRows.figures], summaryLines: [...model.summaryLines, ...listRows.summaryLines] } : model);
    body = (
      <PanelContent
        model={drawn!}
        rows={() => model.figures}
        caption={`${title}: ${subtitle}`}
        chartBoxId={chartId}
        trend={trend}
        comparison={comparison}
        lineage={lineageToggle}
        renderAddFigures={renderAddFigures}
      />
    );
  }

  return (
    <PanelFrame title={title} subtitle={subtitle} slug={config.slug} actions={exportable && renderActions?.(exportable)}>
      {isUpdating && (
        <p className="updating" role="status">
          Đang cập nhật…
        </p>
      )}
      {body}
      {targets}
    </PanelFrame>
  );
}
