/** The page: filters on top, one panel per KPI family below. Only here are features composed. */
import { useQuery } from '@tanstack/react-query';
import { startTransition, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Family } from '../api/contract';
import { queries } from '../api/queries';
import { EditorLink } from '../features/editor/editor-link';
import { ExportButtons } from '../features/export/export-buttons';
import { PageExportButtons } from '../features/export/office/page-export-buttons';
import { PrintButton } from '../features/export/print-button';
import { PrintChart } from '../features/export/print-chart';
import { PrintHeader } from '../features/export/print-header';
import { FilterBar } from '../features/filters/filter-bar';
import { FilterNotices } from '../features/filters/filter-notices';
import { useMyUnits } from '../features/filters/my-units';
import { useFilters } from '../features/filters/store';
import { useDashboardFilters } from '../features/filters/url-sync';
import { PHONE_QUERY, type Screen } from '../components/use-phone';
import { comparesUnits } from '../features/kpi-panel/compare';
import { FAMILIES } from '../features/kpi-panel/families';
import { FamilyPanel, type TargetsSlot } from '../features/kpi-panel/family-panel';
import { describeUnits } from '../features/kpi-panel/panel-model';
import { panelObservations } from '../features/kpi-panel/panel-query';
import { unitsInView } from '../features/kpi-panel/units-in-view';
import { useSavedCopyNote } from '../features/offline/offline-layer';
import { TargetsLoading } from '../features/resolutions/targets-loading';
import { AtRiskSummary } from '../features/summary/at-risk-summary';
import { preloadableLazy } from '../components/preloadable-lazy';
import { afterFirstContentfulPaint } from '../lib/after-first-paint';
import type { PanelExport } from '../lib/panel-export';
import { periodLabel } from '../lib/period-names';
import { afterNextPaint } from '../lib/after-next-paint';
import { useAddFigures } from './add-figures-link';

// a resolution's targets one by one, under "Chỉ tiêu Nghị quyết": its own chunk, fetched once the
// first screen is painted, so that its panel, drawn later (below the first screen), is drawn whole;
// until it is here, the panel says it is loading (a list that comes later grows the panel)
const targets = preloadableLazy(() => import('../features/resolutions/resolution-targets').then((m) => m.default));
const ResolutionTargets = targets.Component;
const renderTargets = (slot: TargetsSlot) => (
  <Suspense fallback={<TargetsLoading />}>
    <ResolutionTargets {...slot} />
  </Suspense>
);

/**
 * The page opened from the server (mount.tsx) draws only its first screen's panels in its first
 * commit (firstScreenPanels: a phone shows the first, a laptop the first row of two); the
 * others follow one per commit, each after the previous one was painted, in a transition: the
 * first paint (the at-risk line, the first figures) does not wait for the whole page's DOM, and
 * no single task lays out all seven panels on a slow phone. Each one not yet drawn keeps a
 * panel's height below the first screen, so the page's length barely changes. Without
 * `firstPanels` (the page tests) every panel is drawn at once. The server's first screen
 * (first-screen.tsx) is drawn so too, for the screen it guessed.
 */
export function firstScreenPanels(screen: Screen = isPhoneNow() ? 'phone' : 'laptop'): number {
  return screen === 'phone' ? 1 : 2;
}

const isPhoneNow = () => typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches;

/** How many of `total` panels are drawn: `first`, then one more after each paint. */
function usePanelsDrawn(total: number, first = total): number {
  const [drawn, setDrawn] = useState(Math.min(first, total));
  useEffect(() => {
    if (drawn >= total) return;
    return afterNextPaint(() => startTransition(() => setDrawn((n) => Math.min(n + 1, total))));
  }, [drawn, total]);
  return drawn;
}

/** A panel's place until it is drawn: an empty card, loading as far as anything waiting for the panels can tell. */
function PendingPanel({ slug }: { slug: string }) {
  return (
    <section className="panel panel-pending" data-panel={slug} aria-hidden="true">
      <div className="panel-loading" />
    </section>
  );
}

export function DashboardPage({ firstPanels }: { firstPanels?: number } = {}) {
  const { units, period } = useDashboardFilters();
  const setPeriod = useFilters((s) => s.setPeriod);
  const known = useQuery(queries.units());

  useEffect(() => afterFirstContentfulPaint(() => void targets.preload()), []);
  const mine = useMyUnits();
  const renderAddFigures = useAddFigures();
  // the figures on screen are a saved copy (offline): every file made from them says so, and when it was saved
  const savedCopy = useSavedCopyNote();
  // each panel's exports (the page's files are made from these panels too), and its charts as drawn for paper (shown only when printing)
  const renderActions = useCallback(
    (panel: PanelExport) => (
      <>
        <ExportButtons panel={savedCopy ? { ...panel, savedCopy } : panel} />
        <PrintChart panel={panel} />
      </>
    ),
    [savedCopy],
  );

  const panelProps = { units, period, onSelectPeriod: setPeriod, renderActions, mine, renderAddFigures, renderTargets };
  // on paper: the units named, or counted when many (a province chosen: its communes)
  const unitsLabel = useMemo(() => describeUnits(units, period, known.data).label, [units, period, known.data]);
  // the at-risk summary reads the panels' own queries of the units shown
  const view = useMemo(() => (known.data ? unitsInView(units, period, known.data) : undefined), [units, period, known.data]);
  const compared = comparesUnits(view?.length ?? 0);
  const drawn = usePanelsDrawn(FAMILIES.length, firstPanels);
  const figuresOf = useCallback((family: Family) => panelObservations(family, view ?? [], period, compared), [view, period, compared]);
  return (
    <div className="page">
      <header className="page-header with-actions">
        <div>
          <h1>Chỉ tiêu Nghị quyết các phường</h1>
          <p className="page-lede">Số liệu từ báo cáo hội nghị của Đảng ủy phường, theo phường và kỳ báo cáo.</p>
        </div>
        <div className="page-header-actions">
          <EditorLink />
          <PrintButton />
          <PageExportButtons />
        </div>
      </header>
      <PrintHeader unitNames={[unitsLabel]} periodLabel={periodLabel(period)} savedCopy={savedCopy} />
      <FilterBar />
      <FilterNotices />
      <AtRiskSummary
        families={FAMILIES}
        view={view}
        period={period}
        byUnit={compared}
        figuresOf={figuresOf}
      />
      <main className="panels">
        {FAMILIES.map((config, i) =>
          i < drawn ? <FamilyPanel key={config.slug} config={config} {...panelProps} /> : <PendingPanel key={config.slug} slug={config.slug} />,
        )}
      </main>
    </div>
  );
}
