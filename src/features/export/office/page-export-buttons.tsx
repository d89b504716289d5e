/**
 * The whole page's conference files, in the page's header: a PowerPoint deck (a cover with the
 * units, period, the date the figures reach and the export time, then each panel with figures)
 * and the Word appendix of every panel. Disabled while no panel has figures.
 */
import type { PanelExport } from '../../../lib/panel-export';
import type { ExportedFile } from '../export-panel';
import { pagePanels, useHasPagePanels } from './page-panels';
import { useExportTask } from './use-export-task';
import '../export.css';

const FILES = [
  { format: 'pptx', what: 'PowerPoint', title: 'Cả trang thành một tệp trình chiếu 16:9: trang bìa, rồi mỗi bảng một trang với biểu đồ PowerPoint sửa được số liệu' },
  { format: 'docx', what: 'Word', title: 'Phụ lục số liệu của cả trang (Word, A4): biểu đồ, bảng số liệu và nguồn của từng bảng' },
] as const;

async function pageFile(panels: PanelExport[], format: 'pptx' | 'docx'): Promise<ExportedFile> {
  const { pageOfficeFile } = await import('./office-export');
  return pageOfficeFile(panels, format);
}

export function PageExportButtons() {
  const some = useHasPagePanels();
  const task = useExportTask();
  return (
    <div className="page-export">
      <div className="page-export-buttons" role="group" aria-label="Tải cả trang">
        {FILES.map(({ format, what, title }) => {
          const active = task.busy === what;
          return (
            <button
              key={format}
              type="button"
              className="export-button"
              title={some ? title : 'Chưa có bảng nào có số liệu để xuất'}
              disabled={!some || task.busy !== null}
              aria-busy={active || undefined}
              onClick={() => void task.run(what, () => pageFile(pagePanels(), format), `Không xuất được tệp ${what} của cả trang.`)}
            >
              {active && task.slow ? (
                <>
                  <span className="spinner" aria-hidden="true" />
                  Đang tạo {what}…
                </>
              ) : (
                <>Tải {what} cả trang</>
              )}
            </button>
          );
        })}
      </div>
      {task.error && (
        <p className="export-error" role="alert">
          {task.error}
        </p>
      )}
    </div>
  );
}
