/** The editor's page: sign in, then the figures (list and form) and the import of a report's text. */
import { useState, type ComponentType } from 'react';
import type { Indicator, Observation } from '../../api/contract';
import { userMessageOf } from '../../api/client';
import { periodLabel } from '../../lib/period-names';
import { figureText } from './describe-figure';
import { FigureForm } from './figure-form';
import { FigureList, type ListFilter, type ReportTextView } from './figure-list';
import { ImportReport } from './import-report';
import { onLinkClick } from './navigation';
import { openingUnit } from './opening-unit';
import { SignIn } from './sign-in';
import { useEditorSession } from './token-store';
import { useEditorData, type EditorData } from './use-editor-data';
import './editor.css';

type Tab = 'figures' | 'import' | 'resolutions';

/** The resolutions' tab (features/resolutions; the app hands it in): the units the token may write, the indicators, the token. */
export type ResolutionsView = ComponentType<{ units: { id: string; name: string }[]; indicators: Indicator[]; token: string; unitId?: string }>;

/**
 * `ReportText` shows a source's stored text in the list of figures (handed in by the app);
 * `unitId` is the unit the address asks to open on (`?unit=ID`).
 */
export function EditorPage({
  dashboardHref = '/',
  unitId,
  ReportText,
  Resolutions,
}: {
  dashboardHref?: string;
  unitId?: string | null;
  ReportText: ReportTextView;
  Resolutions?: ResolutionsView;
}) {
  const token = useEditorSession((s) => s.token);
  const rejected = useEditorSession((s) => s.rejected);
  const signOut = useEditorSession((s) => s.signOut);
  const units = useEditorSession((s) => s.units);
  const editorData = useEditorData(units);

  return (
    <div className="page editor-page">
      <header className="page-header editor-header">
        <div>
          <h1>Nhập số liệu</h1>
          <p className="page-lede">Thêm, sửa số liệu của phường và nhập số liệu từ văn bản báo cáo.</p>
        </div>
        <nav className="editor-nav" aria-label="Điều hướng">
          <a href={dashboardHref} onClick={onLinkClick(dashboardHref)}>
            ← Về bảng chỉ tiêu
          </a>
          {token && (
            <button type="button" onClick={signOut}>
              Đăng xuất
            </button>
          )}
        </nav>
      </header>
      {(!token || rejected) && <SignIn again={Boolean(token) && rejected} />}
      {token &&
        (editorData.data ? (
          <Workspace data={editorData.data} askedUnitId={unitId} ReportText={ReportText} Resolutions={Resolutions} token={token} />
        ) : editorData.error ? (
          <div role="alert" className="form-error">
            <p>{userMessageOf(editorData.error)}</p>
            <button type="button" onClick={editorData.retry}>
              Thử lại
            </button>
          </div>
        ) : (
          <p className="editor-hint">Đang tải danh mục phường, chỉ tiêu và nguồn…</p>
        ))}
    </div>
  );
}

function Workspace({ data, askedUnitId, ReportText, Resolutions, token }: { data: EditorData; askedUnitId?: string | null; ReportText: ReportTextView; Resolutions?: ResolutionsView; token: string }) {
  const [tab, setTab] = useState<Tab>('figures');
  /** The import is drawn from its first opening on (and its file readers fetched then), then kept with what it holds. */
  const [importOpened, setImportOpened] = useState(false);
  const choose = (t: Tab) => {
    setTab(t);
    if (t === 'import') setImportOpened(true);
  };
  // the unit asked for when the page opened (a later sign-in as another token asks again)
  const [opening] = useState(() => openingUnit(data, askedUnitId));
  const [filter, setFilter] = useState<ListFilter>({ unitId: opening.unitId, family: '', indicatorId: '', period: '' });
  const [form, setForm] = useState<{ key: number; editing?: Observation } | null>(null);
  const [opened, setOpened] = useState(0);
  const open = (editing?: Observation) => {
    setStatus(null);
    setOpened((n) => n + 1);
    setForm({ key: opened + 1, editing });
  };
  const [status, setStatus] = useState<string | null>(null);
  const describe = (o: Observation) =>
    `${data.indicatorOf(o.indicatorId)?.name ?? o.indicatorId}, ${data.unitName(o.unitId)}, ${periodLabel(o.period)}: ${figureText(o, data)}`;

  return (
    <>
      <div role="tablist" aria-label="Việc cần làm" className="editor-tabs">
        <button type="button" role="tab" id="tab-figures" aria-controls="panel-figures" aria-selected={tab === 'figures'} onClick={() => choose('figures')}>
          Số liệu
        </button>
        <button type="button" role="tab" id="tab-import" aria-controls="panel-import" aria-selected={tab === 'import'} onClick={() => choose('import')}>
          Nhập từ báo cáo
        </button>
        {Resolutions && (
          <button type="button" role="tab" id="tab-resolutions" aria-controls="panel-resolutions" aria-selected={tab === 'resolutions'} onClick={() => choose('resolutions')}>
            Nghị quyết
          </button>
        )}
      </div>
      {opening.notice && (
        <p role="status" className="form-notice">
          {opening.notice}
        </p>
      )}
      {status && (
        <p role="status" className="form-done">
          {status}
        </p>
      )}
      <div role="tabpanel" id="panel-figures" aria-labelledby="tab-figures" hidden={tab !== 'figures'}>
        {form ? (
          <FigureForm
            key={form.key}
            data={data}
            editing={form.editing}
            defaults={{ unitId: filter.unitId, indicatorId: filter.indicatorId, sourceId: '' }}
            onDone={(saved, kind) => {
              setForm(null);
              setStatus(`${kind === 'added' ? 'Đã thêm' : 'Đã lưu thay đổi'}: ${describe(saved)}.`);
            }}
            onCancel={() => setForm(null)}
          />
        ) : (
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => open()}>
              Thêm số liệu
            </button>
          </div>
        )}
        <FigureList
          data={data}
          filter={filter}
          onFilter={setFilter}
          onEdit={(o) => open(o)}
          onDeleted={(o) => setStatus(`Đã xóa: ${describe(o)}.`)}
          ReportText={ReportText}
        />
      </div>
      <div role="tabpanel" id="panel-import" aria-labelledby="tab-import" hidden={tab !== 'import'}>
        {importOpened && <ImportReport data={data} />}
      </div>
      {Resolutions && tab === 'resolutions' && (
        <div role="tabpanel" id="panel-resolutions" aria-labelledby="tab-resolutions">
          <Resolutions
            units={data.writableUnits.filter((u) => !u.validTo).map((u) => ({ id: u.id, name: data.unitLabel(u.id) }))}
            indicators={data.indicators}
            token={token}
            unitId={opening.unitId}
          />
        </div>
      )}
    </>
  );
}
