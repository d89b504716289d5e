/**
 * The targets of the resolution in force, one by one, at risk first: the "Chỉ tiêu Nghị quyết"
 * panel draws it below the report's own count (the app hands it to the panel, which gives it the
 * units shown, the period and the reported counts). Its rows go to the panel's exports through
 * `onExport`. The default export is for React.lazy: the list's code loads with the panel.
 */
import { Fragment, memo, useEffect, useId, type ReactNode } from 'react';
import { userMessageOf } from '../../api/client';
import { PanelError } from '../../components/panel/panel-states';
import { formatNumber } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { rankingWindow } from '../../lib/ranking-window';
import { TARGET_STATUS_WORDS } from '../../lib/target-status';
import { exactNoun } from '../../lib/unit-count';
import type { TargetListModel, UnitTargets } from './target-list-model';
import { TargetsLoading } from './targets-loading';
import { useTargetList, type TargetListView } from './use-target-list';
import './resolutions.css';

export interface ResolutionTargetsProps extends TargetListView {
  /** The list's rows for the panel's exports (undefined while there are none). */
  onExport?: (rows: TargetListModel['exportRows'] | undefined) => void;
  /** For a signed-in editor: a link to enter the unit's resolution (the app gives it). */
  renderEnter?: (unit: { unitId: string; name: string }) => ReactNode;
  /** The units the user marked as theirs: kept when the ranking of many units is cut for paper. */
  mine?: readonly string[];
}

const NONE: readonly string[] = [];

export function ResolutionTargets({ onExport, renderEnter, mine = NONE, ...view }: ResolutionTargetsProps) {
  const { model, updating, error, retry, retrying } = useTargetList(view);
  const headingId = useId();
  // rows for the exports only where some unit has a resolution (a list of "none entered" exports nothing)
  const rows = model?.units.some((u) => u.resolution) ? model.exportRows : undefined;
  useEffect(() => {
    onExport?.(rows);
  }, [rows, onExport]);
  useEffect(() => () => onExport?.(undefined), [onExport]);

  // nothing to add for a visitor where no unit has a resolution and the report gave no count:
  // the panel already says it has no figures, and stays short
  if (model && !updating && !renderEnter && model.units.every((u) => !u.resolution && !u.reportedText)) return null;

  let body: ReactNode;
  if (error && !model) body = <PanelError message={userMessageOf(error)} onRetry={retry} retrying={retrying} />;
  else if (!model) body = <TargetsLoading />;
  else if (model.byUnit) body = <UnitRanking model={model} period={model.period} mine={mine} />;
  else body = model.units.map((u) => <UnitList key={u.unitId} unit={u} period={model.period} named={model.units.length > 1} renderEnter={renderEnter} />);

  return (
    <div className="resolution-targets" role="group" aria-labelledby={headingId}>
      <h3 className="resolution-targets-title" id={headingId}>
        Từng chỉ tiêu của nghị quyết
      </h3>
      {updating && (
        <p className="updating" role="status">
          Đang cập nhật các chỉ tiêu…
        </p>
      )}
      {body}
    </div>
  );
}

function Counts({ unit }: { unit: UnitTargets }) {
  return (
    <div className="target-counts">
      {unit.reportedText && (
        <p>
          <strong>{unit.reportedText}</strong> <span className="target-counts-note">(theo báo cáo)</span>
        </p>
      )}
      {unit.computedText && (
        <p>
          <strong>{unit.computedText}</strong>
        </p>
      )}
      {unit.differs && (
        <p className="target-counts-differ" role="note">
          {unit.differs}
        </p>
      )}
    </div>
  );
}

