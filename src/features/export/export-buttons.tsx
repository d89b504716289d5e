/**
 * A panel's export buttons: PNG (2× or 3×), SVG and CSV of what the panel shows.
 * While a file is made its button shows progress and is disabled; a failure is said in the panel.
 */
import { useId, useRef, useState } from 'react';
import type { PanelExport } from '../../lib/panel-export';
import type { ExportFormat } from './file-name';
import { downloadBlob } from './download';
import { ExportError, exportPanel, warmUpExport } from './export-panel';
import './export.css';

const FORMATS: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'png', label: 'PNG', title: 'Ảnh PNG nét cao, nền trắng, kèm tiêu đề, chú giải và nguồn' },
  { format: 'svg', label: 'SVG', title: 'Ảnh vector SVG, mở được trong trình duyệt và phần mềm đồ họa' },
  { format: 'csv', label: 'CSV', title: 'Bảng số liệu CSV (UTF-8), mở được bằng Excel' },
];

export function ExportButtons({ panel }: { panel: PanelExport }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scale, setScale] = useState(2);
  const running = useRef(new Set<ExportFormat>());
  const scaleId = useId();

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
    <div className="export-actions" onPointerEnter={warmUpExport} onFocus={warmUpExport}>
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
      </div>
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
