/** The page: filters on top, one panel per KPI family below. Only here are features composed. */
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { EditorLink } from '../features/editor/editor-link';
import { ExportButtons } from '../features/export/export-buttons';
import { PrintButton } from '../features/export/print-button';
import { PrintHeader } from '../features/export/print-header';
import { FilterBar } from '../features/filters/filter-bar';
import { FilterNotices } from '../features/filters/filter-notices';
import { useFilters } from '../features/filters/store';
import { useDashboardFilters } from '../features/filters/url-sync';
import { FAMILIES } from '../features/kpi-panel/families';
import { FamilyPanel } from '../features/kpi-panel/family-panel';
import type { PanelExport } from '../lib/panel-export';
import { periodLabel } from '../lib/period-names';

const renderActions = (panel: PanelExport) => <ExportButtons panel={panel} />;

export function DashboardPage() {
  const { units, period } = useDashboardFilters();
  const setPeriod = useFilters((s) => s.setPeriod);
  const known = useQuery(queries.units());

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