function UnitList({ unit, period, named, renderEnter }: { unit: UnitTargets; period: string; named: boolean; renderEnter?: ResolutionTargetsProps['renderEnter'] }) {
  const heading = named ? <h4>{unit.unitName}</h4> : null;
  if (!unit.resolution) {
    return (
      <div className="resolution-unit">
        {heading}
        <p className="resolution-none">
          {unit.unitName} chưa có nghị quyết nào được nhập cho {periodLabel(period)}, nên chưa xem được từng chỉ tiêu.
          {unit.reportedText ? ' Số chỉ tiêu đạt ở trên là theo báo cáo.' : ''}
        </p>
        <EnterLink unit={unit} render={renderEnter} />
      </div>
    );
  }
  const r = unit.resolution;
  return (
    <div className="resolution-unit">
      {heading}
      <p className="resolution-title">{r.title}</p>
      <Counts unit={unit} />
      <div className="table-scroll">
        <table className="target-table target-list">
          <caption>
            Các chỉ tiêu của {named ? unit.unitName : 'nghị quyết'}, {periodLabel(period)}: chỉ tiêu có nguy cơ trước
          </caption>
          <thead>
            <tr>
              <th scope="col">Số</th>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Số liệu mới nhất</th>
              <th scope="col">Tình trạng</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {unit.rows.map((row) => (
              <tr key={row.id} data-status={row.status}>
                <td>{row.number}</td>
                <th scope="row">
                  {row.name}
                  {row.group && <span className="target-group">{row.group}</span>}
                </th>
                <td data-label="Số liệu mới nhất">{row.figure ?? '—'}</td>
                <td data-label="Tình trạng">
                  <span className={`status-word status-${row.status}`}>{row.word}</span>
                  {row.byHand && <span className="target-hand"> (đặt tay)</span>}
                </td>
                <td className="target-reason">{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EnterLink unit={unit} render={renderEnter} />
    </div>
  );
}

/** For a signed-in editor: the way to the editors' "Nghị quyết" tab with the unit chosen (not on paper). */
function EnterLink({ unit, render }: { unit: UnitTargets; render?: ResolutionTargetsProps['renderEnter'] }) {
  const link = render?.({ unitId: unit.unitId, name: unit.unitName });
  return link ? <p className="resolution-enter">{link}</p> : null;
}

/** Lines of the ranking on paper, as many as the printed charts' (features/export/print-drawing.ts). */
const PAPER_LINES = 16;
const STATUS_COLUMNS = ['met', 'on_track', 'at_risk', 'behind', 'no_data'] as const;

// drawn again only for a new list (the panel around it is drawn at every step of a change)
const UnitRanking = memo(function UnitRanking({ model, period, mine }: { model: TargetListModel; period: string; mine: readonly string[] }) {
  const without = model.units.filter((u) => !u.resolution).length;
  // on paper: the top and the bottom of the ranking and the user's own units, the rest counted (the screen shows them all)
  const paper = rankingWindow(model.units, mine, PAPER_LINES, { noun: (run) => exactNoun(run.map((u) => ({ kind: u.kind ?? 'xa' }))), unranked: 'chưa có nghị quyết' });
  const onPaper = new Set(paper.flatMap((l) => ('unit' in l ? [l.unit.unitId] : [])));
  const gapBefore = new Map<string, string>();
  paper.forEach((l, i) => {
    const next = paper[i + 1];
    if ('gap' in l && next && 'unit' in next) gapBefore.set(next.unit.unitId, l.gap);
  });
  const trailing = paper.at(-1);
  const lastGap = trailing && 'gap' in trailing ? trailing.gap : undefined;
  const gapRow = (text: string) => (
    <tr className="paper-gap">
      <td colSpan={STATUS_COLUMNS.length + 3}>{text}</td>
    </tr>
  );
  return (
    <div className="resolution-unit">
      {without > 0 && (
        <p className="resolution-none">
          {formatNumber(without)}/{formatNumber(model.units.length)} đơn vị chưa có nghị quyết được nhập cho {periodLabel(period)}.
        </p>
      )}
      <div className="table-scroll">
        <table className="target-table target-ranking">
          <caption>Số chỉ tiêu nghị quyết theo tình trạng của từng đơn vị, {periodLabel(period)}: xếp theo tỷ lệ đạt hoặc đúng tiến độ</caption>
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Phường, xã</th>
              {STATUS_COLUMNS.map((k) => (
                <th key={k} scope="col">
                  {TARGET_STATUS_WORDS[k]}
                </th>
              ))}
              <th scope="col">Theo báo cáo</th>
            </tr>
          </thead>
          <tbody>
            {model.units.map((u) => (
              <Fragment key={u.unitId}>
                {gapBefore.has(u.unitId) && gapRow(gapBefore.get(u.unitId)!)}
                <tr className={onPaper.has(u.unitId) ? undefined : 'paper-cut'}>
                  <td>{u.rank ?? '—'}</td>
                  <th scope="row">{u.unitName}</th>
                  {u.resolution ? (
                    STATUS_COLUMNS.map((k) => <td key={k}>{formatNumber(u.counts[k])}</td>)
                  ) : (
                    <td colSpan={STATUS_COLUMNS.length}>Chưa có nghị quyết</td>
                  )}
                  <td>{u.reportedText?.replace('Theo báo cáo: ', '') ?? '—'}</td>
                </tr>
              </Fragment>
            ))}
            {lastGap && gapRow(lastGap)}
          </tbody>
        </table>
      </div>
      {onPaper.size < model.units.length && (
        <p className="paper-note">
          Bảng in nêu {formatNumber(onPaper.size)}/{formatNumber(model.units.length)} đơn vị (đầu và cuối bảng xếp hạng{mine.some((id) => onPaper.has(id)) ? ', đơn vị của tôi' : ''}); đủ{' '}
          {formatNumber(model.units.length)} đơn vị trong tệp CSV/Excel.
        </p>
      )}
    </div>
  );
});

export default ResolutionTargets;
