/**
 * The editor's page: sign in, then its tabs: the figures (list and form), the import of a
 * report's text, and the resolutions (when the app hands their view in). The address says the
 * tab open and the unit in view (`?unit=ID&tab=nghi-quyet`, navigation.ts).
 */
import { Suspense, useEffect, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import type { Indicator, Observation } from '../../api/contract';
import { userMessageOf } from '../../api/client';
import { periodLabel } from '../../lib/period-names';
import { figureText } from './describe-figure';
import { FigureForm } from './figure-form';
import { FigureList, type ListFilter, type ReportTextView } from './figure-list';
import { ImportReport } from './import-report';
import { onLinkClick, showInAddress, type EditorTab } from './navigation';
import { openingUnit } from './opening-unit';
import { SignIn } from './sign-in';
import { useEditorSession } from './token-store';
import { useEditorData, type EditorData } from './use-editor-data';
import './editor.css';

type Tab = EditorTab;

/**
 * The resolutions' tab (features/resolutions; the app hands it in): the units the token may
 * write, the indicators, the token, the unit it opens on; it says which unit it shows.
 */
export type ResolutionsView = ComponentType<{
  units: { id: string; name: string }[];
  indicators: Indicator[];
  token: string;
  unitId?: string;
  onUnitChange?: (unitId: string) => void;
}>;

const TAB_LABELS: Record<Tab, string> = { figures: 'Số liệu', import: 'Nhập từ báo cáo', resolutions: 'Nghị quyết' };

/**
 * `ReportText` shows a source's stored text in the list of figures (handed in by the app);
 * `unitId` is the unit the address asks to open on (`?unit=ID`), `tab` the tab (`?tab=`).
 */
export function EditorPage({
  dashboardHref = '/',
  unitId,
  tab,
  ReportText,
  Resolutions,
}: {
  dashboardHref?: string;
  unitId?: string | null;
  tab?: Tab;
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
          <Workspace data={editorData.data} askedUnitId={unitId} askedTab={tab} ReportText={ReportText} Resolutions={Resolutions} token={token} />
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

function Workspace({
  data,
  askedUnitId,
  askedTab = 'figures',
  ReportText,
  Resolutions,
  token,
}: {
  data: EditorData;
  askedUnitId?: string | null;
  askedTab?: Tab;
  ReportText: ReportTextView;
  Resolutions?: ResolutionsView;
  token: string;
}) {
  const tabs: Tab[] = Resolutions ? ['figures', 'import', 'resolutions'] : ['figures', 'import'];
  const [tab, setTab] = useState<Tab>(() => (tabs.includes(askedTab) ? askedTab : 'figures'));
  /** A tab's content is drawn from its first opening on (the import's file readers and the resolutions' code fetched then), then kept with what it holds. */
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const choose = (t: Tab) => {
    setTab(t);
    setOpened((o) => (o.has(t) ? o : new Set([...o, t])));
  };
  // arrow keys, Home and End move between the tabs (and open the one reached), as in any tab list
  const onTabKey = (event: KeyboardEvent) => {
    const at = tabs.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    choose(next);
    tabRefs.current.get(next)?.focus();
  };
  // the unit asked for when the page opened (a later sign-in as another token asks again)
  const [opening] = useState(() => openingUnit(data, askedUnitId));
  const [filter, setFilter] = useState<ListFilter>({ unitId: opening.unitId, family: '', indicatorId: '', period: '' });
  const [resolutionsUnit, setResolutionsUnit] = useState(opening.unitId);
  // the address says what is shown: the tab, and the unit in view on it
  const unitInView = tab === 'resolutions' ? resolutionsUnit : tab === 'figures' ? filter.unitId : null;
  useEffect(() => showInAddress({ unit: unitInView, tab }), [unitInView, tab]);
  const [form, setForm] = useState<{ key: number; editing?: Observation } | null>(null);
  const [formsOpened, setFormsOpened] = useState(0);
  const open = (editing?: Observation) => {
    setStatus(null);
    setFormsOpened((n) => n + 1);
    setForm({ key: formsOpened + 1, editing });
  };
  const [status, setStatus] = useState<string | null>(null);
  const describe = (o: Observation) =>
    `${data.indicatorOf(o.indicatorId)?.name ?? o.indicatorId}, ${data.unitName(o.unitId)}, ${periodLabel(o.period)}: ${figureText(o, data)}`;

  return (
    <>
      <div role="tablist" aria-label="Việc cần làm" className="editor-tabs" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => {
              if (el) tabRefs.current.set(t, el);
              else tabRefs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-controls={`panel-${t}`}
            aria-selected={tab === t}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => choose(t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
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
        {opened.has('import') && <ImportReport data={data} />}
      </div>
      {Resolutions && (
        <div role="tabpanel" id="panel-resolutions" aria-labelledby="tab-resolutions" hidden={tab !== 'resolutions'}>
          {opened.has('resolutions') && (
            <Suspense fallback={<p className="editor-hint">Đang tải phần nhập nghị quyết…</p>}>
              <Resolutions
                units={data.writableUnits.filter((u) => !u.validTo).map((u) => ({ id: u.id, name: data.unitLabel(u.id) }))}
                indicators={data.indicators}
                token={token}
                unitId={opening.unitId}
                onUnitChange={setResolutionsUnit}
              />
            </Suspense>
          )}
        </div>
      )}
    </>
  );
}
