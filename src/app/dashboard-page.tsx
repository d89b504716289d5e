/** The page: filters on top, one panel per KPI family below. Only here are features composed. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queries } from '../api/queries';
import { EditorLink } from '../features/editor/editor-link';
import { ExportButtons } from '../features/export/export-buttons';
import { PrintButton } from '../features/export/print-button';
import { PrintHeader } from '../features/export/print-header';
import { FilterBar } from '../features/filters/filter-bar';
import { FilterNotices } from '../features/filters/filter-notices';
import { syncFiltersWithUrl, useFilters } from '../features/filters/store';
import { FAMILIES } from '../features/kpi-panel/families';
import { FamilyPanel } from '../features/kpi-panel/family-panel';
import type { PanelExport } from '../lib/panel-export';
import { periodLabel } from '../lib/periods';

const renderActions = (panel: PanelExport) => <ExportButtons panel={panel} />;

export function DashboardPage() {
  const units = useFilters((s) => s.units);
  const period = useFilters((s) => s.period);
  const setPeriod = useFilters((s) => s.setPeriod);
  const keepKnownUnits = useFilters((s) => s.keepKnownUnits);
  const known = useQuery(queries.units());

  useEffect(() => syncFiltersWithUrl(), []);
  useEffect(() => {
    if (!known.data) return;
    const names = new Map(known.data.map((u) => [u.id, u.name]));
    keepKnownUnits(new Set(names.keys()), (id) => names.get(id) ?? id);
  }, [known.data, units, keepKnownUnits]);

  const panelProps = { units, period, onSelectPeriod: setPeriod, renderActions };
  const unitNames = units.map((id) => known.data?.find((u) => u.id === id)?.name ?? id);
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
        </div>
      </header>
      <PrintHeader unitNames={unitNames} periodLabel={periodLabel(period)} />
      <FilterBar />
      <FilterNotices />
      <main className="panels">
        {FAMILIES.map((config) => (
          <FamilyPanel key={config.slug} config={config} {...panelProps} />
        ))}
      </main>
    </div>
  );
}
