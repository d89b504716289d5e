/**
 * Which page the path asks for (the dashboard, or the editor at /nhap-so-lieu), with
 * history.pushState navigation between them. The editor's code loads only when it is opened.
 */
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { serializeFilters } from '../features/filters/url-state';
import { useFilters } from '../features/filters/store';
import { editorAddress, isEditorPath, NAVIGATE_EVENT } from '../features/editor/navigation';
import { ReportText } from '../features/kpi-panel/report-text';

const EditorPage = lazy(() => import('../features/editor/editor-page').then((m) => ({ default: m.EditorPage })));
// the resolutions' tab: its own chunk, fetched when the tab is opened
const ResolutionEditor = lazy(() => import('../features/resolutions/resolution-editor'));

/** Back, forward (popstate) and in-app navigation; the filters follow popstate themselves (started before this, see start.ts). */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** True while the path is the editor's. */
export function useEditorRoute(): boolean {
  return useSyncExternalStore(subscribe, () => isEditorPath(), () => false);
}

/**
 * The editor's page; `?unit=ID` (the dashboard's link beside a unit without figures or without a
 * resolution) is the unit it opens on, `?tab=nghi-quyet` the tab.
 */
export function EditorRoute() {
  const filters = useFilters.getState();
  const dashboardHref = `/${serializeFilters({ units: filters.units, period: filters.period })}`;
  const { unit, tab } = editorAddress();
  return (
    <Suspense fallback={<p className="page">Đang tải trang nhập số liệu…</p>}>
      <EditorPage dashboardHref={dashboardHref} unitId={unit} tab={tab} ReportText={ReportText} Resolutions={ResolutionEditor} />
    </Suspense>
  );
}
