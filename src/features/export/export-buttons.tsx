/**
 * A panel's export buttons: PNG (2× or 3×), SVG and CSV of what the panel shows, and a menu of
 * the conference formats (PowerPoint, Excel, Word, the slide image), each made by code loaded
 * when it is first chosen. While a file is made its control shows progress and is disabled; a
 * failure is said in the panel. The panel is also offered to the whole page's exports.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { PanelExport } from '../../lib/panel-export';
import type { ExportFormat } from './file-name';
import { downloadBlob } from './download';
import { ExportError, exportPanel, warmUpExport } from './export-panel';
import { ExportMenu, type ExportMenuItem } from './office/export-menu';
import { useRegisterPanel } from './office/page-panels';
import { useExportTask } from './office/use-export-task';
import './export.css';

const FORMATS: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'png', label: 'PNG', title: 'Ảnh PNG nét cao, nền trắng, kèm tiêu đề, chú giải và nguồn' },
  { format: 'svg', label: 'SVG', title: 'Ảnh vector SVG, mở được trong trình duyệt và phần mềm đồ họa' },
  { format: 'csv', label: 'CSV', title: 'Bảng số liệu CSV (UTF-8), mở được bằng Excel' },
];

const office = () => import('./office/office-export');

function officeItems(panel: PanelExport): ExportMenuItem[] {
  const failure = (what: string) => `Không xuất được tệp ${what} cho “${panel.title}”.`;
  const file = (format: 'pptx' | 'xlsx' | 'docx') => async () => (await office()).panelOfficeFile(panel, format);
  const slide = (scale: 1 | 2) => async () => (await import('./slide-image')).exportSlideImage(panel, scale);
  return [
    { key: 'pptx', label: 'Tải PowerPoint', what: 'PowerPoint', title: 'Trang chiếu 16:9; biểu đồ là biểu đồ PowerPoint, sửa được số liệu', make: file('pptx'), failure: failure('PowerPoint') },
    { key: 'xlsx', label: 'Tải Excel', what: 'Excel', title: 'Bảng số liệu Excel: số lưu là số, kèm mức độ, nguồn và ngày báo cáo', make: file('xlsx'), failure: failure('Excel') },
    { key: 'docx', label: 'Tải Word', what: 'Word', title: 'Phụ lục số liệu Word (A4): biểu đồ, bảng số liệu và nguồn', make: file('docx'), failure: failure('Word') },
    { key: 'slide-1', label: 'Ảnh trình chiếu 1920×1080', what: 'ảnh trình chiếu', title: 'Ảnh PNG 16:9 cỡ chữ lớn, để chèn vào trang chiếu', make: slide(1), failure: failure('ảnh trình chiếu') },
    { key: 'slide-2', label: 'Ảnh trình chiếu 3840×2160', what: 'ảnh trình chiếu', title: 'Ảnh PNG 16:9 nét gấp đôi (4K)', make: slide(2), failure: failure('ảnh trình chiếu') },
  ];
}

export function ExportButtons({ panel }: { panel: PanelExport }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scale, setScale] = useState(2);
  const running = useRef(new Set<ExportFormat>());
  const scaleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const task = useExportTask();
  const items = useMemo(() => officeItems(panel), [panel]);
  useRegisterPanel(panel, root);

  async function run(format: ExportFormat) {
    if (running.current.has(format)) return;
    running.current.add(format);
    setBusy(format);
    setError(null);
    try {
      const file = await exportPanel(panel, format, scale);
      downloadBlob(file.blob, file.fileName);
    } catch (err) {
      if (!(err instanceof ExportError)) console.error('export failed', err);
      const why = err instanceof ExportError ? ` ${err.message}` : '';
      setError(`Không xuất được tệp ${format.toUpperCase()} cho “${panel.title}”.${why} Vui lòng thử lại.`);
    } finally {
      running.current.delete(format);
      setBusy((b) => (b === format ? null : b));
    }
  }

  return (
    <div className="export-actions" ref={root} onPointerEnter={warmUpExport} onFocus={warmUpExport}>
      <div className="export-buttons" role="group" aria-label={`Tải xuống ${panel.title}`}>
        {FORMATS.map(({ format, label, title }) => {
          const active = busy === format;
          return (
            <button
              key={format}
              type="button"
              className="export-button"
              title={title}
              disabled={active}
              aria-busy={active || undefined}
              onClick={() => void run(format)}
            >
              {active ? (
                <>
                  <span className="spinner" aria-hidden="true" />
                  Đang tạo {label}…
                </>
              ) : (
                <>Tải {label}</>
              )}
            </button>
          );
        })}
        <label className="export-scale" htmlFor={scaleId}>
          <span className="visually-hidden">Độ nét ảnh</span>
          <select id={scaleId} value={scale} onChange={(e) => setScale(Number(e.target.value))} title="Độ nét ảnh">
            <option value={2}>2×</option>
            <option value={3}>3×</option>
          </select>
        </label>
        <ExportMenu label="PowerPoint, Excel, Word" title="Tải PowerPoint, Excel, Word hoặc ảnh trình chiếu" items={items} task={task} />
      </div>
      {(error || task.error) && (
        <p className="export-error" role="alert">
          {task.error ?? error}
        </p>
      )}
    </div>
  );
}
