import type { ReactNode } from 'react';
import { PanelEmpty } from '../../components/panel/panel-states';
import { periodLabel } from '../../lib/period-names';
import './panel-units.css';
import { LineageSwitch, type LineageToggle } from './lineage-switch';
import type { PanelModel, UnitToFill } from './panel-model';

/** No figures for the period: why (merged away, not yet formed), and the latest period that has some. */
export function PanelNoFigures({ model, title, wards, period, onSelectPeriod, renderAddFigures, lineage }: {
  model: PanelModel;
  title: string;
  /** The units as the subtitle names or counts them. */
  wards: string;
  period: string;
  onSelectPeriod: (period: string) => void;
  renderAddFigures?: (unit: UnitToFill) => ReactNode;
  /** A unit formed from former units: their figures may be there. */
  lineage: LineageToggle;
}) {
  const latest = model.latestPeriod;
  // a single unit with no figure at all is said by name below
  const none = model.viewIds.length === 1 && model.toFill.length === 1;
  return (
    <PanelEmpty>
      {!none && (
        <p>
          {wards} chưa có số liệu {inSentence(title)} cho kỳ {periodLabel(period)}.
        </p>
      )}
      <UnitNotes notes={model.unitNotes} />
      {model.viewIds.length <= 4 && <UnitsToFill units={model.toFill} render={renderAddFigures} />}
      {model.hasLineage && <LineageSwitch {...lineage} />}
      {latest && (
        <button type="button" className="link-button" onClick={() => onSelectPeriod(latest)}>
          Xem kỳ gần nhất có số liệu: {periodLabel(latest)}
        </button>
      )}
    </PanelEmpty>
  );
}

/** A title inside a sentence: its first letter small, proper names kept ("xây dựng Đảng", "chỉ tiêu Nghị quyết"). */
function inSentence(title: string): string {
  return title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
}

/** Why chosen units have no figures (merged away, not yet formed). */
export function UnitNotes({ notes }: { notes: string[] }) {
  return notes.map((n) => (
    <p key={n} className="unit-note">
      {n}
    </p>
  ));
}

/** What the figures add up to, in words (how many are on track, which have none). */
export function SummaryLines({ lines }: { lines: string[] }) {
  return lines.map((n) => (
    <p key={n} className="summary-line">
      {n}
    </p>
  ));
}

/** Units with no figure at all, by name; a signed-in editor is offered to add them. */
export function UnitsToFill({ units, render }: { units: UnitToFill[]; render?: (unit: UnitToFill) => ReactNode }) {
  if (units.length === 0) return null;
  return (
    <ul className="units-to-fill">
      {units.map((u) => (
        <li key={u.unitId}>
          Chưa có số liệu của {u.name}.{render && <> {render(u)}</>}
        </li>
      ))}
    </ul>
  );
}
