/** The targets' list while its code or its figures load: the page's fallback for its chunk, and the list's own. */
import { PanelLoading } from '../../components/panel/panel-states';

export function TargetsLoading() {
  return <PanelLoading label="Đang tải các chỉ tiêu của nghị quyết…" />;
}
